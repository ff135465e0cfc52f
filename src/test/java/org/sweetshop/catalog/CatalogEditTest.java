package org.sweetshop.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sweetshop.common.AlreadyExistsException;
import org.sweetshop.common.InvalidInputException;
import org.sweetshop.common.NotFoundException;
import org.sweetshop.common.NotPermittedException;
import org.sweetshop.staff.AuditAction;
import org.sweetshop.staff.AuditEntry;
import org.sweetshop.staff.AuditLogFilter;
import org.sweetshop.testing.BadInputCase;
import org.sweetshop.testing.Race;

/** Editing the catalogue, and the audit log entries every change writes. */
class CatalogEditTest extends BadInputCase {

    private List<AuditEntry> log(AuditAction action) {
        return app.auditLog().list(manager, new AuditLogFilter(action, null, null, 1000));
    }

    @Test
    void anEditChangesEveryGivenFieldAndRecordsEachWithOldAndNewValues() {
        sweet("SL", "1.20", 10);

        SweetView edited = app.catalog().edit(manager, "SL", new SweetEdit("SL-2", "Sherbet Lemons", "Boiled",
                new BigDecimal("1.35"), 5), "T1");

        assertThat(edited).isEqualTo(new SweetView(edited.id(), "SL-2", "Sherbet Lemons", "Boiled", new BigDecimal("1.35"), 10, 5, true,
                org.sweetshop.common.SoldBy.COUNTED, null, "STD"));
        assertThat(app.catalog().find("SL-2")).isEqualTo(edited);
        List<AuditEntry> entries = app.auditLog().list(manager, new AuditLogFilter(null, "SL", null, 100));
        assertThat(entries).extracting(AuditEntry::action, AuditEntry::staff, AuditEntry::oldValue, AuditEntry::newValue, AuditEntry::till)
                .containsExactly(
                        tuple(AuditAction.SKU_CHANGE, "manager", "SL", "SL-2", "T1"),
                        tuple(AuditAction.REORDER_LEVEL_CHANGE, "manager", "0", "5", "T1"),
                        tuple(AuditAction.CATEGORY_CHANGE, "manager", "Test", "Boiled", "T1"),
                        tuple(AuditAction.NAME_CHANGE, "manager", "Sweet SL", "Sherbet Lemons", "T1"),
                        tuple(AuditAction.PRICE_CHANGE, "manager", "1.20", "1.35", "T1"),
                        tuple(AuditAction.SWEET_ADD, "manager", null, "1.20", "T0"));
    }

    @Test
    void aRenamedSkuKeepsItsSalesAndMovements() {
        sweet("SL", "1.20", 10);
        app.sales().checkout(cashier, basket("T1", List.of(line("SL", 3))));

        app.catalog().edit(owner, "SL", new SweetEdit("SL-NEW", null, null, null, null));

        assertThat(app.stock().movements("SL-NEW", 10)).extracting(m -> m.kind().name()).containsExactly("SALE", "RESTOCK");
        assertThat(stockOf("SL-NEW")).isEqualTo(7);
        assertThat(app.audit().run().ok()).isTrue();
        refused(NotFoundException.class, () -> app.catalog().find("SL"));
    }

    @Test
    void changePriceRecordsWhoWhenOldAndNew() {
        sweet("SL", "1.20", 10);

        app.catalog().changePrice(owner, "SL", new BigDecimal("1.50"));

        AuditEntry entry = log(AuditAction.PRICE_CHANGE).get(0);
        assertThat(entry.staff()).isEqualTo("owner");
        assertThat(entry.subject()).isEqualTo("SL");
        assertThat(entry.oldValue()).isEqualTo("1.20");
        assertThat(entry.newValue()).isEqualTo("1.50");
        assertThat(entry.at()).isNotNull();
    }

    @Test
    void settingAFieldToWhatItIsRecordsNothing() {
        sweet("SL", "1.20", 10);

        app.catalog().edit(manager, "SL", new SweetEdit("SL", "Sweet SL", null, new BigDecimal("1.2"), 0));

        assertThat(log(null)).extracting(AuditEntry::action).doesNotContain(AuditAction.PRICE_CHANGE, AuditAction.NAME_CHANGE,
                AuditAction.SKU_CHANGE, AuditAction.REORDER_LEVEL_CHANGE);
    }

    @Test
    void twoManagersChangingOnePriceAtOnceAreBothRecordedInOrderWithTheRealOldPrices() {
        sweet("SL", "1.00", 10);
        List<String> prices = List.of("2.00", "3.00", "4.00", "5.00", "6.00", "7.00", "8.00", "9.00");

        var outcomes = Race.run(prices.size(), i -> app.catalog().changePrice(i % 2 == 0 ? manager : owner, "SL", new BigDecimal(prices.get(i))));

        assertThat(Race.tally(outcomes)).containsExactly(java.util.Map.entry("OK", (long) prices.size()));
        List<AuditEntry> changes = new java.util.ArrayList<>(log(AuditAction.PRICE_CHANGE));
        java.util.Collections.reverse(changes);
        assertThat(changes).hasSize(prices.size());
        // a chain: each entry's old price is the previous entry's new price, from 1.00 to the price the sweet has now
        assertThat(changes.get(0).oldValue()).isEqualTo("1.00");
        for (int i = 1; i < changes.size(); i++) {
            assertThat(changes.get(i).oldValue()).as("entry " + i).isEqualTo(changes.get(i - 1).newValue());
        }
        assertThat(changes.get(changes.size() - 1).newValue()).isEqualTo(app.catalog().find("SL").price().toPlainString());
        assertThat(changes).extracting(AuditEntry::newValue).containsExactlyInAnyOrderElementsOf(prices);
    }

    @Test
    void aCashierCannotEditAndNothingChanges() {
        sweet("SL", "1.20", 10);

        refused(NotPermittedException.class, () -> app.catalog().edit(cashier, "SL", SweetEdit.price(new BigDecimal("0.10"))));
        refused(NotPermittedException.class, () -> app.catalog().changePrice(cashier, "SL", new BigDecimal("0.10")));
        refused(NotPermittedException.class, () -> app.auditLog().list(cashier, AuditLogFilter.latest(10)));
    }

    @Test
    void badEditsAreRefusedAndChangeNothing() {
        sweet("SL", "1.20", 10);
        sweet("TF", "2.00", 1);

        assertThat(refused(AlreadyExistsException.class, () -> app.catalog().edit(manager, "SL", new SweetEdit("TF", null, null, null, null))))
                .hasMessage("already registered: a sweet with SKU TF exists");
        assertThat(refused(InvalidInputException.class, () -> app.catalog().edit(manager, "SL", new SweetEdit(null, null, null, null, null))))
                .hasMessageStartingWith("nothing to change");
        refused(InvalidInputException.class, () -> app.catalog().edit(manager, "SL", SweetEdit.price(new BigDecimal("1.205"))));
        refused(InvalidInputException.class, () -> app.catalog().edit(manager, "SL", SweetEdit.price(new BigDecimal("-1"))));
        refused(InvalidInputException.class, () -> app.catalog().edit(manager, "SL", new SweetEdit("SL 2", null, null, null, null)));
        refused(InvalidInputException.class, () -> app.catalog().edit(manager, "SL", new SweetEdit(null, "A".repeat(121), null, null, null)));
        refused(InvalidInputException.class, () -> app.catalog().edit(manager, "SL", new SweetEdit(null, "Bad\u0000name", null, null, null)));
        refused(InvalidInputException.class, () -> app.catalog().edit(manager, "SL", new SweetEdit(null, null, null, null, -1)));
        refused(NotFoundException.class, () -> app.catalog().edit(manager, "NOPE", SweetEdit.price(BigDecimal.ONE)));
    }

    @Test
    void deactivationIsRecordedOnceAndASoldSweetCannotBeDeletedEvenInSql() throws SQLException {
        sweet("SL", "1.20", 10);
        app.sales().checkout(cashier, basket("T1", List.of(line("SL", 1))));

        app.catalog().deactivate(manager, "SL");
        app.catalog().deactivate(manager, "SL");

        assertThat(log(AuditAction.SWEET_DEACTIVATE)).extracting(AuditEntry::oldValue, AuditEntry::newValue)
                .containsExactly(tuple("on sale", "off sale"));
        // there is no delete in the services; the foreign keys refuse one made by hand
        String before = snapshot();
        try (Connection c = app.database().dataSource().getConnection(); Statement s = c.createStatement()) {
            assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> s.execute("delete from sweet where sku = 'SL'")))
                    .isInstanceOf(SQLException.class).hasMessageContaining("foreign key");
            c.rollback();
        }
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void theAuditLogCannotBeRewritten() throws SQLException {
        sweet("SL", "1.20", 10);
        app.catalog().changePrice(manager, "SL", new BigDecimal("1.30"));
        String before = snapshot();

        try (Connection c = app.database().dataSource().getConnection(); Statement s = c.createStatement()) {
            assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> s.execute("update audit_log set new_value = '0.01'")))
                    .isInstanceOf(SQLException.class).hasMessageContaining("append-only");
            c.rollback();
            assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> s.execute("delete from audit_log")))
                    .isInstanceOf(SQLException.class).hasMessageContaining("append-only");
            c.rollback();
        }
        assertThat(snapshot()).isEqualTo(before);
    }
}
