package org.sweetshop.common;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The tax of a receipt, worked out in one place (docs/DESIGN.md, Money: taxes). Pure arithmetic in
 * whole cents.
 *
 * <ol>
 *   <li><b>Each line after discounts</b>: the receipt's discounted subtotal (subtotal less coupon
 *       and promo) is shared over its lines in proportion to their line totals by largest remainder
 *       ({@link Money#shares}), so the lines' discounted amounts add up to it exactly;
 *   <li><b>per rate</b>, the base is the sum of that rate's discounted lines. Prices including tax:
 *       {@code tax = base × r / (100 + r)} rounded half-even to the cent, {@code net = base − tax},
 *       {@code gross = base}. Prices excluding tax: {@code net = base},
 *       {@code tax = base × r / 100} rounded half-even, {@code gross = net + tax}, and the tax is
 *       added at the total.
 * </ol>
 *
 * The gross of the rates add up to the receipt's total, exactly. What a line paid is its share of
 * its rate's gross, by largest remainder over that rate's discounted lines (with prices including
 * tax: its discounted amount); a refund gives back part of that and reverses its rate's tax in
 * proportion ({@link #reverse}), so giving everything back reverses exactly the tax charged.
 */
public final class TaxSplit {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private TaxSplit() {
    }

    /** A line to tax: the rate it is sold at and its line total (before the receipt's discounts). */
    public record Line(String code, String name, BigDecimal rate, BigDecimal lineTotal) {
    }

    /**
     * A receipt's taxes.
     *
     * @param discounted each line's amount after the discounts, in the lines' order
     * @param paid       each line's share of the receipt's total (of its rate's gross)
     * @param taxes      one per rate, by code
     * @param added      the tax added at the total (prices excluding tax), else 0.00
     */
    public record Split(List<BigDecimal> discounted, List<BigDecimal> paid, List<TaxLine> taxes, BigDecimal added) {

        public Split {
            discounted = List.copyOf(discounted);
            paid = List.copyOf(paid);
            taxes = List.copyOf(taxes);
        }

        /** The receipt's total: the gross of its rates. */
        public BigDecimal total() {
            return gross(taxes);
        }
    }

    /**
     * The taxes of a receipt whose lines come to {@code discountedSubtotal} after its discounts.
     *
     * @param pricesIncludeTax true (UK/EU): the tax is inside the prices; false (US): it is added
     */
    public static Split of(List<Line> lines, BigDecimal discountedSubtotal, boolean pricesIncludeTax) {
        List<BigDecimal> discounted = Money.shares(discountedSubtotal, lines.stream().map(Line::lineTotal).toList());
        Map<String, Line> rates = new TreeMap<>();
        Map<String, BigDecimal> bases = new TreeMap<>();
        for (int i = 0; i < lines.size(); i++) {
            rates.putIfAbsent(lines.get(i).code(), lines.get(i));
            bases.merge(lines.get(i).code(), discounted.get(i), BigDecimal::add);
        }
        List<TaxLine> taxes = new ArrayList<>();
        BigDecimal added = Money.ZERO;
        for (Line rate : rates.values()) {
            BigDecimal base = bases.get(rate.code()).setScale(Money.SCALE);
            BigDecimal tax = tax(base, rate.rate(), pricesIncludeTax);
            if (pricesIncludeTax) {
                taxes.add(new TaxLine(rate.code(), rate.name(), rate.rate(), base.subtract(tax), tax, base));
            } else {
                taxes.add(new TaxLine(rate.code(), rate.name(), rate.rate(), base, tax, base.add(tax)));
                added = added.add(tax);
            }
        }
        return new Split(discounted, paidPerLine(lines, discounted, taxes), taxes, added);
    }

    /** The tax on a rate's base: {@code base × r / (100 + r)} inside the price, {@code base × r / 100} on top of it; half-even. */
    public static BigDecimal tax(BigDecimal base, BigDecimal rate, boolean pricesIncludeTax) {
        BigDecimal divisor = pricesIncludeTax ? HUNDRED.add(rate) : HUNDRED;
        return base.multiply(rate).divide(divisor, Money.SCALE, Money.ROUNDING);
    }

    /**
     * What each line paid of a receipt already taxed: its share of its rate's gross, by largest
     * remainder over that rate's lines' discounted amounts. A refund reads it from the sale's stored
     * tax lines, so it gives back what the customer paid whichever mode the store is in today.
     */
    public static List<BigDecimal> paidPerLine(List<Line> lines, BigDecimal discountedSubtotal, List<TaxLine> taxes) {
        return paidPerLine(lines, Money.shares(discountedSubtotal, lines.stream().map(Line::lineTotal).toList()), taxes);
    }

    private static List<BigDecimal> paidPerLine(List<Line> lines, List<BigDecimal> discounted, List<TaxLine> taxes) {
        BigDecimal[] paid = new BigDecimal[lines.size()];
        for (TaxLine rate : taxes) {
            List<Integer> of = new ArrayList<>();
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).code().equals(rate.code())) {
                    of.add(i);
                }
            }
            List<BigDecimal> shares = Money.shares(rate.gross(), of.stream().map(discounted::get).toList());
            for (int k = 0; k < of.size(); k++) {
                paid[of.get(k)] = shares.get(k);
            }
        }
        for (int i = 0; i < paid.length; i++) {
            if (paid[i] == null) {
                throw new IllegalArgumentException("line " + (i + 1) + " is at rate " + lines.get(i).code()
                        + ", which the receipt's tax lines do not have");
            }
        }
        return List.of(paid);
    }

    /**
     * What a refund reverses of one rate's tax: the rate's gross {@code G} and tax {@code T} as
     * sold; {@code before} given back at that rate by earlier refunds, {@code now} by this one.
     * After {@code g} given back in all, {@code round(T × g / G)} of the tax has been reversed
     * (half-even); this refund reverses the difference, so everything given back reverses exactly
     * {@code T}.
     */
    public static TaxLine reverse(TaxLine sold, BigDecimal before, BigDecimal now) {
        BigDecimal tax = reversedAfter(sold, before.add(now)).subtract(reversedAfter(sold, before));
        return new TaxLine(sold.code(), sold.name(), sold.rate(), now.subtract(tax), tax, now);
    }

    private static BigDecimal reversedAfter(TaxLine sold, BigDecimal givenBack) {
        if (sold.gross().signum() == 0) {
            return Money.ZERO;
        }
        return sold.tax().multiply(givenBack).divide(sold.gross(), Money.SCALE, Money.ROUNDING);
    }

    /** The gross of these tax lines, added up. */
    public static BigDecimal gross(List<TaxLine> taxes) {
        return taxes.stream().map(TaxLine::gross).reduce(Money.ZERO, BigDecimal::add);
    }

    /** Tax lines added up per rate (a report's), by code. */
    public static List<TaxLine> perRate(List<TaxLine> taxes) {
        Map<String, TaxLine> byCode = new TreeMap<>();
        taxes.forEach(t -> byCode.merge(t.code(), t, TaxLine::plus));
        return byCode.values().stream().sorted(Comparator.comparing(TaxLine::code)).toList();
    }
}
