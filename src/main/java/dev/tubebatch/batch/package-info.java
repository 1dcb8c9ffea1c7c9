/**
 * Batches and their videos: the records in PostgreSQL and their status rules. {@link dev.tubebatch.batch.BatchService}
 * creates and controls batches, {@link dev.tubebatch.batch.BatchQueries} reads them, and a job changes its item only
 * through its {@link dev.tubebatch.batch.ItemRun}. Progress events for live views start here too.
 */
@NullMarked
package dev.tubebatch.batch;

import org.jspecify.annotations.NullMarked;
