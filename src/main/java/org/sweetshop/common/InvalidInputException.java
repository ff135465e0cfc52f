package org.sweetshop.common;

import java.util.Map;

/** Bad input: a malformed value, out of range or of the wrong shape. Nothing was changed. */
public final class InvalidInputException extends Refusal {

    private final String field;

    public InvalidInputException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }

    @Override
    public String code() {
        return "INVALID_INPUT";
    }

    @Override
    public Map<String, Object> details() {
        return Map.of("field", field);
    }
}
