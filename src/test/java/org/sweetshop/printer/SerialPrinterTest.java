package org.sweetshop.printer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayOutputStream;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sweetshop.common.DeviceUnavailableException;
import org.sweetshop.printer.EscPosDecoder.Command;
import org.sweetshop.printer.EscPosDecoder.Cut;
import org.sweetshop.printer.EscPosDecoder.Pulse;
import org.sweetshop.testing.Poll;
import org.sweetshop.testing.PtyPair;

/** A serial receipt printer simulated on a pseudo-terminal, written through jSerialComm as a real one. */
class SerialPrinterTest {

    @TempDir
    Path dir;

    private PtyPair pty;
    private final ByteArrayOutputStream received = new ByteArrayOutputStream();
    private Thread reader;
    private RandomAccessFile plugged;

    @BeforeEach
    void plugIn() throws IOException {
        pty = PtyPair.start(dir);
        // a pseudo-terminal hangs up (and socat ends) when the last process closes its till end: held open
        // here, it stays up when the printer closes its port, as a real adapter does
        plugged = new RandomAccessFile(pty.tillPort(), "r");
        InputStream in = new FileInputStream(pty.simEnd().toFile());
        reader = new Thread(() -> {
            byte[] buffer = new byte[4096];
            try (in) {
                int n;
                while ((n = in.read(buffer)) > 0) {
                    synchronized (received) {
                        received.write(buffer, 0, n);
                    }
                }
            } catch (IOException e) {
                // the cable was pulled
            }
        }, "serial-printer");
        reader.setDaemon(true);
        reader.start();
    }

    @AfterEach
    void unplug() throws IOException {
        if (plugged != null) {
            plugged.close();
        }
        if (pty != null) {
            pty.close();
        }
    }

    private byte[] received() {
        synchronized (received) {
            return received.toByteArray();
        }
    }

    private ReceiptPrinter printer() {
        return new ReceiptPrinter(PrinterSettings.of(PrinterUri.parse("serial:" + pty.tillPort() + "?baud=19200"))
                .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(5)));
    }

    @Test
    void aReceiptThenTheDrawerPulseArriveOnTheSerialLine() {
        try (ReceiptPrinter printer = printer()) {
            printAndPulse(printer);
        }
    }

    private void printAndPulse(ReceiptPrinter printer) {
        printer.print(Receipts.counterSale(), "Sweetshop", "GBP", ZoneOffset.UTC, false);
        printer.openDrawer();

        Poll.until(Duration.ofSeconds(10), () -> {
            List<Command> commands = decodedSoFar();
            return !commands.isEmpty() && commands.get(commands.size() - 1) instanceof Pulse;
        }, () -> received().length + " bytes, ending " + java.util.HexFormat.ofDelimiter(" ").formatHex(received(),
                Math.max(0, received().length - 40), received().length));
        List<Command> expected = new java.util.ArrayList<>(ReceiptPrinterTest.counterSaleOn80mm());
        expected.add(new Pulse(2, 100, 500));
        assertThat(EscPosDecoder.decode(received())).containsExactlyElementsOf(expected);
        assertThat(expected).contains(new Cut(49));
    }

    private List<Command> decodedSoFar() {
        try {
            return EscPosDecoder.decode(received());
        } catch (AssertionError partWay) {
            return List.of();
        }
    }

    @Test
    void aCablePulledBetweenJobsEndsTheNextOneWithTheSentence() {
        try (ReceiptPrinter printer = printer()) {
            printAndPulse(printer);
            pty.unplug();

            DeviceUnavailableException e = catchThrowableOfType(DeviceUnavailableException.class, printer::openDrawer);

            assertThat(e).hasMessage("The cash drawer cannot be opened: the receipt printer on serial port " + pty.tillPort()
                    + " stopped answering during the drawer pulse: check its paper, its cover and its cable, then try again");
        }
    }

    @Test
    void aSerialPortThatIsNotThereIsUnavailable() {
        ReceiptPrinter printer = new ReceiptPrinter(PrinterSettings.of(PrinterUri.parse("serial:" + dir.resolve("ttyUSB9"))));

        DeviceUnavailableException e = catchThrowableOfType(DeviceUnavailableException.class,
                () -> printer.print(Receipts.counterSale(), "Sweetshop", "GBP", ZoneOffset.UTC, false));

        assertThat(e).hasMessage("The receipt printer on serial port " + dir.resolve("ttyUSB9")
                + " is not there (no such serial port): check it is on and plugged in, and the till's printer setting");
    }
}
