package org.sweetshop.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.sweetshop.testing.CliRunner;
import org.sweetshop.testing.DatabaseTest;
import org.sweetshop.testing.Snapshot;

/** {@code sweetshop refund} and {@code sweetshop stocktake}: outputs and exit codes on the real database. */
class RefundCliTest extends DatabaseTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final CliRunner cli = new CliRunner();

    private String snapshot() {
        return Snapshot.of(app.database().dataSource());
    }

    @AfterEach
    void auditStillPasses() {
        assertThat(app.audit().run().ok()).isTrue();
    }

    private String sold() {
        sweet("SL", "1.20", 10);
        sweet("FB", "0.85", 10);
        return app.sales().checkout(cashier, basket("T1", List.of(line("SL", 3), line("FB", 1)))).receiptNo();
    }

    @Test
    void aWholeRefundPrintsWhatWentBackAndASecondIsRefusedWithExitThree() throws IOException {
        String receipt = sold();

        var first = cli.run("refund", receipt, "--as", "manager");
        String before = snapshot();
        var again = cli.run("refund", receipt, "--as", "manager", "--json");

        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(first.out()).startsWith("refund ").contains("of receipt T1-000001 (whole receipt)  by manager")
                .contains("  3 x Sweet SL").contains("REFUNDED").endsWith("4.45\n");
        assertThat(again.exitCode()).isEqualTo(3);
        assertThat(again.err()).isEqualTo("already refunded: receipt T1-000001 has been refunded before; refund what is left item by item\n");
        JsonNode error = JSON.readTree(again.out());
        assertThat(error.get("error").asText()).isEqualTo("ALREADY_REFUNDED");
        assertThat(error.get("exitCode").asInt()).isEqualTo(3);
        assertThat(snapshot()).isEqualTo(before);
        assertThat(stockOf("SL")).isEqualTo(10);
        assertThat(stockOf("FB")).isEqualTo(10);
    }

    @Test
    void itemsAreRefundedAsJsonUntilNoneIsLeft() throws IOException {
        String receipt = sold();

        var some = cli.run("--terminal", "OFFICE", "refund", receipt, "--item", "SL:2", "--item", "FB:1", "--reason", "squashed", "--as", "manager", "--json");
        var tooMany = cli.run("refund", receipt, "--item", "SL:2", "--as", "owner");

        assertThat(some.exitCode()).as(some.err()).isZero();
        JsonNode refund = JSON.readTree(some.out());
        assertThat(refund.get("receiptNo").asText()).isEqualTo("T1-000001");
        assertThat(refund.get("whole").asBoolean()).isFalse();
        assertThat(refund.get("amount").decimalValue()).isEqualByComparingTo("3.25");
        assertThat(refund.get("till").asText()).isEqualTo("OFFICE");
        assertThat(refund.get("reason").asText()).isEqualTo("squashed");
        assertThat(refund.get("items")).hasSize(2);
        assertThat(tooMany.exitCode()).isEqualTo(3);
        assertThat(tooMany.err()).isEqualTo("too many: only 1 of SL on receipt T1-000001 can still be refunded, not 2\n");
        assertThat(stockOf("SL")).isEqualTo(9);
    }

    @Test
    void aCashierBadInputAndUnknownReceiptsAreRefusedAndChangeNothing() {
        String receipt = sold();
        String before = snapshot();

        var cashierTried = cli.run("refund", receipt, "--as", "cashier");
        var zero = cli.run("refund", receipt, "--item", "SL:0", "--as", "manager");
        var negative = cli.run("refund", receipt, "--item", "SL:-1", "--as", "manager");
        var huge = cli.run("refund", receipt, "--item", "SL:99999999999", "--as", "manager");
        var garbled = cli.run("refund", "not-a-receipt", "--as", "manager");
        var unknown = cli.run("refund", "T9-000001", "--as", "manager");
        var notSold = cli.run("refund", receipt, "--item", "NOPE:1", "--as", "manager");
        var noAs = cli.run("refund", receipt);

        assertThat(cashierTried.exitCode()).isEqualTo(3);
        assertThat(cashierTried.err()).isEqualTo("not permitted: a cashier cannot refund a sale (needs a manager)\n");
        assertThat(List.of(zero, negative, huge, garbled)).allSatisfy(r -> {
            assertThat(r.exitCode()).as(r.err()).isEqualTo(2);
            assertThat(r.err().lines().count()).isEqualTo(1);
        });
        assertThat(unknown.exitCode()).isEqualTo(3);
        assertThat(unknown.err()).isEqualTo("unknown receipt: there is no receipt T9-000001\n");
        assertThat(notSold.exitCode()).isEqualTo(3);
        assertThat(notSold.err()).isEqualTo("not on this receipt: NOPE was not sold on receipt T1-000001\n");
        assertThat(noAs.exitCode()).isEqualTo(2);
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void stocktakeWritesTheDifferenceAsAnAdjustment() throws IOException {
        sweet("SL", "1.20", 10);

        var counted = cli.run("stocktake", "--sku", "SL", "--counted", "7", "--as", "manager");
        var json = cli.run("stocktake", "--sku", "SL", "--counted", "9", "--reason", "found a box", "--as", "owner", "--json");

        assertThat(counted.exitCode()).as(counted.err()).isZero();
        assertThat(counted.out()).isEqualTo("stocktake SL Sweet SL: counted 7, adjustment -3\n");
        assertThat(json.exitCode()).as(json.err()).isZero();
        JsonNode change = JSON.readTree(json.out());
        assertThat(change.get("change").asInt()).isEqualTo(2);
        assertThat(change.get("stockAfter").asInt()).isEqualTo(9);
        assertThat(stockOf("SL")).isEqualTo(9);
        assertThat(app.stock().movements("SL", 1).get(0).reason()).isEqualTo("found a box");
    }

    @Test
    void stocktakeRefusesACashierAndBadCountsAndChangesNothing() {
        sweet("SL", "1.20", 10);
        String before = snapshot();

        var cashierTried = cli.run("stocktake", "--sku", "SL", "--counted", "7", "--as", "cashier");
        var negative = cli.run("stocktake", "--sku", "SL", "--counted", "-1", "--as", "manager");
        var notANumber = cli.run("stocktake", "--sku", "SL", "--counted", "lots", "--as", "manager");
        var unknown = cli.run("stocktake", "--sku", "NOPE", "--counted", "1", "--as", "manager", "--json");

        assertThat(cashierTried.exitCode()).isEqualTo(3);
        assertThat(cashierTried.err()).isEqualTo("not permitted: a cashier cannot take stock (needs a manager)\n");
        assertThat(negative.exitCode()).isEqualTo(2);
        assertThat(notANumber.exitCode()).isEqualTo(2);
        assertThat(unknown.exitCode()).isEqualTo(3);
        assertThat(unknown.out()).contains("\"error\":\"NOT_FOUND\"");
        assertThat(snapshot()).isEqualTo(before);
    }
}
