package dev.tubebatch.inference;

import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How models run ({@code tubebatch.inference.*}).
 *
 * @param provider {@code auto} (CUDA when it works, else CPU), {@code cuda} (fail without it) or {@code cpu}
 * @param cudaDevice the CUDA device id; the advisor and the GPU-memory wait count this GPU alone
 * @param threads ONNX Runtime threads per inference; 0 takes the advisor's
 * @param slots inferences at once; 0 takes the advisor's
 * @param load {@code lazy} (on first use) or {@code eager} (at start)
 * @param minFreeGpuMib below this much free GPU memory, inferences wait for running ones to finish
 * @param speech which speech-to-text engine, and Whisper's model folder and language
 * @param summary {@code method}: {@code extractive} (bundled MiniLM) or {@code none}; summary length in sentences;
 *     the number of key points
 */
@ConfigurationProperties("tubebatch.inference")
public record InferenceProperties(String provider, Integer cudaDevice, Integer threads, Integer slots, String load,
        Long minFreeGpuMib, Speech speech, Summary summary) {

    /**
     * @param engine {@code moonshine} (bundled, English), {@code whisper} (the model in {@code whisperModel}) or
     *     {@code none}
     * @param whisperModel a folder in optimum's export layout
     * @param language for Whisper: a language code, or {@code auto} to detect it
     */
    public record Speech(String engine, java.nio.file.@Nullable Path whisperModel, String language) {
        public Speech {
            engine = oneOf("tubebatch.inference.speech.engine", engine, "moonshine", "moonshine", "whisper", "none");
            language = language == null || language.isBlank() ? "auto" : language.strip();
            if (!language.matches("[A-Za-z]{2,8}")) {
                throw new IllegalArgumentException("tubebatch.inference.speech.language: not a language code: "
                        + language);
            }
            if (engine.equals("whisper") && whisperModel == null) {
                throw new IllegalArgumentException("tubebatch.inference.speech.engine=whisper needs "
                        + "tubebatch.inference.speech.whisper-model (a folder in optimum's export layout)");
            }
        }
    }

    /**
     * @param method {@code extractive} (bundled MiniLM), {@code abstractive} (the model in {@code seq2seqModel}),
     *     {@code llm} (the OpenAI-compatible server in {@code tubebatch.llm.*}) or {@code none}
     * @param sentences extractive summary length in sentences
     * @param keyPoints extractive key points
     * @param seq2seqModel a BART/T5 folder in optimum's export layout
     * @param maxTokens the longest abstractive summary (and partial summary), in tokens
     */
    public record Summary(String method, Integer sentences, Integer keyPoints,
            java.nio.file.@Nullable Path seq2seqModel, Integer maxTokens) {
        public Summary {
            method = oneOf("tubebatch.inference.summary.method", method, "extractive", "extractive", "abstractive",
                    "llm", "none");
            sentences = atLeast("tubebatch.inference.summary.sentences", sentences, 5, 1);
            keyPoints = atLeast("tubebatch.inference.summary.key-points", keyPoints, 6, 0);
            maxTokens = atLeast("tubebatch.inference.summary.max-tokens", maxTokens, 128, 1);
            if (method.equals("abstractive") && seq2seqModel == null) {
                throw new IllegalArgumentException("tubebatch.inference.summary.method=abstractive needs "
                        + "tubebatch.inference.summary.seq2seq-model (a folder in optimum's export layout)");
            }
        }
    }

    // Null is how Spring's binder says "not configured" (here for a whole group), and each constructor turns it into
    // the default; a record cannot declare a parameter nullable while its accessor never returns null.
    @SuppressWarnings("NullAway")
    public InferenceProperties {
        ExecutionProviders.Choice.parse(provider); // fails at start on a typo
        provider = provider == null ? "auto" : provider;
        cudaDevice = atLeast("tubebatch.inference.cuda-device", cudaDevice, 0, 0);
        threads = atLeast("tubebatch.inference.threads", threads, 0, 0);
        slots = atLeast("tubebatch.inference.slots", slots, 0, 0);
        load = oneOf("tubebatch.inference.load", load, "lazy", "lazy", "eager");
        minFreeGpuMib = minFreeGpuMib == null ? 1024L : minFreeGpuMib;
        speech = speech == null ? new Speech(null, null, null) : speech;
        summary = summary == null ? new Summary(null, null, null, null, null) : summary;
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
