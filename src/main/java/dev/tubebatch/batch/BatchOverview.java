package dev.tubebatch.batch;

/** A batch with its item counts, for lists. */
public record BatchOverview(Batch batch, BatchProgress progress) {}
