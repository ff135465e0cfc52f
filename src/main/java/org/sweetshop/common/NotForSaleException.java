package org.sweetshop.common;

import java.util.Map;

/** A sweet that has been taken off sale. */
public final class NotForSaleException extends Refusal {

    private final String sku;

    public NotForSaleException(String sku, String name) {
        super("not for sale: " + name + " (" + sku + ") has been taken off the catalogue");
        this.sku = sku;
    }

    @Override
    public String code() {
        return "NOT_FOR_SALE";
    }

    @Override
    public Map<String, Object> details() {
        return Map.of("sku", sku);
    }
}
