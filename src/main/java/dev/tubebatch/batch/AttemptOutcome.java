package dev.tubebatch.batch;

/**
 * How one try of a job on an item ended. Stored by name in {@code item_attempt.outcome}; an attempt left RUNNING
 * by a crash stays so and reads as interrupted.
 */
public enum AttemptOutcome {
    /** The try is still going, or its process died before it could say how it ended. */
    RUNNING,
    SUCCEEDED,
    /** The batch was paused or stopped: the item waits again and goes on from its recorded steps. */
    HELD,
    CANCELLED,
    /** A transient failure: the item runs again after its backoff. */
    RETRY,
    FAILED
}
