/**
 * The library: every processed video once, however many batches it was in, with its transcript and summary.
 * {@link dev.tubebatch.library.LibraryQueries} reads it; each video is its most recent transcribed item.
 */
@NullMarked
package dev.tubebatch.library;

import org.jspecify.annotations.NullMarked;
