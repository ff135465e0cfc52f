package org.sweetshop.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import org.sweetshop.common.Refusal;
import org.sweetshop.common.SoldBy;
import org.sweetshop.report.SalesReport;
import org.sweetshop.sale.PaymentMethod;
import org.sweetshop.sale.PaymentPart;
import org.sweetshop.sale.Receipt;
import org.sweetshop.sale.ReceiptLine;
import org.sweetshop.sale.Tender;

/** JSON for scripts: one object per line, dates as ISO strings, amounts as plain decimals. */
final class Json {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .registerModule(new SimpleModule("receipt-lines").addSerializer(ReceiptLine.class, new ReceiptLineJson()))
            .addMixIn(SalesReport.SweetSales.class, SweetSalesJson.class)
            .addMixIn(SalesReport.StockLine.class, UnitJson.class)
            .addMixIn(SalesReport.Summary.class, SummaryJson.class)
            .addMixIn(Receipt.class, ReceiptJson.class)
            .addMixIn(PaymentPart.class, PaymentPartJson.class)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);

    private Json() {
    }

    static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON for " + value.getClass().getSimpleName(), e);
        }
    }

    /** {@code value} as its JSON object with one more field, e.g. a receipt with {@code "printed": true}. */
    static String withField(Object value, String name, boolean flag) {
        ObjectNode node = MAPPER.valueToTree(value);
        node.put(name, flag);
        return write(node);
    }

    /**
     * A receipt's payments as before split tender ({@code payment} CASH or CARD, null for a split
     * sale; {@code tendered} and {@code change} for cash) and each part in {@code payments}, with
     * the sale's {@code cashRounding} and what was {@code paid} in all.
     */
    private abstract static class ReceiptJson {
        @JsonIgnore
        abstract Tender tender();

        @JsonProperty("payment")
        abstract PaymentMethod payment();

        @JsonProperty("tendered")
        abstract BigDecimal tendered();

        @JsonProperty("change")
        abstract BigDecimal change();

        @JsonProperty("payments")
        abstract List<PaymentPart> payments();

        @JsonProperty("cashRounding")
        abstract BigDecimal cashRounding();

        @JsonProperty("paid")
        abstract BigDecimal paid();
    }

    /** A payment: method, amount, tendered (cash), and its change. */
    private abstract static class PaymentPartJson {
        @JsonProperty("change")
        abstract BigDecimal change();

        @JsonIgnore
        abstract boolean cash();
    }

    /** A report's quantities say their unit: {@code "unit": "pcs"} or {@code "g"} beside {@code soldBy}. */
    private abstract static class UnitJson {
        @JsonProperty("unit")
        abstract String unit();
    }

    /** A top sweet also as a person reads it: {@code "sold": "1.250 kg"} for a weighed one, {@code "12"} for a counted one. */
    private abstract static class SweetSalesJson extends UnitJson {
        @JsonProperty("sold")
        abstract String sold();
    }

    /** The summary's weight sold also in kilograms: {@code "kilograms": "1.250 kg"}. */
    private abstract static class SummaryJson {
        @JsonProperty("kilograms")
        abstract String kilograms();
    }

    /**
     * A receipt line as its record (sku, name, quantity, unitPrice, lineTotal, soldBy), plus its
     * {@code unit} ({@code pcs} or {@code g}, as {@code sweet list --json} says it) and, for a
     * weighed line, {@code grams} and {@code pricePerKg} so a script need not know that a weighed
     * line's quantity and unit price mean grams and per kilogram.
     */
    private static final class ReceiptLineJson extends StdSerializer<ReceiptLine> {

        ReceiptLineJson() {
            super(ReceiptLine.class);
        }

        @Override
        public void serialize(ReceiptLine line, JsonGenerator out, SerializerProvider provider) throws IOException {
            SoldBy soldBy = line.soldBy() == null ? SoldBy.COUNTED : line.soldBy();
            out.writeStartObject();
            out.writeStringField("sku", line.sku());
            out.writeStringField("name", line.name());
            out.writeNumberField("quantity", line.quantity());
            out.writeNumberField("unitPrice", line.unitPrice());
            out.writeNumberField("lineTotal", line.lineTotal());
            out.writeStringField("soldBy", soldBy.name());
            out.writeStringField("unit", soldBy.unit());
            if (soldBy.weighed()) {
                out.writeNumberField("grams", line.quantity());
                out.writeNumberField("pricePerKg", line.unitPrice());
            }
            out.writeEndObject();
        }
    }

    static String error(Throwable e, int exitCode, String message) {
        return error(e, exitCode, message, null);
    }

    /** As {@link #error(Throwable, int, String)}, naming the sale id the command sent (null: none). */
    static String error(Throwable e, int exitCode, String message, java.util.UUID saleId) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("ok", false);
        error.put("exitCode", exitCode);
        error.put("error", e instanceof Refusal refusal ? refusal.code() : e.getClass().getSimpleName());
        error.put("message", message);
        if (e instanceof Refusal refusal && !refusal.details().isEmpty()) {
            error.put("details", refusal.details());
        }
        if (saleId != null) {
            error.put("saleId", saleId.toString());
        }
        return write(error);
    }
}
