package dev.tubebatch.inference;

import dev.tubebatch.inference.speech.MoonshineModel;
import dev.tubebatch.inference.speech.MoonshineSpeechToText;
import dev.tubebatch.inference.speech.MoonshineTranscriptionTest;
import dev.tubebatch.inference.speech.PcmAudio;
import dev.tubebatch.inference.speech.SilenceChunker;
import dev.tubebatch.inference.speech.SpokenRecording;
import dev.tubebatch.inference.speech.WordErrorRate;
import dev.tubebatch.inference.summary.ExtractiveSummarizer;
import dev.tubebatch.inference.summary.MiniLmEmbedder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Speed and memory of the bundled models on this machine, printed, not asserted (timings vary with the machine and
 * its load). Run with {@code ./mvnw -Pbenchmark test}; the normal build leaves the tag out.
 */
@Tag("benchmark")
class InferenceBenchmarkTest {

    @TempDir
    Path work;

    @Test
    void moonshine_speed_summary_time_and_model_memory() throws Exception {
        int threads = Integer.parseInt(System.getenv().getOrDefault("BENCHMARK_THREADS", "2"));
        long rssBefore = rssBytes();
        ExecutionProviders providers = ExecutionProviders.cpu(threads);
        try (MoonshineModel moonshine = MoonshineModel.load(MoonshineModel.BUNDLED, providers);
                MiniLmEmbedder minilm = MiniLmEmbedder.load(MiniLmEmbedder.BUNDLED, providers)) {
            long rssLoaded = rssBytes();

            List<String> sentences = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                sentences.addAll(MoonshineTranscriptionTest.SENTENCES);
            }
            SpokenRecording recording = SpokenRecording.make(sentences, new double[] {1.0, 0.6}, work);
            Path wav16k = work.resolve("16k.wav");
            Process ffmpeg = new ProcessBuilder("ffmpeg", "-v", "error", "-y", "-i", recording.wav().toString(),
                    "-ar", "16000", "-ac", "1", "-c:a", "pcm_s16le", wav16k.toString()).inheritIO().start();
            if (!ffmpeg.waitFor(60, TimeUnit.SECONDS) || ffmpeg.exitValue() != 0) {
                throw new IllegalStateException("ffmpeg failed");
            }
            PcmAudio audio = PcmAudio.read(wav16k);
            MoonshineSpeechToText speech = new MoonshineSpeechToText(() -> moonshine, SilenceChunker.standard());
            speech.transcribe(new PcmAudio(java.util.Arrays.copyOf(audio.samples(), 16000 * 10))); // warm up
            long cpuStarted = processCpuNanos();
            long started = System.nanoTime();
            SpeechToText.Result result = speech.transcribe(audio);
            double seconds = (System.nanoTime() - started) / 1e9;
            double cpuSeconds = (processCpuNanos() - cpuStarted) / 1e9;
            double wer = WordErrorRate.of(String.join(" ", sentences),
                    String.join(" ", result.segments().stream().map(TimedText::text).toList()));

            ExtractiveSummarizer summarizer = new ExtractiveSummarizer(() -> minilm, 5, 6);
            List<TimedText> hour = hourLongTranscript(9_000);
            summarizer.summarize("warm up", hour.subList(0, 50));
            long summaryCpuStarted = processCpuNanos();
            long summaryStarted = System.nanoTime();
            Summarizer.Result summary = summarizer.summarize("one hour", hour);
            double summarySeconds = (System.nanoTime() - summaryStarted) / 1e9;
            double summaryCpuSeconds = (processCpuNanos() - summaryCpuStarted) / 1e9;
            long rssAfter = rssBytes();

            System.out.printf("%n=== Inference benchmark (%d CPU threads, %d cores, load %.1f) ===%n", threads,
                    Runtime.getRuntime().availableProcessors(),
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
            System.out.printf("Moonshine tiny: %.1f s of speech in %.2f s = %.1f x real time, %d segments, WER %.1f%%%n",
                    audio.seconds(), seconds, audio.seconds() / seconds, result.segments().size(), wer * 100);
            // On a shared machine the wall time depends on the others; the CPU time this process used does not:
            // wall time on idle cores is at best CPU time / threads.
            System.out.printf("  CPU time %.2f s: with %d idle cores, at best %.1f x real time%n", cpuSeconds, threads,
                    audio.seconds() / (cpuSeconds / threads));
            System.out.printf("Extractive summary of %d words (%d segments): %.2f s (%d key points); CPU time %.2f s,"
                            + " at best %.2f s on %d idle cores%n",
                    hour.stream().mapToInt(t -> t.text().split(" ").length).sum(), hour.size(), summarySeconds,
                    summary.keyPoints().size(), summaryCpuSeconds, summaryCpuSeconds / threads, threads);
            System.out.printf("Model weights: Moonshine %d MB + MiniLM %d MB; process memory (RSS) %d MB before "
                            + "loading, %d MB loaded, %d MB after the runs%n", moonshine.modelBytes() >> 20,
                    minilm.modelBytes() >> 20, rssBefore >> 20, rssLoaded >> 20, rssAfter >> 20);
        }
    }

    /** About {@code words} words of varied sentences, one 4-second segment each, like an hour of captions. */
    static List<TimedText> hourLongTranscript(int words) {
        String[] subjects = {"The engine", "Our team", "This camera", "The river", "A good recipe", "The market",
                "My grandmother", "The new library", "Every student", "The orchestra", "The mountain road",
                "The software update", "A small garden", "The city council", "The football club"};
        String[] verbs = {"needs", "changed", "improves", "depends on", "explains", "protects", "reduces",
                "celebrates", "measures", "shares", "builds", "welcomes"};
        String[] objects = {"fresh water every morning", "the price of bread", "a careful plan for winter",
                "the history of the town", "better tools for beginners", "the quiet evening light",
                "a faster way to travel", "the rules of the game", "energy from the sun", "old photographs",
                "the children's questions", "a strong wooden bridge", "the sound of the violins"};
        String[] tails = {"because people asked for it", "after a long discussion", "as everyone expected",
                "during the summer festival", "without any help", "for the first time in years",
                "while the weather stayed calm", "and nobody complained"};
        Random random = new Random(42);
        List<TimedText> out = new ArrayList<>();
        int count = 0;
        double time = 0;
        while (count < words) {
            String sentence = subjects[random.nextInt(subjects.length)] + " " + verbs[random.nextInt(verbs.length)]
                    + " " + objects[random.nextInt(objects.length)] + " " + tails[random.nextInt(tails.length)] + ".";
            out.add(new TimedText(time, time + 4, sentence));
            count += sentence.split(" ").length;
            time += 4;
        }
        return out;
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static long rssBytes() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D+", "")) * 1024;
            }
        }
        return -1;
    }
}
