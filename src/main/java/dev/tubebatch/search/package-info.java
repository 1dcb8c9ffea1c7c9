/**
 * Full-text search over stored transcripts: {@link dev.tubebatch.search.TranscriptSearch} runs a query with its
 * filters against the per-segment index in PostgreSQL and returns ranked hits with escaped, highlighted snippets.
 */
@NullMarked
package dev.tubebatch.search;

import org.jspecify.annotations.NullMarked;
