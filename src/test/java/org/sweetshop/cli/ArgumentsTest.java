package org.sweetshop.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sweetshop.common.InvalidInputException;
import org.sweetshop.sale.BasketLine;
import org.sweetshop.sale.Payment;
import org.sweetshop.sale.PaymentMethod;

/** The command line's grammar for --pay and --item (moved here from sale.PaymentTest with the parser). */
class ArgumentsTest {

    @Test
    void parsesCardAndCashWithTheAmountTendered() {
        assertThat(Arguments.payment("card")).isEqualTo(Payment.card());
        assertThat(Arguments.payment("Card:5")).isEqualTo(Payment.card(new java.math.BigDecimal("5.00")));
        assertThat(Arguments.payments(java.util.List.of("card:5", "cash:20")))
                .containsExactly(Payment.card(new java.math.BigDecimal("5.00")), Payment.cash(new java.math.BigDecimal("20.00")));
        assertThat(Arguments.payments(null)).containsExactly(Payment.card());
        assertThat(Arguments.payment("CASH:20")).satisfies(p -> {
            assertThat(p.method()).isEqualTo(PaymentMethod.CASH);
            assertThat(p.tendered()).isEqualByComparingTo("20.00");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"cash", "cash:", "cash:1.005", "cash:-5", "cheque", "card:", "card:0", "card:-1", "card:1.005", "cash:0", "", "cash:abc"})
    void refusesOtherPayments(String text) {
        assertThatThrownBy(() -> Arguments.payment(text)).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void anItemIsSkuColonQuantityOrABareSkuForOne() {
        assertThat(Arguments.item("SL-1:2")).isEqualTo(new BasketLine("SL-1", 2));
        assertThat(Arguments.item("SL-1")).isEqualTo(new BasketLine("SL-1", 1));
    }

    @ParameterizedTest
    @ValueSource(strings = {"SL:abc", "SL:1.5", "SL:", "SL:0", "SL:10000", ""})
    void refusesOtherItems(String text) {
        assertThatThrownBy(() -> Arguments.item(text)).isInstanceOf(InvalidInputException.class);
    }
}
