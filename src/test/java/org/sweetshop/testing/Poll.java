package org.sweetshop.testing;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Waits for a condition only another system can tell (PostgreSQL's view of who waits for a lock):
 * asks again every few milliseconds until it holds or the deadline passes. Not a sleep-and-hope:
 * the test goes on the moment the condition is seen, and fails with what was seen last.
 */
public final class Poll {

    private Poll() {
    }

    public static void until(Duration timeout, BooleanSupplier condition, Supplier<String> lastSeen) {
        until(timeout, Duration.ofMillis(5), condition, lastSeen);
    }

    /**
     * As {@link #until(Duration, BooleanSupplier, Supplier)}, asking every {@code interval}: for a
     * condition that is itself costly to ask (a psql process, a query of a cluster's monitor).
     */
    public static void until(Duration timeout, Duration interval, BooleanSupplier condition, Supplier<String> lastSeen) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not reached within " + timeout + ": " + lastSeen.get());
            }
            LockSupport.parkNanos(interval.toNanos());
        }
    }
}
