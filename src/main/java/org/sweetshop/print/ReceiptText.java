package org.sweetshop.print;

import java.math.BigDecimal;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.sweetshop.common.Money;
import org.sweetshop.common.Quantity;
import org.sweetshop.common.SoldBy;
import org.sweetshop.sale.PaymentMethod;
import org.sweetshop.sale.Receipt;
import org.sweetshop.sale.ReceiptLine;

/**
 * A receipt as lines of monospaced text, at most {@link #WIDTH} columns each: what the till shows
 * after a payment, prints, and saves as PDF ({@link TextPdf}).
 *
 * <p>Widths are counted in Unicode code points (one column each), so a name with an emoji keeps
 * the columns straight on screen and in the PDF, where a character the font lacks becomes one
 * {@code ?}. Control characters in names become spaces, so a name can never break a line. A text
 * that does not fit is cut and ends with {@code …}; an amount is never cut: its label gives way.
 */
public final class ReceiptText {

    /** Columns of a receipt line: what an 80 mm receipt printer prints in its normal font. */
    public static final int WIDTH = 40;

    private static final String RULE = "-".repeat(WIDTH);
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private ReceiptText() {
    }

    /**
     * Renders a receipt.
     *
     * @param receipt   the sale as the till got it back from checkout (or from "reprint last")
     * @param storeName printed centred at the top ({@code AppConfig.storeName()})
     * @param currency  the store's currency code, printed on the TOTAL line ({@code AppConfig.currency()});
     *                  null or blank prints none
     * @param zone      the time zone the sale's time is shown in (the till's)
     * @param reprint   true when the cashier asked for the receipt again: it then says {@code REPRINT}
     */
    public static List<String> render(Receipt receipt, String storeName, String currency, ZoneId zone, boolean reprint) {
        Objects.requireNonNull(receipt, "receipt");
        Objects.requireNonNull(zone, "zone");
        List<String> out = new ArrayList<>();
        out.add(centred(clean(storeName)));
        if (reprint) {
            out.add(centred("*** REPRINT ***"));
        }
        if (receipt.replayed()) {
            // checkout answered with a sale made earlier under the same id: nothing was charged twice
            out.add(centred("(shown again)"));
        }
        out.add(RULE);
        out.add(field("Till", receipt.till()));
        out.add(field("Receipt", receipt.receiptNo()));
        out.add(field("Date", receipt.createdAt() == null ? "" : WHEN.format(receipt.createdAt().atZone(zone))));
        out.add(field("Cashier", receipt.cashier()));
        out.add(RULE);
        for (ReceiptLine line : receipt.lines()) {
            out.addAll(amount(clean(line.name()), money(line.lineTotal())));
            out.add(fit("  " + detail(line)));
        }
        out.add(RULE);
        out.addAll(amount("Subtotal", money(receipt.subtotal())));
        if (nonZero(receipt.couponDiscount())) {
            String hint = clean(receipt.couponHint());
            out.addAll(amount(hint.isEmpty() ? "Coupon" : "Coupon …" + hint, "-" + money(receipt.couponDiscount())));
        }
        if (nonZero(receipt.promoDiscount())) {
            String code = clean(receipt.promoCode());
            out.addAll(amount(code.isEmpty() ? "Promo" : "Promo " + code, "-" + money(receipt.promoDiscount())));
        }
        String code = clean(currency);
        out.addAll(amount(code.isEmpty() ? "TOTAL" : "TOTAL " + code, money(receipt.total())));
        if (receipt.payment() == PaymentMethod.CASH && receipt.tendered() != null) {
            out.addAll(amount("Cash", money(receipt.tendered())));
            out.addAll(amount("Change", money(receipt.change())));
        } else {
            out.addAll(amount(receipt.payment() == PaymentMethod.CASH ? "Cash" : "Card", money(receipt.total())));
        }
        out.add(RULE);
        out.add(centred("Thank you!"));
        return List.copyOf(out);
    }

    /**
     * What a line's amount is made of: {@code 3 x 1.20} for a counted line, the weight and the price
     * per kilogram for a weighed one: {@code 253 g x 14.99/kg}, {@code 1.250 kg x 14.99/kg}
     * (its amount is {@link Money#weighedLine}, rounded once for the line).
     */
    static String detail(ReceiptLine line) {
        SoldBy soldBy = line.soldBy() == null ? SoldBy.COUNTED : line.soldBy();
        String price = money(line.unitPrice());
        return Quantity.format(line.quantity(), soldBy) + " x " + (soldBy.weighed() ? price + "/kg" : price);
    }

    /** Columns a text takes: its code points. */
    static int width(String text) {
        return text.codePointCount(0, text.length());
    }

    /** {@code label} then {@code value}, e.g. {@code Till      till-1}, cut to fit. */
    private static String field(String label, String value) {
        return fit(String.format("%-9s ", label) + clean(value));
    }

    /**
     * A label with an amount at the right edge. The label is cut to leave the amount room; an
     * amount too wide to share a line (wider than any sale allows) goes on lines of its own.
     */
    private static List<String> amount(String label, String value) {
        int room = WIDTH - width(value) - 1;
        if (room >= 1) {
            String left = fit(label, room);
            return List.of(left + " ".repeat(WIDTH - width(left) - width(value)) + value);
        }
        List<String> lines = new ArrayList<>();
        lines.add(fit(label));
        for (int start = 0; start < value.length(); start += WIDTH) {
            String part = value.substring(start, Math.min(value.length(), start + WIDTH));
            lines.add(" ".repeat(WIDTH - part.length()) + part);
        }
        return lines;
    }

    private static String centred(String text) {
        String cut = fit(text);
        int pad = (WIDTH - width(cut)) / 2;
        return " ".repeat(pad) + cut;
    }

    private static String fit(String text) {
        return fit(text, WIDTH);
    }

    /** {@code text} cut to {@code columns}, ending with {@code …} when it was cut; trailing spaces dropped. */
    static String fit(String text, int columns) {
        String result = text;
        if (width(text) > columns) {
            int end = text.offsetByCodePoints(0, Math.max(0, columns - 1));
            result = columns <= 1 ? text.substring(0, text.offsetByCodePoints(0, columns)) : text.substring(0, end).stripTrailing() + "…";
        }
        return result.stripTrailing();
    }

    /** A text from the database or the settings made safe for one line: no control characters, never null. */
    static String clean(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            if (Character.isISOControl(cp) || Character.getType(cp) == Character.LINE_SEPARATOR
                    || Character.getType(cp) == Character.PARAGRAPH_SEPARATOR) {
                sb.append(' ');
            } else {
                sb.appendCodePoint(cp);
            }
        });
        return sb.toString().strip();
    }

    private static boolean nonZero(BigDecimal amount) {
        return amount != null && amount.signum() != 0;
    }

    private static String money(BigDecimal amount) {
        return amount == null ? "" : Money.format(amount);
    }
}
