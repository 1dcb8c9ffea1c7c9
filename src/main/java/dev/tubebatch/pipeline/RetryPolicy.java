package dev.tubebatch.pipeline;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * Exponential backoff with a cap and jitter: retry n (1-based) waits {@code min(cap, base * 2^(n-1))}, varied by
 * up to {@code jitter} of itself up or down.
 */
final class RetryPolicy {

    private final Duration base;
    private final Duration cap;
    private final double jitter;
    private final DoubleSupplier random;

    RetryPolicy(Duration base, Duration cap, double jitter, DoubleSupplier random) {
        this.base = base;
        this.cap = cap;
        this.jitter = jitter;
        this.random = random;
    }

    static RetryPolicy of(EngineProperties properties) {
        return new RetryPolicy(properties.retryBase(), properties.retryCap(), properties.retryJitter(),
                () -> java.util.concurrent.ThreadLocalRandom.current().nextDouble());
    }

    /** The delay before retry {@code n}, where n = 1 is the first retry. */
    Duration delay(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("retry numbers start at 1: " + n);
        }
        double millis = base.toMillis() * Math.pow(2, Math.min(n - 1, 40));
        millis = Math.min(millis, cap.toMillis());
        double factor = 1 + jitter * (2 * random.getAsDouble() - 1);
        return Duration.ofMillis(Math.round(millis * factor));
    }
}
