package dev.tubebatch.pipeline;

import dev.tubebatch.batch.BatchCancelled;
import dev.tubebatch.batch.BatchService;
import dev.tubebatch.batch.BatchStatus;
import dev.tubebatch.batch.ItemTracker;
import dev.tubebatch.batch.ItemsReady;
import dev.tubebatch.batch.WorkQueue;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jobrunr.scheduling.JobScheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Turns waiting items into JobRunr jobs, a window at a time: {@link WorkQueue#claim} picks items round-robin
 * across batches under the per-batch and cluster limits and marks them QUEUED with a new job id; then the jobs
 * are enqueued under those ids. A finishing job dispatches again before its worker goes idle, so the worker finds
 * the next job at once instead of waiting for JobRunr's next poll. If the process dies between claim and enqueue,
 * the sweep finds the QUEUED item without a job and enqueues it under the same id (JobRunr ignores an id it
 * already has), so no video is lost or run twice.
 */
@Component
class Dispatcher {

    private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);


    private final BatchService batches;
    private final ItemTracker tracker;
    private final WorkQueue queue;
    private final JobScheduler jobs;
    private final JobLookup lookup;
    private final EngineProperties engine;

    Dispatcher(BatchService batches, ItemTracker tracker, WorkQueue queue, JobScheduler jobs, JobLookup lookup,
            EngineProperties engine) {
        this.engine = engine;
        this.batches = batches;
        this.tracker = tracker;
        this.queue = queue;
        this.jobs = jobs;
        this.lookup = lookup;
    }

    @EventListener
    void onItemsReady(ItemsReady event) {
        dispatch();
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

    /** Fills the window: enqueues a job for each item that {@link WorkQueue#claim} hands out. */
    void dispatch() {
        for (WorkQueue.Claim claim : queue.claim(lookup.clusterWorkers())) {
            enqueue(claim.itemId(), claim.videoId(), claim.jobId());
        }
    }

    void enqueue(UUID itemId, String videoId, UUID jobId) {
        jobs.<VideoJob>enqueue(jobId, job -> job.process(itemId, videoId, jobId));
    }

    void schedule(UUID itemId, String videoId, UUID jobId, Instant at) {
        jobs.<VideoJob>schedule(jobId, at, job -> job.process(itemId, videoId, jobId));
    }

    /**
     * Makes sure every unfinished item of a running batch has a job: at start (after a crash) and periodically.
     * Items waiting for a job that JobRunr does not have (lost before it was stored) get it under the same id;
     * batches whose items all ended are closed.
     */
    @EventListener(ApplicationReadyEvent.class)
    @Scheduled(initialDelayString = "${tubebatch.engine.sweep-interval:PT10S}",
            fixedDelayString = "${tubebatch.engine.sweep-interval:PT10S}")
    void sweep() {
        try {
            List<WorkQueue.Claim> waiting = queue.waitingForJobs(engine.jobGrace());
            for (WorkQueue.Claim claim : waiting) {
                if (!lookup.exists(claim.jobId())) {
                    log.info("Item {} lost its job {}; enqueuing it again", claim.itemId(), claim.jobId());
                    enqueue(claim.itemId(), claim.videoId(), claim.jobId());
                }
            }
            for (WorkQueue.RunningItem running : queue.runningLongerThan(engine.jobGrace())) {
                if (running.jobId() == null || !lookup.isLive(running.jobId())) {
                    recoverRunningWithoutJob(running);
                }
            }
            batches.batchesWithStatus(BatchStatus.RUNNING).forEach(b -> batches.completeIfDone(b.id()));
            dispatch();
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
        batches.item(running.itemId()).ifPresent(item -> {
            log.info("Item {} is running without a live job {}; recovering it", item.id(), running.jobId());
            if (running.batchStatus() == BatchStatus.CANCELLED) {
                tracker.cancelled(item);
                batches.completeIfDone(item.batchId());
            } else {
                tracker.released(item);
            }
        });
    }
}
