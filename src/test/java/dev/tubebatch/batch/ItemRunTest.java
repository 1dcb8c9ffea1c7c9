package dev.tubebatch.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.tubebatch.support.EngineHarness;
import dev.tubebatch.support.EngineTest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.jdbc.core.JdbcAggregateTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A job's try on an item, one state change at a time: each call changes the item's row and the try's attempt row
 * together and announces the item once. The item is set up as the dispatcher leaves it (QUEUED, with the id of
 * the job it waits for) in the engine tests' context; no real job ever runs for it.
 */
@EngineTest
class ItemRunTest {

    @Autowired
    EngineHarness engine;

    @Autowired
    ItemRuns runs;

    @Autowired
    BatchEvents events;

    @Autowired
    JdbcAggregateTemplate aggregates;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    JdbcClient jdbc;

    private final List<BatchChange> changes = new CopyOnWriteArrayList<>();
    private BatchEvents.Subscription subscription;
    private Batch batch;
    private VideoItem queued;

    @BeforeEach
    void aQueuedItem() {
        subscription = events.subscribe(changes::add);
        Instant now = Instant.now();
        batch = new Batch(UUID.randomUUID(), "Item run " + UUID.randomUUID(), BatchStatus.RUNNING, "tester", now, now,
                null, 1, 2, OnErrorPolicy.CONTINUE, null, false, false);
        VideoItem pending = VideoItem.pending(batch.id(), 1, "https://www.youtube.com/watch?v=capITEMRUN1",
                "capITEMRUN1");
        // As the dispatcher hands it out: QUEUED for a job that has just been given its id.
        queued = new VideoItem(pending.id(), batch.id(), 1, pending.url(), pending.videoId(), null, null, null, null,
                ItemStatus.QUEUED, null, null, 0, UUID.randomUUID(), now, null, null, null, null, null, null, null, null);
        // One transaction: a running batch without items would be closed by the sweep at once.
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            aggregates.insert(batch);
            aggregates.insert(queued);
        });
    }

    @AfterEach
    void unsubscribe() {
        subscription.close();
    }

    @Test
    void starting_a_try_marks_the_item_running_and_opens_its_attempt_in_one_call() {
        ItemRun run = runs.start(queued.id(), queued.jobId()).orElseThrow();

        assertThat(run.item().status()).isEqualTo(ItemStatus.RUNNING);
        assertThat(run.item().attempts()).isEqualTo(1);
        assertThat(run.batch().id()).isEqualTo(batch.id());
        assertThat(item().status()).isEqualTo(ItemStatus.RUNNING);
        assertThat(engine.history().attempts(queued.id())).singleElement().satisfies(a -> {
            assertThat(a.attempt()).isEqualTo(1);
            assertThat(a.outcome()).isEqualTo(AttemptOutcome.RUNNING);
            assertThat(a.finishedAt()).isNull();
        });
        assertThat(announced()).isEqualTo(1);
    }

    @Test
    void a_stale_duplicate_job_starts_nothing() {
        Optional<ItemRun> stale = runs.start(queued.id(), UUID.randomUUID());

        assertThat(stale).isEmpty();
        assertThat(item().status()).isEqualTo(ItemStatus.QUEUED);
        assertThat(engine.history().attempts(queued.id())).isEmpty();
        assertThat(announced()).isZero();
    }

    @Test
    void a_finished_step_is_a_checkpoint_and_success_completes_the_item_and_closes_the_attempt_in_one_call() {
        ItemRun run = started();
        Instant stepStarted = Instant.now();
        assertThat(run.stepStarted(Step.RESOLVE)).isTrue();
        assertThat(item().currentStep()).isEqualTo(Step.RESOLVE);
        assertThat(announced()).isEqualTo(1);

        run.stepDone(Step.RESOLVE, StepOutcome.DONE, "a note", stepStarted);
        assertThat(run.recordedSteps()).containsOnlyKeys(Step.RESOLVE);
        assertThat(engine.history().steps(queued.id()).get(Step.RESOLVE)).satisfies(s -> {
            assertThat(s.outcome()).isEqualTo(StepOutcome.DONE);
            assertThat(s.note()).isEqualTo("a note");
            assertThat(s.finishedAt()).isAfterOrEqualTo(s.startedAt());
        });
        run.succeeded();

        VideoItem item = item();
        assertThat(item.status()).isEqualTo(ItemStatus.COMPLETED);
        assertThat(item.finishedAt()).isNotNull();
        assertThat(lastAttempt()).satisfies(a -> {
            assertThat(a.outcome()).isEqualTo(AttemptOutcome.SUCCEEDED);
            assertThat(a.step()).isEqualTo(Step.RESOLVE);
            assertThat(a.finishedAt()).isNotNull();
        });
        assertThat(announced()).isEqualTo(2);
    }

    @Test
    void a_retry_closes_the_attempt_and_schedules_the_item_in_one_call() {
        ItemRun run = started();
        run.stepStarted(Step.CAPTIONS);

        Instant retryAt = run.retryAfter(ErrorKind.SERVER_ERROR, "HTTP Error 503", "ERROR: [youtube] 503",
                Duration.ofHours(1));

        VideoItem item = item();
        assertThat(item.status()).isEqualTo(ItemStatus.RETRYING);
        assertThat(item.notBefore()).isCloseTo(retryAt, within(1, ChronoUnit.MILLIS));
        assertThat(item.jobId()).isNull();
        assertThat(item.errorKind()).isEqualTo(ErrorKind.SERVER_ERROR);
        assertThat(item.errorMessage()).isEqualTo("HTTP Error 503");
        assertThat(lastAttempt()).satisfies(a -> {
            assertThat(a.outcome()).isEqualTo(AttemptOutcome.RETRY);
            assertThat(a.step()).isEqualTo(Step.CAPTIONS);
            assertThat(a.errorKind()).isEqualTo(ErrorKind.SERVER_ERROR);
            assertThat(a.stderrTail()).isEqualTo("ERROR: [youtube] 503");
            assertThat(a.retryAt()).isCloseTo(retryAt, within(1, ChronoUnit.MILLIS));
            assertThat(Duration.between(a.finishedAt(), a.retryAt())).isEqualTo(Duration.ofHours(1));
        });
        assertThat(announced()).isEqualTo(2);
    }

    @Test
    void a_failure_fails_the_item_and_closes_the_attempt_in_one_call() {
        ItemRun run = started();
        run.stepStarted(Step.RESOLVE);

        run.failed(ErrorKind.PRIVATE, "Private video", "ERROR: [youtube] capITEMRUN1: Private video");

        VideoItem item = item();
        assertThat(item.status()).isEqualTo(ItemStatus.FAILED);
        assertThat(item.errorKind()).isEqualTo(ErrorKind.PRIVATE);
        assertThat(item.finishedAt()).isNotNull();
        assertThat(lastAttempt()).satisfies(a -> {
            assertThat(a.outcome()).isEqualTo(AttemptOutcome.FAILED);
            assertThat(a.step()).isEqualTo(Step.RESOLVE);
            assertThat(a.errorMessage()).isEqualTo("Private video");
            assertThat(a.stderrTail()).contains("Private video");
            assertThat(a.retryAt()).isNull();
        });
        assertThat(announced()).isEqualTo(2);
    }

    @Test
    void a_paused_batch_holds_the_item_before_its_next_step_in_one_call() {
        ItemRun run = started();
        run.stepStarted(Step.RESOLVE);
        assertThat(engine.batches().pause(batch.id())).isTrue();

        assertThat(run.stepStarted(Step.CAPTIONS)).isFalse();
        assertThat(run.batchStatusNow()).isEqualTo(BatchStatus.PAUSED);
        run.held("Batch paused");

        VideoItem item = item();
        assertThat(item.status()).isEqualTo(ItemStatus.PENDING);
        assertThat(item.jobId()).isNull();
        assertThat(item.currentStep()).as("the refused step did not start").isEqualTo(Step.RESOLVE);
        assertThat(item.attempts()).as("a held try does not use up a retry").isZero();
        assertThat(lastAttempt()).satisfies(a -> {
            assertThat(a.outcome()).isEqualTo(AttemptOutcome.HELD);
            assertThat(a.step()).isEqualTo(Step.RESOLVE);
            assertThat(a.errorMessage()).isEqualTo("Batch paused");
        });
        assertThat(announced()).isEqualTo(2);
    }

    @Test
    void a_cancelled_batch_cancels_the_item_before_its_next_step_in_one_call() {
        ItemRun run = started();
        assertThat(engine.batches().cancel(batch.id())).isTrue();

        assertThat(run.stepStarted(Step.RESOLVE)).isFalse();
        run.cancelled();

        assertThat(item().status()).isEqualTo(ItemStatus.CANCELLED);
        assertThat(lastAttempt()).satisfies(a -> {
            assertThat(a.outcome()).isEqualTo(AttemptOutcome.CANCELLED);
            assertThat(a.step()).isNull();
            assertThat(a.finishedAt()).isNotNull();
        });
        assertThat(announced()).isEqualTo(1);
    }

    @Test
    void an_item_whose_job_was_lost_waits_again_and_its_attempt_reads_as_interrupted() {
        started();
        assertThat(engine.batches().pause(batch.id())).isTrue();

        runs.jobLost(queued.id(), batch.id(), false);

        assertThat(item().status()).isEqualTo(ItemStatus.PENDING);
        assertThat(item().attempts()).as("a lost try counts: a video that kills its worker runs out of tries")
                .isEqualTo(1);
        assertThat(lastAttempt().outcome()).isEqualTo(AttemptOutcome.RUNNING);
        assertThat(announced()).isEqualTo(1);
    }

    @Test
    void tries_are_numbered_after_every_earlier_one_held_tries_included() {
        ItemRun first = started();
        // Paused, so that no dispatch hands the waiting item to a job of its own meanwhile.
        assertThat(engine.batches().pause(batch.id())).isTrue();
        first.held("Batch paused");
        jdbc.sql("update video_item set status = 'QUEUED', job_id = :job where id = :id")
                .param("job", queued.jobId()).param("id", queued.id()).update();

        ItemRun second = runs.start(queued.id(), queued.jobId()).orElseThrow();

        assertThat(second.item().attempts()).isEqualTo(1);
        assertThat(engine.history().attempts(queued.id())).extracting(Attempt::attempt).containsExactly(1, 2);
    }

    /** A started try; the start's own announcement is not counted by {@link #announced()}. */
    private ItemRun started() {
        ItemRun run = runs.start(queued.id(), queued.jobId()).orElseThrow();
        changes.clear();
        return run;
    }

    private VideoItem item() {
        return engine.queries().item(queued.id()).orElseThrow();
    }

    private Attempt lastAttempt() {
        return engine.history().attempts(queued.id()).getLast();
    }

    /** How many times this item was announced (not its batch, not other items). */
    private long announced() {
        return changes.stream().filter(c -> queued.id().equals(c.itemId())).count();
    }
}
