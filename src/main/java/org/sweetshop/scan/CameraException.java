package org.sweetshop.scan;

/** A camera that cannot be found, started or read. The message is one line for a cashier. */
public final class CameraException extends Exception {

    public CameraException(String message) {
        super(message);
    }

    public CameraException(String message, Throwable cause) {
        super(message, cause);
    }
}
