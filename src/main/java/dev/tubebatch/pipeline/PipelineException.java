package dev.tubebatch.pipeline;

import dev.tubebatch.batch.ErrorKind;
import org.jspecify.annotations.Nullable;

/** A step failed; the kind decides whether the video is retried or fails at once. */
public class PipelineException extends RuntimeException {

    private final ErrorKind kind;
    private final @Nullable String stderrTail;

    public PipelineException(ErrorKind kind, String message) {
        this(kind, message, null, null);
    }

    public PipelineException(ErrorKind kind, @Nullable String message, @Nullable String stderrTail,
            @Nullable Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.stderrTail = stderrTail;
    }

    public ErrorKind kind() {
        return kind;
    }

    public @Nullable String stderrTail() {
        return stderrTail;
    }
}
