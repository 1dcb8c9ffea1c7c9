package dev.tubebatch.batch;

import java.time.Instant;

/**
 * One try of a job on an item.
 *
 * @param step the step the try was in when it ended (null if it ended before its first step)
 * @param retryAt when the item runs again, for a try that ended in {@link AttemptOutcome#RETRY}
 */
public record Attempt(long id, int attempt, Step step, Instant startedAt, Instant finishedAt, AttemptOutcome outcome,
        ErrorKind errorKind, String errorMessage, String stderrTail, Instant retryAt) {}
