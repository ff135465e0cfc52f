package org.sweetshop.sale;

import java.math.BigDecimal;
import org.sweetshop.common.InvalidInputException;
import org.sweetshop.common.Money;

/**
 * One part of how a sale is paid, as the cashier takes it: cash with the amount handed over (change
 * is worked out at checkout), a card for a given amount, or a card for whatever is left to pay
 * ({@code amount} null). A sale takes one or more ({@link Tender}).
 */
public record Payment(PaymentMethod method, BigDecimal amount) {

    public Payment {
        if (method == null) {
            throw new InvalidInputException("pay", "payment must be cash or card");
        }
        if (method == PaymentMethod.CASH) {
            amount = Money.check("cash tendered", amount);
            if (amount.signum() == 0) {
                throw new InvalidInputException("cash tendered", "cash tendered must be more than 0.00");
            }
        } else if (amount != null) {
            amount = Money.check("card amount", amount);
            if (amount.signum() == 0) {
                throw new InvalidInputException("card amount", "a card part must be more than 0.00: leave the amount out to pay the rest");
            }
        }
    }

    /** A card paying whatever is left. */
    public static Payment card() {
        return new Payment(PaymentMethod.CARD, null);
    }

    /** A card paying this much of the sale. */
    public static Payment card(BigDecimal amount) {
        return new Payment(PaymentMethod.CARD, amount);
    }

    public static Payment cash(BigDecimal tendered) {
        return new Payment(PaymentMethod.CASH, tendered);
    }

    /** True for a card paying whatever is left. */
    public boolean rest() {
        return method == PaymentMethod.CARD && amount == null;
    }

    /** Cash handed over; null for a card. */
    public BigDecimal tendered() {
        return method == PaymentMethod.CASH ? amount : null;
    }
}
