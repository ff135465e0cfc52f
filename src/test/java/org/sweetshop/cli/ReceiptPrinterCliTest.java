package org.sweetshop.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.sweetshop.print.ReceiptText;
import org.sweetshop.printer.EscPosDecoder;
import org.sweetshop.printer.EscPosDecoder.Command;
import org.sweetshop.printer.EscPosDecoder.Cut;
import org.sweetshop.printer.EscPosDecoder.Initialise;
import org.sweetshop.printer.EscPosDecoder.Qr;
import org.sweetshop.printer.EscPosReceiver;
import org.sweetshop.sale.Receipt;
import org.sweetshop.testing.CliRunner;
import org.sweetshop.testing.DatabaseTest;
import org.sweetshop.testing.Snapshot;
import org.sweetshop.testing.Sql;

/** {@code sell --printer} and {@code receipt print} against a test ESC/POS receiver on 127.0.0.1. */
class ReceiptPrinterCliTest extends DatabaseTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(10);

    private final CliRunner cli = new CliRunner();

    private long sales() {
        return Sql.queryLong(app.database().dataSource(), "select count(*) from sale");
    }


    /** What the printer got is the till's receipt at 48 columns, a QR code of its number and a cut. */
    private static void assertPrinted(byte[] job, Receipt receipt, boolean reprint) {
        List<Command> commands = EscPosDecoder.decode(job);
        assertThat(commands.get(0)).isEqualTo(new Initialise());
        assertThat(EscPosDecoder.lines(commands)).startsWith(ReceiptText.render(receipt, "Sweetshop", "GBP", ZoneId.systemDefault(),
                reprint, 48).toArray(String[]::new));
        assertThat(commands).filteredOn(Qr.class::isInstance).containsExactly(new Qr(receipt.receiptNo(), 6, 'M', 1));
        assertThat(commands.get(commands.size() - 1)).isEqualTo(new Cut(49));
    }

    @Test
    void sellWithAPrinterMakesTheSaleThenPrintsItsReceipt() throws Exception {
        sweet("SL", "1.20", 10);
        try (EscPosReceiver printer = EscPosReceiver.printing()) {
            var result = cli.run("sell", "--till", "T3", "--as", "cashier", "--item", "SL:2", "--pay", "cash:5", "--printer", printer.uri(),
                    "--json");

            assertThat(result.exitCode()).as(result.err()).isZero();
            JsonNode json = JSON.readTree(result.out());
            assertThat(json.get("printed").asBoolean()).isTrue();
            assertThat(json.get("receiptNo").asText()).isEqualTo("T3-000001");
            // paid with cash: the drawer's pulse first (DrawerCliTest), then the receipt
            assertThat(EscPosDecoder.decode(printer.nextJob(WAIT))).containsExactly(new EscPosDecoder.Pulse(2, 100, 500));
            assertPrinted(printer.nextJob(WAIT), app.sales().findReceipt("T3-000001").orElseThrow(), false);
            assertThat(printer.jobsWaiting()).isZero();
        }
    }

    @Test
    void aPrinterThatDoesNotAnswerNeverLosesNorDoublesTheSale() throws Exception {
        sweet("SL", "1.20", 10);
        String saleId = UUID.randomUUID().toString();
        String[] sell = {"sell", "--till", "T3", "--as", "cashier", "--item", "SL:2", "--pay", "cash:5", "--sale-id", saleId, "--json",
                "--printer"};

        String dead = EscPosReceiver.deadUri();
        var failed = cli.run(append(sell, dead));

        assertThat(failed.exitCode()).as(failed.err()).isZero();
        assertThat(JSON.readTree(failed.out()).get("printed").asBoolean()).isFalse();
        assertThat(failed.err()).isEqualTo("the sale is made, but its receipt was not printed: The cash drawer cannot be opened:"
                + " the receipt printer at "
                + dead.substring("tcp://".length()) + " does not answer: check it is on and its cable\n"
                + "(sweetshop receipt print T3-000001 prints it when the printer is back)\n");
        assertThat(sales()).isEqualTo(1);
        assertThat(stockOf("SL")).isEqualTo(8);

        try (EscPosReceiver printer = EscPosReceiver.printing()) {
            // the same sale sent again: the receipt already made, printed now, nothing sold twice
            var again = cli.run(append(sell, printer.uri()));
            var reprint = cli.run("receipt", "print", "T3-000001", "--printer", printer.uri());

            assertThat(again.exitCode()).as(again.err()).isZero();
            JsonNode json = JSON.readTree(again.out());
            assertThat(json.get("printed").asBoolean()).isTrue();
            assertThat(json.get("replayed").asBoolean()).isTrue();
            assertThat(EscPosDecoder.decode(printer.nextJob(WAIT))).containsExactly(new EscPosDecoder.Pulse(2, 100, 500));
            assertPrinted(printer.nextJob(WAIT), app.sales().findReceipt("T3-000001").orElseThrow().asReplay(), false);
            assertThat(reprint.exitCode()).as(reprint.err()).isZero();
            assertThat(reprint.out()).isEqualTo("printed receipt T3-000001 on " + printer.uri() + "\n");
            assertPrinted(printer.nextJob(WAIT), app.sales().findReceipt("T3-000001").orElseThrow(), true);
        }
        assertThat(sales()).isEqualTo(1);
        assertThat(stockOf("SL")).isEqualTo(8);
    }

    @Test
    void sellWithoutJsonSaysOnStderrThatTheReceiptWasNotPrinted() throws Exception {
        sweet("SL", "1.20", 10);
        String dead = EscPosReceiver.deadUri();

        var result = cli.run("sell", "--till", "T3", "--as", "cashier", "--item", "SL:1", "--printer", dead);

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("T3-000001");
        assertThat(result.err()).contains("the sale is made, but its receipt was not printed: The receipt printer at "
                + dead.substring("tcp://".length()) + " does not answer").contains("sale id ");
        assertThat(sales()).isEqualTo(1);
    }

    @Test
    void receiptPrintWhosePrinterDoesNotAnswerExitsSixAndChangesNothing() throws Exception {
        sweet("SL", "1.20", 10);
        cli.run("sell", "--till", "T3", "--as", "cashier", "--item", "SL:1");
        String before = Snapshot.of(app.database().dataSource());
        String dead = EscPosReceiver.deadUri();

        var result = cli.run("receipt", "print", "T3-000001", "--printer", dead);

        assertThat(result.exitCode()).isEqualTo(Cli.DEVICE).isEqualTo(6);
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).isEqualTo("The receipt printer at " + dead.substring("tcp://".length())
                + " does not answer: check it is on and its cable\n");
        assertThat(Snapshot.of(app.database().dataSource())).isEqualTo(before);
    }

    @Test
    void receiptPrintRefusesAnUnknownReceiptAndNeedsAPrinter() throws Exception {
        try (EscPosReceiver printer = EscPosReceiver.printing()) {
            var unknown = cli.run("receipt", "print", "T3-000009", "--printer", printer.uri());
            var malformed = cli.run("receipt", "print", "nonsense", "--printer", printer.uri());
            var noPrinter = cli.run("receipt", "print", "T3-000009");
            var badPrinter = cli.run("receipt", "print", "T3-000009", "--printer", "lp0");

            assertThat(unknown.exitCode()).isEqualTo(3);
            assertThat(unknown.err()).isEqualTo("no receipt T3-000009\n");
            assertThat(malformed.exitCode()).isEqualTo(2);
            assertThat(noPrinter.exitCode()).isEqualTo(2);
            assertThat(noPrinter.err()).isEqualTo("no receipt printer: give --printer URI or set printer.uri in the till's sweetshop.properties\n");
            assertThat(badPrinter.exitCode()).isEqualTo(2);
            assertThat(badPrinter.err()).startsWith("'lp0' is not a printer: a printer is tcp://HOST:PORT");
            assertThat(printer.jobsWaiting()).isZero();
        }
    }

    @Test
    void sellWithAPrinterThatIsNoPrinterIsRefusedBeforeTheSale() {
        sweet("SL", "1.20", 10);
        String before = Snapshot.of(app.database().dataSource());

        var result = cli.run("sell", "--till", "T3", "--as", "cashier", "--item", "SL:1", "--printer", "http://printer", "--json");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).startsWith("'http://printer' is not a printer: a printer is tcp://HOST:PORT");
        assertThat(Snapshot.of(app.database().dataSource())).isEqualTo(before);
    }

    private static String[] append(String[] args, String last) {
        String[] all = java.util.Arrays.copyOf(args, args.length + 1);
        all[args.length] = last;
        return all;
    }
}
