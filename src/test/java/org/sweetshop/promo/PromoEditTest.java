package org.sweetshop.promo;

import org.sweetshop.common.PromoRefusedException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sweetshop.common.Discount;
import org.sweetshop.common.InvalidInputException;
import org.sweetshop.common.NotPermittedException;
import org.sweetshop.sale.CheckoutRequest;
import org.sweetshop.sale.Payment;
import org.sweetshop.testing.DatabaseTest;
import org.sweetshop.testing.Snapshot;

/** Editing a promo code's limits: what may change, and what stays. */
class PromoEditTest extends DatabaseTest {

    @BeforeEach
    void promo() {
        sweet("SL", "1.00", 50);
        app.promos().add(manager, new NewPromo("SPRING", Discount.percent(new BigDecimal("10")), 5, null, null));
        for (int i = 0; i < 3; i++) {
            app.sales().checkout(cashier, new CheckoutRequest(UUID.randomUUID(), "T1", List.of(line("SL", 1)), null, "SPRING", Payment.card()));
        }
    }

    @Test
    void theMaximumTheEndDateAndTheSwitchChange() {
        PromoView edited = app.promos().edit(manager, "spring", 3, LocalDate.of(2099, 1, 31), true);
        assertThat(edited.maxUses()).isEqualTo(3);
        assertThat(edited.remaining()).isZero();
        assertThat(edited.validUntil()).isEqualTo(LocalDate.of(2099, 1, 31));
        assertThatThrownBy(() -> app.sales().checkout(cashier, new CheckoutRequest(UUID.randomUUID(), "T1", List.of(line("SL", 1)), null,
                "SPRING", Payment.card()))).isInstanceOf(PromoRefusedException.class);

        PromoView unlimited = app.promos().edit(manager, "SPRING", null, null, false);
        assertThat(unlimited.maxUses()).isNull();
        assertThat(unlimited.active()).isFalse();
        assertThat(app.promos().edit(manager, "SPRING", null, null, true).active()).isTrue();
    }

    @Test
    void theMaximumCannotGoBelowTheUsesMadeAndACashierCannotEditAnything() {
        String before = Snapshot.of(app.database().dataSource());
        assertThatThrownBy(() -> app.promos().edit(manager, "SPRING", 2, null, true))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("promo SPRING has been used 3 times already: the maximum cannot be less than that");
        assertThatThrownBy(() -> app.promos().edit(manager, "SPRING", 0, null, true)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> app.promos().edit(cashier, "SPRING", 10, null, true)).isInstanceOf(NotPermittedException.class);
        assertThatThrownBy(() -> app.promos().edit(manager, "NOSUCH", 10, null, true)).isInstanceOf(PromoRefusedException.class);
        assertThat(Snapshot.of(app.database().dataSource())).isEqualTo(before);
    }
}
