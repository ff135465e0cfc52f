package org.sweetshop.ui.office.shared;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.sweetshop.common.Discount;
import org.sweetshop.common.InvalidInputException;
import org.sweetshop.common.Quantity;
import org.sweetshop.common.Money;
import org.sweetshop.common.Texts;
import org.sweetshop.refund.RefundLine;

/**
 * What the back office's fields are parsed with before anything is sent: a bad value is an
 * {@link InvalidInputException} whose message the tab shows, and nothing changes.
 */
public final class TypedInput {

    private TypedInput() {
    }

    /** A whole number of up to nine digits. */
    public static int whole(String field, String text) {
        String value = text == null ? "" : text.strip();
        if (!value.matches("[0-9]{1,9}")) {
            throw new InvalidInputException(field, field + " must be a whole number such as 12, not '" + Texts.shorten(value) + "'");
        }
        return Integer.parseInt(value);
    }

    /** As {@link #whole}, or null for an empty field. */
    public static Integer wholeOrNone(String field, String text) {
        return isBlank(text) ? null : whole(field, text);
    }

    /** A date typed as YYYY-MM-DD, or null for an empty field. */
    public static LocalDate date(String field, String text) {
        if (isBlank(text)) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(field, field + " must be a date such as 2027-03-31, not '" + Texts.shorten(text) + "'");
        }
    }

    /** A percentage or an amount off, as the percent/amount toggle says. */
    public static Discount discount(boolean percent, String amount) {
        BigDecimal value = Money.parse(percent ? "percent" : "amount", amount);
        return percent ? Discount.percent(value) : Discount.amount(value);
    }

    /**
     * Items typed as {@code SKU:QTY} (a bare SKU is one), separated by commas or spaces, as the
     * refund field takes them; nothing typed is none. QTY is a count for a counted sweet and a
     * weight with its unit for a weighed one ({@code PM:100g}, {@code PM:0.1kg}): the refund reads it
     * against the sale line's kind ({@link org.sweetshop.common.Quantity#parse}), so a bare number
     * for a weighed line is refused there.
     */
    public static List<RefundLine> refundItems(String text) {
        List<RefundLine> lines = new ArrayList<>();
        if (isBlank(text)) {
            return lines;
        }
        for (String item : text.strip().split("[,\\s]+")) {
            if (item.isEmpty() || item.length() > 100) {
                throw new InvalidInputException("item", "an item must be SKU:QTY, e.g. SL-1:2 or PM:100g");
            }
            int colon = item.lastIndexOf(':');
            String sku = colon < 0 ? item : item.substring(0, colon);
            String quantity = colon < 0 ? "1" : item.substring(colon + 1);
            if (!quantity.matches("-?\\d{1,12}") && !Quantity.isWeight(quantity)) {
                throw new InvalidInputException("item", "the quantity in '" + Texts.shorten(item)
                        + "' must be a whole number, or a weight such as 100g or 0.1kg");
            }
            if (quantity.matches("-?\\d{1,12}")) {
                Texts.requireRange("quantity", Long.parseLong(quantity), 1, 99_999);
            }
            lines.add(RefundLine.typed(sku, quantity));
        }
        return lines;
    }

    /** The text, or null for an empty field (left as it is, or none). */
    public static String orNull(String text) {
        return isBlank(text) ? null : text;
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }
}
