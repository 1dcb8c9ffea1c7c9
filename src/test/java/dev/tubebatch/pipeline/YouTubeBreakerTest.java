package dev.tubebatch.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tubebatch.batch.Attempt;
import dev.tubebatch.batch.AttemptOutcome;
import dev.tubebatch.batch.Batch;
import dev.tubebatch.batch.BatchQueries;
import dev.tubebatch.batch.BatchService;
import dev.tubebatch.batch.BatchStatus;
import dev.tubebatch.batch.ItemHistory;
import dev.tubebatch.batch.ItemStatus;
import dev.tubebatch.batch.VideoItem;
import dev.tubebatch.support.EngineHarness;
import dev.tubebatch.youtube.FakeYtDlp;
import dev.tubebatch.youtube.budget.YouTubeGate;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The engine against a YouTube that blocks: the fake yt-dlp answers with bot checks and 429s once 45 calls have gone
 * within a minute, until it has been left alone for half a second. The budget (15 calls a second) is set above that
 * on purpose, so that the breaker must trip; threshold 3, cool-down 1.5 s doubling to 3 s.
 */
@SpringBootTest(properties = {
        "tubebatch.database.embedded.clean=true",
        "tubebatch.database.embedded.data-directory=target/test-pg/youtube-limits",
        "jobrunr.dashboard.enabled=false",
        "jobrunr.background-job-server.worker-count=4",
        "tubebatch.engine.retry-base=PT0.2S",
        "tubebatch.engine.retry-cap=PT1S",
        "tubebatch.engine.sweep-interval=PT2S",
        "tubebatch.engine.job-grace=PT10S",
        "tubebatch.output.root=target/test-output/youtube-limits",
        "tubebatch.pipeline.work-directory=target/test-work/youtube-limits",
        "tubebatch.inference.speech.engine=none",
        "tubebatch.inference.summary.method=none",
        "tubebatch.youtube.requests-per-minute=900",
        "tubebatch.youtube.burst=2",
        "tubebatch.youtube.breaker.enabled=true",
        "tubebatch.youtube.breaker.threshold=3",
        "tubebatch.youtube.breaker.window=PT10S",
        "tubebatch.youtube.breaker.cooldown=PT1.5S",
        "tubebatch.youtube.breaker.max-cooldown=PT3S"})
class YouTubeBreakerTest {

    static final Path FAKE = FakeYtDlp.install(Path.of("target", "test-bin", "youtube-limits-" + UUID.randomUUID()));
    /** Calls that passed the gate just before a trip may reach the fake a moment after it. */
    static final Duration START_GRACE = Duration.ofMillis(400);

    @DynamicPropertySource
    static void ytDlp(DynamicPropertyRegistry registry) {
        registry.add("tubebatch.ytdlp.path", () -> FAKE.toAbsolutePath().toString());
        FakeYtDlp.rateLimit(FAKE, 45, 60, 0.5);
    }

    @Autowired
    BatchService batches;

    @Autowired
    BatchQueries queries;

    @Autowired
    ItemHistory history;

    @Autowired
    JdbcClient jdbc;

    @Test
    void a_60_video_batch_against_a_blocking_youtube_completes_without_failures_and_no_call_during_a_cool_down()
            throws InterruptedException {
        EngineHarness engine = new EngineHarness(batches, queries, history, jdbc);
        Batch batch = engine.create("Blocked", 4, 3, dev.tubebatch.batch.OnErrorPolicy.CONTINUE,
                EngineHarness.ids("cap", 60));

        AtomicBoolean sawBudgetWait = new AtomicBoolean();
        AtomicBoolean sawPause = new AtomicBoolean();
        Thread watcher = Thread.ofVirtual().start(() -> {
            while (!Thread.currentThread().isInterrupted() && !queries.get(batch.id()).status().isFinished()) {
                for (VideoItem item : queries.items(batch.id())) {
                    String note = item.waitingFor();
                    sawBudgetWait.compareAndSet(false, YouTubeGate.WAITING_FOR_BUDGET.equals(note));
                    sawPause.compareAndSet(false, note != null && note.startsWith("YouTube paused until"));
                }
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        engine.awaitFinished(batch);
        watcher.interrupt();
        watcher.join();

        assertThat(queries.get(batch.id()).status()).as(engine.failures(batch)).isEqualTo(BatchStatus.COMPLETED);
        List<VideoItem> items = queries.items(batch.id());
        assertThat(items).extracting(VideoItem::status).containsOnly(ItemStatus.COMPLETED);

        // It tripped, and held videos went back to waiting without using a try.
        List<Trip> trips = jdbc.sql("select tripped_at, lifts_at from youtube_trip order by id")
                .query((rs, n) -> new Trip(rs.getTimestamp(1).toInstant(), rs.getTimestamp(2).toInstant())).list();
        assertThat(trips).as("trips").isNotEmpty();
        Map<UUID, List<Attempt>> attempts = history.attemptsOfBatch(batch.id());
        assertThat(attempts.values().stream().flatMap(List::stream).filter(a -> a.outcome() == AttemptOutcome.HELD))
                .as("held tries").isNotEmpty()
                .allSatisfy(held -> assertThat(held.errorMessage()).startsWith("YouTube paused until"));
        for (VideoItem item : items) {
            long counted = attempts.get(item.id()).stream().filter(a -> a.outcome() != AttemptOutcome.HELD).count();
            assertThat(item.attempts()).as("tries of %s (held ones do not count)", item.videoId()).isEqualTo(counted);
        }

        // No call reached YouTube while the breaker was open.
        List<FakeYtDlp.RatedCall> calls = FakeYtDlp.ratedCalls(FAKE);
        for (Trip trip : trips) {
            assertThat(calls).as("calls during the cool-down %s", trip)
                    .noneMatch(call -> trip.covers(call.at(), START_GRACE));
        }
        assertThat(calls).filteredOn(FakeYtDlp.RatedCall::blocked).as("calls YouTube blocked").isNotEmpty();
        assertThat(sawBudgetWait).as("a video showed it waited for the budget").isTrue();
        assertThat(sawPause).as("a held video showed why it waits").isTrue();
    }

    record Trip(Instant trippedAt, Instant liftsAt) {
        boolean covers(double epochSeconds, Duration grace) {
            Instant at = Instant.ofEpochMilli((long) (epochSeconds * 1000));
            return at.isAfter(trippedAt.plus(grace)) && at.isBefore(liftsAt);
        }
    }

}
