/**
 * What operators read: health indicators (yt-dlp, models), metrics (videos by status, queue depth, step times,
 * inference slots) and the versions of the external tools. Reads the other features; nothing depends on it.
 */
@NullMarked
package dev.tubebatch.ops;

import org.jspecify.annotations.NullMarked;
