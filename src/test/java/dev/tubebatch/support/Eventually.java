package dev.tubebatch.support;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits, with a bound, for a condition that background work makes true. */
public final class Eventually {

    private Eventually() {}

    public static void within(Duration limit, String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for " + what);
            }
        }
        if (!condition.getAsBoolean()) {
            throw new AssertionError("Not true within " + limit.toSeconds() + " s: " + what);
        }
    }
}
