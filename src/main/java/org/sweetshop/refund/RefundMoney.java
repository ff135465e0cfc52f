package org.sweetshop.refund;

import java.math.BigDecimal;
import java.util.List;
import org.sweetshop.common.Money;

/**
 * How much a refund gives back: each line's share of what the customer paid. Pure arithmetic, in
 * whole cents, so that refunding every unit of a sale, in any number of refunds, gives back exactly
 * the sale's total.
 *
 * <ol>
 *   <li><b>What a line paid</b>: the sale's total (after coupon and promo) split over its lines in
 *       proportion to their line totals, by largest remainder: each line gets its exact share rounded
 *       down to the cent, and the cents left over go one each to the lines with the largest dropped
 *       fractions (the earlier line first on a tie). The lines' shares add up to the total exactly.
 *   <li><b>What some units of a line get back</b>: after {@code k} of the line's {@code n} units are
 *       refunded in all, {@code round(paid × k / n)} has been given back (half-even, to the cent); a
 *       refund of {@code q} more gives the difference {@code round(paid × (k+q) / n) − round(paid × k / n)}.
 *       When the last unit goes back the line has returned exactly what it paid.
 * </ol>
 *
 * <p><b>Weighed lines</b> follow the same rule with grams as the units: {@code n} is the line's
 * grams, and part of it can be given back, gram by gram. Worked example: 253 g of pick-and-mix at
 * 14.99/kg is a line of 3.79 ({@link Money#weighedLine}: 3.79247 rounded half-up once), paid in
 * full (no discount). Refunding 100 g gives back {@code round(3.79 × 100 / 253)} = round(1.49802…)
 * = <b>1.50</b>; refunding the other 153 g later gives {@code round(3.79 × 253 / 253) − 1.50} =
 * <b>2.29</b>: 3.79 in all, what the line paid. Had a coupon brought that sale to 3.41, the line paid
 * 3.41 and 100 g would give back round(1.34782…) = 1.35, the rest 2.06.
 */
final class RefundMoney {

    private RefundMoney() {
    }

    /** What each line paid, in the lines' order: shares of {@code total} by line total, adding up to it ({@link Money#shares}). */
    public static List<BigDecimal> paidPerLine(BigDecimal total, List<BigDecimal> lineTotals) {
        return Money.shares(total, lineTotals);
    }

    /** What refunding {@code quantity} more units of a line gives back, {@code already} of its {@code sold} units being refunded before. */
    public static BigDecimal refundOf(BigDecimal linePaid, int sold, int already, int quantity) {
        if (sold <= 0 || already < 0 || quantity <= 0 || already + quantity > sold) {
            throw new IllegalArgumentException("cannot refund " + quantity + " after " + already + " of " + sold);
        }
        return returnedAfter(linePaid, sold, already + quantity).subtract(returnedAfter(linePaid, sold, already));
    }

    /** What {@code refunded} of a line's {@code sold} units have given back in all. */
    static BigDecimal returnedAfter(BigDecimal linePaid, int sold, int refunded) {
        return linePaid.multiply(BigDecimal.valueOf(refunded))
                .divide(BigDecimal.valueOf(sold), Money.SCALE, Money.ROUNDING);
    }
}
