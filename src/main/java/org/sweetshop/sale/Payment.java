package org.sweetshop.sale;

import java.math.BigDecimal;
import java.util.Locale;
import org.sweetshop.common.InvalidInputException;
import org.sweetshop.common.Money;
import org.sweetshop.common.Texts;

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

    /** Parses {@code card} or {@code cash:AMOUNT} as typed on the command line. */
    public static Payment parse(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidInputException("pay", "payment is missing: use --pay card or --pay cash:AMOUNT");
        }
        String value = text.strip().toLowerCase(Locale.ROOT);
        if (value.equals("card")) {
            return card();
        }
        if (value.startsWith("cash:")) {
            return cash(Money.parse("cash tendered", value.substring(5)));
        }
        throw new InvalidInputException("pay", "payment must be 'card' or 'cash:AMOUNT', not '" + Texts.shorten(text) + "'");
    }
}
