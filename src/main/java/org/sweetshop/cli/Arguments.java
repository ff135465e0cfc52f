package org.sweetshop.cli;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.sweetshop.common.Quantity;
import org.sweetshop.common.SoldBy;
import org.sweetshop.catalog.Sweets;
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

    /**
     * An {@code --item} as typed, before the catalogue says what it is: a SKU or a code (a product
     * barcode or a scale label) and the quantity as written (null when none was given).
     */
    record Item(String code, String quantity) {
    }

    private static final Pattern COUNT = Pattern.compile("-?\\d{1,12}");

    /** {@code SKU:QTY}, or a bare SKU for one, of a counted sweet. */
    static BasketLine item(String item) {
        Item raw = rawItem(item);
        if (raw.quantity() != null && !COUNT.matcher(raw.quantity()).matches()) {
            throw new InvalidInputException("item", "the quantity in '" + Texts.shorten(item) + "' must be a whole number");
        }
        return new BasketLine(raw.code(), raw.quantity() == null ? 1 : Integer.parseInt(raw.quantity()));
    }

    /**
     * {@code SKU:QTY} (QTY a count, or a weight such as {@code 250g} or {@code 0.25kg}), {@code SKU}
     * alone, or {@code CODE[:N]}; checked for form only: which it is, and whether the quantity fits
     * the sweet, the catalogue says ({@link BasketItems}).
     */
    static Item rawItem(String item) {
        if (item == null || item.isBlank() || item.length() > 100) {
            throw new InvalidInputException("item", "an item must be SKU:QTY, e.g. SL-1:2 or PNM:250g, or a barcode");
        }
        int colon = item.lastIndexOf(':');
        String code = colon < 0 ? item.strip() : item.substring(0, colon).strip();
        String quantity = colon < 0 ? null : item.substring(colon + 1).strip();
        Sweets.requireSku(code); // a barcode's or a label's digits are of a SKU's form too
        if (quantity != null) {
            if (COUNT.matcher(quantity).matches()) {
                Texts.requireRange("quantity", Long.parseLong(quantity), 1, 9_999);
            } else if (!Quantity.isWeight(quantity)) {
                throw new InvalidInputException("item", "the quantity in '" + Texts.shorten(item)
                        + "' must be a whole number (a count) or a weight (250g, 0.25kg)");
            }
        }
        return new Item(code, quantity);
    }

    /**
     * An amount as typed after {@code option} ({@code --qty}, {@code --counted}, {@code --stock}):
     * a count that fits an int, or a weight; refused in picocli's words otherwise.
     */
    static String amountText(String option, String text) {
        String t = text == null ? "" : text.strip();
        boolean count = COUNT.matcher(t).matches() && Long.parseLong(t) >= Integer.MIN_VALUE && Long.parseLong(t) <= Integer.MAX_VALUE;
        if (!count && !Quantity.isWeight(t)) {
            throw new InvalidInputException(option, "Invalid value for option '" + option + "': '" + Texts.shorten(t)
                    + "' is not a count (12) or a weight (250g, 5kg)");
        }
        return t;
    }

    /**
     * {@code text} in the sweet's unit, from {@code min} to {@code max}: a count for a counted
     * sweet, a weight ({@code 250g}, {@code 5kg}) for a weighed one, whose bare number is refused
     * (grams or kilograms?); a weight for a counted sweet is refused too. {@code field} names the
     * value in a range refusal ("quantity must be between 1 and 100000").
     */
    static int amount(String option, String field, String text, SoldBy soldBy, long min, long max) {
        String t = amountText(option, text);
        if (!soldBy.weighed() && COUNT.matcher(t).matches()) {
            return Texts.requireRange(field, Long.parseLong(t), min, max);
        }
        if (soldBy.weighed() && COUNT.matcher(t).matches() && !(min <= 0 && Quantity.isBareZero(t))) {
            throw new InvalidInputException(option, "this sweet is sold by weight: give " + option + " with its unit, e.g. 250g or"
                    + " 0.25kg ('" + t + "' could be grams or kilograms)");
        }
        return Quantity.parse(field, t, soldBy, min, max);
    }

    /** Each {@code --pay}, in the order given: a split sale has several ({@link org.sweetshop.sale.Tender}). */
    static List<Payment> payments(List<String> texts) {
        if (texts == null || texts.isEmpty()) {
            return List.of(Payment.card());
        }
        return texts.stream().map(Arguments::payment).toList();
    }

    /** {@code card}, {@code card:AMOUNT} or {@code cash:AMOUNT}, any case. */
    static Payment payment(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidInputException("pay", "payment is missing: use --pay card, --pay card:AMOUNT or --pay cash:AMOUNT");
        }
        String value = text.strip().toLowerCase(Locale.ROOT);
        if (value.equals("card")) {
            return Payment.card();
        }
        if (value.startsWith("card:")) {
            return Payment.card(Money.parse("card amount", value.substring(5)));
        }
        if (value.startsWith("cash:")) {
            return Payment.cash(Money.parse("cash tendered", value.substring(5)));
        }
        throw new InvalidInputException("pay", "payment must be 'card', 'card:AMOUNT' or 'cash:AMOUNT', not '" + Texts.shorten(text) + "'");
    }
}
