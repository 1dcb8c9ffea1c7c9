package dev.tubebatch.batch;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;
import org.springframework.data.repository.query.Param;

/**
 * Items and their status transitions. Each transition is one guarded UPDATE, so two nodes (or a stale retry)
 * can't move an item backwards: an item in a final state is never changed here except by an explicit re-queue.
 */
interface VideoItemRepository extends ListCrudRepository<VideoItem, UUID> {

    List<VideoItem> findByBatchIdOrderByPosition(UUID batchId);

    java.util.Optional<VideoItem> findFirstByBatchIdAndVideoIdOrderByPosition(UUID batchId, String videoId);

    List<VideoItem> findByBatchIdAndStatusOrderByPosition(UUID batchId, ItemStatus status);

    @Query("select * from video_item where batch_id = :batchId order by position limit :limit offset :offset")
    List<VideoItem> page(@Param("batchId") UUID batchId, @Param("offset") long offset, @Param("limit") int limit);

    @Query("select * from video_item where batch_id = :batchId and status = :status"
            + " order by position limit :limit offset :offset")
    List<VideoItem> pageWithStatus(@Param("batchId") UUID batchId, @Param("status") ItemStatus status,
            @Param("offset") long offset, @Param("limit") int limit);

    /** A page of the items whose title or video id contains {@code pattern} (an ILIKE pattern; a backslash escapes). */
    @Query("select * from video_item where batch_id = :batchId and (cast(:status as text) is null or status = :status)"
            + " and (title ilike :pattern escape '\\' or video_id ilike :pattern escape '\\')"
            + " order by position limit :limit offset :offset")
    List<VideoItem> search(@Param("batchId") UUID batchId, @Param("status") @Nullable String status,
            @Param("pattern") String pattern, @Param("offset") long offset, @Param("limit") int limit);

    @Query("select count(*) from video_item where batch_id = :batchId"
            + " and (cast(:status as text) is null or status = :status)"
            + " and (title ilike :pattern escape '\\' or video_id ilike :pattern escape '\\')")
    long countSearch(@Param("batchId") UUID batchId, @Param("status") @Nullable String status,
            @Param("pattern") String pattern);

    @Query("select * from video_item where batch_id = :batchId and status in ('COMPLETED', 'FAILED', 'CANCELLED')"
            + " and finished_at >= :since order by finished_at, position limit :limit")
    List<VideoItem> finishedSince(@Param("batchId") UUID batchId, @Param("since") Instant since,
            @Param("limit") int limit);

    long countByBatchId(UUID batchId);

    long countByBatchIdAndStatus(UUID batchId, ItemStatus status);

    /**
     * Starts a try of the job that the item is waiting for. A job whose id is not the item's current job (a stale
     * duplicate, or a job of an item that was held and re-queued since) changes nothing and must not run.
     */
    @Modifying
    @Query("update video_item set status = 'RUNNING', attempts = attempts + 1,"
            + " started_at = coalesce(started_at, :now), error_kind = null, error_message = null, waiting_for = null"
            + " where id = :id and job_id = :jobId and status in ('QUEUED', 'RETRYING', 'RUNNING')")
    boolean markRunning(@Param("id") UUID id, @Param("jobId") UUID jobId, @Param("now") Instant now);

    @Modifying
    @Query("update video_item set current_step = :step, step_progress = 0 where id = :id and status = 'RUNNING'"
            + " and exists (select 1 from batch b where b.id = video_item.batch_id and b.status = 'RUNNING')")
    boolean markStepStarted(@Param("id") UUID id, @Param("step") Step step);

    @Modifying
    @Query("update video_item set step_progress = :progress where id = :id and status = 'RUNNING'")
    boolean markStepProgress(@Param("id") UUID id, @Param("progress") Float progress);

    @Modifying
    @Query("update video_item set title = :title, channel = :channel, duration_seconds = :duration,"
            + " upload_date = :uploadDate where id = :id")
    boolean saveMetadata(@Param("id") UUID id, @Param("title") @Nullable String title,
            @Param("channel") @Nullable String channel, @Param("duration") @Nullable Integer durationSeconds,
            @Param("uploadDate") @Nullable LocalDate uploadDate);

    @Modifying
    @Query("update video_item set transcript_source = :source where id = :id")
    boolean saveTranscriptSource(@Param("id") UUID id, @Param("source") TranscriptSource source);

    @Modifying
    @Query("update video_item set output_path = :path where id = :id")
    boolean saveOutputPath(@Param("id") UUID id, @Param("path") String path);

    @Modifying
    @Query("update video_item set status = 'COMPLETED', finished_at = :now, step_progress = null,"
            + " error_kind = null, error_message = null where id = :id and status = 'RUNNING'")
    boolean markCompleted(@Param("id") UUID id, @Param("now") Instant now);

    @Modifying
    @Query("update video_item set status = 'FAILED', finished_at = :now, error_kind = :kind,"
            + " error_message = :message where id = :id and status not in ('COMPLETED', 'CANCELLED')")
    boolean markFailed(@Param("id") UUID id, @Param("kind") ErrorKind kind, @Param("message") String message,
            @Param("now") Instant now);

    /**
     * A transient failure: the item waits until {@code retryAt}, then the dispatcher hands it a new job like any
     * waiting item (so retries count against the batch's worker limit and survive a crash without a job).
     */
    @Modifying
    @Query("update video_item set status = 'RETRYING', error_kind = :kind, error_message = :message,"
            + " job_id = null, queued_at = :now, not_before = :retryAt where id = :id and status = 'RUNNING'")
    boolean markRetrying(@Param("id") UUID id, @Param("kind") ErrorKind kind, @Param("message") String message,
            @Param("retryAt") Instant retryAt, @Param("now") Instant now);

    /** What a running item waits for now (the YouTube budget), or null when it goes on. */
    @Modifying
    @Query("update video_item set waiting_for = :note where id = :id and status = 'RUNNING'"
            + " and waiting_for is distinct from :note")
    boolean markWaitingFor(@Param("id") UUID id, @Param("note") @Nullable String note);

    /**
     * YouTube cannot be asked now (a pause of all calls, or a budget turn far away): the item waits until
     * {@code until} and its try does not count against the retry limit.
     */
    @Modifying
    @Query("update video_item set status = 'RETRYING', attempts = greatest(attempts - 1, 0), job_id = null,"
            + " step_progress = null, queued_at = :now, not_before = :until, waiting_for = :note"
            + " where id = :id and status = 'RUNNING'")
    boolean markWaitingForYouTube(@Param("id") UUID id, @Param("note") String note, @Param("until") Instant until,
            @Param("now") Instant now);

    /**
     * Every inference slot is busy: the item gives its worker back and waits, keeping its recorded steps, until a
     * dispatch hands it to a node with a free slot (oldest wait first, from {@code queued_at}). The try does not
     * count against the retry limit.
     */
    @Modifying
    @Query("update video_item set status = 'PENDING', attempts = greatest(attempts - 1, 0), job_id = null,"
            + " step_progress = null, queued_at = :now, waiting_for = :note, waits_for_inference = true"
            + " where id = :id and status = 'RUNNING'")
    boolean markWaitingForInference(@Param("id") UUID id, @Param("note") String note, @Param("now") Instant now);

    /**
     * A held batch's running item finished its step: it waits again, keeping its recorded steps. The try that was
     * held is not counted: pausing a batch must not use up its videos' retries.
     */
    @Modifying
    @Query("update video_item set status = 'PENDING', job_id = null, step_progress = null,"
            + " attempts = greatest(attempts - 1, 0) where id = :id and status = 'RUNNING'")
    boolean markHeld(@Param("id") UUID id);

    /**
     * A running item whose job was lost (its process died): it waits again, keeping its recorded steps. The lost
     * try stays counted, so a video that keeps killing its worker runs out of tries.
     */
    @Modifying
    @Query("update video_item set status = 'PENDING', job_id = null, step_progress = null"
            + " where id = :id and status = 'RUNNING'")
    boolean markReleased(@Param("id") UUID id);

    /** Holding a batch: items handed to jobs that have not started wait again (their jobs will do nothing). */
    @Modifying
    @Query("update video_item set status = 'PENDING', job_id = null where batch_id = :batchId and status = 'QUEUED'")
    int releaseQueued(@Param("batchId") UUID batchId);

    @Query("select job_id from video_item where batch_id = :batchId and status in ('QUEUED', 'RUNNING', 'RETRYING')"
            + " and job_id is not null")
    List<UUID> liveJobIds(@Param("batchId") UUID batchId);

    @Modifying
    @Query("update video_item set status = 'CANCELLED', finished_at = :now"
            + " where batch_id = :batchId and status in ('PENDING', 'QUEUED', 'RETRYING')")
    int cancelWaiting(@Param("batchId") UUID batchId, @Param("now") Instant now);

    @Modifying
    @Query("update video_item set status = 'CANCELLED', finished_at = :now where id = :id and status = 'RUNNING'")
    boolean markCancelled(@Param("id") UUID id, @Param("now") Instant now);

    /** Failed items wait again for a new round: attempts count from zero, recorded steps are kept. */
    @Modifying
    @Query("update video_item set status = 'PENDING', job_id = null, finished_at = null, attempts = 0,"
            + " not_before = :notBefore where batch_id = :batchId and status = 'FAILED'")
    int requeueFailed(@Param("batchId") UUID batchId, @Param("notBefore") @Nullable Instant notBefore);
}
