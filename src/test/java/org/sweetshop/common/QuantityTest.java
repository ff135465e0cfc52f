package org.sweetshop.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class QuantityTest {

    @Test
    void weighedQuantitiesAreWholeGramsFromGramsOrKilograms() {
        assertThat(Quantity.parse("qty", "250g", SoldBy.WEIGHED)).isEqualTo(250);
        assertThat(Quantity.parse("qty", "0.25kg", SoldBy.WEIGHED)).isEqualTo(250);
        assertThat(Quantity.parse("qty", " 1.5 KG ", SoldBy.WEIGHED)).isEqualTo(1500);
        assertThat(Quantity.parse("qty", "2500g", SoldBy.WEIGHED, 0, Integer.MAX_VALUE)).isEqualTo(2500);
        assertThat(Quantity.parse("qty", "3", SoldBy.COUNTED)).isEqualTo(3);
    }

    @Test
    void refusesWhatIsNotAQuantityOfThatSweetSayingWhy() {
        assertThatThrownBy(() -> Quantity.parse("qty", "250", SoldBy.WEIGHED))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("Give the weight with its unit, e.g. 250g or 0.25kg: '250' could be grams or kilograms");
        assertThatThrownBy(() -> Quantity.parse("qty", "250g", SoldBy.COUNTED))
                .hasMessage("This sweet is sold by the piece: give a count, not '250g'");
        assertThatThrownBy(() -> Quantity.parse("qty", "0.2505kg", SoldBy.WEIGHED))
                .hasMessage("'0.2505kg' is finer than a gram: weights are whole grams");
        assertThatThrownBy(() -> Quantity.parse("qty", "0g", SoldBy.WEIGHED))
                .hasMessage("qty must be from 1 g to 99.999 kg, not 0 g");
        assertThatThrownBy(() -> Quantity.parse("qty", "100kg", SoldBy.WEIGHED))
                .hasMessage("qty must be from 1 g to 99.999 kg, not 100.000 kg");
        assertThatThrownBy(() -> Quantity.parse("qty", "-5g", SoldBy.WEIGHED)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> Quantity.parse("qty", "1.5", SoldBy.COUNTED))
                .hasMessage("'1.5' is not a whole number of pieces");
        assertThatThrownBy(() -> Quantity.parse("qty", "9".repeat(10_000), SoldBy.COUNTED)).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void aBareZeroIsNoWeightAtAllWhereNothingIsAllowedAndRefusedWhereItIsNot() {
        assertThat(Quantity.parse("stock", "0", SoldBy.WEIGHED, 0, 1_000)).isZero();
        assertThat(Quantity.parse("stock", " 00 ", SoldBy.WEIGHED, 0, 1_000)).isZero();
        assertThat(Quantity.parse("stock", "0g", SoldBy.WEIGHED, 0, 1_000)).isZero();
        assertThatThrownBy(() -> Quantity.parse("qty", "0", SoldBy.WEIGHED))
                .hasMessage("Give the weight with its unit, e.g. 250g or 0.25kg: '0' could be grams or kilograms");
        assertThatThrownBy(() -> Quantity.parse("stock", "10", SoldBy.WEIGHED, 0, 1_000))
                .hasMessage("Give the weight with its unit, e.g. 250g or 0.25kg: '10' could be grams or kilograms");
    }

    @Test
    void showsGramsUnderAKilogramAndKilogramsFromOne() {
        assertThat(Quantity.format(250, SoldBy.WEIGHED)).isEqualTo("250 g");
        assertThat(Quantity.format(1250, SoldBy.WEIGHED)).isEqualTo("1.250 kg");
        assertThat(Quantity.format(3, SoldBy.COUNTED)).isEqualTo("3");
        assertThat(Quantity.plain(250, SoldBy.WEIGHED)).isEqualTo("250g");
    }

    @Test
    void aWeighedLineIsRoundedOnceHalfUp() {
        assertThat(Money.weighedLine(new BigDecimal("14.99"), 253)).isEqualByComparingTo("3.79");   // 3.79247
        assertThat(Money.weighedLine(new BigDecimal("15.00"), 250)).isEqualByComparingTo("3.75");
        assertThat(Money.weighedLine(new BigDecimal("13.00"), 125)).isEqualByComparingTo("1.63");   // 1.625 up
        assertThat(Money.weighedLine(new BigDecimal("0.90"), 5)).isEqualByComparingTo("0.00");
        assertThat(Money.weighedLine(new BigDecimal("15.00"), 250).scale()).isEqualTo(2);
    }
}
