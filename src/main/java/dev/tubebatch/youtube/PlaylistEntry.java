package dev.tubebatch.youtube;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * One video of a playlist or channel listing, as yt-dlp's flat listing shows it: cheap, but partial.
 * Private and deleted videos still appear, titled {@code [Private video]} or {@code [Deleted video]}.
 *
 * @param durationSeconds null when YouTube does not show it (private, deleted, upcoming videos)
 * @param uploadDate usually null in flat listings
 * @param liveStatus usually {@link LiveStatus#UNKNOWN} in flat listings
 * @param availability usually null in flat listings
 * @param channel the video's channel (yt-dlp's {@code channel}, else {@code uploader}); null when not listed
 */
public record PlaylistEntry(@Nullable String id, @Nullable String url, @Nullable String title,
        @Nullable Integer durationSeconds, @Nullable LocalDate uploadDate, LiveStatus liveStatus,
        @Nullable String availability, @Nullable String channel) {

    /** An entry whose listing names no channel. */
    public PlaylistEntry(@Nullable String id, @Nullable String url, @Nullable String title,
            @Nullable Integer durationSeconds, @Nullable LocalDate uploadDate, LiveStatus liveStatus,
            @Nullable String availability) {
        this(id, url, title, durationSeconds, uploadDate, liveStatus, availability, null);
    }
}
