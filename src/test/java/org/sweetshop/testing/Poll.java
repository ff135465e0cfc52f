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
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not reached within " + timeout + ": " + lastSeen.get());
            }
            LockSupport.parkNanos(5_000_000L);
        }
    }
}
