package org.sweetshop.scan;

import java.time.Duration;
import java.util.Optional;

/**
 * Tells a keyboard-wedge scanner gun from a person typing, by rhythm alone. A scanner gun "types"
 * what it read as keystrokes 1–10 ms apart (wireless ones up to about 30 ms) and ends with Enter;
 * a person's keystrokes are 80–300 ms apart, and even a fast roll of two keys rarely runs to four
 * keys under {@value #DEFAULT_MAX_GAP_MILLIS} ms each.
 *
 * <p>Characters typed one after another with every gap at most {@code maxGap} form a <em>run</em>;
 * a slower gap starts a new run. Enter ends a <em>burst</em> when the run holds at least
 * {@code minChars} characters and Enter follows its last character within {@code maxGap}. So:
 * <ul>
 *   <li>"ch" typed slowly and then a scan "SWC-…" + Enter: the burst is "SWC-…" only;</li>
 *   <li>a fast run that ends without Enter, or with an Enter slower than {@code maxGap}, is typing;</li>
 *   <li>a run shorter than {@code minChars} (a two-key roll) is typing.</li>
 * </ul>
 *
 * <p>Gaps are measured from when the previous character was <em>handled</em> ({@link #keyHandled}),
 * when the adapter can tell: a user interface that spends 100 ms on each keystroke (a search
 * filtering as it types) delivers a scanner's queued keys back to back, and that time is not the
 * typist's. Times are {@link System#nanoTime()}-style nanoseconds.
 *
 * <p>Pure logic: no UI types, no clock of its own. Not thread-safe: feed it from one thread.
 */
public final class KeyBurstDetector {

    /** A scan is at least this long; a coupon token is 36 characters, a product barcode 8–13. */
    public static final int DEFAULT_MIN_CHARS = 4;
    /** The slowest gap between a scanner's keystrokes, and between its last keystroke and Enter. */
    public static final long DEFAULT_MAX_GAP_MILLIS = 50;
    /** A longer run is not taken for a scan (a stuck key, a paste tool): it stays typed text. */
    public static final int MAX_CHARS = 1024;

    private final int minChars;
    private final long maxGapNanos;

    private final StringBuilder run = new StringBuilder();
    /** When the last character of the run arrived, or was handled if that was later. */
    private long lastAt;
    private boolean overflow;

    /** {@value #DEFAULT_MIN_CHARS} characters, {@value #DEFAULT_MAX_GAP_MILLIS} ms. */
    public KeyBurstDetector() {
        this(DEFAULT_MIN_CHARS, Duration.ofMillis(DEFAULT_MAX_GAP_MILLIS));
    }

    /**
     * @param minChars the fewest characters a scan has (at least 2)
     * @param maxGap   the slowest gap inside a scan and before its Enter (inclusive)
     */
    public KeyBurstDetector(int minChars, Duration maxGap) {
        if (minChars < 2 || minChars > MAX_CHARS) {
            throw new IllegalArgumentException("minChars must be 2.." + MAX_CHARS + ", not " + minChars);
        }
        if (maxGap.isNegative() || maxGap.isZero()) {
            throw new IllegalArgumentException("maxGap must be positive, not " + maxGap);
        }
        this.minChars = minChars;
        this.maxGapNanos = maxGap.toNanos();
    }

    /**
     * A printable character was typed at {@code nanos}.
     *
     * @return true when it starts a new run, i.e. when a burst ended by a later Enter would begin
     *         with this character: the adapter remembers the focused field as it is before this
     *         character, to put it back if the run turns out to be a scan
     */
    public boolean onKey(char c, long nanos) {
        boolean starts = run.isEmpty() || nanos - lastAt > maxGapNanos;
        if (starts) {
            run.setLength(0);
            overflow = false;
        }
        if (run.length() < MAX_CHARS) {
            run.append(c);
        } else {
            overflow = true;
        }
        lastAt = nanos;
        return starts;
    }

    /** The last character fed was handled by the user interface at {@code nanos}: later gaps count from here. */
    public void keyHandled(long nanos) {
        if (!run.isEmpty() && nanos > lastAt) {
            lastAt = nanos;
        }
    }

    /**
     * Enter was pressed at {@code nanos}.
     *
     * @return the scanned text when the run before this Enter is a burst; empty when it is typing.
     *         Either way the run is over.
     */
    public Optional<String> onEnter(long nanos) {
        boolean burst = run.length() >= minChars && !overflow && nanos - lastAt <= maxGapNanos;
        Optional<String> text = burst ? Optional.of(run.toString()) : Optional.empty();
        reset();
        return text;
    }

    /** Forgets the run: a key that no scanner types (Backspace, an arrow, Tab) or the focus moved. */
    public void reset() {
        run.setLength(0);
        overflow = false;
    }

    /**
     * True when a run is going on at {@code nanos}: characters came, the last one no longer ago
     * than a gun's gap. A key that means something alone ('-' on the basket) is then a gun's.
     */
    public boolean running(long nanos) {
        return !run.isEmpty() && nanos - lastAt <= maxGapNanos;
    }

    /** Characters in the current run. */
    public int runLength() {
        return run.length();
    }

    public int minChars() {
        return minChars;
    }

    public Duration maxGap() {
        return Duration.ofNanos(maxGapNanos);
    }
}
