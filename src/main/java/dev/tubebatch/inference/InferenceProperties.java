package dev.tubebatch.inference;

import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How models run ({@code tubebatch.inference.*}).
 *
 * @param provider {@code auto} (CUDA when it works, else CPU), {@code cuda} (fail without it) or {@code cpu}
 * @param cudaDevice the CUDA device id
 * @param threads ONNX Runtime threads per inference; 0 takes the advisor's
 * @param slots inferences at once; 0 takes the advisor's
 * @param load {@code lazy} (on first use) or {@code eager} (at start)
 * @param minFreeGpuMib below this much free GPU memory, inferences wait for running ones to finish
 * @param speech {@code engine}: {@code moonshine} (bundled, English) or {@code none}
 * @param summary {@code method}: {@code extractive} (bundled MiniLM) or {@code none}; summary length in sentences;
 *     the number of key points
 */
@ConfigurationProperties("tubebatch.inference")
public record InferenceProperties(String provider, Integer cudaDevice, Integer threads, Integer slots, String load,
        Long minFreeGpuMib, Speech speech, Summary summary) {

    public record Speech(String engine) {
        public Speech {
            engine = oneOf("tubebatch.inference.speech.engine", engine, "moonshine", "moonshine", "none");
        }
    }

    public record Summary(String method, Integer sentences, Integer keyPoints) {
        public Summary {
            method = oneOf("tubebatch.inference.summary.method", method, "extractive", "extractive", "none");
            sentences = atLeast("tubebatch.inference.summary.sentences", sentences, 5, 1);
            keyPoints = atLeast("tubebatch.inference.summary.key-points", keyPoints, 6, 0);
        }
    }

    public InferenceProperties {
        ExecutionProviders.Choice.parse(provider); // fails at start on a typo
        provider = provider == null ? "auto" : provider;
        cudaDevice = atLeast("tubebatch.inference.cuda-device", cudaDevice, 0, 0);
        threads = atLeast("tubebatch.inference.threads", threads, 0, 0);
        slots = atLeast("tubebatch.inference.slots", slots, 0, 0);
        load = oneOf("tubebatch.inference.load", load, "lazy", "lazy", "eager");
        minFreeGpuMib = minFreeGpuMib == null ? 1024L : minFreeGpuMib;
        speech = speech == null ? new Speech(null) : speech;
        summary = summary == null ? new Summary(null, null, null) : summary;
    }

    public boolean eager() {
        return load.equals("eager");
    }

    private static String oneOf(String name, String value, String fallback, String... allowed) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        String normalized = value.strip().toLowerCase(Locale.ROOT);
        for (String option : allowed) {
            if (option.equals(normalized)) {
                return option;
            }
        }
        throw new IllegalArgumentException(name + ": expected one of " + String.join(", ", allowed) + ", got '"
                + value + "'");
    }

    private static int atLeast(String name, Integer value, int fallback, int minimum) {
        if (value == null) {
            return fallback;
        }
        if (value < minimum) {
            throw new IllegalArgumentException(name + " must be at least " + minimum + ": " + value);
        }
        return value;
    }
}
