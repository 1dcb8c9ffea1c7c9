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
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.jdbc.core.JdbcAggregateTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;

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
    private final Duration retryRoundDelay;

    BatchService(BatchRepository batches, VideoItemRepository items, JdbcAggregateTemplate aggregates, JdbcClient jdbc,
            ApplicationEventPublisher springEvents, BatchEvents progressEvents, Clock clock,
            @Value("${tubebatch.engine.retry-round-delay:PT1M}") Duration retryRoundDelay) {
        this.retryRoundDelay = retryRoundDelay;
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
                null, request.maxWorkers(), request.retryLimit(), request.onError(), null, false));
        List<VideoItem> newItems = new ArrayList<>(request.videos().size());
        int position = 1;
        for (NewBatch.NewVideo video : request.videos()) {
            newItems.add(VideoItem.pending(batch.id(), position++, video.url(), video.videoId()));
        }
        aggregates.insertAll(newItems);
        if (!request.options().equals(BatchOptions.DEFAULTS)) {
            jdbc.sql("insert into batch_options (batch_id, summaries, summary_sentences) values (:id, :on, :n)")
                    .param("id", batch.id())
                    .param("on", request.options().summaries())
                    .param("n", request.options().summarySentences())
                    .update();
        }
        afterCommit(batch.id(), true);
        return batch;
    }

    /** The batch's own summary options, or the defaults (the node's configuration). */
    public BatchOptions options(UUID batchId) {
        return jdbc.sql("select summaries, summary_sentences from batch_options where batch_id = :id")
                .param("id", batchId)
                .query((rs, n) -> new BatchOptions(rs.getBoolean(1), (Integer) rs.getObject(2)))
                .optional().orElse(BatchOptions.DEFAULTS);
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

    /**
     * Elapsed time, throughput and the time still needed, from the measured step times of this batch. Steps a video
     * has recorded are not counted again for it, so a half-done video needs only its remaining steps.
     */
    public BatchEstimate estimate(UUID batchId) {
        Batch batch = get(batchId);
        BatchProgress progress = progress(batchId);
        Instant now = clock.instant();
        Instant end = batch.finishedAt() != null ? batch.finishedAt() : now;
        Duration elapsed = Duration.between(batch.startedAt(), end);
        Map<Step, Duration> means = new EnumMap<>(Step.class);
        Map<Step, Integer> recordedByUnfinished = new EnumMap<>(Step.class);
        jdbc.sql("""
                select s.step, avg(extract(epoch from s.finished_at - s.started_at) * 1000),
                       count(*) filter (where v.status not in ('COMPLETED', 'FAILED', 'CANCELLED'))
                  from item_step s join video_item v on v.id = s.item_id
                 where v.batch_id = :batch group by s.step""")
                .param("batch", batchId)
                .query(rs -> {
                    Step step = Step.valueOf(rs.getString(1));
                    means.put(step, Duration.ofMillis(Math.round(rs.getDouble(2))));
                    recordedByUnfinished.put(step, rs.getInt(3));
                });
        double[] work = jdbc.sql("""
                select coalesce(sum(extract(epoch from s.finished_at - s.started_at) * 1000), 0),
                       coalesce(extract(epoch from (:end - min(s.started_at))) * 1000, 0)
                  from item_step s join video_item v on v.id = s.item_id where v.batch_id = :batch""")
                .param("batch", batchId).param("end", java.sql.Timestamp.from(end))
                .query((rs, n) -> new double[] {rs.getDouble(1), rs.getDouble(2)}).single();
        double parallelism = work[1] <= 0 ? 1 : Math.max(1, work[0] / work[1]);
        double minutes = elapsed.toMillis() / 60_000.0;
        double perMinute = minutes <= 0 ? 0 : progress.finished() / minutes;
        int unfinished = progress.total() - progress.finished();
        Duration eta;
        if (unfinished == 0) {
            eta = Duration.ZERO;
        } else if (means.size() < Step.values().length) {
            eta = null;
        } else {
            double remaining = 0;
            for (Map.Entry<Step, Duration> mean : means.entrySet()) {
                int toRun = unfinished - recordedByUnfinished.getOrDefault(mean.getKey(), 0);
                remaining += Math.max(0, toRun) * (double) mean.getValue().toMillis();
            }
            eta = Duration.ofMillis(Math.round(remaining / parallelism));
        }
        return new BatchEstimate(progress.total(), progress.finished(), elapsed, perMinute, Map.copyOf(means),
                parallelism, eta);
    }

    public List<VideoItem> items(UUID batchId) {
        return items.findByBatchIdOrderByPosition(batchId);
    }

    /** A page of a batch's items in position order, optionally only those with one status. */
    public List<VideoItem> items(UUID batchId, @Nullable ItemStatus status, long offset, int limit) {
        return status == null ? items.page(batchId, offset, limit)
                : items.pageWithStatus(batchId, status, offset, limit);
    }

    /**
     * Items that reached an end state at or after {@code since}, oldest first, at most {@code limit}: a follower
     * (the CLI's per-video lines) keeps the last time it saw and skips ids it printed already.
     */
    public List<VideoItem> finishedSince(UUID batchId, Instant since, int limit) {
        return items.finishedSince(batchId, since, limit);
    }

    /**
     * Videos of all batches that reached an end state in each of the last {@code buckets} intervals of length
     * {@code bucket}, oldest first: the System view's throughput chart.
     */
    public int[] finishedPerInterval(Duration bucket, int buckets) {
        int[] counts = new int[buckets];
        Instant now = clock.instant();
        jdbc.sql("""
                select floor(extract(epoch from (:now - finished_at)) / :seconds)::int as age, count(*)
                from video_item where finished_at > :since and finished_at <= :now group by age""")
                .param("now", java.sql.Timestamp.from(now))
                .param("seconds", (double) bucket.toSeconds())
                .param("since", java.sql.Timestamp.from(now.minus(bucket.multipliedBy(buckets))))
                .query(rs -> {
                    int age = rs.getInt(1);
                    if (age >= 0 && age < buckets) {
                        counts[buckets - 1 - age] = rs.getInt(2);
                    }
                });
        return counts;
    }

    public long countItems(UUID batchId, @Nullable ItemStatus status) {
        return status == null ? items.countByBatchId(batchId) : items.countByBatchIdAndStatus(batchId, status);
    }

    public Optional<VideoItem> item(UUID itemId) {
        return items.findById(itemId);
    }

    public List<Batch> batchesWithStatus(BatchStatus status) {
        return batches.findByStatus(status);
    }

    /** Pauses a running batch: nothing new starts; running videos finish their current step. */
    @Transactional
    public boolean pause(UUID batchId) {
        return hold(batchId, BatchStatus.PAUSED, null);
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
            afterCommit(batchId, false);
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
            afterCommit(batchId, true);
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
            afterCommit(batchId, false);
        }
        return changed;
    }

    /**
     * Gives the failed videos of a batch a new round: they wait again, their attempts count from zero, and their
     * recorded steps are kept. A completed batch runs again. Returns how many videos were re-queued.
     */
    @Transactional
    public int retryFailed(UUID batchId) {
        Batch batch = get(batchId);
        if (batch.status() == BatchStatus.CANCELLED) {
            throw new IllegalStateException("A cancelled batch cannot be retried");
        }
        int requeued = items.requeueFailed(batchId, null);
        if (requeued > 0 && batch.status().isFinished()) {
            batches.reopen(batchId, batch.status());
        }
        if (requeued > 0) {
            afterCommit(batchId, true);
        }
        return requeued;
    }

    /**
     * Marks a batch finished once every item reached an end state: COMPLETED, or COMPLETED_WITH_FAILURES if any
     * failed. Under the on-error policy {@code retry}, the first time that happens with failures, the failed
     * videos get one more round after {@code retryRoundDelay} instead. Safe to call from any node at any time.
     */
    @Transactional
    public boolean completeIfDone(UUID batchId) {
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
            afterCommit(batchId, true);
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
            afterCommit(batchId, false);
        }
        return changed > 0;
    }

    private void afterCommit(UUID batchId, boolean itemsReady) {
        AfterCommit.run(() -> {
            if (itemsReady) {
                springEvents.publishEvent(new ItemsReady(batchId));
            }
            progressEvents.publish(BatchChange.ofBatch(batchId));
        });
    }
}
