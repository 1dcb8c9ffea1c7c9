package dev.tubebatch.youtube.budget;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.jspecify.annotations.Nullable;

/**
 * The circuit breaker as every node sees it.
 *
 * @param open whether calls are stopped now
 * @param reason why it tripped last (kept after it lifts, for the record)
 * @param trippedAt when it tripped last
 * @param liftsAt when calls go on again (while open), or when it lifted last
 * @param cooldown the cool-down of the last trip
 * @param trips trips so far, all nodes
 * @param heldCalls calls refused while it was open, all nodes
 * @param now the database's time of this reading
 */
public record BreakerState(boolean open, @Nullable String reason, @Nullable Instant trippedAt,
        @Nullable Instant liftsAt, Duration cooldown, long trips, long heldCalls, Instant now) {

    /**
     * The sentence the web app's banner and the command line show while it is open: why, and when calls go on (in
     * {@code zone}, with the time left).
     */
    public String notice(ZoneId zone) {
        Duration left = remaining();
        long seconds = Math.max(0, (left.toMillis() + 999) / 1000);
        String in = seconds >= 120 ? (seconds + 59) / 60 + " min" : seconds + " s";
        return "YouTube calls are paused on every node until "
                + (liftsAt == null ? "further notice" : DateTimeFormatter.ofPattern("HH:mm:ss").withZone(zone)
                        .format(liftsAt) + " (in " + in + ")")
                + (reason == null ? "" : ": " + reason) + ".";
    }

    /** How long until calls go on; zero when closed. */
    public Duration remaining() {
        return !open || liftsAt == null ? Duration.ZERO : Duration.between(now, liftsAt);
    }
}
