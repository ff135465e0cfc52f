package org.sweetshop.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sweetshop.common.InvalidInputException;
import org.sweetshop.common.Money;
import org.sweetshop.common.ProductCode;

/** The scale-label pattern syntax, reading labels, and the price label's grams rule. */
class ScaleLabelsTest {

    private final ScaleLabels labels = ScaleLabels.defaults();

    static String label(String body12) {
        return body12 + ProductCode.checkDigit(body12);
    }

    @Test
    void theDefaultWeightLabelCarriesPluAndGrams() {
        var read = labels.read(label("210012300253")).orElseThrow();
        assertThat(read.plu()).isEqualTo(123);
        assertThat(read.carries()).isEqualTo(ScaleLabels.Carries.WEIGHT);
        assertThat(read.grams()).isEqualTo(253);
    }

    @Test
    void theDefaultPriceLabelCarriesPluAndPrice() {
        var read = labels.read(label("230045600379")).orElseThrow();
        assertThat(read.plu()).isEqualTo(456);
        assertThat(read.carries()).isEqualTo(ScaleLabels.Carries.PRICE);
        assertThat(read.price()).isEqualByComparingTo("3.79");
    }

    @Test
    void aWrongCheckDigitIsRefused() {
        String good = label("210012300253");
        String bad = good.substring(0, 12) + (char) ('0' + (good.charAt(12) - '0' + 1) % 10);
        assertThatThrownBy(() -> labels.read(bad)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("wrong check digit").hasMessageContaining("should be " + good.charAt(12));
    }

    @Test
    void digitsOutsideEveryPatternAreNoLabel() {
        assertThat(labels.read("5012345678900")).isEmpty();
        assertThat(labels.read(label("220012300253"))).isEmpty(); // 22 is no default pattern
        assertThat(labels.read("21001230025")).isEmpty(); // 11 digits
        assertThat(labels.inLabelRange(label("210000000001"))).isTrue();
        assertThat(labels.inLabelRange("5012345678900")).isFalse();
    }

    @Test
    void aStoreCanConfigureItsOwnPatterns() {
        ScaleLabels own = ScaleLabels.parse("20PPPPPWWWWWC, 284PPPP$$$$$C");
        assertThat(own.patterns()).hasSize(2);
        var weight = own.read(label("201234501000")).orElseThrow();
        assertThat(weight.plu()).isEqualTo(12345);
        assertThat(weight.grams()).isEqualTo(1000);
        var price = own.read(label("284123412345")).orElseThrow();
        assertThat(price.plu()).isEqualTo(1234);
        assertThat(price.price()).isEqualByComparingTo("123.45");
    }

    @ParameterizedTest
    @ValueSource(strings = {"21PPPPPWWWWW", "31PPPPPWWWWWC", "21PPPPPPWWWWC", "21PPPPPWWWW$C", "21PPPPWWWWWPC", "21PPPPPWWWWCW",
            "2XPPPPPWWWWWC", "21PPPPPWWWWWC,21PPPPP$$$$$C"})
    void aBadPatternIsRefusedClearly(String pattern) {
        assertThatThrownBy(() -> ScaleLabels.parse(pattern)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("scale-label pattern");
    }

    @Test
    void aPriceLabelsGramsAreTheSmallestWholeGramsThatComeToThePrice() {
        BigDecimal perKg = new BigDecimal("14.99");
        int grams = ScaleLabels.gramsForPrice(perKg, new BigDecimal("3.79"), "PNM");
        // 252 g is 3.77748 -> 3.78; 253 g is 3.79247 -> 3.79
        assertThat(grams).isEqualTo(253);
        assertThat(Money.weighedLine(perKg, grams)).isEqualByComparingTo("3.79");
        assertThat(Money.weighedLine(perKg, grams - 1)).isLessThan(new BigDecimal("3.79"));
        // at 15.00/kg, 3.75 is exactly 250 g
        assertThat(ScaleLabels.gramsForPrice(new BigDecimal("15.00"), new BigDecimal("3.75"), "PNM")).isEqualTo(250);
    }

    @Test
    void aPriceNoWholeGramCountComesToIsRefused() {
        // at 50.00/kg a gram is 0.05: 3.77 lies between 75 g (3.75) and 76 g (3.80)
        assertThatThrownBy(() -> ScaleLabels.gramsForPrice(new BigDecimal("50.00"), new BigDecimal("3.77"), "Truffles (TR)"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("no whole number of grams");
    }
}
