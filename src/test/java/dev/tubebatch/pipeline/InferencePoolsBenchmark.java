package dev.tubebatch.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tubebatch.batch.Batch;
import dev.tubebatch.batch.BatchQueries;
import dev.tubebatch.batch.BatchService;
import dev.tubebatch.batch.ItemStatus;
import dev.tubebatch.batch.NewBatch;
import dev.tubebatch.batch.OnErrorPolicy;
import dev.tubebatch.batch.VideoItem;
import dev.tubebatch.inference.speech.MoonshineTranscriptionTest;
import dev.tubebatch.inference.speech.SpokenRecording;
import dev.tubebatch.support.Eventually;
import dev.tubebatch.youtube.FakeYtDlp;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Inference and I/O side by side (not a test: {@code ./mvnw -Pbenchmark test -Dtest=InferencePoolsBenchmark}, see
 * docs/BENCHMARKS.md). The real engine with 4 workers and 1 inference slot, real Moonshine on espeak-ng speech; the
 * fake yt-dlp hands out the recording as the audio and sleeps {@code benchmark.call-ms} per call, so captioned videos
 * are I/O-bound. It prints when the last captioned video of a batch of 20 speech videos and 200 captioned ones (one
 * speech video every 11) ends, against the same 200 captioned videos alone in the same run, before and after it
 * (their I/O-only lower bound: the faster of the two); goal: lower bound / end >= 0.9.
 */
@SpringBootTest(properties = {
        "tubebatch.database.embedded.clean=true",
        "tubebatch.database.embedded.data-directory=target/benchmark/pg-pools",
        "jobrunr.dashboard.enabled=false",
        "jobrunr.background-job-server.worker-count=4",
        "tubebatch.inference.slots=1",
        "tubebatch.inference.speech.engine=moonshine",
        "tubebatch.inference.summary.method=none",
        "tubebatch.output.root=target/benchmark/pools-output",
        "tubebatch.pipeline.work-directory=target/benchmark/pools-work",
        "logging.level.org.jobrunr=WARN"})
class InferencePoolsBenchmark {

    static final int SPEECH_VIDEOS = Integer.getInteger("benchmark.speech-videos", 20);
    static final int CAPTIONED_VIDEOS = Integer.getInteger("benchmark.captioned-videos", 200);
    static final int CALL_MS = Integer.getInteger("benchmark.call-ms", 500);
    static final Path FAKE = FakeYtDlp.install(Path.of("target", "benchmark", "pools-bin-" + UUID.randomUUID()));

    @DynamicPropertySource
    static void ytDlp(DynamicPropertyRegistry registry) {
        registry.add("tubebatch.ytdlp.path", () -> FAKE.toAbsolutePath().toString());
        FakeYtDlp.faults(FAKE, """
                [{"match": "^(cap|noc)", "delay": {"base_ms": %d}}]""".formatted(CALL_MS));
    }

    @Autowired
    BatchService batches;

    @Autowired
    BatchQueries queries;

    @Autowired
    JdbcClient jdbc;

    @Test
    void captioned_videos_beside_speech_videos_against_captioned_videos_alone() throws Exception {
        Path speech = speech();
        double speechSeconds = (Files.size(speech) - 44) / 32000.0;
        List<String> spoken = ids("nocPOOL", SPEECH_VIDEOS);
        for (String id : spoken) {
            Files.copy(speech, FAKE.getParent().resolve("audio").resolve(id + ".wav"));
        }
        Files.copy(speech, FAKE.getParent().resolve("audio").resolve("nocWARM0001.wav"));
        run("warm-up", List.of("nocWARM0001", "capWARM0001", "capWARM0002"));

        // The machine's load may change during the run: the captioned videos run alone before and after the mixed
        // batch, and the faster of the two is the lower bound.
        Run before = run("captioned alone, before", ids("capBEFOR", CAPTIONED_VIDEOS));
        List<String> mixedIds = new ArrayList<>();
        List<String> captioned = ids("capMIXED", CAPTIONED_VIDEOS);
        int every = Math.max(1, (CAPTIONED_VIDEOS + SPEECH_VIDEOS) / Math.max(1, SPEECH_VIDEOS));
        for (int i = 0, s = 0, c = 0; s < spoken.size() || c < captioned.size(); i++) {
            mixedIds.add(i % every == 0 && s < spoken.size() || c >= captioned.size() ? spoken.get(s++)
                    : captioned.get(c++));
        }
        Run mixed = run("speech and captioned", mixedIds);
        Run after = run("captioned alone, after", ids("capAFTER", CAPTIONED_VIDEOS));

        Duration lowerBound = before.end("cap").compareTo(after.end("cap")) <= 0 ? before.end("cap")
                : after.end("cap");
        Duration captionsEnd = mixed.end("cap");
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        List<String> report = List.of(
                "Inference pools benchmark (" + Instant.now() + ", " + Runtime.getRuntime().availableProcessors()
                        + " CPUs, load average " + String.format(Locale.ROOT, "%.1f", load)
                        + " at the end, 4 workers, 1 inference slot, Moonshine tiny on the CPU)",
                String.format(Locale.ROOT, "batch: %d speech videos (%.1f s of espeak-ng speech each) + %d captioned"
                        + " videos (%d ms per yt-dlp call), one speech video every %d", SPEECH_VIDEOS, speechSeconds,
                        CAPTIONED_VIDEOS, CALL_MS, every),
                String.format(Locale.ROOT, "last captioned video ends after %.1f s; the same %d alone: %.1f s"
                        + " before, %.1f s after; I/O-only lower bound %.1f s; ratio %.3f (goal >= 0.9)",
                        seconds(captionsEnd), CAPTIONED_VIDEOS, seconds(before.end("cap")),
                        seconds(after.end("cap")), seconds(lowerBound), seconds(lowerBound) / seconds(captionsEnd)),
                String.format(Locale.ROOT, "last speech video ends after %.1f s; whole batch %.1f s; tries held"
                        + " to wait (not counted): %d", seconds(mixed.end("noc")), seconds(mixed.makespan()),
                        heldTries(mixed.batch())));
        report.forEach(System.out::println);
        Files.createDirectories(Path.of("target", "benchmark"));
        Files.write(Path.of("target", "benchmark", "inference-pools-benchmark.txt"), report);
        assertThat(mixed.items()).allSatisfy(i -> assertThat(i.status()).isEqualTo(ItemStatus.COMPLETED));
    }

    private record Run(Batch batch, List<VideoItem> items) {

        /** From the batch's creation to the end of its last video whose id starts with {@code prefix}. */
        Duration end(String prefix) {
            return Duration.between(batch.createdAt(), items.stream().filter(i -> i.videoId().startsWith(prefix))
                    .map(VideoItem::finishedAt).max(Comparator.naturalOrder()).orElseThrow());
        }

        Duration makespan() {
            return Duration.between(batch.createdAt(),
                    items.stream().map(VideoItem::finishedAt).max(Comparator.naturalOrder()).orElseThrow());
        }
    }

    private Run run(String name, List<String> ids) {
        List<NewBatch.NewVideo> videos = ids.stream()
                .map(id -> new NewBatch.NewVideo("https://www.youtube.com/watch?v=" + id, id)).toList();
        Batch batch = batches.create(new NewBatch("Benchmark " + name, videos, null, 2, OnErrorPolicy.CONTINUE),
                "benchmark");
        Eventually.within(Duration.ofMinutes(30), "benchmark batch " + name + " to finish",
                () -> queries.get(batch.id()).status().isFinished());
        Run run = new Run(queries.get(batch.id()), queries.items(batch.id()));
        System.out.printf(Locale.ROOT, "batch %s: %d videos in %.1f s (load average %.1f at its end)%n", name,
                ids.size(), seconds(run.makespan()), ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        return run;
    }

    private int heldTries(Batch batch) {
        return jdbc.sql("""
                select count(*) from item_attempt a join video_item v on v.id = a.item_id
                 where v.batch_id = :batch and a.outcome = 'HELD'""")
                .param("batch", batch.id()).query(Integer.class).single();
    }

    /** The twelve test sentences spoken by espeak-ng, as a 16 kHz mono WAV (about 40 s). */
    private static Path speech() throws IOException, InterruptedException {
        Path folder = Files.createDirectories(FAKE.getParent().resolve("audio"));
        SpokenRecording recording = SpokenRecording.make(MoonshineTranscriptionTest.SENTENCES,
                new double[] {1.0, 0.6}, folder.resolve("speech"));
        Path wav = folder.resolve("speech-16k.wav");
        Process ffmpeg = new ProcessBuilder("ffmpeg", "-v", "error", "-y", "-i", recording.wav().toString(),
                "-ar", "16000", "-ac", "1", "-c:a", "pcm_s16le", wav.toString()).inheritIO().start();
        if (!ffmpeg.waitFor(60, TimeUnit.SECONDS) || ffmpeg.exitValue() != 0) {
            throw new IllegalStateException("ffmpeg failed");
        }
        return wav;
    }

    private static List<String> ids(String prefix, int count) {
        List<String> ids = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            ids.add(prefix + String.format(Locale.ROOT, "%0" + (11 - prefix.length()) + "d", i));
        }
        return ids;
    }

    private static double seconds(Duration duration) {
        return duration.toNanos() / 1e9;
    }
}
