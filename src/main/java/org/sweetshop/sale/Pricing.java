package org.sweetshop.sale;

import java.math.BigDecimal;
import java.util.List;
import org.sweetshop.common.Discount;
import org.sweetshop.common.Money;
import org.sweetshop.common.SoldBy;

/**
 * A basket's money, worked out in one place. The subtotal is exact (prices have two decimals).
 * The coupon comes off the subtotal, the promo off what is left; neither takes anything below
 * zero. The total is rounded once, half-even. The discount split for reports follows: with one
 * discount it takes the whole of it; with both, the coupon's part is its own amount rounded and
 * capped by the whole discount, and the promo's part is the rest.
 */
public record Pricing(BigDecimal subtotal, BigDecimal couponDiscount, BigDecimal promoDiscount, BigDecimal total) {

    /**
     * A priced line: unit price times quantity for a counted sweet; for a weighed one the price is
     * per kilogram, the quantity grams, and the line is rounded once ({@link Money#weighedLine}).
     */
    public record Line(BigDecimal unitPrice, int quantity, SoldBy soldBy) {

        public Line(BigDecimal unitPrice, int quantity) {
            this(unitPrice, quantity, SoldBy.COUNTED);
        }

        public BigDecimal total() {
            return total(unitPrice, quantity, soldBy);
        }

        public static BigDecimal total(BigDecimal unitPrice, int quantity, SoldBy soldBy) {
            return soldBy.weighed() ? Money.weighedLine(unitPrice, quantity) : unitPrice.multiply(BigDecimal.valueOf(quantity));
        }
    }

    public static Pricing of(List<Line> lines, Discount coupon, Discount promo) {
        BigDecimal subtotal = lines.stream().map(Line::total).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal couponRaw = coupon == null ? BigDecimal.ZERO : coupon.applyTo(subtotal);
        BigDecimal promoRaw = promo == null ? BigDecimal.ZERO : promo.applyTo(subtotal.subtract(couponRaw));
        BigDecimal total = Money.roundTotal(subtotal.subtract(couponRaw).subtract(promoRaw));
        BigDecimal roundedSubtotal = subtotal.setScale(Money.SCALE);
        BigDecimal discount = roundedSubtotal.subtract(total);
        BigDecimal couponPart = coupon == null ? Money.ZERO
                : promo == null ? discount
                : Money.roundTotal(couponRaw).min(discount);
        return new Pricing(roundedSubtotal, couponPart, discount.subtract(couponPart), total);
    }

    public BigDecimal discount() {
        return couponDiscount.add(promoDiscount);
    }
}
