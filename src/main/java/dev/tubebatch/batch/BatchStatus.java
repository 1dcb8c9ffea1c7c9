package dev.tubebatch.batch;

/**
 * Where a batch stands. RUNNING until each of its videos reached an end state. PAUSED and STOPPED hold the batch:
 * nothing new starts, running videos finish their current step, and {@code resume} goes on from the recorded
 * steps. CANCELLED, COMPLETED and COMPLETED_WITH_FAILURES are final (retrying failures reopens a completed batch).
 */
public enum BatchStatus {
    RUNNING,
    PAUSED,
    /** Held by the on-error policy {@code stop} after a permanent failure; the stop reason says which. */
    STOPPED,
    CANCELLED,
    COMPLETED,
    COMPLETED_WITH_FAILURES;

    public boolean isFinished() {
        return this == COMPLETED || this == COMPLETED_WITH_FAILURES || this == CANCELLED;
    }

    /** Paused or stopped: resumable, nothing new starts. */
    public boolean isHeld() {
        return this == PAUSED || this == STOPPED;
    }
}
