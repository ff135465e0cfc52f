package org.sweetshop.scale;

import org.sweetshop.common.ScaleRefusedException;

/**
 * A retail scale on a serial port. Calls block (the till makes them on a background task) and
 * each ends within the configured timeout; one reading at a time, from any thread. Open one with
 * {@link Scales#open(ScaleSettings)} and close it when the till closes.
 */
public interface Scale extends AutoCloseable {

    /**
     * The weight on the scale now, in whole grams (net when a tare was taken), rounded half-even
     * from what the scale shows; only a stable reading above zero.
     *
     * @throws ScaleRefusedException when the scale is moving, overloaded, shows zero or less, weighs
     *         in pounds, stopped answering (cable, device gone, timeout) or answered what cannot be read
     */
    int readGrams() throws ScaleRefusedException;

    /**
     * Tares the scale with what is on it now (an empty jar or bag): later readings are net.
     *
     * @throws ScaleRefusedException when the scale did not take the tare or stopped answering
     */
    void tare() throws ScaleRefusedException;

    /** Lets go of the serial port; a reading waiting on another thread ends with "stopped answering". */
    @Override
    void close();
}
