package dev.tubebatch.batch;

/** Where one video of a batch stands. */
public enum ItemStatus {
    /** Waiting for a job to be enqueued. */
    PENDING,
    /** A job is enqueued and waits for a worker. */
    QUEUED,
    RUNNING,
    /** The last try failed for a reason that may pass; a retry is scheduled. */
    RETRYING,
    COMPLETED,
    FAILED,
    CANCELLED;

    public boolean isFinal() {
        return this == COMPLETED || this == FAILED || this == CANCELLED;
    }
}
