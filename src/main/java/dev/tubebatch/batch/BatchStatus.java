package dev.tubebatch.batch;

/** Where a batch stands. A batch is RUNNING until each of its videos has reached an end state. */
public enum BatchStatus {
    RUNNING,
    PAUSED,
    /** Stopped by the on-error policy {@code stop}: nothing new starts. */
    STOPPED,
    CANCELLED,
    COMPLETED,
    COMPLETED_WITH_FAILURES;

    public boolean isFinished() {
        return this == COMPLETED || this == COMPLETED_WITH_FAILURES || this == CANCELLED || this == STOPPED;
    }
}
