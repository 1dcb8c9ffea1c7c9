package dev.tubebatch.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tubebatch.batch.Batch;
import dev.tubebatch.batch.BatchQueries;
import dev.tubebatch.batch.BatchService;
import dev.tubebatch.batch.ItemHistory;
import dev.tubebatch.batch.ItemStatus;
import dev.tubebatch.batch.OnErrorPolicy;
import dev.tubebatch.batch.VideoItem;
import dev.tubebatch.support.EngineHarness;
import dev.tubebatch.support.Eventually;
import dev.tubebatch.youtube.FakeYtDlp;
import dev.tubebatch.youtube.budget.BreakerState;
import dev.tubebatch.youtube.budget.YouTubeGate;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The YouTube budget's benchmark (not a test: {@code ./mvnw -Pbenchmark test -Dtest=YouTubeBudgetBenchmark}, see
 * docs/BENCHMARKS.md). 200 videos (metadata and captions: 400 calls), 4 workers, against the fake yt-dlp blocking
 * above 40 calls a minute until left alone for a minute. Time runs {@code benchmark.yt.scale} times faster (5: a
 * "minute" is 12 s) for the fake, the budget and the breaker alike. It prints videos completed (goal 200/200), calls
 * made while blocked (goal at most the breaker's threshold) and the budget's lower bound (calls / R) over the
 * makespan (goal at least 0.9).
 */
@SpringBootTest(properties = {
        "tubebatch.database.embedded.clean=true",
        "tubebatch.database.embedded.data-directory=target/benchmark/youtube-pg",
        "jobrunr.dashboard.enabled=false",
        "jobrunr.background-job-server.worker-count=4",
        "tubebatch.output.root=target/benchmark/youtube-output",
        "tubebatch.pipeline.work-directory=target/benchmark/youtube-work",
        "logging.level.org.jobrunr=WARN",
        "tubebatch.inference.speech.engine=none",
        "tubebatch.inference.summary.method=none",
        "tubebatch.youtube.sleep-requests=0",
        "tubebatch.youtube.breaker.enabled=true",
        "tubebatch.youtube.breaker.threshold=3"})
class YouTubeBudgetBenchmark {

    static final int VIDEOS = Integer.getInteger("benchmark.yt.videos", 200);
    static final double SCALE = Double.parseDouble(System.getProperty("benchmark.yt.scale", "5"));
    /** YouTube's limit in the fake, calls a (scaled) minute. */
    static final int LIMIT = Integer.getInteger("benchmark.yt.limit", 40);
    /** The budget, calls a (scaled) minute: 0.9 of the limit, so that the burst never takes a window over it. */
    static final double BUDGET = Double.parseDouble(System.getProperty("benchmark.yt.rpm", "36"));
    static final int BURST = Integer.getInteger("benchmark.yt.burst", 3);
    static final Duration COOLDOWN = Duration.ofSeconds(Long.getLong("benchmark.yt.cooldown-seconds", 900));
    static final Path FAKE = FakeYtDlp.install(Path.of("target", "benchmark", "youtube-bin-" + UUID.randomUUID()));

    @DynamicPropertySource
    static void youTube(DynamicPropertyRegistry registry) {
        registry.add("tubebatch.ytdlp.path", () -> FAKE.toAbsolutePath().toString());
        registry.add("tubebatch.youtube.requests-per-minute", () -> BUDGET * SCALE);
        registry.add("tubebatch.youtube.burst", () -> BURST);
        registry.add("tubebatch.youtube.breaker.window", () -> scaled(Duration.ofMinutes(2)));
        registry.add("tubebatch.youtube.breaker.cooldown", () -> scaled(COOLDOWN));
        registry.add("tubebatch.youtube.breaker.max-cooldown", () -> scaled(COOLDOWN.multipliedBy(4)));
        FakeYtDlp.rateLimit(FAKE, LIMIT, 60 / SCALE, 60 / SCALE);
    }

    @Autowired
    BatchService batches;

    @Autowired
    BatchQueries queries;

    @Autowired
    ItemHistory history;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    YouTubeGate gate;

    @Test
    void youtube_budget_benchmark() throws IOException {
        EngineHarness engine = new EngineHarness(batches, queries, history, jdbc);
        Batch batch = engine.create("YouTube budget", 4, 3, OnErrorPolicy.CONTINUE, EngineHarness.ids("cap", VIDEOS));
        Eventually.within(Duration.ofHours(1), "the batch to finish",
                () -> queries.get(batch.id()).status().isFinished());

        Batch done = queries.get(batch.id());
        List<VideoItem> items = queries.items(batch.id());
        long completed = items.stream().filter(i -> i.status() == ItemStatus.COMPLETED).count();
        List<FakeYtDlp.RatedCall> calls = FakeYtDlp.ratedCalls(FAKE);
        long blocked = calls.stream().filter(FakeYtDlp.RatedCall::blocked).count();
        Instant first = Instant.ofEpochMilli((long) (calls.getFirst().at() * 1000));
        Instant last = Instant.ofEpochMilli((long) (calls.getLast().at() * 1000));
        Duration makespan = Duration.between(done.createdAt(), done.finishedAt());
        double perSecond = BUDGET * SCALE / 60;
        double lowerBound = calls.size() / perSecond;
        double lowerBoundWithBurst = Math.max(0, calls.size() - BURST) / perSecond;
        BreakerState breaker = gate.breakerState();
        long heldTries = history.attemptsOfBatch(batch.id()).values().stream().flatMap(List::stream)
                .filter(a -> a.outcome() == dev.tubebatch.batch.AttemptOutcome.HELD).count();

        List<String> report = List.of(
                "YouTube budget benchmark (" + Instant.now() + ", " + Runtime.getRuntime().availableProcessors()
                        + " CPUs, 4 JobRunr workers, embedded PostgreSQL, fake yt-dlp; time x" + SCALE + ")",
                String.format(Locale.ROOT, "fake: blocks above %d calls a minute (%.1f s here), lifts after a quiet"
                        + " minute; budget %.1f calls a minute (%.1f a real second), burst %d", LIMIT, 60 / SCALE,
                        BUDGET, perSecond, BURST),
                String.format(Locale.ROOT, "videos completed %d/%d (goal %d/%d), failed %d", completed, VIDEOS, VIDEOS,
                        VIDEOS, items.stream().filter(i -> i.status() == ItemStatus.FAILED).count()),
                String.format(Locale.ROOT, "calls %d, made while blocked %d (goal <= 3); breaker trips %d, calls held"
                        + " %d, held tries %d", calls.size(), blocked, breaker.trips(), breaker.heldCalls(), heldTries),
                String.format(Locale.ROOT, "makespan %.1f s (first call to last call %.1f s); lower bound calls / R"
                        + " = %.1f s, ratio %.3f (goal >= 0.9); with the burst taken off %.1f s, ratio %.3f",
                        seconds(makespan), seconds(Duration.between(first, last)), lowerBound,
                        lowerBound / seconds(makespan), lowerBoundWithBurst, lowerBoundWithBurst / seconds(makespan)),
                String.format(Locale.ROOT, "in YouTube's time (x%.0f): makespan %.1f min for %d calls", SCALE,
                        seconds(makespan) * SCALE / 60, calls.size()));
        report.forEach(System.out::println);
        Files.createDirectories(Path.of("target", "benchmark"));
        Files.write(Path.of("target", "benchmark", "youtube-budget-benchmark.txt"), report);
        assertThat(completed).isEqualTo(VIDEOS);
    }

    private static Duration scaled(Duration youTubeTime) {
        return Duration.ofMillis((long) (youTubeTime.toMillis() / SCALE));
    }

    private static double seconds(Duration duration) {
        return duration.toMillis() / 1000.0;
    }
}
