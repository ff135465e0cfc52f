package org.sweetshop.stock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.sweetshop.catalog.SweetView;
import org.sweetshop.common.NotPermittedException;
import org.sweetshop.testing.DatabaseTest;
import org.sweetshop.testing.Snapshot;

class StockServiceTest extends DatabaseTest {

    @Test
    void restockAndStocktakeAreMovementsWithWhoWhereAndWhy() {
        sweet("SL", "1.00", 10);

        app.stock().restock(manager, "SL", 24, "OFFICE", "delivery note 4711");
        StockChange counted = app.stock().stocktake(manager, "SL", 30, "OFFICE", "monthly count");

        assertThat(counted.change()).isEqualTo(-4);
        assertThat(stockOf("SL")).isEqualTo(30);
        assertThat(app.stock().movements("SL", 10)).extracting(MovementView::kind, MovementView::quantity, MovementView::stockAfter,
                        MovementView::staff, MovementView::till, MovementView::reason)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(MovementKind.ADJUSTMENT, -4, 30, "manager", "OFFICE", "monthly count"),
                        org.assertj.core.groups.Tuple.tuple(MovementKind.RESTOCK, 24, 34, "manager", "OFFICE", "delivery note 4711"),
                        org.assertj.core.groups.Tuple.tuple(MovementKind.RESTOCK, 10, 10, "manager", "T0", "opening stock"));
    }

    @Test
    void aStocktakeThatMatchesWritesNoMovement() {
        sweet("SL", "1.00", 10);

        assertThat(app.stock().stocktake(manager, "SL", 10, null, null).change()).isZero();
        assertThat(app.stock().movements("SL", 10)).hasSize(1);
    }

    @Test
    void lowStockListsActiveSweetsAtOrBelowTheirReorderLevel() {
        app.catalog().add(manager, new org.sweetshop.catalog.NewSweet("A", "A", null, java.math.BigDecimal.ONE, 3, 5), null);
        app.catalog().add(manager, new org.sweetshop.catalog.NewSweet("B", "B", null, java.math.BigDecimal.ONE, 5, 5), null);
        app.catalog().add(manager, new org.sweetshop.catalog.NewSweet("C", "C", null, java.math.BigDecimal.ONE, 6, 5), null);
        app.catalog().add(manager, new org.sweetshop.catalog.NewSweet("D", "D", null, java.math.BigDecimal.ONE, 0, 5), null);
        app.catalog().deactivate(manager, "D");

        assertThat(app.stock().lowStock()).extracting(SweetView::sku).containsExactly("A", "B");
    }

    @Test
    void aCashierCannotRestockOrTakeStock() {
        sweet("SL", "1.00", 10);
        String before = Snapshot.of(app.database().dataSource());

        assertThatThrownBy(() -> app.stock().restock(cashier, "SL", 5, "T1", null))
                .isInstanceOf(NotPermittedException.class).hasMessage("not permitted: a cashier cannot restock (needs a manager)");
        assertThatThrownBy(() -> app.stock().stocktake(cashier, "SL", 5, "T1", null)).isInstanceOf(NotPermittedException.class);
        assertThat(Snapshot.of(app.database().dataSource())).isEqualTo(before);
    }
}
