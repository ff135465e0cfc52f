package org.sweetshop.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class DiscountTest {

    @Test
    void percentOffIsExact() {
        assertThat(Discount.percent(new BigDecimal("12.5")).applyTo(new BigDecimal("3.30"))).isEqualByComparingTo("0.4125");
    }

    @Test
    void amountOffIsCappedAtTheBase() {
        assertThat(Discount.amount(new BigDecimal("5.00")).applyTo(new BigDecimal("3.30"))).isEqualByComparingTo("3.30");
        assertThat(Discount.amount(new BigDecimal("5.00")).applyTo(BigDecimal.ZERO)).isEqualByComparingTo("0");
    }

    @Test
    void refusesPercentAboveAHundredZeroAndThreeDecimals() {
        assertThatThrownBy(() -> Discount.percent(new BigDecimal("100.01"))).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> Discount.percent(BigDecimal.ZERO)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> Discount.amount(new BigDecimal("0.005"))).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> Discount.amount(new BigDecimal("-1"))).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void describesItselfForACashier() {
        assertThat(Discount.percent(new BigDecimal("10.00")).describe()).isEqualTo("10% off");
        assertThat(Discount.amount(new BigDecimal("1.5")).describe()).isEqualTo("1.50 off");
    }
}
