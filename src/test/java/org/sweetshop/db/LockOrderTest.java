package org.sweetshop.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sweetshop.common.LockOrder;
import org.sweetshop.testing.DatabaseTest;

/** The global lock order is code: its steps, and a transaction that breaks it is stopped. */
class LockOrderTest extends DatabaseTest {

    @Test
    void theOrderIsTheOneDesignMdStates() {
        // DESIGN.md: sweets by ascending id, then the coupon, then the promo code, then the till's
        // receipt counter; a refund: the sale row, then its sweets; a shift: the counter, then the shift
        assertThat(LockOrder.values()).containsExactly(LockOrder.STORE, LockOrder.STAFF, LockOrder.SALE, LockOrder.SWEETS,
                LockOrder.COUPON, LockOrder.PROMO, LockOrder.RECEIPT_COUNTER, LockOrder.SHIFT);
    }

    @Test
    void stepsInOrderAreTakenAndAStepTwiceIsAllowed() {
        List<LockOrder> seen = new ArrayList<>();
        app.database().transactor().run(em -> {
            for (LockOrder step : List.of(LockOrder.SALE, LockOrder.SWEETS, LockOrder.SWEETS, LockOrder.PROMO,
                    LockOrder.RECEIPT_COUNTER, LockOrder.SHIFT)) {
                Transactor.lock(step, () -> null);
                seen.add(Transactor.lastLock());
            }
        });
        assertThat(seen).endsWith(LockOrder.SHIFT);
        assertThat(Transactor.lastLock()).as("nothing left over after the transaction").isNull();
    }

    @Test
    void aStepBeforeOneAlreadyTakenIsRefusedBeforeItLocks() {
        List<String> locked = new ArrayList<>();
        assertThatThrownBy(() -> app.database().transactor().run(em -> {
            Transactor.lock(LockOrder.RECEIPT_COUNTER, () -> locked.add("counter"));
            Transactor.lock(LockOrder.SWEETS, () -> locked.add("sweets"), () -> "another till is selling SL");
        })).isInstanceOf(IllegalStateException.class).hasMessageContaining("SWEETS locked after RECEIPT_COUNTER");
        assertThat(locked).containsExactly("counter");
    }

    @Test
    void eachTransactionStartsTheOrderAfresh() {
        var tx = app.database().transactor();
        tx.run(em -> Transactor.lock(LockOrder.SHIFT, () -> null));
        tx.run(em -> Transactor.lock(LockOrder.SWEETS, () -> null));
        assertThat(Transactor.lastLock()).isNull();
    }
}
