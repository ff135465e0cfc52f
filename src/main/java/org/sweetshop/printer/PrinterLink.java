package org.sweetshop.printer;

import com.fazecast.jSerialComm.SerialPort;
import com.fazecast.jSerialComm.SerialPortInvalidPortException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;
import javax.print.CancelablePrintJob;
import javax.print.DocFlavor;
import javax.print.DocPrintJob;
import javax.print.PrintException;
import javax.print.PrintService;
import javax.print.PrintServiceLookup;
import javax.print.SimpleDoc;
import javax.print.attribute.HashPrintRequestAttributeSet;
import javax.print.attribute.standard.JobName;

/**
 * One job's connection to a printer: opened, sent the job's bytes, closed. {@link #abandon()} may
 * be called from another thread to give up a job that does not finish in time; it unblocks a socket
 * or serial write in progress.
 */
abstract class PrinterLink implements AutoCloseable {

    /** The printer is not there: no such device, serial port or OS printer. */
    static final class Missing extends IOException {
        Missing(String why) {
            super(why);
        }
    }

    /** Opens the printer at {@code uri}; the TCP connection waits at most {@code connectTimeout}. */
    static PrinterLink open(PrinterUri uri, Duration connectTimeout, Duration writeTimeout) throws IOException {
        return switch (uri.kind()) {
            case TCP -> Tcp.open(uri, connectTimeout);
            case FILE -> DeviceFile.open(uri);
            case SERIAL -> Serial.open(uri, writeTimeout);
            case OS -> Os.open(uri);
        };
    }

    /** Writes all of {@code bytes} and flushes them. */
    abstract void send(byte[] bytes, String jobName) throws IOException;

    /**
     * Whether the till keeps this link open between jobs (a serial port, as the scale's is: jSerialComm
     * discards what the port has not sent yet when it closes it); the others are opened for each job.
     */
    boolean keptOpen() {
        return false;
    }

    /** Gives the job up (from another thread): whatever it still waits for ends at once. */
    void abandon() {
        close();
    }

    @Override
    public abstract void close();

    /** Raw TCP, the port 9100 of network receipt printers. */
    private static final class Tcp extends PrinterLink {
        /** Bytes the kernel may hold for the printer: a few receipts. */
        private static final int SEND_BUFFER = 16 * 1024;
        private final Socket socket;

        private Tcp(Socket socket) {
            this.socket = socket;
        }

        static Tcp open(PrinterUri uri, Duration connectTimeout) throws IOException {
            Socket socket = new Socket();
            try {
                socket.setTcpNoDelay(true);
                // a small, fixed send buffer: the kernel's own (megabytes once tuned) would take a whole
                // receipt from a printer that takes nothing (paper out), and the write timeout would never see it
                socket.setSendBufferSize(SEND_BUFFER);
                socket.connect(new InetSocketAddress(uri.target(), uri.port()), (int) connectTimeout.toMillis());
            } catch (IOException e) {
                socket.close();
                throw e;
            }
            return new Tcp(socket);
        }

        @Override
        void send(byte[] bytes, String jobName) throws IOException {
            OutputStream out = socket.getOutputStream();
            out.write(bytes);
            out.flush();
        }

        @Override
        public void close() {
            try {
                socket.close();
            } catch (IOException e) {
                // closing is all that is left to do
            }
        }
    }

    /** A device file such as /dev/usb/lp0; never created: a missing one is an unplugged printer. */
    private static final class DeviceFile extends PrinterLink {
        private final OutputStream out;

        private DeviceFile(OutputStream out) {
            this.out = out;
        }

        static DeviceFile open(PrinterUri uri) throws IOException {
            Path path = Path.of(uri.target());
            if (Files.isDirectory(path)) {
                throw new Missing("a folder, not a printer");
            }
            try {
                return new DeviceFile(Files.newOutputStream(path, StandardOpenOption.WRITE, StandardOpenOption.APPEND));
            } catch (NoSuchFileException e) {
                throw new Missing("no such device or file");
            }
        }

        @Override
        void send(byte[] bytes, String jobName) throws IOException {
            out.write(bytes);
            out.flush();
        }

        @Override
        public void close() {
            try {
                out.close();
            } catch (IOException e) {
                // closing is all that is left to do
            }
        }
    }

    /** A serial printer through jSerialComm: 8 data bits, no parity, one stop bit, no flow control. */
    private static final class Serial extends PrinterLink {
        private static final long DRAIN_PAUSE_NANOS = 5_000_000;
        private final SerialPort port;
        private final Duration writeTimeout;

        private Serial(SerialPort port, Duration writeTimeout) {
            this.port = port;
            this.writeTimeout = writeTimeout;
        }

        static Serial open(PrinterUri uri, Duration writeTimeout) throws IOException {
            SerialPort port;
            try {
                port = SerialPort.getCommPort(uri.target());
            } catch (SerialPortInvalidPortException e) {
                throw new Missing("no such serial port");
            }
            port.setComPortParameters(uri.baud(), 8, SerialPort.ONE_STOP_BIT, SerialPort.NO_PARITY);
            port.setFlowControl(SerialPort.FLOW_CONTROL_DISABLED);
            port.setComPortTimeouts(SerialPort.TIMEOUT_WRITE_BLOCKING, 0, (int) writeTimeout.toMillis());
            if (!port.openPort()) {
                int errno = port.getLastErrorCode();
                throw switch (errno) {
                    case 1, 13 -> new AccessDeniedException(uri.target());
                    case 2, 6, 19 -> new Missing("no such serial port");
                    case 16 -> new Missing("the port is in use by another program");
                    default -> new Missing("the serial port cannot be opened (error " + errno + ")");
                };
            }
            return new Serial(port, writeTimeout);
        }

        @Override
        void send(byte[] bytes, String jobName) throws IOException {
            int written = port.writeBytes(bytes, bytes.length);
            if (written != bytes.length) {
                throw new IOException("the serial port took " + written + " of " + bytes.length + " bytes (error "
                        + port.getLastErrorCode() + ")");
            }
            // the line is slow (9600 baud is about 1 kB/s): wait until the port sent it all, so closing loses nothing
            long deadline = System.nanoTime() + writeTimeout.toNanos();
            int waiting;
            while ((waiting = port.bytesAwaitingWrite()) != 0) {
                if (waiting < 0 || System.nanoTime() > deadline) {
                    throw new IOException("the serial port did not send its last " + waiting + " bytes");
                }
                LockSupport.parkNanos(DRAIN_PAUSE_NANOS);
            }
        }

        @Override
        boolean keptOpen() {
            return true;
        }

        @Override
        public void close() {
            port.closePort();
        }
    }

    /** A printer the operating system knows (CUPS, Windows), sent one raw job the driver passes through. */
    private static final class Os extends PrinterLink {
        private final DocPrintJob job;

        private Os(DocPrintJob job) {
            this.job = job;
        }

        static Os open(PrinterUri uri) throws IOException {
            PrintService[] services = PrintServiceLookup.lookupPrintServices(DocFlavor.INPUT_STREAM.AUTOSENSE, null);
            for (PrintService service : services) {
                if (service.getName().equalsIgnoreCase(uri.target())) {
                    return new Os(service.createPrintJob());
                }
            }
            String known = Arrays.stream(services).map(PrintService::getName).collect(Collectors.joining(", "));
            throw new Missing("this computer has no printer of that name ("
                    + (known.isEmpty() ? "it knows none" : "it knows " + known) + ")");
        }

        @Override
        void send(byte[] bytes, String jobName) throws IOException {
            HashPrintRequestAttributeSet attributes = new HashPrintRequestAttributeSet();
            attributes.add(new JobName(jobName, null));
            try {
                job.print(new SimpleDoc(new ByteArrayInputStream(bytes), DocFlavor.INPUT_STREAM.AUTOSENSE, null), attributes);
            } catch (PrintException e) {
                throw new IOException("the print job was refused: " + e.getMessage(), e);
            }
        }

        @Override
        void abandon() {
            if (job instanceof CancelablePrintJob cancelable) {
                try {
                    cancelable.cancel();
                } catch (PrintException e) {
                    // done or already gone: nothing to cancel
                }
            }
        }

        @Override
        public void close() {
            // a job handed to the spooler is the spooler's
        }
    }
}
