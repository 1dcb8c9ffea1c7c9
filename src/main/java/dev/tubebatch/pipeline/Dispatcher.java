package dev.tubebatch.pipeline;

import dev.tubebatch.batch.BatchCancelled;
import dev.tubebatch.batch.BatchQueries;
import dev.tubebatch.batch.BatchService;
import dev.tubebatch.batch.BatchStatus;
import dev.tubebatch.batch.ItemRuns;
import dev.tubebatch.batch.ItemsReady;
import dev.tubebatch.batch.WorkQueue;
import dev.tubebatch.youtube.budget.YouTubeGate;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jobrunr.scheduling.JobScheduler;
import org.jobrunr.server.BackgroundJobServer;
import org.springframework.beans.factory.ObjectProvider;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Turns waiting items into JobRunr jobs, a window at a time: {@link WorkQueue#claim} picks items round-robin
 * across batches under the per-batch and cluster limits and marks them QUEUED with a new job id; then the jobs
 * are enqueued under those ids. The window is every worker plus a few prefetched jobs, so a worker that finishes
 * finds its next job already enqueued; the finished job then refills the window from this class's own thread
 * ({@link #afterJob}), off the worker's critical path. If the process dies between claim and enqueue,
 * the sweep finds the QUEUED item without a job and enqueues it under the same id (JobRunr ignores an id it
 * already has), so no video is lost or run twice; an item whose job ended without running it waits to be claimed
 * again.
 *
 * <p>Two things keep pickup fast. Items that wait for a time (a retry's backoff, a retry round) wake a timer that
 * dispatches when they are due, instead of waiting for the next sweep or JobRunr poll. And after enqueuing, the
 * {@link JobServerKick} asks the local JobRunr server to fetch work at once, instead of at its next poll.
 *
 * <p>Videos that gave their worker back to wait for an inference slot ({@link InferenceTurns}) are handed out
 * first, but only one per free slot of this node, and dispatch runs again whenever a slot comes free.
 */
@Component
class Dispatcher {

    private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);


    private final BatchService batches;
    private final BatchQueries queries;
    private final ItemRuns runs;
    private final WorkQueue queue;
    private final JobScheduler jobs;
    private final JobLookup lookup;
    private final EngineProperties engine;
    private final JobServerKick kick;
    private final Clock clock;
    private final java.util.Set<UUID> batchesToClose = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final java.util.concurrent.atomic.AtomicBoolean afterJobsPending =
            new java.util.concurrent.atomic.AtomicBoolean();
    /** Runs dispatch after jobs end and when waiting items become due; one daemon thread. */
    private final YouTubeGate youTube;
    /** The lift time a dispatch is already set for, so a pause schedules one wake-up, not one per finished job. */
    private volatile @Nullable Instant wakeAtLift;

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("dispatch-timer").factory());

    private final InferenceTurns inference;
    private final ObjectProvider<BackgroundJobServer> jobServer;

    Dispatcher(BatchService batches, BatchQueries queries, ItemRuns runs, WorkQueue queue, JobScheduler jobs,
            JobLookup lookup, EngineProperties engine, JobServerKick kick, Clock clock, YouTubeGate youTube,
            InferenceTurns inference, ObjectProvider<BackgroundJobServer> jobServer) {
        this.youTube = youTube;
        this.inference = inference;
        this.jobServer = jobServer;
        // A freed slot may serve a waiting video: dispatch on the dispatcher's thread, as after a job.
        inference.onSlotFreed(() -> afterJob(null));
        this.engine = engine;
        this.kick = kick;
        this.clock = clock;
        this.batches = batches;
        this.queries = queries;
        this.runs = runs;
        this.queue = queue;
        this.jobs = jobs;
        this.lookup = lookup;
    }

    @EventListener
    void onItemsReady(ItemsReady event) {
        dispatch();
        // A retry round's items wait for a delay first.
        queue.nextDue().ifPresent(this::wakeAt);
    }

    /** Deletes the jobs of a cancelled batch; JobRunr interrupts a running one, which kills its download. */
    @EventListener
    void onCancelled(BatchCancelled event) {
        for (UUID jobId : event.jobIds()) {
            try {
                jobs.delete(jobId, "Batch cancelled");
            } catch (RuntimeException e) {
                log.debug("Job {} of cancelled batch {} could not be deleted", jobId, event.batchId(), e);
            }
        }
    }

    /**
     * Fills the window: enqueues a job for each item that {@link WorkQueue#claim} hands out. While YouTube calls are
     * paused nothing is handed out (each video would only be held back again); dispatch runs again at the lift.
     */
    void dispatch() {
        Instant paused = youTube.pausedUntil().orElse(null);
        if (paused != null) {
            if (!paused.equals(wakeAtLift)) {
                wakeAtLift = paused;
                wakeAt(paused);
            }
            return;
        }
        // The window: every worker busy plus a few jobs enqueued, ready for the next worker that comes free.
        // Videos waiting for an inference slot go first, one for each of this node's free slots, which is kept for it.
        List<WorkQueue.Claim> claims = queue.claim(lookup.clusterWorkers() + engine.prefetch(),
                inferenceTurns());
        for (WorkQueue.Claim claim : claims) {
            if (claim.inferenceTurn()) {
                inference.handedOut(claim.itemId());
            }
            enqueue(claim.itemId(), claim.videoId(), claim.jobId());
        }
        if (!claims.isEmpty()) {
            kick.workEnqueued();
        }
    }

    /**
     * How many videos waiting for an inference slot this dispatch may hand out: this node's free slots, if it runs
     * jobs (a web-only node's slots serve no job).
     */
    private int inferenceTurns() {
        return jobServer.getIfAvailable() == null ? 0 : inference.freeTurns();
    }

    void enqueue(UUID itemId, String videoId, UUID jobId) {
        jobs.<VideoJob>enqueue(jobId, job -> job.process(itemId, videoId, jobId));
    }

    /**
     * A job ended (its batch id, or null if it did nothing): closes the batch if all its items ended and refills
     * the window, on the dispatcher's thread. Jobs that end together share one pass.
     */
    void afterJob(@Nullable UUID batchId) {
        if (batchId != null) {
            batchesToClose.add(batchId);
        }
        if (afterJobsPending.compareAndSet(false, true)) {
            try {
                timer.execute(this::afterJobs);
            } catch (RejectedExecutionException e) {
                afterJobsPending.set(false);
                log.debug("Dispatcher stopped; the next start's sweep closes batches and dispatches", e);
            }
        }
    }

    private void afterJobs() {
        // Cleared first: a job that ends while this pass runs schedules the next pass.
        afterJobsPending.set(false);
        for (UUID batchId : List.copyOf(batchesToClose)) {
            batchesToClose.remove(batchId);
            try {
                batches.completeIfDone(batchId, engine.retryRoundDelay());
            } catch (RuntimeException e) {
                log.warn("Closing batch {} failed; the sweep tries again", batchId, e);
            }
        }
        dispatchQuietly();
    }

    /** Dispatches again at {@code at}, when an item waiting until then becomes due. */
    void wakeAt(Instant at) {
        long delay = Math.max(0, Duration.between(clock.instant(), at).toMillis()) + 1;
        try {
            timer.schedule(this::dispatchQuietly, delay, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            log.debug("Dispatcher stopped; the next start's sweep picks the item up", e);
        }
    }

    private void dispatchQuietly() {
        try {
            dispatch();
        } catch (RuntimeException e) {
            log.warn("Timed dispatch failed; the sweep tries again", e);
        }
    }

    @PreDestroy
    void stopTimer() {
        timer.shutdownNow();
    }

    /**
     * Makes sure every unfinished item of a running batch has a job: at start (after a crash) and periodically.
     * Items waiting for a job that JobRunr does not have (lost before it was stored) get it under the same id;
     * batches whose items all ended are closed. Runs every {@link EngineProperties#sweepInterval()}
     * ({@link EngineSchedule}).
     */
    @EventListener(ApplicationReadyEvent.class)
    void sweep() {
        try {
            List<WorkQueue.Claim> waiting = queue.waitingForJobs(engine.jobGrace());
            for (WorkQueue.Claim claim : waiting) {
                switch (lookup.find(claim.jobId())) {
                    case MISSING -> {
                        log.info("Item {} lost its job {}; enqueuing it again", claim.itemId(), claim.jobId());
                        enqueue(claim.itemId(), claim.videoId(), claim.jobId());
                        kick.workEnqueued();
                    }
                    case ENDED -> {
                        // JobRunr keeps an ended job's id, so the item needs a new one: it waits to be claimed.
                        log.info("Item {} waits for job {}, which ended without it; it waits again",
                                claim.itemId(), claim.jobId());
                        queue.release(claim);
                    }
                    case LIVE -> { }
                }
            }
            for (WorkQueue.RunningItem running : queue.runningLongerThan(engine.jobGrace())) {
                if (running.jobId() == null || !lookup.isLive(running.jobId())) {
                    recoverRunningWithoutJob(running);
                }
            }
            queries.batchesWithStatus(BatchStatus.RUNNING)
                    .forEach(b -> batches.completeIfDone(b.id(), engine.retryRoundDelay()));
            dispatch();
            // After a restart no timer knows about items waiting for a time: set one for the next that is due.
            queue.nextDue().ifPresent(this::wakeAt);
        } catch (RuntimeException e) {
            log.warn("Sweep of unfinished batches failed; it runs again later", e);
        }
    }

    /**
     * A RUNNING item whose job ended or vanished without recording an outcome (deleted while running, or its
     * process died before JobRunr stored the job). In a cancelled batch it is cancelled; otherwise it waits again
     * and resumes from its recorded steps.
     */
    private void recoverRunningWithoutJob(WorkQueue.RunningItem running) {
        log.info("Item {} is running without a live job {}; recovering it", running.itemId(), running.jobId());
        boolean cancelled = running.batchStatus() == BatchStatus.CANCELLED;
        runs.jobLost(running.itemId(), running.batchId(), cancelled);
        if (cancelled) {
            batches.completeIfDone(running.batchId(), engine.retryRoundDelay());
        }
    }
}
