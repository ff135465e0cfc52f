package org.sweetshop.cli;

import java.util.Locale;
import org.sweetshop.common.InvalidInputException;
import org.sweetshop.common.Money;
import org.sweetshop.common.Texts;
import org.sweetshop.sale.BasketLine;
import org.sweetshop.sale.Payment;

/**
 * The command line's own grammar for values typed after a flag: {@code --item SKU:QTY} and
 * {@code --pay card|cash:AMOUNT}. The services take records ({@link BasketLine}, {@link Payment})
 * and speak of quantities, percents and amounts; only the command line knows its flags.
 */
final class Arguments {

    private Arguments() {
    }

    /** {@code SKU:QTY}, or a bare SKU for one. */
    static BasketLine item(String item) {
        if (item == null || item.isBlank() || item.length() > 100) {
            throw new InvalidInputException("item", "an item must be SKU:QTY, e.g. SL-1:2");
        }
        int colon = item.lastIndexOf(':');
        String sku = colon < 0 ? item.strip() : item.substring(0, colon).strip();
        String quantity = colon < 0 ? "1" : item.substring(colon + 1).strip();
        if (!quantity.matches("-?\\d{1,12}")) {
            throw new InvalidInputException("item", "the quantity in '" + Texts.shorten(item) + "' must be a whole number");
        }
        return new BasketLine(sku, Texts.requireRange("quantity", Long.parseLong(quantity), 1, 9_999));
    }

    /** {@code card} or {@code cash:AMOUNT}, any case. */
    static Payment payment(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidInputException("pay", "payment is missing: use --pay card or --pay cash:AMOUNT");
        }
        String value = text.strip().toLowerCase(Locale.ROOT);
        if (value.equals("card")) {
            return Payment.card();
        }
        if (value.startsWith("cash:")) {
            return Payment.cash(Money.parse("cash tendered", value.substring(5)));
        }
        throw new InvalidInputException("pay", "payment must be 'card' or 'cash:AMOUNT', not '" + Texts.shorten(text) + "'");
    }
}
