package org.sweetshop.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sweetshop.catalog.NewSweet;
import org.sweetshop.common.ProductCode;
import org.sweetshop.testing.BadInputCase;
import org.sweetshop.testing.CliRunner;

/** The command line's forms for weighed sweets, barcodes and scale labels (issue 10), on the real database. */
class WeighedCliTest extends BadInputCase {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PACK = "5012345678900";

    private final CliRunner cli = new CliRunner();

    @BeforeEach
    void aWeighedAndACountedSweet() {
        office.catalog().add(manager, NewSweet.weighed("PNM", "Pick and Mix", "Loose", new BigDecimal("15.00"), 2_500, 500, 123), "T0");
        office.catalog().add(manager, new NewSweet("FB", "Fudge Bar", "Fudge", new BigDecimal("0.85"), 40, 5)
                .withBarcodes(List.of(PACK)), "T0");
    }

    private CliRunner.Result ok(String... args) {
        var result = cli.run(args);
        assertThat(result.exitCode()).as(result.err()).isZero();
        return result;
    }

    @Test
    void sweetAddTakesAPricePerKgAndAStockInGramsAndListGivesTheUnit() throws Exception {
        var added = ok("sweet", "add", "--sku", "CM", "--name", "Cola Mix", "--per-kg", "12.00", "--stock", "2.5kg", "--plu", "00456",
                "--as", "manager");
        assertThat(added.out()).isEqualTo("added CM Cola Mix at 12.00/kg, 2.500 kg in stock, PLU 00456\n");
        ok("sweet", "add", "--sku", "GB", "--name", "Gobstopper", "--price", "0.30", "--stock", "10", "--barcode", "96385074",
                "036000291452", "--as", "manager");
        assertThat(app.catalog().barcodes("GB")).containsExactlyInAnyOrder("96385074", "0036000291452");

        JsonNode list = JSON.readTree(ok("sweet", "list", "--json").out());
        JsonNode cm = find(list, "CM");
        assertThat(cm.get("stock").asInt()).isEqualTo(2_500);
        assertThat(cm.get("unit").asText()).isEqualTo("g");
        assertThat(cm.get("price").decimalValue()).isEqualByComparingTo("12.00");
        assertThat(cm.get("plu").asInt()).isEqualTo(456);
        assertThat(find(list, "GB").get("unit").asText()).isEqualTo("pcs");
        assertThat(find(list, "GB").get("stock").asInt()).isEqualTo(10);
    }

    private static JsonNode find(JsonNode list, String sku) {
        for (JsonNode n : list) {
            if (n.get("sku").asText().equals(sku)) {
                return n;
            }
        }
        throw new AssertionError("no " + sku + " in " + list);
    }

    @Test
    void sweetAddRefusesABareStockForAWeighedSweetAndBothPrices() {
        cliRefused(2, "with its unit", "sweet", "add", "--sku", "CM", "--name", "Cola Mix", "--per-kg", "12.00", "--stock", "2500",
                "--as", "manager");
        cliRefused(2, "one of them", "sweet", "add", "--sku", "CM", "--name", "Cola Mix", "--per-kg", "12.00", "--price", "1.00",
                "--as", "manager");
        cliRefused(2, "sold by the piece", "sweet", "add", "--sku", "CM", "--name", "Cola Mix", "--price", "1.00", "--stock", "250g",
                "--as", "manager");
    }

    @Test
    void sweetBarcodeAddAddsOneAndRefusesACodeOnAnotherSweet() {
        ok("sweet", "add", "--sku", "GB", "--name", "Gobstopper", "--price", "0.30", "--as", "manager");
        assertThat(ok("sweet", "barcode", "add", "GB", "96385074", "--as", "manager").out()).isEqualTo("barcode 96385074 added to GB\n");
        cliRefused(3, "Fudge Bar (FB)", "sweet", "barcode", "add", "GB", PACK, "--as", "manager");
        cliRefused(2, "wrong check digit", "sweet", "barcode", "add", "GB", "5012345678901", "--as", "manager");
        cliRefused(3, "cashier", "sweet", "barcode", "add", "GB", "5012345678917", "--as", "cashier");
    }

    @Test
    void sellTakesAWeightABarcodeAndAScaleLabel() {
        String label = "2100123" + "00300";
        label += ProductCode.checkDigit(label);
        var sold = ok("sell", "--till", "T1", "--as", "cashier", "--item", "PNM:250g", "--item", PACK + ":2", "--item", label,
                "--json");
        assertThat(sold.out()).contains("\"total\":9.95"); // 550 g in one line: 8.25, + 1.70
        assertThat(stockOf("PNM")).isEqualTo(2_500 - 250 - 300);
        assertThat(stockOf("FB")).isEqualTo(38);
        ok("sell", "--till", "T1", "--as", "cashier", "--item", "PNM:0.25kg");
        assertThat(stockOf("PNM")).isEqualTo(1_700);
    }

    @Test
    void sellRefusesABareNumberForAWeighedSweetAndBadCodes() {
        cliRefused(2, "weight with its unit", "sell", "--till", "T1", "--as", "cashier", "--item", "PNM:250");
        cliRefused(2, "sold by weight", "sell", "--till", "T1", "--as", "cashier", "--item", "PNM");
        cliRefused(2, "sold by the piece", "sell", "--till", "T1", "--as", "cashier", "--item", "FB:250g");
        cliRefused(3, "unknown barcode", "sell", "--till", "T1", "--as", "cashier", "--item", "4006381333931");
        cliRefused(2, "wrong check digit", "sell", "--till", "T1", "--as", "cashier", "--item", "5012345678901");
        cliRefused(3, "unknown PLU 00999", "sell", "--till", "T1", "--as", "cashier", "--item", "2100999002509");
        cliRefused(2, "must be a whole number", "sell", "--till", "T1", "--as", "cashier", "--item", "PNM:lots");
    }

    @Test
    void restockAndStocktakeTakeGramsForAWeighedSweet() {
        assertThat(ok("restock", "--sku", "PNM", "--qty", "5kg", "--as", "manager").out())
                .isEqualTo("restocked PNM Pick and Mix: +5.000 kg, now 7.500 kg in stock\n");
        assertThat(ok("restock", "--sku", "PNM", "--qty", "250g", "--as", "manager").out()).contains("now 7.750 kg");
        assertThat(ok("stocktake", "--sku", "PNM", "--counted", "1200g", "--as", "manager").out())
                .isEqualTo("stocktake PNM Pick and Mix: counted 1.200 kg, adjustment -6.550 kg\n");
        assertThat(stockOf("PNM")).isEqualTo(1_200);
        cliRefused(2, "give --qty with its unit", "restock", "--sku", "PNM", "--qty", "5", "--as", "manager");
        cliRefused(2, "give --counted with its unit", "stocktake", "--sku", "PNM", "--counted", "1200", "--as", "manager");
        cliRefused(2, "sold by the piece", "restock", "--sku", "FB", "--qty", "250g", "--as", "manager");
        cliRefused(2, "sold by the piece", "stocktake", "--sku", "FB", "--counted", "1kg", "--as", "manager");
        assertThat(ok("restock", "--sku", "FB", "--qty", "12", "--as", "manager").out()).isEqualTo("restocked FB Fudge Bar: +12, now 52 in stock\n");
    }
}
