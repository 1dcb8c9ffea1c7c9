package dev.tubebatch.pipeline;

import dev.tubebatch.batch.ErrorKind;

/** A step failed; the kind decides whether the video is retried or fails at once. */
public class PipelineException extends RuntimeException {

    private final ErrorKind kind;
    private final String stderrTail;

    public PipelineException(ErrorKind kind, String message) {
        this(kind, message, null, null);
    }

    public PipelineException(ErrorKind kind, String message, String stderrTail, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.stderrTail = stderrTail;
    }

    public ErrorKind kind() {
        return kind;
    }

    public String stderrTail() {
        return stderrTail;
    }
}
