package org.sweetshop.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class MoneyTest {

    @ParameterizedTest
    @CsvSource({"1.20,1.20", "1.2,1.20", "3,3.00", "0,0.00", " 4.50 ,4.50", "100000,100000.00"})
    void parsesAmountsToTwoDecimals(String text, String expected) {
        BigDecimal parsed = Money.parse("price", text);

        assertThat(parsed).isEqualByComparingTo(expected);
        assertThat(parsed.scale()).isEqualTo(2);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.205", "-1.00", "1,20", "1e3", "abc", "", " ", "0x10", "1.2.3", "100000.01", "NaN",
            "'; drop table sweet; --", "99999999999999999999"})
    void refusesAnythingElse(String text) {
        assertThatThrownBy(() -> Money.parse("price", text))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("price");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.200", "1.2000000"})
    void trailingZerosAreNotAThirdDecimal(String text) {
        assertThat(Money.check("price", new BigDecimal(text))).isEqualByComparingTo("1.20");
    }

    @org.junit.jupiter.api.Test
    void aTenKilobyteValueIsNotEchoedBackWhole() {
        String huge = "9".repeat(10_000);

        assertThatThrownBy(() -> Money.parse("price", huge))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(120));
    }
}
