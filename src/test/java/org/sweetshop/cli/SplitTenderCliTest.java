package org.sweetshop.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.sweetshop.testing.CliRunner;
import org.sweetshop.testing.DatabaseTest;
import org.sweetshop.testing.Snapshot;

/** {@code sell --pay ... --pay ...}: a split sale's receipt, its JSON, the cash rounding, and refusals that change nothing. */
class SplitTenderCliTest extends DatabaseTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final CliRunner cli = new CliRunner();

    @Test
    void aSaleSplitBetweenACardAndCashPrintsEachPaymentAndTheChange() throws IOException {
        sweet("FU", "1.23", 20);
        cli.run("settings", "set", "cash.rounding", "0.05", "--as", "owner");

        var json = cli.run("sell", "--till", "T1", "--as", "cashier", "--item", "FU:10", "--pay", "card:5", "--pay", "cash:10",
                "--json");
        var text = cli.run("sell", "--till", "T1", "--as", "cashier", "--item", "FU:10", "--pay", "card:5", "--pay", "cash:10");

        assertThat(json.exitCode()).as(json.err()).isZero();
        JsonNode receipt = JSON.readTree(json.out());
        assertThat(receipt.get("total").decimalValue()).isEqualByComparingTo("12.30");
        assertThat(receipt.get("payment").isNull()).isTrue();
        assertThat(receipt.get("tendered").decimalValue()).isEqualByComparingTo("10.00");
        assertThat(receipt.get("change").decimalValue()).isEqualByComparingTo("2.70");
        assertThat(receipt.get("cashRounding").decimalValue()).isEqualByComparingTo("0.00");
        assertThat(receipt.get("paid").decimalValue()).isEqualByComparingTo("12.30");
        assertThat(receipt.get("payments")).hasSize(2);
        assertThat(receipt.get("payments").get(0).get("method").asText()).isEqualTo("CARD");
        assertThat(receipt.get("payments").get(0).get("amount").decimalValue()).isEqualByComparingTo("5.00");
        assertThat(receipt.get("payments").get(0).get("tendered").isNull()).isTrue();
        assertThat(receipt.get("payments").get(1).get("method").asText()).isEqualTo("CASH");
        assertThat(receipt.get("payments").get(1).get("amount").decimalValue()).isEqualByComparingTo("7.30");
        assertThat(receipt.get("payments").get(1).get("tendered").decimalValue()).isEqualByComparingTo("10.00");
        assertThat(receipt.get("payments").get(1).get("change").decimalValue()).isEqualByComparingTo("2.70");
        assertThat(text.exitCode()).as(text.err()).isZero();
        assertThat(text.out()).containsSubsequence("Card", "5.00", "Cash", "10.00", "Change", "2.70");
    }

    @Test
    void theCashRoundingIsItsOwnLineOnTheReceipt() throws IOException {
        sweet("FU", "1.23", 20);
        cli.run("settings", "set", "cash.rounding", "0.10", "--as", "owner");

        var sold = cli.run("sell", "--till", "T1", "--as", "cashier", "--item", "FU:4", "--pay", "cash:5", "--json");
        var text = cli.run("sell", "--till", "T1", "--as", "cashier", "--item", "FU:4", "--pay", "cash:5");

        assertThat(sold.exitCode()).as(sold.err()).isZero();
        JsonNode receipt = JSON.readTree(sold.out());
        assertThat(receipt.get("total").decimalValue()).isEqualByComparingTo("4.92");
        assertThat(receipt.get("cashRounding").decimalValue()).isEqualByComparingTo("-0.02");
        assertThat(receipt.get("paid").decimalValue()).isEqualByComparingTo("4.90");
        assertThat(receipt.get("change").decimalValue()).isEqualByComparingTo("0.10");
        assertThat(text.out()).containsSubsequence("TOTAL", "4.92", "Cash rounding", "-0.02", "Cash", "5.00", "Change", "0.10");
    }

    @Test
    void paymentsThatDoNotSettleTheTotalAreRefusedWithExit2AndChangeNothing() {
        sweet("FU", "1.23", 20);
        String before = Snapshot.of(office.database().dataSource());

        var short1 = cli.run("sell", "--till", "T1", "--as", "cashier", "--item", "FU:10", "--pay", "card:5");
        var over = cli.run("sell", "--till", "T1", "--as", "cashier", "--item", "FU:10", "--pay", "card:20", "--pay", "cash:1");
        var twoCash = cli.run("sell", "--till", "T1", "--as", "cashier", "--item", "FU:10", "--pay", "cash:5", "--pay", "cash:10");

        assertThat(short1.exitCode()).isEqualTo(2);
        assertThat(short1.err()).contains("the card parts pay 5.00 of 12.30: 7.30 is still to pay");
        assertThat(over.exitCode()).isEqualTo(2);
        assertThat(over.err()).contains("a card part of 20.00 is more than the 12.30 left to pay");
        assertThat(twoCash.exitCode()).isEqualTo(2);
        assertThat(twoCash.err()).contains("take the cash as one amount");
        assertThat(Snapshot.of(office.database().dataSource())).isEqualTo(before);
    }
}
