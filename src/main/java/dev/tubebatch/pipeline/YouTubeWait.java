package dev.tubebatch.pipeline;

import dev.tubebatch.batch.ErrorKind;
import dev.tubebatch.youtube.YouTubePaused;
import java.time.Instant;

/** A step could not ask YouTube now: the video waits until {@link #until()} without using a try. */
final class YouTubeWait extends PipelineException {

    private final Instant until;

    YouTubeWait(YouTubePaused paused) {
        super(ErrorKind.RATE_LIMITED, paused.getMessage(), paused.stderrTail(), paused);
        this.until = paused.until();
    }

    Instant until() {
        return until;
    }

    String note() {
        String message = getMessage();
        return message == null ? "Waiting for YouTube" : message;
    }
}
