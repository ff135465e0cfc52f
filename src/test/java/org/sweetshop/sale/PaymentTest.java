package org.sweetshop.sale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sweetshop.common.InvalidInputException;

class PaymentTest {

    @Test
    void parsesCardAndCashWithTheAmountTendered() {
        assertThat(Payment.parse("card")).isEqualTo(Payment.card());
        assertThat(Payment.parse("CASH:20")).satisfies(p -> {
            assertThat(p.method()).isEqualTo(PaymentMethod.CASH);
            assertThat(p.tendered()).isEqualByComparingTo("20.00");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"cash", "cash:", "cash:1.005", "cash:-5", "cheque", "card:5", "", "cash:abc"})
    void refusesOtherPayments(String text) {
        assertThatThrownBy(() -> Payment.parse(text)).isInstanceOf(InvalidInputException.class);
    }
}
