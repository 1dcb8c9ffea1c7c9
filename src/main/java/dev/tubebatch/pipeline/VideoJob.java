package dev.tubebatch.pipeline;

import dev.tubebatch.batch.Batch;
import dev.tubebatch.batch.BatchService;
import dev.tubebatch.batch.BatchStatus;
import dev.tubebatch.batch.ErrorKind;
import dev.tubebatch.batch.ItemHistory;
import dev.tubebatch.batch.ItemTracker;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.stereotype.Component;

/**
 * The JobRunr job for one video. It runs the steps in order, skipping those already recorded, and records each
 * step when it finishes. A transient failure within the batch's retry limit is rethrown so that JobRunr retries
 * the job with exponential backoff; any other failure fails the video and the job ends normally.
 */
@Component
public class VideoJob {

    /** JobRunr's own retry budget; the batch's retry limit (at most 10) always runs out first. */
    static final int JOBRUNR_RETRIES = 25;

    private static final Logger log = LoggerFactory.getLogger(VideoJob.class);

    private final BatchService batches;
    private final ItemTracker tracker;
    private final ItemHistory history;
    private final List<PipelineStep> steps;
    private final List<StepListener> listeners;
    private final PipelineProperties properties;
    private final Clock clock;

    VideoJob(BatchService batches, ItemTracker tracker, ItemHistory history, List<PipelineStep> steps,
            List<StepListener> listeners, PipelineProperties properties, Clock clock) {
        this.batches = batches;
        this.tracker = tracker;
        this.history = history;
        this.steps = steps.stream().sorted(Comparator.comparing(PipelineStep::step)).toList();
        if (this.steps.stream().map(PipelineStep::step).toList().size() != Step.values().length) {
            throw new IllegalStateException("Every step needs exactly one implementation: " + this.steps);
        }
        this.listeners = List.copyOf(listeners);
        this.properties = properties;
        this.clock = clock;
    }

    @Job(name = "Video %1", retries = JOBRUNR_RETRIES)
    public void process(UUID itemId, String videoId) {
        MDC.put("item", itemId.toString());
        try {
            run(itemId);
        } finally {
            MDC.remove("item");
        }
    }

    private void run(UUID itemId) {
        VideoItem item = batches.item(itemId).orElse(null);
        if (item == null || item.status().isFinal()) {
            return;
        }
        Batch batch = batches.get(item.batchId());
        if (batch.status() == BatchStatus.CANCELLED || batch.status() == BatchStatus.STOPPED) {
            tracker.cancelled(item);
            batches.completeIfDone(batch.id());
            return;
        }
        if (!tracker.running(item)) {
            return;
        }
        item = batches.item(itemId).orElseThrow();
        long attemptId = history.startAttempt(itemId, item.attempts(), clock.instant());
        Path workDirectory = properties.workDirectory().resolve(itemId.toString());
        Step current = null;
        boolean finished = true;
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
                    tracker.cancelled(item);
                    history.finishAttempt(attemptId, current, "CANCELLED", null, null, null, clock.instant());
                    return;
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
            finished = fail(item, batch, attemptId, current, e.kind(), e.getMessage(), e.stderrTail(), e);
        } catch (YtDlpException e) {
            PipelineException mapped = YtDlpFailures.toPipeline(e);
            finished = fail(item, batch, attemptId, current, mapped.kind(), mapped.getMessage(), e.stderrTail(), e);
        } catch (IOException | RuntimeException e) {
            log.warn("Unexpected failure in step {} of item {}", current, itemId, e);
            finished = fail(item, batch, attemptId, current, ErrorKind.UNKNOWN, describe(e), null, e);
        } finally {
            if (finished) {
                deleteQuietly(workDirectory);
                batches.completeIfDone(batch.id());
            }
        }
    }

    /**
     * Records a failed try. Returns true when the item failed for good; otherwise throws so that JobRunr retries.
     */
    private boolean fail(VideoItem item, Batch batch, long attemptId, Step step, ErrorKind kind, String message,
            String stderrTail, Exception cause) {
        Instant now = clock.instant();
        if (isCancelled(batch)) {
            // The failure is most likely the cancellation itself (a killed download): no retry, no failure.
            history.finishAttempt(attemptId, step, "CANCELLED", kind, message, stderrTail, now);
            tracker.cancelled(item);
            return true;
        }
        VideoItem current = batches.item(item.id()).orElse(item);
        boolean retry = kind.isTransient() && current.attempts() <= batch.retryLimit();
        String text = message == null || message.isBlank() ? kind.description() : message;
        history.finishAttempt(attemptId, step, retry ? "RETRY" : "FAILED", kind, text, stderrTail, now);
        if (retry) {
            tracker.retrying(item, kind, text);
            throw new RetryableFailure(kind + " in " + step + ": " + text, cause);
        }
        tracker.failed(item, kind, text);
        if (batch.onError() == dev.tubebatch.batch.OnErrorPolicy.STOP && !kind.isTransient()) {
            batches.stop(batch.id(), "Stopped by the on-error policy: video " + item.videoId() + " failed ("
                    + text + ")");
        }
        return true;
    }

    private boolean isCancelled(Batch batch) {
        BatchStatus status = batches.get(batch.id()).status();
        return status == BatchStatus.CANCELLED || status == BatchStatus.STOPPED;
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

    /** Thrown to JobRunr to have the job retried after its backoff. */
    static final class RetryableFailure extends RuntimeException {
        RetryableFailure(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
