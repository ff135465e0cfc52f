package org.sweetshop.common;

import java.util.Map;

/**
 * A business refusal: the request was understood and said no to. It carries a message written
 * for a cashier, a stable machine code and details for scripts. Nothing was changed.
 */
public abstract class Refusal extends RuntimeException {

    protected Refusal(String message) {
        super(message, null, false, false);
    }

    /** A stable, upper-case code for scripts and JSON output, e.g. {@code OUT_OF_STOCK}. */
    public abstract String code();

    /** Facts a script may want (sku, quantity left, when and where a coupon was redeemed). */
    public Map<String, Object> details() {
        return Map.of();
    }
}
