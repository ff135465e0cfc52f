package org.sweetshop.printer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sweetshop.common.DeviceUnavailableException;
import org.sweetshop.printer.EscPosDecoder.CodePage;
import org.sweetshop.printer.EscPosDecoder.Command;
import org.sweetshop.printer.EscPosDecoder.Cut;
import org.sweetshop.printer.EscPosDecoder.Initialise;
import org.sweetshop.printer.EscPosDecoder.Line;
import org.sweetshop.printer.EscPosDecoder.Pulse;
import org.sweetshop.printer.EscPosDecoder.Qr;
import org.sweetshop.printer.EscPosReceiver.Behaviour;
import org.sweetshop.sale.Receipt;
import org.sweetshop.scan.QrDecoder;

/** The receipt printer against a real listener on 127.0.0.1 (and a file, and a serial pty), never a mock. */
class ReceiptPrinterTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    private static ReceiptPrinter printer(String uri, PaperWidth paper, Duration connect, Duration write) {
        return new ReceiptPrinter(PrinterSettings.of(PrinterUri.parse(uri)).withPaper(paper).withTimeouts(connect, write));
    }

    private static ReceiptPrinter printer(String uri) {
        return printer(uri, PaperWidth.MM80, Duration.ofSeconds(2), Duration.ofSeconds(5));
    }

    private static void print(ReceiptPrinter printer, Receipt receipt) {
        printer.print(receipt, "Sweetshop", "GBP", ZoneOffset.UTC, false);
    }

    /** {@code label} and {@code value} at the edges of a {@code columns}-wide line. */
    private static String edges(String label, String value, int columns) {
        return label + " ".repeat(columns - label.length() - value.length()) + value;
    }

    /** The commands of {@link Receipts#counterSale()} on 80 mm paper, exactly. */
    static List<Command> counterSaleOn80mm() {
        String rule = "-".repeat(48);
        List<Command> expected = new ArrayList<>(List.of(new Initialise(), new CodePage(19),
                new Line(" ".repeat(19) + "Sweetshop", true, 1, 2, 0)));
        for (String text : List.of(rule, "Till      T1", "Receipt   T1-000042", "Date      2026-07-14 11:05", "Cashier   alice", rule,
                edges("Fudge", "3.60", 48), "  3 x 1.20", edges("Pear Drops", "3.79", 48), "  253 g x 14.99/kg", rule,
                edges("Subtotal", "7.39", 48), edges("TOTAL GBP", "7.39", 48), edges("Cash", "10.00", 48), edges("Change", "2.61", 48),
                rule, " ".repeat(19) + "Thank you!")) {
            expected.add(Line.plain(text));
        }
        expected.add(new Qr("T1-000042", 6, 'M', 1));
        for (int i = 0; i < 4; i++) {
            expected.add(Line.plain(""));
        }
        expected.add(new Cut(49));
        return expected;
    }

    @Test
    void aReceiptIsInitialiseTextLinesQrCodeOfItsNumberFeedAndCut() throws Exception {
        try (EscPosReceiver receiver = EscPosReceiver.printing()) {
            print(printer(receiver.uri()), Receipts.counterSale());

            List<Command> commands = EscPosDecoder.decode(receiver.nextJob(WAIT));
            assertThat(commands).containsExactlyElementsOf(counterSaleOn80mm());
            assertThat(receiver.jobsWaiting()).isZero();
        }
    }

    @Test
    void aSplitTaxedReceiptPrintsEachPaymentTheChangeAndTheTaxTable() throws Exception {
        try (EscPosReceiver receiver = EscPosReceiver.printing()) {
            printer(receiver.uri()).print(Receipts.counterSaleSplitTaxed(),
                    new org.sweetshop.print.ReceiptText.Head("Sugar Plum Sweets", "12 High Street\nLittle Snoring", "GB 123 4567 89"),
                    "GBP", ZoneOffset.UTC, false);

            List<Command> commands = EscPosDecoder.decode(receiver.nextJob(WAIT));
            List<String> lines = EscPosDecoder.lines(commands);
            int total = lines.indexOf(edges("TOTAL GBP", "7.39", 48));
            assertThat(lines.subList(total, total + 4)).containsExactly(edges("TOTAL GBP", "7.39", 48), edges("Card", "3.00", 48),
                    edges("Cash", "5.00", 48), edges("Change", "0.61", 48));
            assertThat(lines).contains(edges("RED 5% Reduced", "3.79", 48), edges("STD 20% Standard", "3.60", 48));

            // what the printer got, drawn as its paper for the README; its QR code reads back as the receipt number
            BufferedImage paper = ReceiptPicture.of(commands);
            Files.createDirectories(Path.of("target"));
            ImageIO.write(paper, "png", Path.of("target", "escpos-receipt.png").toFile());
            assertThat(new QrDecoder().decode(paper)).contains("T1-000042");
        }
    }

    @Test
    void aTaxedReceiptPrintsTheStoresAddressTaxNumberAndItsTaxTable() throws Exception {
        try (EscPosReceiver receiver = EscPosReceiver.printing()) {
            printer(receiver.uri(), PaperWidth.MM58, Duration.ofSeconds(2), Duration.ofSeconds(5)).print(Receipts.counterSaleTaxed(),
                    new org.sweetshop.print.ReceiptText.Head("Sweetshop", "1 High Street\nLittle Snoring", "GB 123 4567 89"), "GBP",
                    ZoneOffset.UTC, false);

            List<String> lines = EscPosDecoder.lines(EscPosDecoder.decode(receiver.nextJob(WAIT)));
            assertThat(lines).allMatch(line -> line.length() <= 32);
            assertThat(lines.subList(0, 4)).map(String::strip).containsExactly("Sweetshop", "1 High Street", "Little Snoring",
                    "Tax no. GB 123 4567 89");
            int table = lines.indexOf(edges("Tax by rate", "gross", 32));
            assertThat(lines.subList(table, table + 5)).containsExactly(edges("Tax by rate", "gross", 32),
                    edges("RED 5% Reduced", "3.79", 32), "  net 3.61  tax 0.18", edges("STD 20% Standard", "3.60", 32),
                    "  net 3.00  tax 0.60");
        }
    }

    @Test
    void on58mmPaperTheLinesAreThirtyTwoColumns() throws Exception {
        try (EscPosReceiver receiver = EscPosReceiver.printing()) {
            print(printer(receiver.uri(), PaperWidth.MM58, Duration.ofSeconds(2), Duration.ofSeconds(5)), Receipts.counterSale());

            List<String> lines = EscPosDecoder.lines(EscPosDecoder.decode(receiver.nextJob(WAIT)));
            assertThat(lines).allMatch(line -> line.length() <= 32)
                    .contains("-".repeat(32), edges("Pear Drops", "3.79", 32), "  253 g x 14.99/kg", edges("Change", "2.61", 32));
        }
    }

    @Test
    void openDrawerSendsOnlyTheKickPulseOnPinTwo() throws Exception {
        try (EscPosReceiver receiver = EscPosReceiver.printing()) {
            printer(receiver.uri()).openDrawer();

            assertThat(EscPosDecoder.decode(receiver.nextJob(WAIT))).containsExactly(new Pulse(2, 100, 500));
        }
    }

    @Test
    void aPrinterNobodyListensOnIsUnavailableAtOnce() throws IOException {
        int port = EscPosReceiver.deadPort();
        ReceiptPrinter printer = printer("tcp://127.0.0.1:" + port);

        long start = System.nanoTime();
        DeviceUnavailableException e = catchThrowableOfType(DeviceUnavailableException.class, () -> print(printer, Receipts.counterSale()));

        assertThat(e).hasMessage("The receipt printer at 127.0.0.1:" + port + " does not answer: check it is on and its cable");
        assertThat(e.device()).isEqualTo("receipt printer");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
    }

    @Test
    void aPrinterThatNeverReadsEndsTheJobAtTheWriteTimeout() throws Exception {
        try (EscPosReceiver receiver = EscPosReceiver.inTrouble(Behaviour.NEVER_READS)) {
            ReceiptPrinter printer = printer(receiver.uri(), PaperWidth.MM80, Duration.ofMillis(500), Duration.ofMillis(700));

            long start = System.nanoTime();
            DeviceUnavailableException e = catchThrowableOfType(DeviceUnavailableException.class,
                    () -> print(printer, Receipts.longReceipt(5_000)));
            Duration took = Duration.ofNanos(System.nanoTime() - start);

            assertThat(receiver.awaitConnection(Duration.ZERO)).isTrue();
            assertThat(e).hasMessage("The receipt printer at " + receiver.uri().substring("tcp://".length())
                    + " stopped taking the receipt: check its paper, its cover and its cable, then try again");
            // connect (at once) plus the write timeout, and not much more
            assertThat(took).isBetween(Duration.ofMillis(700), Duration.ofMillis(1200 + 1000));
        }
    }

    @Test
    void aPrinterThatClosesPartWayIsUnavailable() throws Exception {
        try (EscPosReceiver receiver = EscPosReceiver.inTrouble(Behaviour.CLOSES_PART_WAY)) {
            ReceiptPrinter printer = printer(receiver.uri(), PaperWidth.MM80, Duration.ofSeconds(2), Duration.ofSeconds(5));

            long start = System.nanoTime();
            DeviceUnavailableException e = catchThrowableOfType(DeviceUnavailableException.class,
                    () -> print(printer, Receipts.longReceipt(5_000)));

            assertThat(e).hasMessage("The receipt printer at " + receiver.uri().substring("tcp://".length())
                    + " stopped answering during the receipt: check its paper, its cover and its cable, then try again");
            // the reset is seen at once, long before the write timeout
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(4));
            assertThat(receiver.jobsWaiting()).isZero();
        }
    }

    @Test
    void theDrawerOfAnAbsentPrinterSaysSo() throws IOException {
        int port = EscPosReceiver.deadPort();

        DeviceUnavailableException e = catchThrowableOfType(DeviceUnavailableException.class,
                () -> printer("tcp://127.0.0.1:" + port).openDrawer());

        assertThat(e).hasMessage("The cash drawer cannot be opened: the receipt printer at 127.0.0.1:" + port
                + " does not answer: check it is on and its cable");
        assertThat(e.device()).isEqualTo("cash drawer");
    }

    @Test
    void aDeviceFileGetsTheSameBytesAppended() throws IOException {
        Path device = Files.createFile(dir.resolve("lp0"));

        print(printer("file:" + device), Receipts.counterSale());
        printer("file:" + device).openDrawer();

        List<Command> expected = new ArrayList<>(counterSaleOn80mm());
        expected.add(new Pulse(2, 100, 500));
        assertThat(EscPosDecoder.decode(Files.readAllBytes(device))).containsExactlyElementsOf(expected);
    }

    @Test
    void aMissingDeviceFileIsNeverCreated() {
        Path device = dir.resolve("usb").resolve("lp0");

        DeviceUnavailableException e = catchThrowableOfType(DeviceUnavailableException.class,
                () -> print(printer("file:" + device), Receipts.counterSale()));

        assertThat(e).hasMessage("The receipt printer at " + device
                + " is not there (no such device or file): check it is on and plugged in, and the till's printer setting");
        assertThat(Files.exists(device)).isFalse();
    }

    @Test
    void anOsPrinterThisComputerDoesNotKnowIsNotThere() {
        DeviceUnavailableException e = catchThrowableOfType(DeviceUnavailableException.class,
                () -> print(printer("os:No Such Printer 42"), Receipts.counterSale()));

        assertThat(e.getMessage()).startsWith("The receipt printer \"No Such Printer 42\" is not there (this computer has no printer of that name (")
                .endsWith("): check it is on and plugged in, and the till's printer setting");
    }
}
