package org.sweetshop.sale;

import java.math.BigDecimal;
import org.sweetshop.common.Money;

/**
 * A payment as made: what it paid toward the sale, and for cash what was handed over (the
 * difference is the change it gave).
 *
 * @param amount   what this part paid toward the sale (for cash: after the store's cash rounding)
 * @param tendered cash handed over; null for a card
 */
public record PaymentPart(PaymentMethod method, BigDecimal amount, BigDecimal tendered) {

    /** The change this part gave: cash handed over beyond its amount; 0.00 for a card. */
    public BigDecimal change() {
        return tendered == null ? Money.ZERO : tendered.subtract(amount);
    }

    public boolean cash() {
        return method == PaymentMethod.CASH;
    }
}
