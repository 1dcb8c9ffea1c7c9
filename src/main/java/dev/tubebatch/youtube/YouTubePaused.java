package dev.tubebatch.youtube;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * No call was made, or the one made met a block that stopped YouTube calls: the breaker is open, or the request
 * budget's next turn is far. Not the video's fault: whoever holds the video lets it wait until {@link #until()}
 * without counting a try.
 */
public class YouTubePaused extends YtDlpException {

    private final Instant until;

    public YouTubePaused(String reason, Instant until, @Nullable YtDlpException blocked) {
        super(YtDlpFailure.RATE_LIMITED, blocked == null ? -1 : blocked.exitCode(),
                blocked == null ? "" : blocked.stderrTail(), reason, blocked);
        this.until = until;
    }

    /** When the video may try again. */
    public Instant until() {
        return until;
    }
}
