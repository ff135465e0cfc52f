package org.sweetshop.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock a test moves by hand ({@link #advance}), in UTC; with a tick, every look also moves it
 * on by that much, so each reading is later than the one before (file names stamped by the minute
 * differ).
 */
public final class TestClock extends Clock {

    private final Duration tick;
    private Instant now;

    public TestClock(Instant start, Duration tick) {
        this.now = start;
        this.tick = tick;
    }

    /** Starts at 2026-12-01 08:00 UTC and moves only when told. */
    public static TestClock stopped() {
        return new TestClock(Instant.parse("2026-12-01T08:00:00Z"), Duration.ZERO);
    }

    public synchronized void advance(Duration by) {
        now = now.plus(by);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this; // the tests' clocks are UTC
    }

    @Override
    public synchronized Instant instant() {
        now = now.plus(tick);
        return now;
    }
}
