package dev.tubebatch.pipeline;

import dev.tubebatch.batch.Batch;
import dev.tubebatch.batch.BatchService;
import dev.tubebatch.batch.BatchStatus;
import dev.tubebatch.batch.ErrorKind;
import dev.tubebatch.batch.ItemHistory;
import dev.tubebatch.batch.ItemTracker;
import dev.tubebatch.batch.OnErrorPolicy;
import dev.tubebatch.batch.Step;
import dev.tubebatch.batch.VideoItem;
import dev.tubebatch.youtube.YtDlpException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.jobrunr.jobs.annotations.Job;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The JobRunr job for one video. It runs the steps in order, skipping those already recorded, and records each
 * step when it finishes. A transient failure within the batch's retry limit schedules a new job for the item after
 * the backoff delay; any other failure fails the video. Either way this job ends normally: JobRunr's own retries
 * are left for jobs whose server died under them (orphans), which resume from the recorded steps.
 */
@Component
public class VideoJob {

    /** JobRunr's own retries, for orphaned jobs only (a server that died mid-job). */
    static final int ORPHAN_RETRIES = 10;

    private static final Logger log = LoggerFactory.getLogger(VideoJob.class);

    private final BatchService batches;
    private final ItemTracker tracker;
    private final ItemHistory history;
    private final List<PipelineStep> steps;
    private final List<StepListener> listeners;
    private final PipelineProperties properties;
    private final RetryPolicy retryPolicy;
    private final ObjectProvider<Dispatcher> dispatcher;
    private final Clock clock;

    VideoJob(BatchService batches, ItemTracker tracker, ItemHistory history, List<PipelineStep> steps,
            List<StepListener> listeners, PipelineProperties properties, EngineProperties engine,
            ObjectProvider<Dispatcher> dispatcher, Clock clock) {
        this.batches = batches;
        this.tracker = tracker;
        this.history = history;
        this.steps = steps.stream().sorted(Comparator.comparing(PipelineStep::step)).toList();
        if (this.steps.stream().map(PipelineStep::step).distinct().count() != Step.values().length
                || this.steps.size() != Step.values().length) {
            throw new IllegalStateException("Every step needs exactly one implementation: " + this.steps);
        }
        this.listeners = List.copyOf(listeners);
        this.properties = properties;
        this.retryPolicy = RetryPolicy.of(engine);
        this.dispatcher = dispatcher;
        this.clock = clock;
    }

    @Job(name = "Video %1", retries = ORPHAN_RETRIES)
    public void process(UUID itemId, String videoId, UUID jobId) {
        MDC.put("item", itemId.toString());
        MDC.put("video", videoId);
        UUID batchId = null;
        try {
            batchId = run(itemId, jobId);
        } finally {
            // Closing the batch and refilling the window happen on the dispatcher's thread, so this worker goes
            // idle at once and takes the next job, which the window (workers + prefetch) has already enqueued.
            // If the process dies before that runs, the sweep does both.
            try {
                dispatcher.getObject().afterJob(batchId);
            } finally {
                MDC.remove("item");
                MDC.remove("video");
                MDC.remove("batch");
            }
        }
    }

    /** Runs the item's remaining steps; returns its batch id, or null when this job had nothing to do. */
    private @Nullable UUID run(UUID itemId, UUID jobId) {
        VideoItem item = batches.item(itemId).orElse(null);
        if (item == null || item.status().isFinal()) {
            return null;
        }
        Batch batch = batches.get(item.batchId());
        MDC.put("batch", batch.id().toString());
        if (!tracker.running(item, jobId)) {
            return null;
        }
        item = batches.item(itemId).orElseThrow();
        Instant startedAt = clock.instant();
        long attemptId = history.startAttempt(itemId, item.attempts(), startedAt);
        Path workDirectory = properties.workDirectory().resolve(itemId.toString());
        Step current = null;
        boolean ended = true;
        try {
            Map<Step, ItemHistory.StepRecord> done = history.steps(itemId);
            ItemContext context = new ItemContext(batch, item, workDirectory);
            Files.createDirectories(workDirectory);
            for (PipelineStep step : steps) {
                if (done.containsKey(step.step())) {
                    continue;
                }
                Instant started = clock.instant();
                if (!tracker.stepStarted(item, step.step())) {
                    ended = stopBeforeStep(item, attemptId, current);
                    return batch.id();
                }
                current = step.step();
                StepResult result = step.run(context);
                history.recordStep(itemId, current, result.outcome(), result.note(), started, clock.instant());
                for (StepListener listener : listeners) {
                    listener.stepRecorded(itemId, current);
                }
            }
            tracker.completed(item);
            history.finishAttempt(attemptId, current, "SUCCEEDED", null, null, null, clock.instant());
        } catch (PipelineException e) {
            ended = fail(item, batch, attemptId, current, e.kind(), e.getMessage(), e.stderrTail());
        } catch (YtDlpException e) {
            PipelineException mapped = YtDlpFailures.toPipeline(e);
            ended = fail(item, batch, attemptId, current, mapped.kind(), mapped.getMessage(), e.stderrTail());
        } catch (IOException | RuntimeException e) {
            log.warn("Unexpected failure in step {} of item {}", current, itemId, e);
            ended = fail(item, batch, attemptId, current, ErrorKind.UNKNOWN, describe(e), null);
        } finally {
            if (ended) {
                deleteQuietly(workDirectory);
            }
        }
        return batch.id();
    }

    /**
     * The batch no longer runs. Cancelled: the item is cancelled. Paused or stopped: the item waits again and goes
     * on from its recorded steps on resume. Returns whether the item reached an end state.
     */
    private boolean stopBeforeStep(VideoItem item, long attemptId, @Nullable Step lastStep) {
        BatchStatus status = batches.get(item.batchId()).status();
        if (status == BatchStatus.CANCELLED) {
            tracker.cancelled(item);
            history.finishAttempt(attemptId, lastStep, "CANCELLED", null, null, null, clock.instant());
            return true;
        }
        tracker.released(item);
        history.finishAttempt(attemptId, lastStep, "HELD", null, "Batch " + status.name().toLowerCase(), null,
                clock.instant());
        return false;
    }

    /**
     * Records a failed try: schedules a retry after the backoff delay when the failure is transient and the
     * batch's retry limit allows; otherwise fails the video. Returns whether the item reached an end state.
     */
    private boolean fail(VideoItem item, Batch batch, long attemptId, @Nullable Step step, ErrorKind kind,
            @Nullable String message, @Nullable String stderrTail) {
        boolean interrupted = Thread.interrupted();
        try {
            return recordFailure(item, batch, attemptId, step, kind, message, stderrTail);
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private boolean recordFailure(VideoItem item, Batch batch, long attemptId, @Nullable Step step, ErrorKind kind,
            @Nullable String message, @Nullable String stderrTail) {
        Instant now = clock.instant();
        String text = message == null || message.isBlank() ? kind.description() : message;
        BatchStatus status = batches.get(batch.id()).status();
        if (status == BatchStatus.CANCELLED) {
            // Most likely the cancellation itself (a killed download): neither a retry nor a failure.
            history.finishAttempt(attemptId, step, "CANCELLED", kind, text, stderrTail, now);
            tracker.cancelled(item);
            return true;
        }
        VideoItem current = batches.item(item.id()).orElse(item);
        if (kind.isTransient() && current.attempts() <= batch.retryLimit()) {
            Instant retryAt = now.plus(retryPolicy.delay(current.attempts()));
            history.finishAttempt(attemptId, step, "RETRY", kind, text, stderrTail, now, retryAt);
            // The item waits in our table, not as a JobRunr scheduled job: JobRunr would enqueue that only at its
            // next poll (seconds late), and it would bypass the batch's worker limit. The dispatcher's timer hands
            // the item a job when its backoff is over.
            tracker.retrying(item, kind, text, retryAt);
            dispatcher.getObject().wakeAt(retryAt);
            return false;
        }
        history.finishAttempt(attemptId, step, "FAILED", kind, text, stderrTail, now);
        tracker.failed(item, kind, text);
        if (batch.onError() == OnErrorPolicy.STOP && !kind.isTransient()) {
            batches.stop(batch.id(), "Stopped by the on-error policy: video " + item.videoId() + " failed ("
                    + text + ")");
        }
        return true;
    }

    private static String describe(Exception e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private static void deleteQuietly(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            log.debug("Could not remove {}", directory, e);
        }
    }
}
