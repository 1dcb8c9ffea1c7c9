package dev.tubebatch.pipeline;

import dev.tubebatch.batch.Batch;
import dev.tubebatch.batch.BatchService;
import dev.tubebatch.batch.BatchStatus;
import dev.tubebatch.batch.ItemTracker;
import dev.tubebatch.batch.ItemsReady;
import dev.tubebatch.batch.VideoItem;
import java.util.UUID;
import org.jobrunr.scheduling.JobScheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Turns waiting items into JobRunr jobs. An item is first marked QUEUED with a fresh job id, then the job is
 * enqueued under that id; if the process dies in between, the periodic sweep finds the QUEUED item without a job
 * and enqueues it under the same id (JobRunr ignores an id it already has), so no video is lost or run twice.
 */
@Component
class Dispatcher {

    private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);

    private final BatchService batches;
    private final ItemTracker tracker;
    private final JobScheduler jobs;
    private final JobLookup lookup;

    Dispatcher(BatchService batches, ItemTracker tracker, JobScheduler jobs, JobLookup lookup) {
        this.batches = batches;
        this.tracker = tracker;
        this.jobs = jobs;
        this.lookup = lookup;
    }

    @EventListener
    void onItemsReady(ItemsReady event) {
        dispatch(event.batchId());
    }

    /** Enqueues a job for each waiting item of a running batch, in position order. */
    void dispatch(UUID batchId) {
        Batch batch = batches.find(batchId).orElse(null);
        if (batch == null || batch.status() != BatchStatus.RUNNING) {
            return;
        }
        for (VideoItem item : batches.pendingItems(batchId)) {
            UUID jobId = UUID.randomUUID();
            if (tracker.queued(item, jobId)) {
                enqueue(item, jobId);
            }
        }
    }

    private void enqueue(VideoItem item, UUID jobId) {
        UUID itemId = item.id();
        String videoId = item.videoId();
        jobs.<VideoJob>enqueue(jobId, job -> job.process(itemId, videoId));
    }

    /**
     * Makes sure every unfinished item of a running batch has a job: at start (after a crash) and then
     * periodically. Items whose job is gone (lost before it was stored, or deleted by hand) get it back.
     */
    @EventListener(ApplicationReadyEvent.class)
    @Scheduled(initialDelayString = "${tubebatch.pipeline.sweep-interval:PT30S}",
            fixedDelayString = "${tubebatch.pipeline.sweep-interval:PT30S}")
    void sweep() {
        try {
            for (Batch batch : batches.batchesWithStatus(BatchStatus.RUNNING)) {
                dispatch(batch.id());
                for (VideoItem item : batches.items(batch.id())) {
                    if (item.jobId() != null && !item.status().isFinal() && !lookup.exists(item.jobId())) {
                        log.info("Item {} of batch {} lost its job {}; enqueuing it again", item.id(), batch.id(),
                                item.jobId());
                        enqueue(item, item.jobId());
                    }
                }
                batches.completeIfDone(batch.id());
            }
        } catch (RuntimeException e) {
            log.warn("Sweep of unfinished batches failed; it runs again later", e);
        }
    }
}
