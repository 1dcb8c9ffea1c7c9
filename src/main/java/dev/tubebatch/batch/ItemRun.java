package dev.tubebatch.batch;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One try of a job on an item, from {@link ItemRuns#start}. Each method is one state change. A step's start is one
 * guarded UPDATE of the item; a step's end is its checkpoint row. The endings ({@link #succeeded}, {@link #held},
 * {@link #cancelled}, {@link #retryAfter}, {@link #failed}, the waits) change the item's row and close the try's attempt row
 * (with the step that ran last) in one transaction; call one of them once. Every change a person would see is
 * announced after commit. Not for sharing between threads: it belongs to its job.
 */
public final class ItemRun {

    private final ItemRuns runs;
    private final VideoItem item;
    private final Batch batch;
    private final long attemptId;
    private @Nullable Step lastStep;

    ItemRun(ItemRuns runs, VideoItem item, Batch batch, long attemptId) {
        this.runs = runs;
        this.item = item;
        this.batch = batch;
        this.attemptId = attemptId;
    }

    /** The item as it was when the try started (RUNNING, its attempts counted). */
    public VideoItem item() {
        return item;
    }

    /** The item's batch as it was when the try started; {@link #batchStatusNow()} for its status since. */
    public Batch batch() {
        return batch;
    }

    /** The step this try started last, or null before its first. */
    public @Nullable Step lastStep() {
        return lastStep;
    }

    /** The steps the item recorded in earlier tries (and this one): a re-run skips them. */
    public Map<Step, StepRecord> recordedSteps() {
        return runs.history.steps(item.id());
    }

    /** The batch's status now, read again: it may have been paused, stopped or cancelled during the try. */
    public BatchStatus batchStatusNow() {
        return runs.batches.findById(batch.id()).orElseThrow(() -> new NoSuchBatchException(batch.id())).status();
    }

    /**
     * Starts a step; false if the item's batch no longer runs (cancelled, stopped, paused) and the step must not
     * start. The check and the change are one statement, so no step starts after a cancel has committed.
     */
    public boolean stepStarted(Step step) {
        boolean started = runs.announceIf(batch.id(), item.id(), runs.items.markStepStarted(item.id(), step));
        if (started) {
            lastStep = step;
        }
        return started;
    }

    /** Records a finished step: the checkpoint a later try resumes after. Recording a step twice keeps the first. */
    public void stepDone(Step step, StepOutcome outcome, @Nullable String note, Instant startedAt) {
        runs.history.recordStep(item.id(), step, outcome, note, startedAt, runs.clock.instant());
    }

    /** Every step is recorded: the item is completed. */
    public void succeeded() {
        end(AttemptOutcome.SUCCEEDED, null, null, null, null, now -> runs.items.markCompleted(item.id(), now));
    }

    /**
     * The batch is paused or stopped ({@code reason}): the item waits again and resumes from its recorded steps.
     * The try does not count against the retry limit.
     */
    public void held(String reason) {
        end(AttemptOutcome.HELD, null, reason, null, null, now -> runs.items.markHeld(item.id()));
    }

    /** The batch was cancelled before the next step: the item is cancelled. */
    public void cancelled() {
        cancelled(null, null, null);
    }

    /** The batch was cancelled, and the try failed with it (most likely a killed download): no retry, no failure. */
    public void cancelled(@Nullable ErrorKind kind, @Nullable String message, @Nullable String stderr) {
        end(AttemptOutcome.CANCELLED, kind, message, stderr, null, now -> runs.items.markCancelled(item.id(), now));
    }

    /**
     * A transient failure: the item waits {@code delay} from now, then the dispatcher gives it a new job. The
     * attempt's end and its retry time come from one reading of the clock. Returns when the item is due.
     */
    public Instant retryAfter(ErrorKind kind, String message, @Nullable String stderr, Duration delay) {
        Instant now = runs.clock.instant();
        Instant retryAt = now.plus(delay);
        end(now, AttemptOutcome.RETRY, kind, message, stderr, retryAt,
                at -> runs.items.markRetrying(item.id(), kind, message, retryAt, at));
        return retryAt;
    }

    /**
     * YouTube cannot be asked now ({@code reason}): the item waits until {@code until} and this try does not count
     * against the batch's retry limit. The attempt is recorded as HELD with the reason.
     */
    public void waitsForYouTube(String reason, Instant until) {
        end(AttemptOutcome.HELD, null, reason, null, until,
                now -> runs.items.markWaitingForYouTube(item.id(), reason, until, now));
    }

    /**
     * Every inference slot is busy ({@code reason}): the item waits for one without holding a worker, and this try
     * does not count against the batch's retry limit. The attempt is recorded as HELD with the reason.
     */
    public void waitsForInference(String reason) {
        end(AttemptOutcome.HELD, null, reason, null, null,
                now -> runs.items.markWaitingForInference(item.id(), reason, now));
    }

    /** The item failed for good (in this round). */
    public void failed(ErrorKind kind, String message, @Nullable String stderr) {
        end(AttemptOutcome.FAILED, kind, message, stderr, null,
                now -> runs.items.markFailed(item.id(), kind, message, now));
    }

    private void end(AttemptOutcome outcome, @Nullable ErrorKind kind, @Nullable String message,
            @Nullable String stderr, @Nullable Instant retryAt, ItemChange change) {
        end(runs.clock.instant(), outcome, kind, message, stderr, retryAt, change);
    }

    private void end(Instant now, AttemptOutcome outcome, @Nullable ErrorKind kind, @Nullable String message,
            @Nullable String stderr, @Nullable Instant retryAt, ItemChange change) {
        runs.inTransaction(batch.id(), item.id(), () -> {
            runs.history.finishAttempt(attemptId, lastStep, outcome, kind, message, stderr, now, retryAt);
            return change.apply(now);
        });
    }

    /** The guarded UPDATE of the item's row for an ending; true if the row changed. */
    @FunctionalInterface
    private interface ItemChange {
        boolean apply(Instant now);
    }
}
