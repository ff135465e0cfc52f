package org.sweetshop.common;

/**
 * Another till holds the rows this request needs for longer than the lock timeout, or the
 * transaction kept failing on deadlocks/serialization after its retries. Nothing was changed;
 * trying again is safe (a sale keeps its UUID).
 */
public final class BusyException extends RuntimeException {

    public BusyException(String message, Throwable cause) {
        super(message, cause);
    }
}
