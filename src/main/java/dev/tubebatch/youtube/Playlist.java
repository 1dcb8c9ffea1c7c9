package dev.tubebatch.youtube;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A playlist or a channel's videos.
 *
 * @param channel null when yt-dlp does not know the owner
 * @param entries in the listing's order
 */
public record Playlist(@Nullable String id, @Nullable String title, @Nullable String channel,
        List<PlaylistEntry> entries) {

    public Playlist {
        entries = List.copyOf(entries);
    }
}
