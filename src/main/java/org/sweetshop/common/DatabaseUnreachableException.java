package org.sweetshop.common;

/**
 * The store database cannot be reached, or the connection broke. The outcome of a commit in
 * flight is unknown: a sale must be sent again under the same UUID.
 */
public final class DatabaseUnreachableException extends RuntimeException {

    public DatabaseUnreachableException(String message, Throwable cause) {
        super(message, cause);
    }
}
