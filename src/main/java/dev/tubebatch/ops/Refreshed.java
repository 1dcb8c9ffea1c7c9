package dev.tubebatch.ops;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * A figure read from the database at most once per {@code every}, however often it is scraped: every node reports
 * the cluster's truth without a query per gauge and scrape.
 */
final class Refreshed<T> {

    private record Reading<T>(T value, Instant at) {}

    private final Clock clock;
    private final Duration every;
    private final Supplier<T> read;
    private volatile @Nullable Reading<T> last;

    Refreshed(Clock clock, Duration every, Supplier<T> read) {
        this.clock = clock;
        this.every = every;
        this.read = read;
    }

    T get() {
        Instant now = clock.instant();
        Reading<T> reading = last;
        if (reading == null || reading.at().plus(every).isBefore(now)) {
            reading = new Reading<>(read.get(), now);
            last = reading;
        }
        return reading.value();
    }
}
