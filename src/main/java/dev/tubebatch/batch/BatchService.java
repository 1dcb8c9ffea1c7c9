package dev.tubebatch.batch;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.jdbc.core.JdbcAggregateTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Creates batches and reads and changes their state. The only way the UI, CLI and API touch batches.
 * Jobs are not started here: creating (or resuming) a batch publishes {@link ItemsReady} after commit, and the
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
                null, request.maxWorkers(), request.retryLimit(), request.onError(), null));
        List<VideoItem> newItems = new ArrayList<>(request.videos().size());
        int position = 1;
        for (NewBatch.NewVideo video : request.videos()) {
            newItems.add(VideoItem.pending(batch.id(), position++, video.url(), video.videoId()));
        }
        aggregates.insertAll(newItems);
        afterCommit(batch.id(), true);
        return batch;
    }

    public Optional<Batch> find(UUID batchId) {
        return batches.findById(batchId);
    }

    public Batch get(UUID batchId) {
        return find(batchId).orElseThrow(() -> new NoSuchBatchException(batchId));
    }

    /** All batches, newest first, each with its counts. */
    public List<BatchOverview> overview() {
        Map<UUID, Map<ItemStatus, Integer>> counts = new java.util.HashMap<>();
        jdbc.sql("select batch_id, status, count(*) from video_item group by batch_id, status")
                .query(rs -> {
                    counts.computeIfAbsent(rs.getObject(1, UUID.class), k -> new EnumMap<>(ItemStatus.class))
                            .put(ItemStatus.valueOf(rs.getString(2)), rs.getInt(3));
                });
        return batches.findAllByOrderByCreatedAtDesc().stream()
                .map(b -> new BatchOverview(b, BatchProgress.of(counts.getOrDefault(b.id(), Map.of()))))
                .toList();
    }

    public BatchProgress progress(UUID batchId) {
        Map<ItemStatus, Integer> counts = new EnumMap<>(ItemStatus.class);
        jdbc.sql("select status, count(*) from video_item where batch_id = :batch group by status")
                .param("batch", batchId)
                .query(rs -> {
                    counts.put(ItemStatus.valueOf(rs.getString(1)), rs.getInt(2));
                });
        return BatchProgress.of(counts);
    }

    public List<VideoItem> items(UUID batchId) {
        return items.findByBatchIdOrderByPosition(batchId);
    }

    /** A page of a batch's items in position order, optionally only those with one status. */
    public List<VideoItem> items(UUID batchId, ItemStatus status, long offset, int limit) {
        return status == null ? items.page(batchId, offset, limit)
                : items.pageWithStatus(batchId, status, offset, limit);
    }

    public long countItems(UUID batchId, ItemStatus status) {
        return status == null ? items.countByBatchId(batchId) : items.countByBatchIdAndStatus(batchId, status);
    }

    public Optional<VideoItem> item(UUID itemId) {
        return items.findById(itemId);
    }

    /** Items still waiting for a job, in position order. */
    public List<VideoItem> pendingItems(UUID batchId) {
        return items.findByBatchIdAndStatusOrderByPosition(batchId, ItemStatus.PENDING);
    }

    public List<Batch> batchesWithStatus(BatchStatus status) {
        return batches.findByStatus(status);
    }

    /**
     * Cancels a batch: items that have not started are marked cancelled at once; running items stop before
     * their next step.
     */
    @Transactional
    public boolean cancel(UUID batchId) {
        Batch batch = get(batchId);
        if (batch.status().isFinished()) {
            return false;
        }
        boolean changed = batches.transition(batchId, batch.status(), BatchStatus.CANCELLED, clock.instant(),
                "Cancelled");
        if (changed) {
            items.cancelWaiting(batchId, clock.instant());
            afterCommit(batchId, false);
        }
        return changed;
    }

    /**
     * Stops a running batch for the given reason (the on-error policy {@code stop}): videos that have not started
     * are cancelled, running ones stop before their next step. Returns false if the batch was not running.
     */
    @Transactional
    public boolean stop(UUID batchId, String reason) {
        boolean changed = batches.transition(batchId, BatchStatus.RUNNING, BatchStatus.STOPPED, clock.instant(),
                reason);
        if (changed) {
            items.cancelWaiting(batchId, clock.instant());
            afterCommit(batchId, false);
        }
        return changed;
    }

    /**
     * Marks a batch finished once every item reached an end state: COMPLETED, or COMPLETED_WITH_FAILURES if any
     * failed. Safe to call from any node at any time; it changes nothing while items are left.
     */
    public boolean completeIfDone(UUID batchId) {
        int changed = jdbc.sql("""
                update batch set status = case when exists (select 1 from video_item
                                                             where batch_id = :batch and status = 'FAILED')
                                               then 'COMPLETED_WITH_FAILURES' else 'COMPLETED' end,
                                 finished_at = :now
                 where id = :batch and status = 'RUNNING'
                   and not exists (select 1 from video_item where batch_id = :batch
                                   and status not in ('COMPLETED', 'FAILED', 'CANCELLED'))""")
                .param("batch", batchId).param("now", java.sql.Timestamp.from(clock.instant()))
                .update();
        if (changed > 0) {
            progressEvents.publish(BatchChange.ofBatch(batchId));
        }
        return changed > 0;
    }

    private void afterCommit(UUID batchId, boolean itemsReady) {
        Runnable publish = () -> {
            if (itemsReady) {
                springEvents.publishEvent(new ItemsReady(batchId));
            }
            progressEvents.publish(BatchChange.ofBatch(batchId));
        };
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    publish.run();
                }
            });
        } else {
            publish.run();
        }
    }
}
