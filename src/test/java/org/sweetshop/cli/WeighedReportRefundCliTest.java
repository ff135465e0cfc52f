package org.sweetshop.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sweetshop.sale.Receipt;
import org.sweetshop.testing.BadInputCase;
import org.sweetshop.testing.CliRunner;
import org.sweetshop.testing.WeighedSweets;

/** The command line after a weighed sale: {@code report sales} in kilograms, {@code refund} of grams. */
class WeighedReportRefundCliTest extends BadInputCase {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final CliRunner cli = new CliRunner();
    private String receiptNo;

    /** 1 250 g of PM at 14.99/kg (18.74) and 3 fudge at 1.20 (3.60) on one receipt. */
    @BeforeEach
    void sellAMixedBasket() {
        WeighedSweets.add(office, manager, "PM", "14.99", 2_000);
        sweet("FU", "1.20", 10);
        Receipt receipt = app.sales().checkout(cashier, basket("T1", List.of(line("PM", 1_250), line("FU", 3))));
        receiptNo = receipt.receiptNo();
    }

    private String[] report(String... more) {
        LocalDate today = LocalDate.now(ZoneId.systemDefault());
        List<String> args = new java.util.ArrayList<>(List.of("report", "sales", "--from", today.minusDays(1).toString(),
                "--to", today.plusDays(1).toString(), "--as", "manager"));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    @Test
    void theReportPrintsPiecesAndKilogramsApart() {
        var result = cli.run(report());

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains(
                "units                         3\n",
                "weight sold            1.250 kg\n",
                "gross                     22.34\n",
                "top sweets                                    units     revenue\n"
                        + "FU                 Sweet FU                       3        3.60\n",
                "top weighed sweets                             sold     revenue\n"
                        + "PM                 Weighed PM              1.250 kg       18.74\n");
    }

    @Test
    void theReportsJsonGivesEachSweetsUnitAndTheGramsSold() throws IOException {
        var result = cli.run(report("--json"));

        assertThat(result.exitCode()).as(result.err()).isZero();
        JsonNode report = JSON.readTree(result.out());
        assertThat(report.get("summary").get("units").asLong()).isEqualTo(3);
        assertThat(report.get("summary").get("grams").asLong()).isEqualTo(1_250);
        assertThat(report.get("summary").get("kilograms").asText()).isEqualTo("1.250 kg");
        JsonNode pm = report.get("topSweets").get(1);
        assertThat(pm.get("sku").asText()).isEqualTo("PM");
        assertThat(pm.get("units").asLong()).isEqualTo(1_250);
        assertThat(pm.get("unit").asText()).isEqualTo("g");
        assertThat(pm.get("soldBy").asText()).isEqualTo("WEIGHED");
        assertThat(pm.get("sold").asText()).isEqualTo("1.250 kg");
        assertThat(pm.get("revenue").decimalValue()).isEqualByComparingTo("18.74");
        assertThat(report.get("topSweets").get(0).get("unit").asText()).isEqualTo("pcs");
        assertThat(report.get("stock").get("grams").asLong()).isEqualTo(750);
        assertThat(report.get("stock").get("lines").get(1).get("unit").asText()).isEqualTo("g");
    }

    @Test
    void aWeighedItemIsRefundedInGramsOrKilograms() throws IOException {
        var grams = cli.run("refund", receiptNo, "--item", "PM:250g", "--as", "manager");
        var kilograms = cli.run("refund", receiptNo, "--item", "PM:0.25kg", "--as", "manager", "--json");

        assertThat(grams.exitCode()).as(grams.err()).isZero();
        // round(18.74 x 250 / 1250) = 3.75
        assertThat(grams.out()).contains("  250 g x Weighed PM                          3.75\n");
        assertThat(kilograms.exitCode()).as(kilograms.err()).isZero();
        JsonNode item = JSON.readTree(kilograms.out()).get("items").get(0);
        assertThat(item.get("quantity").asInt()).isEqualTo(250);
        assertThat(item.get("soldBy").asText()).isEqualTo("WEIGHED");
        assertThat(item.get("amount").decimalValue()).isEqualByComparingTo("3.75");
        assertThat(stockOf("PM")).isEqualTo(2_000 - 1_250 + 500);
    }

    @Test
    void aBareNumberForAWeighedItemIsRefusedWithExitTwoAndNothingChanges() {
        cliRefused(2, "250g or 0.25kg", "refund", receiptNo, "--item", "PM:100", "--as", "manager");
        cliRefused(3, "only 1.250 kg of PM", "refund", receiptNo, "--item", "PM:1.5kg", "--as", "manager");
        cliRefused(2, "sold by the piece", "refund", receiptNo, "--item", "FU:1g", "--as", "manager");
    }
}
