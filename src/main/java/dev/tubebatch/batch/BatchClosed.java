package dev.tubebatch.batch;

import java.util.UUID;

/**
 * Published (as a Spring application event, after commit, on the node that closed it) when a running batch has
 * finished: every item ended, so it is COMPLETED or COMPLETED_WITH_FAILURES. The pipeline writes its digest.
 */
public record BatchClosed(UUID batchId) {}
