package dev.tubebatch.batch;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A recorded step of an item: the checkpoint a re-run job resumes from. */
public record StepRecord(Step step, StepOutcome outcome, @Nullable String note, Instant startedAt, Instant finishedAt) {}
