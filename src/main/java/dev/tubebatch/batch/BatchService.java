package dev.tubebatch.batch;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.jdbc.core.JdbcAggregateTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates batches and changes their state: the commands of the UI, CLI, API and the pipeline. Reading is
 * {@link BatchQueries}; a job's own state changes on its item are {@link ItemRun}. Jobs are not started here: creating (or resuming) a batch publishes {@link ItemsReady} after commit, and the
 * pipeline's dispatcher enqueues the jobs.
 */
@Service
public class BatchService {

    private final BatchRepository batches;
    private final VideoItemRepository items;
    private final JdbcAggregateTemplate aggregates;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher springEvents;
    private final BatchEvents progressEvents;
    private final Clock clock;

    BatchService(BatchRepository batches, VideoItemRepository items, JdbcAggregateTemplate aggregates, JdbcClient jdbc,
            ApplicationEventPublisher springEvents, BatchEvents progressEvents, Clock clock) {
        this.batches = batches;
        this.items = items;
        this.aggregates = aggregates;
        this.jdbc = jdbc;
        this.springEvents = springEvents;
        this.progressEvents = progressEvents;
        this.clock = clock;
    }

    /**
     * Creates a batch and its items in one transaction: either all of it is stored or nothing is.
     *
     * @throws IllegalArgumentException if two videos share an id (intake de-duplicates; this guards the rule)
     */
    @Transactional
    public Batch create(NewBatch request, String createdBy) {
        Set<String> seen = new HashSet<>();
        for (NewBatch.NewVideo video : request.videos()) {
            if (!seen.add(video.videoId())) {
                throw new IllegalArgumentException("videos: " + video.videoId() + " is listed twice");
            }
        }
        Instant now = clock.instant();
        String name = request.name().isEmpty() ? "Batch " + now.toString().substring(0, 16).replace('T', ' ')
                : request.name();
        Batch batch = aggregates.insert(new Batch(UUID.randomUUID(), name, BatchStatus.RUNNING, createdBy, now, now,
                null, request.maxWorkers(), request.retryLimit(), request.onError(), null, false, false));
        List<VideoItem> newItems = new ArrayList<>(request.videos().size());
        int position = 1;
        for (NewBatch.NewVideo video : request.videos()) {
            newItems.add(VideoItem.pending(batch.id(), position++, video.url(), video.videoId()));
        }
        aggregates.insertAll(newItems);
        if (!request.options().equals(BatchOptions.DEFAULTS)) {
            jdbc.sql("""
                    insert into batch_options (batch_id, summaries, summary_sentences, summary_preset,
                                               summary_instruction, max_video_minutes, caption_languages,
                                               translated_captions)
                    values (:id, :on, :n, :preset, :instruction, :minutes,
                            string_to_array(nullif(:languages, ''), ','), :translated)""")
                    .param("id", batch.id())
                    .param("on", request.options().summaries())
                    .param("n", request.options().summarySentences(), java.sql.Types.INTEGER)
                    .param("preset", request.options().summaryPreset(), java.sql.Types.VARCHAR)
                    .param("instruction", request.options().summaryInstruction(), java.sql.Types.VARCHAR)
                    .param("minutes", request.options().maxVideoMinutes(), java.sql.Types.INTEGER)
                    // codes never hold a comma (BatchOptions checks them)
                    .param("languages", String.join(",", request.options().captionLanguages()))
                    .param("translated", request.options().translatedCaptions())
                    .update();
        }
        announce(batch.id(), true);
        return batch;
    }

    /** Pauses a running batch: nothing new starts; running videos finish their current step. */
    @Transactional
    public boolean pause(UUID batchId) {
        return hold(batchId, BatchStatus.PAUSED, null);
    }

    /**
     * Pauses a running batch that cannot go on until someone acts (a full disk), saying why; resuming clears the
     * reason. Returns false if the batch was not running.
     */
    @Transactional
    public boolean pause(UUID batchId, String reason) {
        return hold(batchId, BatchStatus.PAUSED, reason);
    }

    /**
     * Stops a running batch for the given reason (the on-error policy {@code stop}): like a pause, and the batch
     * says why. Returns false if the batch was not running.
     */
    @Transactional
    public boolean stop(UUID batchId, String reason) {
        return hold(batchId, BatchStatus.STOPPED, reason);
    }

    private boolean hold(UUID batchId, BatchStatus to, @Nullable String reason) {
        boolean changed = batches.transition(batchId, BatchStatus.RUNNING, to, null, reason);
        if (changed) {
            items.releaseQueued(batchId);
            announce(batchId, false);
        }
        return changed;
    }

    /** Resumes a paused or stopped batch: its videos go on from their recorded steps. */
    @Transactional
    public boolean resume(UUID batchId) {
        BatchStatus status = get(batchId).status();
        if (!status.isHeld()) {
            return false;
        }
        boolean changed = batches.reopen(batchId, status);
        if (changed) {
            announce(batchId, true);
        }
        return changed;
    }

    /**
     * Cancels a batch: videos that have not started are marked cancelled at once, running ones are interrupted
     * (their jobs are deleted by the pipeline on {@link BatchCancelled}) or stop before their next step.
     */
    @Transactional
    public boolean cancel(UUID batchId) {
        Batch batch = get(batchId);
        if (batch.status().isFinished()) {
            return false;
        }
        List<UUID> liveJobs = items.liveJobIds(batchId);
        boolean changed = batches.transition(batchId, batch.status(), BatchStatus.CANCELLED, clock.instant(),
                "Cancelled");
        if (changed) {
            items.cancelWaiting(batchId, clock.instant());
            AfterCommit.run(() -> springEvents.publishEvent(new BatchCancelled(batchId, liveJobs)));
            announce(batchId, false);
        }
        return changed;
    }

    /**
     * Gives the failed videos of a batch a new round: they wait again, their attempts count from zero, and their
     * recorded steps are kept. A completed batch runs again. Returns how many videos were re-queued.
     *
     * @throws BatchStateException if the batch was cancelled
     */
    @Transactional
    public int retryFailed(UUID batchId) {
        Batch batch = get(batchId);
        if (batch.status() == BatchStatus.CANCELLED) {
            throw new BatchStateException(batch.status(), "a cancelled batch cannot be retried");
        }
        int requeued = items.requeueFailed(batchId, null);
        if (requeued > 0 && batch.status().isFinished()) {
            batches.reopen(batchId, batch.status());
        }
        if (requeued > 0) {
            announce(batchId, true);
        }
        return requeued;
    }

    /**
     * Marks a batch finished once every item reached an end state: COMPLETED, or COMPLETED_WITH_FAILURES if any
     * failed. Under the on-error policy {@code retry}, the first time that happens with failures, the failed
     * videos get one more round after {@code retryRoundDelay} instead (the engine's setting, passed by the
     * pipeline that closes batches). Safe to call from any node at any time.
     */
    @Transactional
    public boolean completeIfDone(UUID batchId, Duration retryRoundDelay) {
        boolean allEnded = jdbc.sql("""
                select not exists (select 1 from video_item where batch_id = :batch
                                    and status not in ('COMPLETED', 'FAILED', 'CANCELLED'))""")
                .param("batch", batchId).query(Boolean.class).single();
        if (!allEnded) {
            return false;
        }
        Batch batch = get(batchId);
        if (batch.status() == BatchStatus.RUNNING && batch.onError() == OnErrorPolicy.RETRY && !batch.retryRoundDone()
                && items.countByBatchIdAndStatus(batchId, ItemStatus.FAILED) > 0
                && batches.markRetryRoundDone(batchId)) {
            items.requeueFailed(batchId, clock.instant().plus(retryRoundDelay));
            announce(batchId, true);
            return false;
        }
        int changed = jdbc.sql("""
                update batch set status = case when exists (select 1 from video_item
                                                             where batch_id = :batch and status = 'FAILED')
                                               then 'COMPLETED_WITH_FAILURES' else 'COMPLETED' end,
                                 finished_at = :now
                 where id = :batch and status = 'RUNNING'""")
                .param("batch", batchId).param("now", java.sql.Timestamp.from(clock.instant()))
                .update();
        if (changed > 0) {
            announce(batchId, false);
            AfterCommit.run(() -> springEvents.publishEvent(new BatchClosed(batchId)));
        }
        return changed > 0;
    }

    private Batch get(UUID batchId) {
        return batches.findById(batchId).orElseThrow(() -> new NoSuchBatchException(batchId));
    }

    private void announce(UUID batchId, boolean itemsReady) {
        if (itemsReady) {
            AfterCommit.run(() -> springEvents.publishEvent(new ItemsReady(batchId)));
        }
        progressEvents.publish(BatchChange.ofBatch(batchId));
    }
}
