package org.sweetshop.common;

import java.util.Map;

/** The thing named does not exist: an unknown SKU, receipt or account. */
public final class NotFoundException extends Refusal {

    private final String what;
    private final String key;

    public NotFoundException(String what, String key, String message) {
        super(message);
        this.what = what;
        this.key = key;
    }

    @Override
    public String code() {
        return "NOT_FOUND";
    }

    @Override
    public Map<String, Object> details() {
        return Map.of("what", what, "key", key);
    }
}
