package dev.tubebatch.batch;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/**
 * One video of a batch: what is known of it, where its job stands, and how its last try ended.
 *
 * @param position 1-based place in the batch, as the user gave it
 * @param url the canonical watch URL
 * @param currentStep the step running now, or the last one reached when the item stopped
 * @param stepProgress progress inside the current step, 0 to 1, where a step can tell
 * @param attempts how many times a job has started on this item in this round (retry-failed starts a new round)
 * @param notBefore the item waits until then before it is dispatched (the on-error retry round's delay, or YouTube)
 * @param waitingFor what the item waits for while its try cannot go on (YouTube's budget or a pause of YouTube calls)
 */
@Table("video_item")
public record VideoItem(
        @Id UUID id,
        UUID batchId,
        int position,
        String url,
        String videoId,
        @Nullable String title,
        @Nullable String channel,
        @Nullable Integer durationSeconds,
        @Nullable LocalDate uploadDate,
        ItemStatus status,
        @Nullable Step currentStep,
        @Nullable Float stepProgress,
        int attempts,
        @Nullable UUID jobId,
        @Nullable Instant queuedAt,
        @Nullable Instant startedAt,
        @Nullable Instant finishedAt,
        @Nullable ErrorKind errorKind,
        @Nullable String errorMessage,
        @Nullable TranscriptSource transcriptSource,
        @Nullable String outputPath,
        @Nullable Instant notBefore,
        @Nullable String waitingFor) {

    /** A new item waiting for its job. */
    static VideoItem pending(UUID batchId, int position, String url, String videoId) {
        return new VideoItem(UUID.randomUUID(), batchId, position, url, videoId, null, null, null, null,
                ItemStatus.PENDING, null, null, 0, null, null, null, null, null, null, null, null, null, null);
    }

    /** A title for people: the video's title once known, else its id. */
    public String displayTitle() {
        return title != null && !title.isBlank() ? title : videoId;
    }
}
