package dev.tubebatch.batch;

import java.util.UUID;

/**
 * Published (as a Spring application event, after commit) when a batch has items waiting for jobs: on creation,
 * resume and retry of failures. The pipeline's dispatcher listens; the batch package never calls it directly.
 */
public record ItemsReady(UUID batchId) {}
