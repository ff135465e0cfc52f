package org.sweetshop.shift;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.sweetshop.common.Money;
import org.sweetshop.common.TaxLine;

/**
 * The Z report of a closed shift at one till, as frozen when it closed: the sales, the discounts,
 * the takings by payment method (each method's payments counted: a split sale counts in both; cash
 * and cards take the net plus the cash rounding), and the cash drawer (float + cash sales = expected, against the
 * cash counted). {@code difference} is counted minus expected: negative when cash is missing.
 * {@code firstReceipt}/{@code lastReceipt} are null when the shift made no sale. {@code taxes} is the
 * tax per rate of its receipts (net, tax, gross), whose gross add up to {@code net}; {@code taxAdded}
 * the tax its sales added at their totals (prices excluding tax): net = gross - discounts + taxAdded.
 */
public record ZReport(long shiftId, String till, String openedBy, Instant openedAt, String closedBy, Instant closedAt,
        int sales, BigDecimal gross, BigDecimal couponDiscounts, BigDecimal promoDiscounts, BigDecimal net,
        BigDecimal cashSales, BigDecimal cardSales, BigDecimal openingFloat, BigDecimal cashExpected,
        BigDecimal countedCash, BigDecimal difference, String firstReceipt, String lastReceipt, int cashPayments,
        int cardPayments, BigDecimal cashRounding, List<TaxLine> taxes, BigDecimal taxAdded) {

    public ZReport {
        taxes = taxes == null ? List.of() : List.copyOf(taxes);
        taxAdded = taxAdded == null ? Money.ZERO : taxAdded;
    }

    /** A Z report without its tax lines. */
    public ZReport(long shiftId, String till, String openedBy, Instant openedAt, String closedBy, Instant closedAt,
            int sales, BigDecimal gross, BigDecimal couponDiscounts, BigDecimal promoDiscounts, BigDecimal net,
            BigDecimal cashSales, BigDecimal cardSales, BigDecimal openingFloat, BigDecimal cashExpected,
            BigDecimal countedCash, BigDecimal difference, String firstReceipt, String lastReceipt, int cashPayments,
            int cardPayments, BigDecimal cashRounding) {
        this(shiftId, till, openedBy, openedAt, closedBy, closedAt, sales, gross, couponDiscounts, promoDiscounts, net, cashSales,
                cardSales, openingFloat, cashExpected, countedCash, difference, firstReceipt, lastReceipt, cashPayments, cardPayments,
                cashRounding, List.of(), Money.ZERO);
    }

    /** Width of a till's receipt printer, in characters. */
    public static final int WIDTH = 40;

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    /** The report as plain lines of at most {@link #WIDTH} characters, for a monospaced printer. */
    public List<String> lines(String storeName, ZoneId zone) {
        List<String> out = new ArrayList<>();
        if (storeName != null && !storeName.isBlank()) {
            out.add(centre(storeName.strip()));
        }
        out.add(centre("Z REPORT"));
        row(out, "Till", till);
        row(out, "Shift", "#" + shiftId);
        row(out, "Opened", WHEN.format(openedAt.atZone(zone)));
        row(out, "  by", openedBy);
        row(out, "Closed", WHEN.format(closedAt.atZone(zone)));
        row(out, "  by", closedBy);
        out.add(rule());
        row(out, "Sales", Integer.toString(sales));
        row(out, "First receipt", firstReceipt == null ? "-" : firstReceipt);
        row(out, "Last receipt", lastReceipt == null ? "-" : lastReceipt);
        out.add(rule());
        row(out, "Gross", Money.format(gross));
        row(out, "Coupon discounts", minus(couponDiscounts));
        row(out, "Promo discounts", minus(promoDiscounts));
        if (taxAdded.signum() != 0) {
            row(out, "Tax added", "+" + Money.format(taxAdded));
        }
        row(out, "Net", Money.format(net));
        if (cashRounding.signum() != 0) {
            row(out, "Cash rounding", (cashRounding.signum() > 0 ? "+" : "") + Money.format(cashRounding));
        }
        row(out, "  cash (" + cashPayments + ")", Money.format(cashSales));
        row(out, "  card (" + cardPayments + ")", Money.format(cardSales));
        if (!taxes.isEmpty()) {
            out.add(rule());
            out.add("Tax by rate");
            for (TaxLine tax : taxes) {
                row(out, tax.code() + " " + tax.percent() + " gross", Money.format(tax.gross()));
                row(out, "  net", Money.format(tax.net()));
                row(out, "  tax", Money.format(tax.tax()));
            }
        }
        out.add(rule());
        row(out, "Opening float", Money.format(openingFloat));
        row(out, "Cash sales", "+" + Money.format(cashSales));
        row(out, "Cash expected", Money.format(cashExpected));
        row(out, "Cash counted", Money.format(countedCash));
        row(out, difference.signum() < 0 ? "Short" : difference.signum() > 0 ? "Over" : "Difference",
                (difference.signum() > 0 ? "+" : "") + Money.format(difference));
        out.add(rule());
        return out;
    }

    private static String minus(BigDecimal amount) {
        return (amount.signum() > 0 ? "-" : "") + Money.format(amount);
    }

    /** {@code T1-000001}: the same form as the sale's receipt numbers. */
    static String receiptNumber(String till, long seq) {
        String digits = Long.toString(seq);
        return digits.length() >= 6 ? till + "-" + digits : till + "-" + "000000".substring(digits.length()) + digits;
    }

    /** A label on the left and a value on the right; a value too long for that goes on a line of its own. */
    private static void row(List<String> out, String label, String value) {
        String v = clip(value);
        if (label.length() + 1 + v.length() <= WIDTH) {
            out.add(label + " ".repeat(WIDTH - label.length() - v.length()) + v);
        } else {
            out.add(label);
            out.add(" ".repeat(WIDTH - v.length()) + v);
        }
    }

    private static String centre(String text) {
        String t = clip(text);
        return " ".repeat((WIDTH - t.length()) / 2) + t;
    }

    private static String rule() {
        return "-".repeat(WIDTH);
    }

    private static String clip(String text) {
        return text.length() <= WIDTH ? text : text.substring(0, WIDTH - 1) + "~";
    }
}
