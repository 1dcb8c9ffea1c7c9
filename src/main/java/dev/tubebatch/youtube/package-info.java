/**
 * The yt-dlp process adapter: video metadata, captions, audio and playlist listings from YouTube.
 * A leaf package: it runs the yt-dlp executable and depends on no other tubebatch package.
 */
@NullMarked
package dev.tubebatch.youtube;

import org.jspecify.annotations.NullMarked;
