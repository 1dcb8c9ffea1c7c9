package dev.tubebatch.pipeline;

import dev.tubebatch.batch.Batch;
import dev.tubebatch.batch.BatchService;
import dev.tubebatch.batch.BatchStatus;
import dev.tubebatch.batch.ErrorKind;
import dev.tubebatch.batch.ItemRun;
import dev.tubebatch.batch.ItemRuns;
import dev.tubebatch.batch.OnErrorPolicy;
import dev.tubebatch.batch.Step;
import dev.tubebatch.batch.StepRecord;
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
 *
 * <p>No video can poison the engine. Every {@link Throwable} is recorded as a try ({@link Error}s such as
 * {@code OutOfMemoryError} as {@link ErrorKind#CRASHED}), and so is a try whose process died under it; a video
 * whose tries go past its retry limit + {@value #CRASH_ALLOWANCE} fails as CRASHED and its batch goes on. A full
 * disk fails no video: the batch pauses and says which folder is full. A video that finds every inference slot
 * busy gives its worker back and waits for one without using a try ({@link InferenceTurns}).
 */
@Component
public class VideoJob {

    /** JobRunr's own retries, for orphaned jobs only (a server that died mid-job). */
    static final int ORPHAN_RETRIES = 10;

    /** Tries a video may take beyond its retry limit before it counts as crashing its worker. */
    static final int CRASH_ALLOWANCE = 2;

    private static final Logger log = LoggerFactory.getLogger(VideoJob.class);

    private final BatchService batches;
    private final ItemRuns runs;
    private final List<PipelineStep> steps;
    private final List<StepListener> listeners;
    private final PipelineProperties properties;
    private final RetryPolicy retryPolicy;
    private final ObjectProvider<Dispatcher> dispatcher;
    private final WorkFolders folders;
    private final WorkerPermits workers;
    private final Clock clock;
    private final YouTubeWaitNotes youTubeWaits;

    VideoJob(BatchService batches, ItemRuns runs, List<PipelineStep> steps,
            List<StepListener> listeners, PipelineProperties properties, EngineProperties engine,
            ObjectProvider<Dispatcher> dispatcher, WorkFolders folders, WorkerPermits workers, Clock clock,
            YouTubeWaitNotes youTubeWaits) {
        this.batches = batches;
        this.runs = runs;
        this.steps = steps.stream().sorted(Comparator.comparing(PipelineStep::step)).toList();
        if (this.steps.stream().map(PipelineStep::step).distinct().count() != Step.values().length
                || this.steps.size() != Step.values().length) {
            throw new IllegalStateException("Every step needs exactly one implementation: " + this.steps);
        }
        this.listeners = List.copyOf(listeners);
        this.properties = properties;
        this.retryPolicy = RetryPolicy.of(engine);
        this.dispatcher = dispatcher;
        this.folders = folders;
        this.workers = workers;
        this.clock = clock;
        this.youTubeWaits = youTubeWaits;
    }

    @Job(name = "Video %1", retries = ORPHAN_RETRIES)
    public void process(UUID itemId, String videoId, UUID jobId) {
        if (!workers.acquire()) {
            // Deleted or stopped while it waited for a worker: it never started, and its item waits for a job.
            return;
        }
        MDC.put("item", itemId.toString());
        MDC.put("video", videoId);
        UUID batchId = null;
        try {
            batchId = run(itemId, jobId);
        } finally {
            workers.release();
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
        ItemRun run = runs.start(itemId, jobId).orElse(null);
        if (run == null) {
            return null;
        }
        Batch batch = run.batch();
        MDC.put("batch", batch.id().toString());
        Path workDirectory = properties.workDirectory().resolve(itemId.toString());
        if (run.item().attempts() > batch.retryLimit() + CRASH_ALLOWANCE) {
            // Only tries that crashed (or whose process died) take a video this far: transient failures stop
            // at the retry limit.
            run.failed(ErrorKind.CRASHED, "Not tried again after " + (run.item().attempts() - 1)
                    + " tries: they kept ending in a crash (the worker died or ran out of memory on this video)",
                    null);
            deleteQuietly(workDirectory);
            return batch.id();
        }
        boolean ended = true;
        try {
            Map<Step, StepRecord> done = run.recordedSteps();
            ItemContext context = new ItemContext(batch, run.item(), workDirectory);
            Files.createDirectories(workDirectory);
            for (PipelineStep step : steps) {
                if (done.containsKey(step.step())) {
                    continue;
                }
                Instant started = clock.instant();
                if (!run.stepStarted(step.step())) {
                    ended = stopBeforeStep(run);
                    return batch.id();
                }
                StepResult result = youTubeWaits.during(run.item(), () -> step.run(context));
                run.stepDone(step.step(), result.outcome(), result.note(), started);
                for (StepListener listener : listeners) {
                    listener.stepRecorded(itemId, step.step());
                }
            }
            run.succeeded();
        } catch (YouTubeWait e) {
            ended = false;
            run.waitsForYouTube(e.note(), e.until());
            dispatcher.getObject().wakeAt(e.until());
        } catch (InferenceWait e) {
            // The work folder (the downloaded audio) is kept for the next try on this node.
            ended = false;
            run.waitsForInference(InferenceTurns.NOTE);
        } catch (PipelineException e) {
            ended = WorkFolders.isDiskFull(e, e.stderrTail()) ? diskFull(run)
                    : fail(run, e.kind(), e.getMessage(), e.stderrTail());
        } catch (YtDlpException e) {
            PipelineException mapped = YtDlpFailures.toPipeline(e);
            ended = WorkFolders.isDiskFull(e, e.stderrTail()) ? diskFull(run)
                    : fail(run, mapped.kind(), mapped.getMessage(), e.stderrTail());
        } catch (IOException | RuntimeException e) {
            if (WorkFolders.isDiskFull(e, null)) {
                ended = diskFull(run);
            } else {
                log.warn("Unexpected failure in step {} of item {}", run.lastStep(), itemId, e);
                ended = fail(run, ErrorKind.UNKNOWN, describe(e), null);
            }
        } catch (Error e) {
            // OutOfMemoryError, StackOverflowError, a native library's error: the stack has unwound, so the try can
            // still be recorded, and the video's tries run out like any other.
            log.error("Worker crashed in step {} of item {}", run.lastStep(), itemId, e);
            ended = fail(run, ErrorKind.CRASHED, "The worker crashed: " + describe(e), null);
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
    private static boolean stopBeforeStep(ItemRun run) {
        BatchStatus status = run.batchStatusNow();
        if (status == BatchStatus.CANCELLED) {
            run.cancelled();
            return true;
        }
        run.held("Batch " + status.name().toLowerCase());
        return false;
    }

    /**
     * A write failed for want of space: the batch pauses, saying which folder is full, and the video waits with
     * its recorded steps; the try does not count. Returns whether the item reached an end state.
     */
    private boolean diskFull(ItemRun run) {
        boolean interrupted = Thread.interrupted();
        try {
            if (run.batchStatusNow() == BatchStatus.CANCELLED) {
                run.cancelled();
                return true;
            }
            String reason = "Disk full in " + folders.fullest() + ": free some space there, then resume the batch";
            log.warn("{}; pausing batch {}", reason, run.batch().id());
            batches.pause(run.batch().id(), reason);
            run.held(reason);
            return false;
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * Records a failed try: schedules a retry after the backoff delay when the failure is transient and the
     * batch's retry limit allows; otherwise fails the video. Returns whether the item reached an end state.
     */
    private boolean fail(ItemRun run, ErrorKind kind, @Nullable String message, @Nullable String stderrTail) {
        // Recording must reach the database even when the failure was an interrupt (a cancelled batch's job).
        boolean interrupted = Thread.interrupted();
        try {
            return recordFailure(run, kind, message, stderrTail);
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private boolean recordFailure(ItemRun run, ErrorKind kind, @Nullable String message,
            @Nullable String stderrTail) {
        String text = message == null || message.isBlank() ? kind.description() : message;
        if (run.batchStatusNow() == BatchStatus.CANCELLED) {
            // Most likely the cancellation itself (a killed download): neither a retry nor a failure.
            run.cancelled(kind, text, stderrTail);
            return true;
        }
        Batch batch = run.batch();
        int attempts = run.item().attempts();
        if (kind.isTransient() && attempts <= batch.retryLimit()) {
            // The item waits in our table, not as a JobRunr scheduled job: JobRunr would enqueue that only at its
            // next poll (seconds late), and it would bypass the batch's worker limit. The dispatcher's timer hands
            // the item a job when its backoff is over.
            Instant retryAt = run.retryAfter(kind, text, stderrTail, retryPolicy.delay(attempts));
            dispatcher.getObject().wakeAt(retryAt);
            return false;
        }
        run.failed(kind, text, stderrTail);
        if (batch.onError() == OnErrorPolicy.STOP && !kind.isTransient()) {
            batches.stop(batch.id(), "Stopped by the on-error policy: video " + run.item().videoId() + " failed ("
                    + text + ")");
        }
        return true;
    }

    private static String describe(Exception e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /** An error is named with its class: "OutOfMemoryError: Java heap space". */
    private static String describe(Error e) {
        return e.getMessage() == null ? e.getClass().getSimpleName()
                : e.getClass().getSimpleName() + ": " + e.getMessage();
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
