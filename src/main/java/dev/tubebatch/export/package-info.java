/**
 * What a user takes away: each batch's folder under the output root, with per-video transcripts. Everything here
 * is rendered from the database, so any node can rebuild it.
 */
@NullMarked
package dev.tubebatch.export;

import org.jspecify.annotations.NullMarked;
