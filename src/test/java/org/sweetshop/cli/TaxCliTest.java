package org.sweetshop.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sweetshop.testing.CliRunner;
import org.sweetshop.testing.DatabaseTest;
import org.sweetshop.testing.Snapshot;

/** {@code tax add|list}, {@code sweet add|edit --tax}, the receipt's taxes in {@code sell --json} and {@code receipt show}, {@code report tax}. */
class TaxCliTest extends DatabaseTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final CliRunner cli = new CliRunner();

    @TempDir
    Path tmp;

    private String snapshot() {
        return Snapshot.of(office.database().dataSource());
    }

    @Test
    void taxListAndAddPrintTheRatesAndAddIsAudited() throws IOException {
        var add = cli.run("tax", "add", "--code", "hot", "--name", "Hot food", "--rate", "12.5", "--as", "manager", "--json");
        var list = cli.run("tax", "list");
        var json = cli.run("tax", "list", "--json");

        assertThat(add.exitCode()).as(add.err()).isZero();
        assertThat(add.out()).isEqualTo("{\"code\":\"HOT\",\"name\":\"Hot food\",\"rate\":12.50,\"default\":false}\n");
        assertThat(list.out()).isEqualTo("""
                HOT      Hot food               12.5%
                RED      Reduced                   5%
                STD      Standard                 20%  (default)
                ZERO     Zero                      0%
                """);
        JsonNode rates = JSON.readTree(json.out());
        assertThat(rates).hasSize(4);
        assertThat(json.out()).contains("{\"code\":\"STD\",\"name\":\"Standard\",\"rate\":20.00,\"default\":true}");
        var log = cli.run("audit-log", "--action", "tax-rate-add", "--as", "owner", "--json");
        assertThat(JSON.readTree(log.out()).get(0).get("newValue").asText()).isEqualTo("Hot food 12.5%");
    }

    @Test
    void badRatesDuplicatesACashierAndUnknownCodesAreRefusedAndChangeNothing() throws IOException {
        sweet("SL", "1.20", 10);
        String before = snapshot();

        var negative = cli.run("tax", "add", "--code", "NEG", "--name", "Negative", "--rate", "-1", "--as", "manager");
        var tooHigh = cli.run("tax", "add", "--code", "HI", "--name", "High", "--rate", "100.5", "--as", "manager");
        var decimals = cli.run("tax", "add", "--code", "DEC", "--name", "Decimals", "--rate", "12.345", "--as", "manager", "--json");
        var duplicate = cli.run("tax", "add", "--code", "STD", "--name", "Again", "--rate", "20", "--as", "manager");
        var cashier = cli.run("tax", "add", "--code", "C", "--name", "C", "--rate", "1", "--as", "cashier");
        var addUnknown = cli.run("sweet", "add", "--sku", "FB", "--name", "Fudge", "--price", "1.00", "--tax", "VAT9", "--as", "manager");
        var editUnknown = cli.run("sweet", "edit", "SL", "--name", "Lemons", "--tax", "VAT9", "--as", "manager");

        assertThat(negative.exitCode()).isEqualTo(2);
        assertThat(negative.err()).isEqualTo("the rate must be a percentage from 0 to 100 such as 20 or 12.5, not '-1'\n");
        assertThat(tooHigh.exitCode()).isEqualTo(2);
        assertThat(tooHigh.err()).isEqualTo("the rate 100.5 is more than 100%\n");
        assertThat(decimals.exitCode()).isEqualTo(2);
        assertThat(JSON.readTree(decimals.out()).get("error").asText()).isEqualTo("INVALID_INPUT");
        assertThat(JSON.readTree(decimals.out()).get("details").get("field").asText()).isEqualTo("rate");
        assertThat(duplicate.exitCode()).isEqualTo(3);
        assertThat(duplicate.err()).startsWith("tax rate STD already exists");
        assertThat(cashier.exitCode()).isEqualTo(3);
        assertThat(addUnknown.exitCode()).isEqualTo(2);
        assertThat(addUnknown.err()).isEqualTo("there is no tax rate 'VAT9': the rates are RED (Reduced, 5%), STD (Standard, 20%),"
                + " ZERO (Zero, 0%); add one with `tax add` first\n");
        assertThat(editUnknown.exitCode()).isEqualTo(2);
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void sellAndReceiptShowCarryTheTaxesPerRate() throws IOException {
        var added = cli.run("sweet", "add", "--sku", "MH", "--name", "Mint Humbugs", "--price", "2.00", "--stock", "10", "--tax", "red",
                "--as", "manager");
        sweet("FU", "1.15", 10);
        cli.run("sweet", "edit", "FU", "--tax", "STD", "--as", "manager");

        var sold = cli.run("sell", "--till", "T3", "--as", "cashier", "--item", "FU:3", "--item", "MH:1", "--pay", "card", "--json");
        JsonNode receipt = JSON.readTree(sold.out());
        var shownJson = cli.run("receipt", "show", "T3-000001", "--json");
        var shown = cli.run("receipt", "show", "T3-000001");

        assertThat(added.out()).isEqualTo("added MH Mint Humbugs at 2.00, 10 in stock, tax RED\n");
        assertThat(sold.exitCode()).as(sold.err()).isZero();
        assertThat(receipt.get("total").decimalValue()).isEqualByComparingTo("5.45");
        assertThat(sold.out()).contains("[{\"code\":\"RED\",\"name\":\"Reduced\",\"rate\":5.00,\"net\":1.90,"
                + "\"tax\":0.10,\"gross\":2.00},{\"code\":\"STD\",\"name\":\"Standard\",\"rate\":20.00,\"net\":2.87,\"tax\":0.58,\"gross\":3.45}]");
        assertThat(receipt.get("taxes").get(0).fieldNames()).toIterable().containsExactly("code", "name", "rate", "net", "tax", "gross");
        assertThat(receipt.get("taxAdded").decimalValue()).isEqualByComparingTo("0");
        assertThat(JSON.readTree(shownJson.out())).isEqualTo(receipt);
        assertThat(shown.exitCode()).as(shown.err()).isZero();
        assertThat(shown.out()).contains(String.join("\n",
                "Tax by rate                        gross",
                "RED 5% Reduced                      2.00",
                "  net 1.90  tax 0.10",
                "STD 20% Standard                    3.45",
                "  net 2.87  tax 0.58",
                "----------------------------------------",
                "               Thank you!"));
    }

    @Test
    void theReceiptHeadHasTheStoresAddressAndTaxNumberWhereSet() {
        sweet("SL", "1.20", 10);
        cli.run("settings", "set", "store.address", "1 High Street\nLittle Snoring", "--as", "owner");
        cli.run("settings", "set", "tax.number", "GB 123 4567 89", "--as", "owner");

        var sold = cli.run("sell", "--till", "T3", "--as", "cashier", "--item", "SL:1", "--pay", "card");

        assertThat(sold.out().lines().limit(5).map(String::strip).toList())
                .containsExactly("Sweetshop", "1 High Street", "Little Snoring", "Tax no. GB 123 4567 89",
                        "----------------------------------------");
    }

    @Test
    void pricesExcludingTaxShowTheTaxAddedAboveTheTotal() {
        sweet("SL", "1.00", 10);
        cli.run("settings", "set", "prices.include.tax", "false", "--as", "owner");

        var sold = cli.run("sell", "--till", "T3", "--as", "cashier", "--item", "SL:3", "--pay", "cash:5", "--json");
        var shown = cli.run("receipt", "show", "T3-000001");

        assertThat(sold.exitCode()).as(sold.err()).isZero();
        assertThat(shown.out()).contains(String.join("\n",
                "Subtotal                            3.00",
                "Tax added                           0.60",
                "TOTAL GBP                           3.60",
                "Cash                                5.00",
                "Change                              1.40"));
    }

    @Test
    void reportTaxIsTheSumOfTheReceiptsAsJsonAndCsv() throws IOException {
        sweet("SL", "1.20", 50);
        cli.run("sweet", "add", "--sku", "WT", "--name", "Water", "--price", "0.75", "--stock", "50", "--tax", "ZERO", "--as", "manager");
        List<JsonNode> receipts = new ArrayList<>();
        receipts.add(JSON.readTree(cli.run("sell", "--till", "T1", "--as", "cashier", "--item", "SL:2", "--item", "WT:1", "--json").out()));
        receipts.add(JSON.readTree(cli.run("sell", "--till", "T1", "--as", "cashier", "--item", "SL:5", "--json").out()));
        cli.run("refund", "T1-000002", "--item", "SL:1", "--as", "manager");
        String today = LocalDate.now().toString();

        var json = cli.run("report", "tax", "--from", today, "--to", today, "--as", "manager", "--json");
        Path file = tmp.resolve("tax.csv");
        var csv = cli.run("report", "tax", "--from", today, "--to", today, "--as", "manager", "--csv", file.toString());

        assertThat(json.exitCode()).as(json.err()).isZero();
        JsonNode report = JSON.readTree(json.out());
        // 2.40 + 0.75 = 3.15 (STD 2.40: 0.40; ZERO 0.75), 6.00 (STD: 1.00); one SL back: 1.20, reversing 0.20
        assertThat(report.get("receipts").asLong()).isEqualTo(2);
        assertThat(report.get("receiptsTotal").decimalValue())
                .isEqualByComparingTo(receipts.get(0).get("total").decimalValue().add(receipts.get(1).get("total").decimalValue()));
        assertThat(report.get("total").get("gross").decimalValue()).isEqualByComparingTo("9.15");
        assertThat(json.out()).contains("[{\"code\":\"STD\",\"name\":\"Standard\",\"rate\":20.00,\"net\":7.00,"
                + "\"tax\":1.40,\"gross\":8.40,\"refundedNet\":1.00,\"refundedTax\":0.20,\"refundedGross\":1.20,\"netAfterRefunds\":6.00,"
                + "\"taxAfterRefunds\":1.20,\"grossAfterRefunds\":7.20},{\"code\":\"ZERO\",\"name\":\"Zero\",\"rate\":0.00,\"net\":0.75,"
                + "\"tax\":0.00,\"gross\":0.75,\"refundedNet\":0.00,\"refundedTax\":0.00,\"refundedGross\":0.00,\"netAfterRefunds\":0.75,"
                + "\"taxAfterRefunds\":0.00,\"grossAfterRefunds\":0.75}]");
        assertThat(csv.exitCode()).as(csv.err()).isZero();
        assertThat(Files.readAllLines(file)).containsExactly(
                "from,to,code,name,rate,net,tax,gross,refunded_net,refunded_tax,refunded_gross,net_after_refunds,tax_after_refunds,"
                        + "gross_after_refunds",
                today + "," + today + ",STD,Standard,20.00,7.00,1.40,8.40,1.00,0.20,1.20,6.00,1.20,7.20",
                today + "," + today + ",ZERO,Zero,0.00,0.75,0.00,0.75,0.00,0.00,0.00,0.75,0.00,0.75",
                today + "," + today + ",TOTAL,all rates,,7.75,1.40,9.15,1.00,0.20,1.20,6.75,1.20,7.95");
    }
}
