package org.sweetshop.common;

/**
 * Another till holds the rows this request needs for longer than the lock timeout, or the
 * transaction kept failing on deadlocks/serialization after its retries. Nothing was changed;
 * trying again is safe (a sale keeps its UUID).
 *
 * <p>It carries what is busy ({@link #holder()}, "another till is selling JB-200") so a screen can
 * word it its own way without taking our message apart; the message is the command line's
 * "busy: another till is selling JB-200, try again".
 */
public final class BusyException extends RuntimeException {

    private final String holder;

    /** @param holder what holds the rows, e.g. "another till is selling JB-200" */
    public BusyException(String holder, Throwable cause) {
        super("busy: " + holder + ", try again", cause);
        this.holder = holder;
    }

    /** What is holding the rows this request needs. */
    public String holder() {
        return holder;
    }
}
