package dev.tubebatch.pipeline;

import static dev.tubebatch.support.EngineHarness.FAKE;
import static dev.tubebatch.support.EngineHarness.LIMIT;
import static dev.tubebatch.support.EngineHarness.ids;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tubebatch.batch.Attempt;
import dev.tubebatch.batch.AttemptOutcome;
import dev.tubebatch.batch.Batch;
import dev.tubebatch.batch.BatchProgress;
import dev.tubebatch.batch.BatchStatus;
import dev.tubebatch.batch.ErrorKind;
import dev.tubebatch.batch.ItemStatus;
import dev.tubebatch.batch.OnErrorPolicy;
import dev.tubebatch.batch.VideoItem;
import dev.tubebatch.support.EngineHarness;
import dev.tubebatch.support.EngineTest;
import dev.tubebatch.support.Eventually;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Batch-level control: limits, fairness, pause and resume, retries, on-error policies. */
@EngineTest
class EngineIntegrationTest {

    @Autowired
    EngineHarness engine;

    @Autowired
    JdbcClient jdbc;

    @Test
    void a_paused_batch_starts_nothing_new_and_resume_finishes_it() throws Exception {
        Batch batch = engine.create("Pause", 1, 0, OnErrorPolicy.CONTINUE, ids("capPAUSE", 8));
        Eventually.within(LIMIT, "a video to start", () -> engine.queries().progress(batch.id()).running() > 0);

        assertThat(engine.batches().pause(batch.id())).isTrue();

        Eventually.within(LIMIT, "running videos to finish their step",
                () -> engine.queries().progress(batch.id()).running() + engine.queries().progress(batch.id()).queued() == 0);
        BatchProgress held = engine.queries().progress(batch.id());
        Thread.sleep(2_000);
        assertThat(engine.queries().progress(batch.id())).isEqualTo(held);
        assertThat(engine.queries().get(batch.id()).status()).isEqualTo(BatchStatus.PAUSED);
        assertThat(held.pending()).isPositive();

        assertThat(engine.batches().resume(batch.id())).isTrue();

        engine.awaitFinished(batch);
        assertThat(engine.queries().items(batch.id())).extracting(VideoItem::status).containsOnly(ItemStatus.COMPLETED);
        // A video held mid-way goes on from its recorded steps: no caption download is repeated.
        assertThat(FakeCalls.captionDownloads(FAKE, "capPAUSE")).isEqualTo(8);
    }

    @Test
    void a_batch_never_has_more_videos_in_flight_than_its_max_workers() {
        Batch batch = engine.create("Limit", 2, 0, OnErrorPolicy.CONTINUE, ids("capLIMIT", 8));
        int most = 0;
        long deadline = System.nanoTime() + LIMIT.toNanos();
        while (!engine.queries().get(batch.id()).status().isFinished() && System.nanoTime() < deadline) {
            BatchProgress p = engine.queries().progress(batch.id());
            most = Math.max(most, p.running() + p.queued());
            sleep(Duration.ofMillis(50));
        }
        assertThat(engine.queries().items(batch.id())).as(() -> engine.failures(batch)).extracting(VideoItem::status)
                .containsOnly(ItemStatus.COMPLETED);
        assertThat(most).isBetween(1, 2);
    }

    @Test
    void a_small_batch_is_not_starved_by_a_large_one() {
        Batch large = engine.create("Large", 0, ids("capLARGE", 40));
        Eventually.within(LIMIT, "the large batch to start", () -> engine.queries().progress(large.id()).running() > 0);
        Batch small = engine.create("Small", 0, ids("capSMALL", 3));

        engine.awaitFinished(small);

        assertThat(engine.queries().progress(large.id()).finished()).as("large batch videos done when the small one ended")
                .isLessThan(30);
        engine.awaitFinished(large);
    }

    @Test
    void a_video_whose_job_ended_without_running_it_gets_a_new_job() {
        Batch batch = engine.create("Stale job", 0, "capSTALEJ01");
        engine.awaitFinished(batch);
        VideoItem done = engine.item(batch, "capSTALEJ01");
        // What a dispatch leaves when its QUEUED row commits after the job has already run and found nothing to do:
        // the item waits for a job that JobRunr holds as ended.
        jdbc.sql("""
                update video_item set status = 'QUEUED', finished_at = null, queued_at = now() - interval '1 hour'
                 where id = :id""").param("id", done.id()).update();
        jdbc.sql("update batch set status = 'RUNNING', finished_at = null where id = :id")
                .param("id", batch.id()).update();

        engine.awaitFinished(batch);

        VideoItem again = engine.item(batch, "capSTALEJ01");
        assertThat(again.status()).isEqualTo(ItemStatus.COMPLETED);
        assertThat(again.jobId()).isNotEqualTo(done.jobId());
        assertThat(engine.history().attempts(done.id())).hasSize(2);
    }

    @Test
    void retry_failed_requeues_only_the_failed_videos() {
        Batch batch = engine.create("Retry failed", 0, "prvRETRYF01", "capRETRYF01");
        engine.awaitFinished(batch);
        assertThat(engine.queries().get(batch.id()).status()).isEqualTo(BatchStatus.COMPLETED_WITH_FAILURES);

        assertThat(engine.batches().retryFailed(batch.id())).isEqualTo(1);

        engine.awaitFinished(batch);
        assertThat(engine.queries().get(batch.id()).status()).isEqualTo(BatchStatus.COMPLETED_WITH_FAILURES);
        assertThat(engine.history().attempts(engine.item(batch, "prvRETRYF01").id())).hasSize(2);
        assertThat(engine.history().attempts(engine.item(batch, "capRETRYF01").id())).hasSize(1);
    }

    @Test
    void on_error_stop_holds_the_batch_at_the_first_permanent_failure_and_says_why() {
        Batch batch = engine.create("Stop", 1, 0, OnErrorPolicy.STOP, "prvSTOPPED1", "capSTOPPED1", "capSTOPPED2");

        engine.awaitStatus(batch, BatchStatus.STOPPED);
        Eventually.within(LIMIT, "nothing in flight", () -> {
            BatchProgress p = engine.queries().progress(batch.id());
            return p.running() + p.queued() == 0;
        });

        assertThat(engine.queries().get(batch.id()).stopReason()).contains("prvSTOPPED1").contains("Private video");
        assertThat(engine.item(batch, "capSTOPPED2").status()).isEqualTo(ItemStatus.PENDING);

        assertThat(engine.batches().resume(batch.id())).isTrue();
        engine.awaitFinished(batch);
        assertThat(engine.queries().progress(batch.id())).satisfies(p -> {
            assertThat(p.completed()).isEqualTo(2);
            assertThat(p.failed()).isEqualTo(1);
        });
    }

    @Test
    void on_error_retry_gives_failed_videos_one_more_round_after_the_rest() {
        Batch batch = engine.create("Retry round", null, 0, OnErrorPolicy.RETRY, "prvROUND001", "capROUND001");

        engine.awaitFinished(batch);

        assertThat(engine.queries().get(batch.id()).status()).isEqualTo(BatchStatus.COMPLETED_WITH_FAILURES);
        assertThat(engine.queries().get(batch.id()).retryRoundDone()).isTrue();
        List<Attempt> attempts = engine.history().attempts(engine.item(batch, "prvROUND001").id());
        assertThat(attempts).hasSize(2);
        assertThat(Duration.between(attempts.get(0).finishedAt(), attempts.get(1).startedAt()))
                .isGreaterThanOrEqualTo(Duration.ofSeconds(1));
        assertThat(engine.history().attempts(engine.item(batch, "capROUND001").id())).hasSize(1);
    }

    @Test
    void retries_of_a_transient_failure_wait_longer_each_time_until_the_limit() {
        Batch batch = engine.create("Backoff", 3, "503BACKOFF1");

        engine.awaitFinished(batch);

        VideoItem item = engine.item(batch, "503BACKOFF1");
        assertThat(item.status()).isEqualTo(ItemStatus.FAILED);
        assertThat(item.errorKind()).isEqualTo(ErrorKind.SERVER_ERROR);
        List<Attempt> attempts = engine.history().attempts(item.id());
        assertThat(attempts).extracting(Attempt::outcome)
                .containsExactly(AttemptOutcome.RETRY, AttemptOutcome.RETRY, AttemptOutcome.RETRY, AttemptOutcome.FAILED);
        List<Duration> planned = attempts.subList(0, 3).stream()
                .map(a -> Duration.between(a.finishedAt(), a.retryAt())).toList();
        // base 0.2 s, doubling, capped at 1 s, jitter 20 %: about 0.2, 0.4, 0.8 s
        assertThat(planned.get(0)).isBetween(Duration.ofMillis(150), Duration.ofMillis(250));
        assertThat(planned.get(1)).isGreaterThan(planned.get(0));
        assertThat(planned.get(2)).isGreaterThan(planned.get(1));
        for (int i = 1; i < attempts.size(); i++) {
            assertThat(attempts.get(i).startedAt()).as("retry %d starts no earlier than planned", i)
                    .isAfterOrEqualTo(attempts.get(i - 1).retryAt().minusMillis(5));
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
