package org.sweetshop.sale;

import java.math.BigDecimal;
import org.sweetshop.common.InvalidInputException;
import org.sweetshop.common.Money;

/** How a sale is paid: card, or cash with the amount tendered (change is worked out at checkout). */
public record Payment(PaymentMethod method, BigDecimal tendered) {

    public Payment {
        if (method == null) {
            throw new InvalidInputException("pay", "payment must be cash or card");
        }
        if (method == PaymentMethod.CASH) {
            tendered = Money.check("cash tendered", tendered);
        } else if (tendered != null) {
            throw new InvalidInputException("pay", "a card payment has no amount tendered");
        }
    }

    public static Payment card() {
        return new Payment(PaymentMethod.CARD, null);
    }

    public static Payment cash(BigDecimal tendered) {
        return new Payment(PaymentMethod.CASH, tendered);
    }
}
