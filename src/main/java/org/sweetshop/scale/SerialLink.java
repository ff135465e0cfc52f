package org.sweetshop.scale;

import com.fazecast.jSerialComm.SerialPort;
import com.fazecast.jSerialComm.SerialPortInvalidPortException;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sweetshop.common.ScaleRefusedException;

/**
 * The serial port under a scale, through jSerialComm: bytes in and out, every read bounded by a
 * deadline. A port that went away (USB cable pulled, the device node gone, the port closed by
 * {@link #close()}) ends a read at once with "stopped answering"; a silent one ends it at the deadline.
 * Not thread-safe on its own: each scale reads under its own lock.
 */
final class SerialLink implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SerialLink.class);

    /** How long one native read waits before the deadline and a close are looked at again. */
    private static final int SLICE_MS = 100;

    private final SerialPort port;
    private final String name;
    private final byte[] buffer = new byte[256];
    private int position;
    private int length;
    private volatile boolean closed;

    private SerialLink(SerialPort port, String name) {
        this.port = port;
        this.name = name;
    }

    static SerialLink open(ScaleSettings settings) {
        SerialPort port;
        try {
            port = SerialPort.getCommPort(settings.port());
        } catch (SerialPortInvalidPortException e) {
            throw ScaleRefusals.cannotOpen(settings.port(), "no such port");
        }
        int parity = switch (settings.parity()) {
            case NONE -> SerialPort.NO_PARITY;
            case EVEN -> SerialPort.EVEN_PARITY;
            case ODD -> SerialPort.ODD_PARITY;
        };
        port.setComPortParameters(settings.baud(), settings.dataBits(), SerialPort.ONE_STOP_BIT, parity);
        port.setFlowControl(SerialPort.FLOW_CONTROL_DISABLED);
        port.setComPortTimeouts(SerialPort.TIMEOUT_READ_SEMI_BLOCKING | SerialPort.TIMEOUT_WRITE_BLOCKING, SLICE_MS,
                (int) settings.timeout().toMillis());
        if (!port.openPort()) {
            int errno = port.getLastErrorCode();
            LOG.warn("cannot open the scale's port {} (errno {} at {})", settings.port(), errno, port.getLastErrorLocation());
            throw ScaleRefusals.cannotOpen(settings.port(), why(errno));
        }
        LOG.info("scale port {} open ({}) at {} baud, {} data bits, parity {}", settings.port(), port.getSystemPortPath(),
                settings.baud(), settings.dataBits(), settings.parity());
        return new SerialLink(port, settings.port());
    }

    private static String why(int errno) {
        return switch (errno) {
            case 2, 6, 19 -> "no such device";
            case 1, 13 -> "permission denied";
            case 16 -> "the port is in use by another program";
            default -> "error " + errno;
        };
    }

    /**
     * The next byte, or -1 when none came by {@code deadline} ({@link System#nanoTime()}).
     *
     * @throws ScaleRefusedException "stopped answering" when the port went away or was closed
     */
    int read(long deadline) {
        while (position == length) {
            if (closed) {
                throw ScaleRefusals.notAnswering();
            }
            if (deadline - System.nanoTime() <= 0) {
                return -1;
            }
            int n = port.readBytes(buffer, buffer.length);
            if (n < 0) {
                LOG.warn("the scale's port {} went away while reading (errno {})", name, port.getLastErrorCode());
                throw ScaleRefusals.notAnswering();
            }
            position = 0;
            length = n;
        }
        return buffer[position++] & 0xFF;
    }

    /** Forgets what the scale sent before now, so a reading is the scale's answer to this request. */
    void discardInput() {
        position = 0;
        length = 0;
        int available;
        while ((available = port.bytesAvailable()) != 0) {
            if (available < 0 || closed) {
                LOG.warn("the scale's port {} went away", name);
                throw ScaleRefusals.notAnswering();
            }
            if (port.readBytes(buffer, Math.min(available, buffer.length)) < 0) {
                throw ScaleRefusals.notAnswering();
            }
        }
    }

    void write(String command) {
        byte[] bytes = command.getBytes(StandardCharsets.US_ASCII);
        if (closed || port.writeBytes(bytes, bytes.length) != bytes.length) {
            LOG.warn("cannot send {} to the scale on {} (errno {})", command.strip(), name, port.getLastErrorCode());
            throw ScaleRefusals.notAnswering();
        }
    }

    @Override
    public void close() {
        closed = true;
        port.closePort();
    }
}
