/**
 * How users hand over videos: the YouTube URL grammar, pasted text and URL files read line by line, playlists and
 * channels expanded through yt-dlp's flat listing, filters, de-duplication, and the preview (dry run) that says for
 * every line or entry left out why. {@link dev.tubebatch.intake.PreviewRunner} runs previews for the web app and the
 * API within one node-wide limit.
 */
@NullMarked
package dev.tubebatch.intake;

import org.jspecify.annotations.NullMarked;
