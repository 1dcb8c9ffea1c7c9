package dev.tubebatch.inference;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tubebatch.inference.speech.Espeak;
import dev.tubebatch.inference.speech.MoonshineModel;
import dev.tubebatch.inference.speech.MoonshineSpeechToText;
import dev.tubebatch.inference.speech.MoonshineTranscriptionTest;
import dev.tubebatch.inference.speech.PcmAudio;
import dev.tubebatch.inference.speech.SilenceChunker;
import dev.tubebatch.inference.speech.SpokenRecording;
import dev.tubebatch.inference.speech.WordErrorRate;
import dev.tubebatch.inference.summary.ExtractiveSummarizer;
import dev.tubebatch.inference.summary.MiniLmEmbedder;
import dev.tubebatch.machine.Gpu;
import dev.tubebatch.machine.GpuProbe;
import dev.tubebatch.machine.Machine;
import dev.tubebatch.machine.MachineProbe;
import dev.tubebatch.machine.ResourceAdvisor;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Proves the CUDA path on a machine with an NVIDIA GPU, and prints its figures beside the CPU's from the same run:
 * {@code bin/gpu-check} (or {@code ./mvnw -Pgpu-check test}). It fails, rather than skips, without a GPU, and fails
 * when ONNX Runtime's profile shows that CUDA ran none of a model's nodes. Options: {@code -Dgpu.check.device=N}
 * (the CUDA device, default 0), {@code -Dgpu.check.cpu-threads=N} (the CPU run's threads, default the cores, at most 8).
 */
@Tag("gpu-check")
class GpuCheck {

    private static final int DEVICE = Integer.getInteger("gpu.check.device", 0);
    private static final int CPU_THREADS = Integer.getInteger("gpu.check.cpu-threads",
            Math.min(8, Runtime.getRuntime().availableProcessors()));

    @TempDir
    Path work;

    @Test
    void cuda_really_runs_the_bundled_models_and_both_providers_are_timed_in_the_same_run() throws Exception {
        System.out.printf("%n=== GPU check: CUDA device %d, ONNX Runtime %s ===%n", DEVICE,
                ai.onnxruntime.OrtEnvironment.getEnvironment().getVersion());
        GpuProbe probe = new GpuProbe(System.getProperty("gpu.check.nvidia-smi", "nvidia-smi"));
        Machine machine = new MachineProbe(probe).snapshot();
        for (Gpu gpu : machine.gpus()) {
            System.out.printf("nvidia-smi: GPU %d: %d MiB used of %d MiB (%d MiB free)%n", gpu.index(), gpu.usedMib(),
                    gpu.totalMib(), gpu.freeMib());
        }
        Gpu gpu = machine.gpu(DEVICE).orElseThrow(() -> new AssertionError("nvidia-smi shows no GPU " + DEVICE
                + " with a memory figure (see the log line above): this check needs an NVIDIA GPU and its driver"));
        assertThat(MoonshineModel.isPresent(MoonshineModel.BUNDLED))
                .as("the bundled Moonshine model (fetched with npm at build time)").isTrue();
        assertThat(Espeak.installed()).as("espeak-ng (for the test speech) is installed").isTrue();

        PcmAudio audio = testSpeech();
        List<TimedText> hour = InferenceBenchmarkTest.hourLongTranscript(9_000);

        // 1. Where the nodes run: every session's profile must show CUDA running nodes.
        Path profiles = work.resolve("profiles");
        ExecutionProviders profiled = new ExecutionProviders(ExecutionProviders.Choice.CUDA, DEVICE, CPU_THREADS)
                .profiledInto(profiles);
        long usedBefore = gpu.usedMib();
        long usedLoaded;
        try (MoonshineModel moonshine = MoonshineModel.load(MoonshineModel.BUNDLED, profiled);
                MiniLmEmbedder minilm = MiniLmEmbedder.load(MiniLmEmbedder.BUNDLED, profiled)) {
            new MoonshineSpeechToText(() -> moonshine, SilenceChunker.standard())
                    .transcribe(new PcmAudio(Arrays.copyOf(audio.samples(), PcmAudio.SAMPLE_RATE * 10)));
            new ExtractiveSummarizer(() -> minilm, 5, 6).summarize("profiled", hour.subList(0, 40));
            usedLoaded = probe.gpus().stream().filter(g -> g.index() == DEVICE).mapToLong(Gpu::usedMib)
                    .findFirst().orElse(usedBefore);
        }
        assertThat(profiled.usesCuda()).as(profiled.describe()).isTrue();
        OrtProfiles read = OrtProfiles.read(profiles);
        System.out.printf("GPU memory in use on device %d: %d MiB before loading, %d MiB with both models loaded "
                + "(nvidia-smi, the whole device)%n", DEVICE, usedBefore, usedLoaded);
        for (OrtProfiles.Session session : read.sessions()) {
            System.out.printf("Profile %s: CUDA ran %d node(s) (%.0f%% of node time), the CPU %d (%.0f%%)%s%n",
                    session.file(), session.nodes(OrtProfiles.CUDA), 100 * session.timeShare(OrtProfiles.CUDA),
                    session.nodes(OrtProfiles.CPU), 100 * session.timeShare(OrtProfiles.CPU),
                    session.cpuOperators().isEmpty() ? "" : "; on the CPU: " + session.cpuOperators());
        }
        assertThat(read.sessions()).as("one profile per session: Moonshine's encoder and decoder, MiniLM")
                .hasSize(3);
        assertThat(read.sessions()).allSatisfy(session -> assertThat(session.nodes(OrtProfiles.CUDA))
                .as("CUDA nodes in " + session.file() + ": CUDA was not really used").isPositive());

        // 2. Speed on the GPU and on the CPU, unprofiled, same audio, same transcript, same process.
        Timing onGpu = time(new ExecutionProviders(ExecutionProviders.Choice.CUDA, DEVICE, CPU_THREADS), audio, hour);
        Timing onCpu = time(ExecutionProviders.cpu(CPU_THREADS), audio, hour);
        System.out.printf("Moonshine tiny, %.1f s of espeak-ng speech: CUDA %.2f s = %.1f x real time (WER %.1f%%);"
                        + " CPU (%d threads) %.2f s = %.1f x real time (WER %.1f%%)%n", audio.seconds(),
                onGpu.speechSeconds(), audio.seconds() / onGpu.speechSeconds(), onGpu.wer() * 100, CPU_THREADS,
                onCpu.speechSeconds(), audio.seconds() / onCpu.speechSeconds(), onCpu.wer() * 100);
        System.out.printf("Extractive summary (MiniLM) of a %d-word transcript: CUDA %.2f s, CPU %.2f s%n",
                hour.stream().mapToInt(t -> t.text().split(" ").length).sum(), onGpu.summarySeconds(),
                onCpu.summarySeconds());

        // 3. What the advisor proposes for this machine.
        ResourceAdvisor.Advice advice = new ResourceAdvisor(DEVICE).advise(new MachineProbe(probe).snapshot(),
                ResourceAdvisor.BUNDLED_MODEL_BYTES);
        System.out.printf("Resource advisor: %d workers, %d inference slot(s) of %d thread(s), batches of %d%n",
                advice.workers(), advice.inferenceSlots(), advice.threadsPerSlot(), advice.batchSize());
        advice.reasons().forEach(reason -> System.out.println("  - " + reason));
        System.out.println("=== GPU check passed: CUDA ran every model ===");
        assertThat(advice.gpu()).isTrue();
    }

    record Timing(double speechSeconds, double wer, double summarySeconds) {}

    private Timing time(ExecutionProviders providers, PcmAudio audio, List<TimedText> hour) {
        try (MoonshineModel moonshine = MoonshineModel.load(MoonshineModel.BUNDLED, providers);
                MiniLmEmbedder minilm = MiniLmEmbedder.load(MiniLmEmbedder.BUNDLED, providers)) {
            MoonshineSpeechToText speech = new MoonshineSpeechToText(() -> moonshine, SilenceChunker.standard());
            speech.transcribe(new PcmAudio(Arrays.copyOf(audio.samples(), PcmAudio.SAMPLE_RATE * 10))); // warm up
            long started = System.nanoTime();
            SpeechToText.Result result = speech.transcribe(audio);
            double speechSeconds = (System.nanoTime() - started) / 1e9;
            double wer = WordErrorRate.of(String.join(" ", spokenSentences()),
                    String.join(" ", result.segments().stream().map(TimedText::text).toList()));

            ExtractiveSummarizer summarizer = new ExtractiveSummarizer(() -> minilm, 5, 6);
            summarizer.summarize("warm up", hour.subList(0, 50));
            started = System.nanoTime();
            summarizer.summarize("one hour", hour);
            return new Timing(speechSeconds, wer, (System.nanoTime() - started) / 1e9);
        }
    }

    private static List<String> spokenSentences() {
        List<String> sentences = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            sentences.addAll(MoonshineTranscriptionTest.SENTENCES);
        }
        return sentences;
    }

    /** The benchmark's test speech: the known sentences three times, spoken by espeak-ng, at 16 kHz. */
    private PcmAudio testSpeech() throws Exception {
        SpokenRecording recording = SpokenRecording.make(spokenSentences(), new double[] {1.0, 0.6}, work);
        Path wav16k = work.resolve("16k.wav");
        Process ffmpeg = new ProcessBuilder("ffmpeg", "-v", "error", "-y", "-i", recording.wav().toString(), "-ar",
                "16000", "-ac", "1", "-c:a", "pcm_s16le", wav16k.toString()).inheritIO().start();
        assertThat(ffmpeg.waitFor(60, TimeUnit.SECONDS) && ffmpeg.exitValue() == 0).as("ffmpeg resampled the speech")
                .isTrue();
        return PcmAudio.read(wav16k);
    }
}
