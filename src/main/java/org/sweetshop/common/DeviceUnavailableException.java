package org.sweetshop.common;

/**
 * A device at the counter (the receipt printer, the cash drawer behind it) did not answer: it is
 * off, unplugged, unreachable, refused the connection, stopped taking data part-way, or did not
 * finish in time. The message says which device, where, and what to check, for a cashier. Not a
 * {@link Refusal}: nothing about the sale was wrong, and a sale already made stays made.
 */
public final class DeviceUnavailableException extends RuntimeException {

    private final String device;

    public DeviceUnavailableException(String device, String message, Throwable cause) {
        super(message, cause);
        this.device = device;
    }

    /** Which device, e.g. {@code receipt printer}. */
    public String device() {
        return device;
    }
}
