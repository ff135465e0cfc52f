package org.sweetshop.ui.office.shared;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.sweetshop.common.Discount;
import org.sweetshop.common.InvalidInputException;
import org.sweetshop.catalog.CatalogService;
import org.sweetshop.common.Money;
import org.sweetshop.common.Quantity;
import org.sweetshop.common.SoldBy;
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

    /**
     * An amount of a sweet in its unit: for a counted sweet a whole number of pieces ({@link #whole},
     * whose range the service checks); for a weighed one a weight with its unit ({@code 250g},
     * {@code 2.5kg}) from {@code minGrams} to {@code maxGrams}, read by {@link Quantity#parse}, which
     * refuses a bare number (grams or kilograms?) in its own words.
     */
    public static int amount(String field, String text, SoldBy soldBy, long minGrams, long maxGrams) {
        return soldBy.weighed() ? Quantity.parse(field, text, soldBy, minGrams, maxGrams) : whole(field, text);
    }

    /** A PLU (1 to 99999, {@link CatalogService#requirePlu}), or null for an empty field. */
    public static Integer plu(String text) {
        Integer plu = wholeOrNone("PLU", text);
        return plu == null ? null : CatalogService.requirePlu(plu);
    }

    /** Product barcodes typed with spaces between them, none for an empty field; the catalogue checks each. */
    public static List<String> codes(String text) {
        return isBlank(text) ? List.of() : List.of(text.strip().split("\\s+"));
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
