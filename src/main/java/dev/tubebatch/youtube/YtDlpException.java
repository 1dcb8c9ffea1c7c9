package dev.tubebatch.youtube;

import org.jspecify.annotations.Nullable;

/** A yt-dlp call that failed, with what yt-dlp said about it. */
public class YtDlpException extends RuntimeException {

    private final YtDlpFailure failure;
    private final int exitCode;
    private final String stderrTail;

    public YtDlpException(YtDlpFailure failure, int exitCode, String stderrTail, String message) {
        this(failure, exitCode, stderrTail, message, null);
    }

    public YtDlpException(YtDlpFailure failure, int exitCode, String stderrTail, String message,
            @Nullable Throwable cause) {
        super(message, cause);
        this.failure = failure;
        this.exitCode = exitCode;
        this.stderrTail = stderrTail == null ? "" : stderrTail;
    }

    public YtDlpFailure failure() {
        return failure;
    }

    /** yt-dlp's exit status; -1 when it was killed (timeout) or never started. */
    public int exitCode() {
        return exitCode;
    }

    /** The last few thousand characters yt-dlp wrote to stderr; empty when it wrote none. */
    public String stderrTail() {
        return stderrTail;
    }

    public boolean isTransient() {
        return failure.isTransient();
    }
}
