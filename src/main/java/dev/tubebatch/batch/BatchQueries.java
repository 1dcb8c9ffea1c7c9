package dev.tubebatch.batch;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The read side of batches: what the views, the API, the CLI, exports, jobs and metrics show or look up. Nothing
 * here changes anything; commands are in {@link BatchService}, a run's state changes in {@link ItemRun}.
 */
@Service
public class BatchQueries {

    private final BatchRepository batches;
    private final VideoItemRepository items;
    private final JdbcClient jdbc;
    private final Clock clock;

    BatchQueries(BatchRepository batches, VideoItemRepository items, JdbcClient jdbc, Clock clock) {
        this.batches = batches;
        this.items = items;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The batch's own options, or the defaults (the node's configuration). */
    public BatchOptions options(UUID batchId) {
        return jdbc.sql("""
                select summaries, summary_sentences, summary_preset, summary_instruction, max_video_minutes,
                       coalesce(array_to_string(caption_languages, ','), ''), translated_captions
                  from batch_options where batch_id = :id""")
                .param("id", batchId)
                .query((rs, n) -> new BatchOptions(rs.getBoolean(1), (Integer) rs.getObject(2), rs.getString(3),
                        rs.getString(4), (Integer) rs.getObject(5), BatchOptions.parseLanguages(rs.getString(6)),
                        rs.getBoolean(7)))
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
        Map<UUID, Map<ItemStatus, Integer>> counts = new HashMap<>();
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
                .param("batch", batchId).param("end", Timestamp.from(end))
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
                .param("now", Timestamp.from(now))
                .param("seconds", (double) bucket.toSeconds())
                .param("since", Timestamp.from(now.minus(bucket.multipliedBy(buckets))))
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

    /**
     * A page of a batch's items in position order whose title or video id contains {@code text} (any case; no
     * wildcards), optionally only those with one status. Blank text matches every item.
     */
    public List<VideoItem> items(UUID batchId, @Nullable ItemStatus status, String text, long offset, int limit) {
        if (text.isBlank()) {
            return items(batchId, status, offset, limit);
        }
        return items.search(batchId, status == null ? null : status.name(), containing(text), offset, limit);
    }

    public long countItems(UUID batchId, @Nullable ItemStatus status, String text) {
        if (text.isBlank()) {
            return countItems(batchId, status);
        }
        return items.countSearch(batchId, status == null ? null : status.name(), containing(text));
    }

    /** An ILIKE pattern for "contains the text": the text's own {@code %}, {@code _} and backslashes are literal. */
    private static String containing(String text) {
        return "%" + text.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    /**
     * How long a video took on average, from the step times of the videos completed in the last {@code window}
     * (their steps' times summed per video): what a preview's estimate starts from. Null when none completed.
     */
    public @Nullable VideoTimes recentVideoTimes(Duration window) {
        VideoTimes times = jdbc.sql("""
                select count(*), coalesce(avg(seconds), 0) from (
                  select sum(extract(epoch from s.finished_at - s.started_at)) as seconds
                    from item_step s join video_item v on v.id = s.item_id
                   where v.status = 'COMPLETED' and v.finished_at > now() - make_interval(secs => :seconds)
                   group by s.item_id) per_video""")
                .param("seconds", (double) window.toSeconds())
                .query((rs, n) -> new VideoTimes(rs.getInt(1), rs.getDouble(2))).single();
        return times.videos() == 0 ? null : times;
    }

    /** @param videos how many completed videos were measured; {@code meanSeconds} their mean time, steps summed */
    public record VideoTimes(int videos, double meanSeconds) {}

    public Optional<VideoItem> item(UUID itemId) {
        return items.findById(itemId);
    }

    /** The batch's item for a video id (a batch holds each video once). */
    public Optional<VideoItem> item(UUID batchId, String videoId) {
        return items.findFirstByBatchIdAndVideoIdOrderByPosition(batchId, videoId);
    }

    public List<Batch> batchesWithStatus(BatchStatus status) {
        return batches.findByStatus(status);
    }

    /**
     * Ids of the batches not finished, and of those that finished at or after {@code since}, newest first, at most
     * {@code limit}: the batches whose views may have missed changes while this node heard nothing of other nodes.
     */
    public List<UUID> unfinishedOrFinishedSince(Instant since, int limit) {
        return jdbc.sql("""
                select id from batch
                 where status not in (:finished) or finished_at >= :since
                 order by created_at desc limit :limit""")
                .param("finished", Arrays.stream(BatchStatus.values()).filter(BatchStatus::isFinished)
                        .map(Enum::name).toList())
                .param("since", Timestamp.from(since))
                .param("limit", limit)
                .query((rs, n) -> rs.getObject(1, UUID.class)).list();
    }

    /** Each of a batch's items' status and step, in position order: what a live stream compares with what it sent. */
    public List<ItemState> itemStates(UUID batchId) {
        return jdbc.sql("""
                select id, position, video_id, status, current_step from video_item
                 where batch_id = :batch order by position""")
                .param("batch", batchId)
                .query((rs, n) -> new ItemState(rs.getObject(1, UUID.class), rs.getInt(2), rs.getString(3),
                        ItemStatus.valueOf(rs.getString(4)),
                        rs.getString(5) == null ? null : Step.valueOf(rs.getString(5))))
                .list();
    }

    /** Where one item of a batch stands, without the rest of its record. */
    public record ItemState(UUID id, int position, String videoId, ItemStatus status, @Nullable Step step) {

        public static ItemState of(VideoItem item) {
            return new ItemState(item.id(), item.position(), item.videoId(), item.status(), item.currentStep());
        }
    }

    /** Videos of all batches by status: the engine's metrics. */
    public Map<ItemStatus, Long> itemsByStatus() {
        Map<ItemStatus, Long> counts = new EnumMap<>(ItemStatus.class);
        jdbc.sql("select status, count(*) from video_item group by status")
                .query(rs -> {
                    counts.put(ItemStatus.valueOf(rs.getString(1)), rs.getLong(2));
                });
        return counts;
    }

    /**
     * The mean duration in seconds of each step recorded by any batch in the last {@code window}, by the
     * database's clock: the engine's metrics. Steps not recorded in that time are missing.
     */
    public Map<Step, Double> meanStepSeconds(Duration window) {
        Map<Step, Double> means = new EnumMap<>(Step.class);
        jdbc.sql("""
                select step, avg(extract(epoch from finished_at - started_at)) from item_step
                where finished_at > now() - make_interval(secs => :seconds) group by step""")
                .param("seconds", (double) window.toSeconds())
                .query(rs -> {
                    means.put(Step.valueOf(rs.getString(1)), rs.getDouble(2));
                });
        return means;
    }
}
