package org.sweetshop.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.sweetshop.common.SoldBy;
import org.sweetshop.sale.PaymentMethod;
import org.sweetshop.sale.Receipt;
import org.sweetshop.sale.ReceiptLine;
import org.sweetshop.sale.Tender;

/** The receipt {@code sell --json} prints: every line says its unit, a weighed line its grams and price per kilogram. */
class ReceiptJsonTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static Receipt mixed() {
        return new Receipt(UUID.fromString("0190a7b2-0000-7000-8000-000000000001"), "T1-000001", "T1", "cashier",
                Instant.parse("2026-07-14T11:05:09Z"),
                List.of(new ReceiptLine("PM", "Pick and Mix", 253, new BigDecimal("14.99"), new BigDecimal("3.79"), SoldBy.WEIGHED),
                        new ReceiptLine("FU", "Fudge", 3, new BigDecimal("1.20"), new BigDecimal("3.60"))),
                new BigDecimal("7.39"), BigDecimal.ZERO, BigDecimal.ZERO, new BigDecimal("7.39"), Tender.single(PaymentMethod.CARD, new BigDecimal("7.39"), null),
                null, null, false);
    }

    @Test
    void aWeighedLineCarriesItsUnitGramsAndPricePerKilogramBesideTheRecordsKeys() throws IOException {
        JsonNode line = JSON.readTree(Json.write(mixed())).get("lines").get(0);

        assertThat(line.get("sku").asText()).isEqualTo("PM");
        assertThat(line.get("name").asText()).isEqualTo("Pick and Mix");
        assertThat(line.get("quantity").asInt()).isEqualTo(253);
        assertThat(line.get("unitPrice").decimalValue()).isEqualByComparingTo("14.99");
        assertThat(line.get("lineTotal").decimalValue()).isEqualByComparingTo("3.79");
        assertThat(line.get("soldBy").asText()).isEqualTo("WEIGHED");
        assertThat(line.get("unit").asText()).isEqualTo("g");
        assertThat(line.get("grams").asInt()).isEqualTo(253);
        assertThat(line.get("pricePerKg").decimalValue()).isEqualByComparingTo("14.99");
    }

    @Test
    void aCountedLineKeepsItsKeysAndSaysPieces() throws IOException {
        JsonNode line = JSON.readTree(Json.write(mixed())).get("lines").get(1);

        List<String> keys = new java.util.ArrayList<>();
        line.fieldNames().forEachRemaining(keys::add);
        assertThat(keys).containsExactly("sku", "name", "quantity", "unitPrice", "lineTotal", "soldBy", "unit");
        assertThat(line.get("unit").asText()).isEqualTo("pcs");
        assertThat(line.get("quantity").asInt()).isEqualTo(3);
        assertThat(Json.write(mixed())).contains("\"lineTotal\":3.60,\"soldBy\":\"COUNTED\",\"unit\":\"pcs\"}");
    }

    @Test
    void theRestOfTheReceiptIsAsBefore() throws IOException {
        JsonNode receipt = JSON.readTree(Json.write(mixed()));

        assertThat(receipt.get("receiptNo").asText()).isEqualTo("T1-000001");
        assertThat(receipt.get("total").decimalValue()).isEqualByComparingTo("7.39");
        assertThat(receipt.get("createdAt").asText()).isEqualTo("2026-07-14T11:05:09Z");
    }
}
