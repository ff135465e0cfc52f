package org.sweetshop.db;

/** The database could not be started or joined; the message says why in plain words. */
public final class DatabaseStartException extends RuntimeException {

    public DatabaseStartException(String message, Throwable cause) {
        super(message, cause);
    }
}
