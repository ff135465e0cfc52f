package org.sweetshop.stock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.sweetshop.catalog.Sweet;
import org.sweetshop.catalog.Sweets;
import org.sweetshop.common.OutOfStockException;
import org.sweetshop.testing.DatabaseTest;

/** The stock ledger: the one way stock changes, and the database behind it. */
class StockLedgerTest extends DatabaseTest {

    @Test
    void aChangeUpdatesTheSweetAndNumbersTheMovementNextInItsChain() {
        sweet("SL", "1.00", 10);

        StockMovement movement = app.database().transactor().call(em -> {
            Sweet sweet = Sweets.lockOne(em, "SL");
            return StockLedger.record(em, sweet, 5, MovementKind.RESTOCK, manager.staffId(), "T1", "delivery", null, Instant.now());
        });

        assertThat(movement.getSeq()).isEqualTo(2);
        assertThat(movement.getStockAfter()).isEqualTo(15);
        assertThat(stockOf("SL")).isEqualTo(15);
    }

    @Test
    void moreThanIsLeftIsRefusedWithWhatIsLeftAndChangesNothing() {
        sweet("SL", "1.00", 3);

        assertThatThrownBy(() -> app.database().transactor().run(em -> StockLedger.record(em, Sweets.lockOne(em, "SL"), -4,
                MovementKind.ADJUSTMENT, manager.staffId(), null, null, null, Instant.now())))
                .isInstanceOfSatisfying(OutOfStockException.class, e -> assertThat(e.getMessage()).contains("3"));
        assertThat(stockOf("SL")).isEqualTo(3);
    }

    @Test
    void aMovementNamingASaleThatDoesNotExistIsRefusedByTheDatabase() throws SQLException {
        long id = sweet("SL", "1.00", 3).id();
        try (Connection c = app.database().dataSource().getConnection(); Statement s = c.createStatement()) {
            assertThatThrownBy(() -> s.execute("insert into stock_movement (sweet_id, seq, kind, quantity, stock_after, staff_id,"
                    + " sale_id, created_at) values (" + id + ", 2, 'REFUND', 1, 4, " + manager.staffId() + ", '" + UUID.randomUUID()
                    + "', now())"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("stock_movement_sale_fk");
            c.rollback();
        }
    }

    @Test
    void theKeyIsValidatedForTheRowsThatWereThereBeforeIt() {
        // V6 adds it NOT VALID, V8 validates it: after the migrations it holds for every row
        assertThat(org.sweetshop.testing.Sql.queryLong(app.database().dataSource(),
                "select count(*) from pg_constraint where conname = 'stock_movement_sale_fk' and convalidated")).isEqualTo(1);
    }
}
