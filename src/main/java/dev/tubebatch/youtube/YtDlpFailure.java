package dev.tubebatch.youtube;

/** Why a yt-dlp call failed. Transient failures may succeed when tried again later; the others will not. */
public enum YtDlpFailure {
    RATE_LIMITED(true),
    BOT_CHECK(true),
    NETWORK(true),
    SERVER_ERROR(true),
    TIMEOUT(true),
    PRIVATE(false),
    REMOVED(false),
    MEMBERS_ONLY(false),
    AGE_RESTRICTED(false),
    UPCOMING(false),
    GEO_BLOCKED(false),
    UNSUPPORTED_URL(false),
    NOT_INSTALLED(false),
    /** Nothing recognised: counted as transient because a retry costs little and yt-dlp's messages change. */
    UNKNOWN(true);

    private final boolean transientFailure;

    YtDlpFailure(boolean transientFailure) {
        this.transientFailure = transientFailure;
    }

    public boolean isTransient() {
        return transientFailure;
    }
}
