package org.sweetshop.sale;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sweetshop.common.Discount;

class PricingTest {

    private static Pricing.Line line(String price, int quantity) {
        return new Pricing.Line(new BigDecimal(price), quantity);
    }

    @Test
    void subtotalIsExactAndTotalEqualsItWithoutDiscounts() {
        Pricing pricing = Pricing.of(List.of(line("1.20", 2), line("0.85", 1)), null, null);

        assertThat(pricing.subtotal()).isEqualByComparingTo("3.25");
        assertThat(pricing.total()).isEqualByComparingTo("3.25");
        assertThat(pricing.discount()).isEqualByComparingTo("0.00");
        assertThat(pricing.total().scale()).isEqualTo(2);
    }

    @Test
    void totalIsRoundedOnceHalfEvenAfterBothDiscounts() {
        // 3.25 - 10% (0.325) = 2.925, - 10% (0.2925) = 2.6325 -> 2.63 (one rounding, on the total)
        Pricing pricing = Pricing.of(List.of(line("1.20", 2), line("0.85", 1)),
                Discount.percent(new BigDecimal("10")), Discount.percent(new BigDecimal("10")));

        assertThat(pricing.total()).isEqualByComparingTo("2.63");
        assertThat(pricing.couponDiscount()).isEqualByComparingTo("0.32");
        assertThat(pricing.promoDiscount()).isEqualByComparingTo("0.30");
        assertThat(pricing.subtotal().subtract(pricing.discount())).isEqualByComparingTo(pricing.total());
    }

    @Test
    void aCouponAloneTakesTheWholeDiscountAndThePromoNone() {
        // 3.25 - 10% = 2.925 -> 2.92: the whole 0.33 is the coupon's, none of it a promo's
        Pricing pricing = Pricing.of(List.of(line("1.20", 2), line("0.85", 1)), Discount.percent(new BigDecimal("10")), null);

        assertThat(pricing.total()).isEqualByComparingTo("2.92");
        assertThat(pricing.couponDiscount()).isEqualByComparingTo("0.33");
        assertThat(pricing.promoDiscount()).isEqualByComparingTo("0.00");
    }

    @Test
    void aPromoAloneTakesTheWholeDiscount() {
        Pricing pricing = Pricing.of(List.of(line("1.20", 2), line("0.85", 1)), null, Discount.percent(new BigDecimal("10")));

        assertThat(pricing.couponDiscount()).isEqualByComparingTo("0.00");
        assertThat(pricing.promoDiscount()).isEqualByComparingTo("0.33");
        assertThat(pricing.total()).isEqualByComparingTo("2.92");
    }

    @Test
    void halfEvenRoundsAHalfCentToTheEvenCent() {
        // 0.25 - 50% = 0.125 -> 0.12 (half-even), not 0.13
        assertThat(Pricing.of(List.of(line("0.25", 1)), Discount.percent(new BigDecimal("50")), null).total())
                .isEqualByComparingTo("0.12");
        // 0.35 - 50% = 0.175 -> 0.18
        assertThat(Pricing.of(List.of(line("0.35", 1)), Discount.percent(new BigDecimal("50")), null).total())
                .isEqualByComparingTo("0.18");
    }

    @Test
    void discountsNeverTakeTheTotalBelowZero() {
        Pricing pricing = Pricing.of(List.of(line("1.00", 1)), Discount.amount(new BigDecimal("5.00")),
                Discount.amount(new BigDecimal("2.00")));

        assertThat(pricing.total()).isEqualByComparingTo("0.00");
        assertThat(pricing.couponDiscount()).isEqualByComparingTo("1.00");
        assertThat(pricing.promoDiscount()).isEqualByComparingTo("0.00");
    }

    @Test
    void promoComesOffWhatTheCouponLeft() {
        Pricing pricing = Pricing.of(List.of(line("10.00", 1)), Discount.amount(new BigDecimal("4.00")),
                Discount.percent(new BigDecimal("50")));

        assertThat(pricing.promoDiscount()).isEqualByComparingTo("3.00");
        assertThat(pricing.total()).isEqualByComparingTo("3.00");
    }

    @Test
    void aHundredPercentCouponMakesTheSaleFree() {
        Pricing pricing = Pricing.of(List.of(line("2.35", 3)), Discount.percent(new BigDecimal("100")), null);

        assertThat(pricing.total()).isEqualByComparingTo("0.00");
        assertThat(pricing.couponDiscount()).isEqualByComparingTo("7.05");
    }
}
