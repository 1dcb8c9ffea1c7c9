/**
 * Batches and their videos: the records in PostgreSQL, their status rules, and {@link dev.tubebatch.batch.BatchService}
 * to create and control batches. Progress events for live views start here too.
 */
@NullMarked
package dev.tubebatch.batch;

import org.jspecify.annotations.NullMarked;
