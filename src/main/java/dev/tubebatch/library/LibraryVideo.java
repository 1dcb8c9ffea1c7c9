package dev.tubebatch.library;

import dev.tubebatch.batch.TranscriptSource;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A processed video as the library shows it: its most recent transcribed item, and in how many batches it was.
 *
 * @param itemId the item whose transcript and summary are shown
 * @param batches how many batches transcribed this video
 */
public record LibraryVideo(String videoId, UUID itemId, @Nullable String title, @Nullable String channel,
        @Nullable LocalDate uploadDate, @Nullable Integer durationSeconds, TranscriptSource source,
        @Nullable String language, @Nullable String summary, UUID batchId, String batchName, int batches) {}
