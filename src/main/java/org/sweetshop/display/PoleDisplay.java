package org.sweetshop.display;

import com.fazecast.jSerialComm.SerialPort;
import com.fazecast.jSerialComm.SerialPortInvalidPortException;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sweetshop.common.DeviceUnavailableException;

/**
 * A 2×20 pole display on a serial port, through jSerialComm (8N1, no flow control), opened as the
 * scale's and the serial printer's ports are. The port is opened at the first {@link #show}, not
 * before, and stays open (jSerialComm's close discards what the port has not sent yet); each opening
 * initialises and clears the display. A display that is unplugged, not there or does not take the
 * bytes within the timeout ends {@link #show} with a {@link DeviceUnavailableException}, and the
 * port is let go: the next {@link #show} opens it afresh, so a cable put back is enough. Calls
 * block up to the timeout; call it off the UI thread. One call at a time (synchronized).
 */
public final class PoleDisplay implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PoleDisplay.class);
    static final String DEVICE = "customer display";
    private static final long DRAIN_PAUSE_NANOS = 2_000_000;

    private final DisplaySettings settings;
    private SerialPort port;

    public PoleDisplay(DisplaySettings settings) {
        this.settings = settings;
    }

    public DisplaySettings settings() {
        return settings;
    }

    /**
     * Shows these two lines; each is fitted to 20 columns first ({@link PoleText#left}), so give
     * lines made by {@link PoleText} for anything but left-aligned text.
     *
     * @throws DeviceUnavailableException when the display is not there or did not take them
     */
    public synchronized void show(String upper, String lower) {
        byte[] lines = settings.commands().lines(fitted(upper), fitted(lower));
        boolean opened = port == null;
        if (opened) {
            port = open();
        }
        try {
            if (opened) {
                send(settings.commands().initialise(), "initialising");
            }
            send(lines, "writing");
        } catch (DeviceUnavailableException e) {
            close();
            throw e;
        }
    }

    private static String fitted(String line) {
        return line != null && line.length() == PoleText.COLUMNS && PoleText.ascii(line).equals(line) ? line : PoleText.left(line);
    }

    private SerialPort open() {
        SerialPort opening;
        try {
            opening = SerialPort.getCommPort(settings.port());
        } catch (SerialPortInvalidPortException e) {
            throw notThere("no such serial port");
        }
        opening.setComPortParameters(settings.baud(), 8, SerialPort.ONE_STOP_BIT, SerialPort.NO_PARITY);
        opening.setFlowControl(SerialPort.FLOW_CONTROL_DISABLED);
        opening.setComPortTimeouts(SerialPort.TIMEOUT_WRITE_BLOCKING, 0, (int) settings.timeout().toMillis());
        if (!opening.openPort()) {
            int errno = opening.getLastErrorCode();
            LOG.warn("cannot open the customer display's port {} (errno {} at {})", settings.port(), errno, opening.getLastErrorLocation());
            throw notThere(switch (errno) {
                case 2, 6, 19 -> "no such device";
                case 1, 13 -> "permission denied: this user must be in group dialout";
                case 16 -> "the port is in use by another program";
                default -> "error " + errno;
            });
        }
        LOG.info("customer display port {} open ({}) at {} baud, {} commands", settings.port(), opening.getSystemPortPath(),
                settings.baud(), settings.commands());
        return opening;
    }

    /** Writes the bytes and waits until the port has sent them, within the timeout. */
    private void send(byte[] bytes, String doing) {
        long deadline = System.nanoTime() + settings.timeout().toNanos();
        int written = port.writeBytes(bytes, bytes.length);
        if (written != bytes.length) {
            LOG.warn("the customer display on {} took {} of {} bytes while {} (errno {})", settings.port(), written, bytes.length, doing,
                    port.getLastErrorCode());
            throw stopped();
        }
        int waiting;
        while ((waiting = port.bytesAwaitingWrite()) > 0) {
            if (deadline - System.nanoTime() <= 0) {
                LOG.warn("the customer display on {} did not take its last {} bytes in {} ms", settings.port(), waiting,
                        settings.timeout().toMillis());
                throw stopped();
            }
            LockSupport.parkNanos(DRAIN_PAUSE_NANOS);
        }
        if (waiting < 0) {
            throw stopped();
        }
    }

    private DeviceUnavailableException notThere(String why) {
        return new DeviceUnavailableException(DEVICE, "The customer display on serial port " + settings.port() + " is not there (" + why
                + "): check it is plugged in and the till's display.port setting", null);
    }

    private DeviceUnavailableException stopped() {
        return new DeviceUnavailableException(DEVICE, "The customer display on serial port " + settings.port()
                + " stopped answering: check its cable and its power", null);
    }

    /** Lets go of the port; the next {@link #show} opens it again. */
    @Override
    public synchronized void close() {
        if (port != null) {
            port.closePort();
            port = null;
        }
    }
}
