package dev.tubebatch.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tubebatch.batch.Batch;
import dev.tubebatch.batch.BatchQueries;
import dev.tubebatch.batch.BatchService;
import dev.tubebatch.batch.ItemStatus;
import dev.tubebatch.batch.NewBatch;
import dev.tubebatch.batch.OnErrorPolicy;
import dev.tubebatch.batch.VideoItem;
import dev.tubebatch.support.Eventually;
import dev.tubebatch.youtube.FakeYtDlp;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The engine's benchmark (not a test: {@code ./mvnw -Pbenchmark test}, see docs/BENCHMARKS.md). The real engine
 * (JobRunr with 8 workers, the embedded PostgreSQL, the fake yt-dlp as a process per call) on simulated videos
 * whose yt-dlp calls sleep in proportion to their duration, so the work is I/O-bound as downloads are. It prints:
 * <ul>
 *   <li>makespan of 1,000 videos of mixed durations against the lower bound max(sum of work / workers, longest),
 *       where each video's work is its measured processing time (goal: lower bound / makespan of at least 0.95);
 *   <li>speedup of 8 workers over 1 (the same videos, the same run; goal at least 7.5x);
 *   <li>median latency from a video's job being enqueued to the job starting (goal at most 1 s).
 * </ul>
 */
@SpringBootTest(properties = {
        "tubebatch.database.embedded.clean=true",
        "tubebatch.database.embedded.data-directory=target/benchmark/pg",
        "jobrunr.dashboard.enabled=false",
        "jobrunr.background-job-server.worker-count=8",
        "tubebatch.output.root=target/benchmark/output",
        "tubebatch.pipeline.work-directory=target/benchmark/work",
        "logging.level.org.jobrunr=WARN",
        // The engine is measured here; the models have their own benchmarks.
        "tubebatch.inference.speech.engine=none",
        "tubebatch.inference.summary.method=none"})
class EngineBenchmark {

    static final int WORKERS = 8;
    static final int MIXED_VIDEOS = Integer.getInteger("benchmark.videos", 1000);
    static final int IO_VIDEOS = Integer.getInteger("benchmark.io-videos", 24);
    static final int IO_CALL_MS = Integer.getInteger("benchmark.io-call-ms", 3000);
    static final Path FAKE = FakeYtDlp.install(Path.of("target", "benchmark", "bin-" + UUID.randomUUID()));

    @DynamicPropertySource
    static void ytDlp(DynamicPropertyRegistry registry) {
        registry.add("tubebatch.ytdlp.path", () -> FAKE.toAbsolutePath().toString());
        // Each video makes 2 calls (metadata, captions). Mixed: 130-430 ms a call by duration (60-659 s).
        // I/O-bound (speedup): 3 s a call, so waiting dominates as it does for real downloads (minutes for a long
        // video), and the engine's own CPU time per video (two process starts, some 30 SQL statements) is a small
        // share of it.
        FakeYtDlp.faults(FAKE, """
                [{"match": "^mix", "delay": {"base_ms": 100, "per_duration_second_ms": 0.5}},
                 {"match": "^(seq|par)", "delay": {"base_ms": %d}}]""".formatted(IO_CALL_MS));
    }

    @Autowired
    BatchService batches;

    @Autowired
    BatchQueries queries;

    @Test
    void engine_benchmark() throws IOException {
        List<String> report = new ArrayList<>();
        List<Duration> latencies = new ArrayList<>();

        // Speedup: the same kind of videos, first one at a time, then eight at a time.
        Run none = new Run(null, Duration.ofMillis(1), List.of());
        Run sequential = IO_VIDEOS == 0 ? none : run("seq", IO_VIDEOS, 1);
        Run parallel = IO_VIDEOS == 0 ? none : run("par", IO_VIDEOS, WORKERS);
        double speedup = sequential.makespan().toMillis() / (double) parallel.makespan().toMillis();

        // Makespan against the lower bound on mixed durations.
        Run mixed = MIXED_VIDEOS == 0 ? none : run("mix", MIXED_VIDEOS, null);
        double sumWork = mixed.items().stream().mapToLong(i -> work(i).toMillis()).sum();
        double longest = mixed.items().stream().mapToLong(i -> work(i).toMillis()).max().orElse(0);
        double lowerBound = Math.max(sumWork / WORKERS, longest);
        double efficiency = lowerBound / mixed.makespan().toMillis();

        for (Run run : List.of(sequential, parallel, mixed)) {
            run.items().forEach(i -> latencies.add(Duration.between(i.queuedAt(), i.startedAt())));
        }
        latencies.sort(Comparator.naturalOrder());
        List<Duration> gaps = idleGaps(mixed.items());
        Duration medianGap = gaps.isEmpty() ? Duration.ZERO : gaps.get(gaps.size() / 2);
        Duration median = latencies.get(latencies.size() / 2);
        Duration p95 = latencies.get((int) (latencies.size() * 0.95));

        report.add("Engine benchmark (" + Instant.now() + ", " + Runtime.getRuntime().availableProcessors()
                + " CPUs, " + WORKERS + " JobRunr workers, embedded PostgreSQL, fake yt-dlp)");
        if (MIXED_VIDEOS > 0) report.add(String.format(Locale.ROOT, "mixed: %d videos, makespan %.1f s, sum of work %.1f s, longest %.2f s,"
                + " lower bound %.1f s, efficiency %.3f (goal >= 0.95)", MIXED_VIDEOS, seconds(mixed.makespan()),
                sumWork / 1000, longest / 1000, lowerBound / 1000, efficiency));
        double waves = Math.ceil(IO_VIDEOS / (double) WORKERS);
        double meanParallel = parallel.items().stream().mapToLong(i -> work(i).toMillis()).average().orElse(0);
        double meanSequential = sequential.items().stream().mapToLong(i -> work(i).toMillis()).average().orElse(0);
        if (IO_VIDEOS > 0) report.add(String.format(Locale.ROOT, "speedup: %d I/O-bound videos (%d ms a yt-dlp call), 1 worker %.1f s,"
                + " %d workers %.1f s, speedup %.2fx (goal >= 7.5x); mean time per video %.2f s alone, %.2f s with"
                + " %d at once; %d workers' makespan / (%.0f rounds x mean time) = %.3f", IO_VIDEOS, IO_CALL_MS,
                seconds(sequential.makespan()), WORKERS, seconds(parallel.makespan()), speedup,
                meanSequential / 1000, meanParallel / 1000, WORKERS, WORKERS, waves,
                parallel.makespan().toMillis() / (waves * meanParallel)));
        report.add(String.format(Locale.ROOT, "latency enqueue->start: %d jobs, median %.3f s, p95 %.3f s, max %.3f s"
                + " (goal median <= 1 s)", latencies.size(), seconds(median), seconds(p95),
                seconds(latencies.getLast())));
        report.add(String.format(Locale.ROOT, "worker idle gap (mixed run: a video ends -> the next starts on the"
                + " freed worker): median %.3f s, p95 %.3f s", seconds(medianGap),
                seconds(gaps.isEmpty() ? Duration.ZERO : gaps.get((int) (gaps.size() * 0.95)))));
        report.forEach(System.out::println);
        Files.createDirectories(Path.of("target", "benchmark"));
        Files.write(Path.of("target", "benchmark", "engine-benchmark.txt"), report);

        assertThat(mixed.items()).allSatisfy(i -> assertThat(i.status()).isEqualTo(ItemStatus.COMPLETED));
    }

    private record Run(Batch batch, Duration makespan, List<VideoItem> items) {}

    private Run run(String prefix, int count, Integer maxWorkers) {
        List<NewBatch.NewVideo> videos = IntStream.rangeClosed(1, count)
                .mapToObj(i -> String.format("%s%08d", prefix, i))
                .map(id -> new NewBatch.NewVideo("https://www.youtube.com/watch?v=" + id, id)).toList();
        Batch batch = batches.create(new NewBatch("Benchmark " + prefix, videos, maxWorkers, 3,
                OnErrorPolicy.CONTINUE), "benchmark");
        Eventually.within(Duration.ofMinutes(20), "benchmark batch " + prefix + " to finish",
                () -> queries.get(batch.id()).status().isFinished());
        List<VideoItem> items = queries.items(batch.id());
        Instant end = items.stream().map(VideoItem::finishedAt).max(Comparator.naturalOrder()).orElseThrow();
        Duration makespan = Duration.between(queries.get(batch.id()).createdAt(), end);
        double meanWork = items.stream().mapToLong(i -> work(i).toMillis()).average().orElse(0) / 1000;
        System.out.printf(Locale.ROOT, "batch %s: %d videos in %.1f s, mean time per video %.2f s%n", prefix, count,
                seconds(makespan), meanWork);
        return new Run(batch, makespan, items);
    }

    /**
     * For each video that started after the first wave, how long after a worker came free it started: ends and
     * starts are replayed in time order; each start after the first {@link #WORKERS} takes the earliest free slot.
     */
    private static List<Duration> idleGaps(List<VideoItem> items) {
        List<Instant> starts = items.stream().map(VideoItem::startedAt).sorted().toList();
        List<Instant> ends = items.stream().map(VideoItem::finishedAt).sorted().toList();
        List<Duration> gaps = new ArrayList<>();
        int endIndex = 0;
        for (int i = WORKERS; i < starts.size() && endIndex < ends.size(); i++, endIndex++) {
            gaps.add(Duration.between(ends.get(endIndex), starts.get(i)));
        }
        gaps.sort(Comparator.naturalOrder());
        return gaps;
    }

    private static Duration work(VideoItem item) {
        return Duration.between(item.startedAt(), item.finishedAt());
    }

    private static double seconds(Duration duration) {
        return duration.toNanos() / 1e9;
    }
}
