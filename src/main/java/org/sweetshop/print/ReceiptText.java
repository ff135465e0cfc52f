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
import org.sweetshop.common.TaxLine;
import org.sweetshop.sale.PaymentPart;
import org.sweetshop.sale.Receipt;
import org.sweetshop.sale.ReceiptLine;

/**
 * A receipt as lines of monospaced text, at most {@link #WIDTH} columns each: what the till shows
 * after a payment, prints, and saves as PDF ({@link TextPdf}); a receipt printer gets the same lines
 * at its paper's width.
 *
 * <p>Widths are counted in Unicode code points (one column each), so a name with an emoji keeps
 * the columns straight on screen and in the PDF, where a character the font lacks becomes one
 * {@code ?}. Control characters in names become spaces, so a name can never break a line. A text
 * that does not fit is cut and ends with {@code …}; an amount is never cut: its label gives way.
 */
public final class ReceiptText {

    /** Columns of a receipt line: what an 80 mm receipt printer prints in its normal font. */
    public static final int WIDTH = 40;

    /** The narrowest receipt: a 58 mm roll's 32 columns, with room to spare. */
    public static final int MIN_WIDTH = 24;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private ReceiptText() {
    }

    /**
     * What heads a receipt: the store's name, then its address (each of its lines centred), its
     * tax number and its header where the store has set them ({@code store.address},
     * {@code tax.number}, {@code receipt.header}); and what ends it: the store's
     * {@code receipt.footer}, or "Thank you!" while it has none.
     */
    public record Head(String storeName, String address, String taxNumber, String header, String footer) {

        /** A head without the store's header and footer. */
        public Head(String storeName, String address, String taxNumber) {
            this(storeName, address, taxNumber, null, null);
        }

        /** A head with the store's name only. */
        public static Head named(String storeName) {
            return new Head(storeName, null, null);
        }
    }

    /** Each non-blank line of a multi-line setting, cleaned, centred. */
    private static void centredLines(List<String> out, Layout l, String text) {
        if (text != null) {
            text.lines().map(ReceiptText::clean).filter(line -> !line.isEmpty()).forEach(line -> out.add(l.centred(line)));
        }
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
        return render(receipt, storeName, currency, zone, reprint, WIDTH);
    }

    /**
     * As {@link #render(Receipt, String, String, ZoneId, boolean)}, {@code columns} wide: a receipt
     * printer's paper ({@code printer.PaperWidth}: 32 columns on 58 mm, 48 on 80 mm). The first
     * line is always the store name, centred.
     */
    public static List<String> render(Receipt receipt, String storeName, String currency, ZoneId zone, boolean reprint,
                                      int columns) {
        return render(receipt, Head.named(storeName), currency, zone, reprint, columns);
    }

    /**
     * As {@link #render(Receipt, String, String, ZoneId, boolean, int)}, headed with the store's
     * address and tax number too. After the total and the payment comes the tax table: one entry per
     * rate, its gross on the right and its net and tax under it; with prices excluding tax the tax
     * added is a line above the TOTAL.
     */
    public static List<String> render(Receipt receipt, Head head, String currency, ZoneId zone, boolean reprint, int columns) {
        Objects.requireNonNull(receipt, "receipt");
        Objects.requireNonNull(zone, "zone");
        if (columns < MIN_WIDTH) {
            throw new IllegalArgumentException("a receipt needs at least " + MIN_WIDTH + " columns, not " + columns);
        }
        Layout l = new Layout(columns);
        List<String> out = new ArrayList<>();
        out.add(l.centred(clean(head.storeName())));
        centredLines(out, l, head.address());
        if (!clean(head.taxNumber()).isEmpty()) {
            out.add(l.centred("Tax no. " + clean(head.taxNumber())));
        }
        centredLines(out, l, head.header());
        if (reprint) {
            out.add(l.centred("*** REPRINT ***"));
        }
        if (receipt.replayed()) {
            // checkout answered with a sale made earlier under the same id: nothing was charged twice
            out.add(l.centred("(shown again)"));
        }
        out.add(l.rule());
        out.add(l.field("Till", receipt.till()));
        out.add(l.field("Receipt", receipt.receiptNo()));
        out.add(l.field("Date", receipt.createdAt() == null ? "" : WHEN.format(receipt.createdAt().atZone(zone))));
        out.add(l.field("Cashier", receipt.cashier()));
        out.add(l.rule());
        for (ReceiptLine line : receipt.lines()) {
            out.addAll(l.amount(clean(line.name()), money(line.lineTotal())));
            out.add(l.fit("  " + detail(line)));
        }
        out.add(l.rule());
        out.addAll(l.amount("Subtotal", money(receipt.subtotal())));
        if (nonZero(receipt.couponDiscount())) {
            String hint = clean(receipt.couponHint());
            out.addAll(l.amount(hint.isEmpty() ? "Coupon" : "Coupon …" + hint, "-" + money(receipt.couponDiscount())));
        }
        if (nonZero(receipt.promoDiscount())) {
            String code = clean(receipt.promoCode());
            out.addAll(l.amount(code.isEmpty() ? "Promo" : "Promo " + code, "-" + money(receipt.promoDiscount())));
        }
        if (nonZero(receipt.taxAdded())) {
            out.addAll(l.amount("Tax added", money(receipt.taxAdded())));
        }
        String code = clean(currency);
        out.addAll(l.amount(code.isEmpty() ? "TOTAL" : "TOTAL " + code, money(receipt.total())));
        if (nonZero(receipt.cashRounding())) {
            out.addAll(l.amount("Cash rounding", (receipt.cashRounding().signum() > 0 ? "+" : "") + money(receipt.cashRounding())));
        }
        // each payment in the order taken: a card with what it paid, cash with what was handed over
        for (PaymentPart part : receipt.payments()) {
            out.addAll(l.amount(part.cash() ? "Cash" : "Card", money(part.cash() ? part.tendered() : part.amount())));
        }
        if (receipt.change() != null) {
            out.addAll(l.amount("Change", money(receipt.change())));
        }
        if (!receipt.taxes().isEmpty()) {
            out.add(l.rule());
            out.addAll(l.amount("Tax by rate", "gross"));
            for (TaxLine tax : receipt.taxes()) {
                out.addAll(l.amount(clean(tax.code()) + " " + tax.percent() + " " + clean(tax.name()), money(tax.gross())));
                out.add(l.fit("  net " + money(tax.net()) + "  tax " + money(tax.tax())));
            }
        }
        out.add(l.rule());
        if (head.footer() == null || head.footer().isBlank()) {
            out.add(l.centred("Thank you!"));
        } else {
            centredLines(out, l, head.footer());
        }
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

    /** The lines' shapes at one width. */
    private record Layout(int columns) {

        String rule() {
            return "-".repeat(columns);
        }

        /** {@code label} then {@code value}, e.g. {@code Till      till-1}, cut to fit. */
        String field(String label, String value) {
            return fit(String.format("%-9s ", label) + clean(value));
        }

        /**
         * A label with an amount at the right edge. The label is cut to leave the amount room; an
         * amount too wide to share a line (wider than any sale allows) goes on lines of its own.
         */
        List<String> amount(String label, String value) {
            int room = columns - width(value) - 1;
            if (room >= 1) {
                String left = ReceiptText.fit(label, room);
                return List.of(left + " ".repeat(columns - width(left) - width(value)) + value);
            }
            List<String> lines = new ArrayList<>();
            lines.add(fit(label));
            for (int start = 0; start < value.length(); start += columns) {
                String part = value.substring(start, Math.min(value.length(), start + columns));
                lines.add(" ".repeat(columns - part.length()) + part);
            }
            return lines;
        }

        String centred(String text) {
            String cut = fit(text);
            int pad = (columns - width(cut)) / 2;
            return " ".repeat(pad) + cut;
        }

        String fit(String text) {
            return ReceiptText.fit(text, columns);
        }
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
