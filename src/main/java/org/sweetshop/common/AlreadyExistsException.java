package org.sweetshop.common;

import java.util.Map;

/** A second registration of something unique: a username, a SKU, a promo code. */
public final class AlreadyExistsException extends Refusal {

    private final String what;
    private final String key;

    public AlreadyExistsException(String what, String key, String message) {
        super(message);
        this.what = what;
        this.key = key;
    }

    @Override
    public String code() {
        return "ALREADY_REGISTERED";
    }

    @Override
    public Map<String, Object> details() {
        return Map.of("what", what, "key", key);
    }
}
