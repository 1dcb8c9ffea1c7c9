package dev.tubebatch.youtube.budget;

import java.time.Instant;

/**
 * No YouTube call now: the breaker is open, or the budget's next turn is further away than a job waits. The caller
 * waits until {@link #until()} without counting the call as a try.
 */
public class GateClosed extends RuntimeException {

    private final Instant until;

    public GateClosed(String reason, Instant until) {
        super(reason);
        this.until = until;
    }

    /** When it is worth asking again. */
    public Instant until() {
        return until;
    }
}
