package dev.tubebatch.search;

import dev.tubebatch.batch.TranscriptSource;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One matching transcript segment.
 *
 * @param snippetHtml the segment's text, HTML-escaped, with the matched words in {@code <mark>}
 * @param snippetText the same as plain text, the matched words in {@code *stars*}
 * @param startSeconds where the segment starts in the video
 * @param rank PostgreSQL's rank of the segment for the query (higher is better)
 */
public record SearchHit(UUID itemId, String videoId, @Nullable String title, @Nullable String channel,
        @Nullable LocalDate uploadDate, UUID batchId, String batchName, TranscriptSource source,
        @Nullable String language, double startSeconds, String snippetHtml, String snippetText,
        double rank) {

    /** The moment on YouTube: {@code https://youtu.be/<id>?t=<whole seconds>}. */
    public String deepLink() {
        return deepLink(videoId, startSeconds);
    }

    /** The one way a moment of a video is linked; video ids are checked by the database ({@code [A-Za-z0-9_-]{11}}). */
    public static String deepLink(String videoId, double seconds) {
        return "https://youtu.be/" + videoId + "?t=" + (long) Math.floor(Math.max(0, seconds));
    }
}
