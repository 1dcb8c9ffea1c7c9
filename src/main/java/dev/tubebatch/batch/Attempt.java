package dev.tubebatch.batch;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One try of a job on an item.
 *
 * @param step the step the try was in when it ended (null if it ended before its first step)
 * @param retryAt when the item runs again, for a try that ended in {@link AttemptOutcome#RETRY}
 */
public record Attempt(long id, int attempt, @Nullable Step step, Instant startedAt, @Nullable Instant finishedAt,
        AttemptOutcome outcome, @Nullable ErrorKind errorKind, @Nullable String errorMessage,
        @Nullable String stderrTail, @Nullable Instant retryAt) {}
