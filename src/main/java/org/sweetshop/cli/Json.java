package org.sweetshop.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.util.LinkedHashMap;
import java.util.Map;
import org.sweetshop.common.Refusal;

/** JSON for scripts: one object per line, dates as ISO strings, amounts as plain decimals. */
final class Json {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
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
