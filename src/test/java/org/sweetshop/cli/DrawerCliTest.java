package org.sweetshop.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.sweetshop.printer.EscPosDecoder;
import org.sweetshop.printer.EscPosDecoder.Command;
import org.sweetshop.printer.EscPosDecoder.Pulse;
import org.sweetshop.printer.EscPosDecoder.Qr;
import org.sweetshop.printer.EscPosReceiver;
import org.sweetshop.testing.CliRunner;
import org.sweetshop.testing.DatabaseTest;
import org.sweetshop.testing.Snapshot;
import org.sweetshop.testing.Sql;

/** The cash drawer: opened by a cash sale ({@code sell --printer}) and by {@code drawer open}, against a test receiver. */
class DrawerCliTest extends DatabaseTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final List<Command> PULSE = List.of(new Pulse(2, 100, 500));

    private final CliRunner cli = new CliRunner();

    private long sales() {
        return Sql.queryLong(app.database().dataSource(), "select count(*) from sale");
    }


    @Test
    void aCashSaleOpensTheDrawerThenPrintsTheReceipt() throws Exception {
        sweet("SL", "1.20", 10);
        try (EscPosReceiver printer = EscPosReceiver.printing()) {
            var result = cli.run("sell", "--till", "T3", "--as", "cashier", "--item", "SL:2", "--pay", "cash:5",
                    "--printer", printer.uri(), "--json");

            assertThat(result.exitCode()).as(result.err()).isZero();
            assertThat(JSON.readTree(result.out()).get("printed").asBoolean()).isTrue();
            assertThat(EscPosDecoder.decode(printer.nextJob(WAIT))).isEqualTo(PULSE);
            List<Command> receipt = EscPosDecoder.decode(printer.nextJob(WAIT));
            assertThat(receipt).filteredOn(Qr.class::isInstance).containsExactly(new Qr("T3-000001", 6, 'M', 1));
            assertThat(receipt).noneMatch(Pulse.class::isInstance);
            assertThat(printer.jobsWaiting()).isZero();
        }
    }

    @Test
    void aCardSaleLeavesTheDrawerShut() throws Exception {
        sweet("SL", "1.20", 10);
        try (EscPosReceiver printer = EscPosReceiver.printing()) {
            var result = cli.run("sell", "--till", "T3", "--as", "cashier", "--item", "SL:2", "--pay", "card",
                    "--printer", printer.uri(), "--json");

            assertThat(result.exitCode()).as(result.err()).isZero();
            List<Command> receipt = EscPosDecoder.decode(printer.nextJob(WAIT));
            assertThat(receipt).filteredOn(Qr.class::isInstance).containsExactly(new Qr("T3-000001", 6, 'M', 1));
            assertThat(receipt).noneMatch(Pulse.class::isInstance);
            assertThat(printer.jobsWaiting()).isZero();
        }
    }

    @Test
    void aCashSaleWhosePrinterDoesNotAnswerIsMadeOnceAndOpensTheDrawerWhenSentAgain() throws Exception {
        sweet("SL", "1.20", 10);
        String saleId = UUID.randomUUID().toString();
        String dead = EscPosReceiver.deadUri();

        var failed = cli.run("sell", "--till", "T3", "--as", "cashier", "--item", "SL:2", "--pay", "cash:5",
                "--sale-id", saleId, "--printer", dead, "--json");

        assertThat(failed.exitCode()).as(failed.err()).isZero();
        assertThat(JSON.readTree(failed.out()).get("printed").asBoolean()).isFalse();
        assertThat(failed.err()).startsWith("the sale is made, but its receipt was not printed: The cash drawer cannot be opened:"
                + " the receipt printer at " + dead.substring("tcp://".length()) + " does not answer");
        assertThat(sales()).isEqualTo(1);
        assertThat(stockOf("SL")).isEqualTo(8);

        try (EscPosReceiver printer = EscPosReceiver.printing()) {
            var again = cli.run("sell", "--till", "T3", "--as", "cashier", "--item", "SL:2", "--pay", "cash:5",
                    "--sale-id", saleId, "--printer", printer.uri(), "--json");

            assertThat(again.exitCode()).as(again.err()).isZero();
            JsonNode json = JSON.readTree(again.out());
            assertThat(json.get("replayed").asBoolean()).isTrue();
            assertThat(json.get("printed").asBoolean()).isTrue();
            assertThat(EscPosDecoder.decode(printer.nextJob(WAIT))).isEqualTo(PULSE);
            assertThat(EscPosDecoder.decode(printer.nextJob(WAIT))).filteredOn(Qr.class::isInstance)
                    .containsExactly(new Qr("T3-000001", 6, 'M', 1));
        }
        assertThat(sales()).isEqualTo(1);
        assertThat(stockOf("SL")).isEqualTo(8);
    }

    @Test
    void aManagerOpensTheDrawerWithAReasonAndTheAuditLogSaysSo() throws Exception {
        try (EscPosReceiver printer = EscPosReceiver.printing()) {
            var result = cli.run("drawer", "open", "--reason", "change for the float", "--as", "manager", "--till", "T2",
                    "--printer", printer.uri());

            assertThat(result.exitCode()).as(result.err()).isZero();
            assertThat(result.out()).isEqualTo("cash drawer opened on till T2\n");
            assertThat(EscPosDecoder.decode(printer.nextJob(WAIT))).isEqualTo(PULSE);
            assertThat(printer.jobsWaiting()).isZero();
        }
        var log = cli.run("audit-log", "--as", "owner", "--action", "drawer-open", "--json");

        assertThat(log.exitCode()).as(log.err()).isZero();
        JsonNode entries = JSON.readTree(log.out());
        assertThat(entries).hasSize(1);
        assertThat(entries.get(0).get("staff").asText()).isEqualTo("manager");
        assertThat(entries.get(0).get("action").asText()).isEqualTo("DRAWER_OPEN");
        assertThat(entries.get(0).get("subject").asText()).isEqualTo("T2");
        assertThat(entries.get(0).get("newValue").asText()).isEqualTo("change for the float");
        assertThat(entries.get(0).get("till").asText()).isEqualTo("T2");
        var plain = cli.run("audit-log", "--as", "owner");
        assertThat(plain.out()).contains("drawer-open").contains("change for the float  (till T2)");
    }

    @Test
    void aCashierMayNotOpenTheDrawerAndNothingIsSentOrWritten() throws Exception {
        String before = Snapshot.of(app.database().dataSource());
        try (EscPosReceiver printer = EscPosReceiver.printing()) {
            var cashier = cli.run("drawer", "open", "--reason", "float", "--as", "cashier", "--printer", printer.uri());
            var noReason = cli.run("drawer", "open", "--reason", "  ", "--as", "manager", "--printer", printer.uri());
            var longReason = cli.run("drawer", "open", "--reason", "x".repeat(201), "--as", "manager", "--printer", printer.uri());

            assertThat(cashier.exitCode()).isEqualTo(Cli.REFUSED).isEqualTo(3);
            assertThat(cashier.err()).isEqualTo("not permitted: a cashier cannot open the cash drawer without a sale (needs a manager)\n");
            assertThat(noReason.exitCode()).isEqualTo(2);
            assertThat(noReason.err()).isEqualTo("reason is missing\n");
            assertThat(longReason.exitCode()).isEqualTo(2);
            assertThat(longReason.err()).isEqualTo("reason is longer than 200 characters\n");
            assertThat(printer.jobsWaiting()).isZero();
        }
        assertThat(Snapshot.of(app.database().dataSource())).isEqualTo(before);
    }

    @Test
    void aDrawerWhosePrinterDoesNotAnswerExitsSixAndWritesNoEntry() throws Exception {
        String before = Snapshot.of(app.database().dataSource());
        String dead = EscPosReceiver.deadUri();

        var result = cli.run("drawer", "open", "--reason", "float", "--as", "owner", "--printer", dead);

        assertThat(result.exitCode()).isEqualTo(Cli.DEVICE).isEqualTo(6);
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).isEqualTo("The cash drawer cannot be opened: the receipt printer at "
                + dead.substring("tcp://".length()) + " does not answer: check it is on and its cable\n");
        assertThat(Snapshot.of(app.database().dataSource())).isEqualTo(before);
    }
}
