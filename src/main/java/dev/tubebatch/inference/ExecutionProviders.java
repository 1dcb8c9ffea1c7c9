package dev.tubebatch.inference;

import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Session options for every model: CUDA when it is asked for (or {@code auto}) and works, otherwise the CPU, with
 * one log line saying why. The first failure is remembered, so a machine without CUDA tries it once per process.
 */
public final class ExecutionProviders {

    private static final Logger log = LoggerFactory.getLogger(ExecutionProviders.class);

    /** What the configuration asks for. */
    public enum Choice { AUTO, CUDA, CPU;

        public static Choice parse(String value) {
            try {
                return value == null || value.isBlank() ? AUTO : valueOf(value.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("tubebatch.inference.provider: expected auto, cuda or cpu, got '"
                        + value + "'");
            }
        }
    }

    private final Choice choice;
    private final int cudaDevice;
    private final int threads;
    /** null until the first session: then "cuda" or "cpu: why". */
    private final AtomicReference<@Nullable String> decided = new AtomicReference<>();

    private final String cpuReason;
    /** Where ONNX Runtime writes each session's profile when it closes, or null (the default) for none. */
    private final @Nullable Path profiles;
    private final AtomicInteger profileCount = new AtomicInteger();

    public ExecutionProviders(Choice choice, int cudaDevice, int threads) {
        this(choice, cudaDevice, threads, "configured (tubebatch.inference.provider=cpu)", null);
    }

    private ExecutionProviders(Choice choice, int cudaDevice, int threads, String cpuReason,
            @Nullable Path profiles) {
        if (cudaDevice < 0 || threads < 1) {
            throw new IllegalArgumentException("cuda device " + cudaDevice + " must be >= 0, threads " + threads
                    + " >= 1");
        }
        this.choice = choice;
        this.cudaDevice = cudaDevice;
        this.threads = threads;
        this.cpuReason = cpuReason;
        this.profiles = profiles;
    }

    /**
     * The same choice, but every session writes ONNX Runtime's profile into {@code folder} when it closes: one
     * JSON file a session, each node run with the execution provider that ran it. For checks that prove where
     * inference runs (the GPU check); slow, never for production. ONNX Runtime names the file by the second, so each
     * {@link #options()} gets a prefix of its own: give each session its own options.
     */
    public ExecutionProviders profiledInto(Path folder) {
        try {
            Files.createDirectories(folder); // ONNX Runtime does not create it
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the profile folder " + folder, e);
        }
        return new ExecutionProviders(choice, cudaDevice, threads, cpuReason, folder.toAbsolutePath());
    }

    /** The CPU because nvidia-smi shows no memory for the CUDA device: CUDA is not even tried. */
    public static ExecutionProviders noGpu(int cudaDevice, int threads) {
        return new ExecutionProviders(Choice.CPU, cudaDevice, threads, "nvidia-smi shows no GPU " + cudaDevice
                + " with a memory figure (absent, failing, [N/A] or MIG); tubebatch.inference.provider=cuda tries it"
                + " anyway", null);
    }

    public static ExecutionProviders cpu(int threads) {
        return new ExecutionProviders(Choice.CPU, 0, threads);
    }

    /** New options for one session; the caller closes them after the session is created. */
    public OrtSession.SessionOptions options() throws OrtException {
        // The environment must exist before a provider is added, or ONNX Runtime fails with "no DefaultLogger".
        ai.onnxruntime.OrtEnvironment.getEnvironment();
        OrtSession.SessionOptions options = new OrtSession.SessionOptions();
        options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
        options.setIntraOpNumThreads(threads);
        options.setInterOpNumThreads(1);
        // Idle ONNX Runtime threads spin by default, burning cores the job workers, other slots and other
        // processes need: on this project's shared 2-core machine turning it off doubled Moonshine's speed.
        options.addConfigEntry("session.intra_op.allow_spinning", "0");
        if (profiles != null) {
            options.enableProfiling(profiles.resolve("session-" + profileCount.incrementAndGet()).toString());
        }
        if (choice == Choice.CPU) {
            decide("cpu: " + cpuReason);
            return options;
        }
        String before = decided.get();
        if (before != null && before.startsWith("cpu")) {
            return options;
        }
        try {
            options.addCUDA(cudaDevice);
            decide("cuda");
        } catch (OrtException | RuntimeException | UnsatisfiedLinkError e) {
            if (choice == Choice.CUDA) {
                options.close();
                throw new IllegalStateException("tubebatch.inference.provider=cuda, but CUDA device " + cudaDevice
                        + " cannot be used: " + e.getMessage(), e);
            }
            decide("cpu: CUDA device " + cudaDevice + " is not usable (" + firstLine(e.getMessage()) + ")");
        }
        return options;
    }

    /** "cuda", "cpu: why", or "not decided yet" before the first model loads. */
    public String describe() {
        String value = decided.get();
        return value == null ? "not decided yet" : value;
    }

    public boolean usesCuda() {
        return "cuda".equals(decided.get());
    }

    public int threads() {
        return threads;
    }

    private void decide(String value) {
        if (decided.compareAndSet(null, value)) {
            if (value.equals("cuda")) {
                log.info("ONNX Runtime runs on CUDA device {}", cudaDevice);
            } else {
                log.warn("ONNX Runtime runs on the CPU with {} threads: {}", threads, value.substring(5));
            }
        }
    }

    private static String firstLine(@Nullable String message) {
        if (message == null) {
            return "no reason given";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
