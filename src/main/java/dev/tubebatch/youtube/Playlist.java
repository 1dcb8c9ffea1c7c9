package dev.tubebatch.youtube;

import org.jspecify.annotations.Nullable;

/**
 * A playlist or a channel's videos, as its listing names it; the entries themselves are handed over one by one as
 * they are read (see {@link YtDlpClient#fetchPlaylist}).
 *
 * @param channel null when yt-dlp does not know the owner
 */
public record Playlist(@Nullable String id, @Nullable String title, @Nullable String channel) {}
