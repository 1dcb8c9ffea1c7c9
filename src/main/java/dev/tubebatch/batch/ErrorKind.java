package dev.tubebatch.batch;

/**
 * Why a try failed. Transient kinds are retried with backoff; the others fail the video at once.
 */
public enum ErrorKind {
    RATE_LIMITED(true, "YouTube is rate limiting requests"),
    NETWORK(true, "Network error"),
    SERVER_ERROR(true, "YouTube answered with a server error"),
    TIMEOUT(true, "The download tool timed out"),
    INTERRUPTED(true, "The work was interrupted"),
    UNKNOWN(true, "Unexpected error"),
    /**
     * The try died with the worker: an {@link Error} such as {@code OutOfMemoryError}, or a process that died under
     * it. Retried like a transient failure; a video whose tries keep crashing fails with this kind.
     */
    CRASHED(true, "Processing the video crashed the worker"),
    LLM_UNAVAILABLE(true, "The LLM for summaries did not answer"),
    PRIVATE(false, "The video is private"),
    REMOVED(false, "The video was removed or does not exist"),
    MEMBERS_ONLY(false, "The video is for channel members only"),
    AGE_RESTRICTED(false, "The video is age-restricted"),
    UPCOMING(false, "The video is an upcoming live stream"),
    GEO_BLOCKED(false, "The video is not available in this country"),
    UNSUPPORTED(false, "This build cannot process the video"),
    TOO_LONG(false, "The video is longer than this node or batch allows"),
    TOOL_MISSING(false, "A required tool is not installed"),
    INVALID(false, "The video reference is invalid"),
    LLM_REFUSED(false, "The LLM for summaries refused the request");

    private final boolean transientError;
    private final String description;

    ErrorKind(boolean transientError, String description) {
        this.transientError = transientError;
        this.description = description;
    }

    public boolean isTransient() {
        return transientError;
    }

    public String description() {
        return description;
    }
}
