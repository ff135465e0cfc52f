package org.sweetshop.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sweetshop.AppContext;
import org.sweetshop.catalog.NewSweet;
import org.sweetshop.common.Discount;
import org.sweetshop.coupon.IssuedCoupon;
import org.sweetshop.promo.NewPromo;
import org.sweetshop.refund.RefundLine;
import org.sweetshop.sale.CheckoutRequest;
import org.sweetshop.sale.Payment;
import org.sweetshop.sale.Receipt;
import org.sweetshop.staff.Approvable;
import org.sweetshop.staff.Approval;
import org.sweetshop.staff.Caller;
import org.sweetshop.staff.Role;
import org.sweetshop.testing.DatabaseTest;
import org.sweetshop.testing.Snapshot;
import org.sweetshop.testing.Sql;
import org.sweetshop.testing.TestDatabase;

/**
 * A till's own database role (V9, {@link TillRoles}) tries every statement the issue saw the old
 * all-owning role run: each is refused, by a missing privilege or by a guard trigger, and nothing
 * changes. It can still do what the services do.
 */
class TillRoleTest extends DatabaseTest {

    private static final String TILL = "probe";
    private static final String TILL_PASSWORD = TillRoles.newPassword();

    private Connection till;
    private String issuedToken;

    @BeforeEach
    void aStoreWithHistoryAndATillRole() throws SQLException {
        sweet("SL", "1.20", 10);
        sweet("FB", "0.85", 5);
        app.promos().add(manager, new NewPromo("SAVE10", Discount.percent(new BigDecimal("10")), 5, null, null));
        List<IssuedCoupon> coupons = app.coupons().issue(manager, 2, Discount.amount(new BigDecimal("0.50")),
                LocalDate.now().plusDays(30));
        issuedToken = coupons.get(1).token();
        app.shifts().open(cashier, "T1", new BigDecimal("20.00"));
        app.sales().checkout(cashier, new CheckoutRequest(UUID.randomUUID(), "T1", List.of(line("SL", 2), line("FB", 1)),
                coupons.get(0).token(), "SAVE10", Payment.card()));
        app.refunds().refund(manager, "T1-000001", List.of(new RefundLine("SL", 1)), "T1", "broken");
        app.shifts().close(cashier, "T1", new BigDecimal("20.00"));
        Sql.execute(app.database().dataSource(),
                "update staff set failed_logins = 5, locked_until = now() + interval '10 minutes' where username = 'cashier'");
        office.staff().setPin(owner, "manager", "3691");
        office.staff().setPin(manager, "cashier", "2580");
        Sql.execute(app.database().dataSource(),
                "update staff set pin_locked_until = now() + interval '10 minutes' where username = 'cashier'");
        try (Connection owner = ownerConnection()) {
            TillRoles.add(owner, TILL, TILL_PASSWORD, false);
        }
        till = DriverManager.getConnection(TestDatabase.get().settings().jdbcUrl(), "till_" + TILL, TILL_PASSWORD);
        till.setAutoCommit(true);
    }

    @AfterEach
    void closeTheTill() throws SQLException {
        if (till != null) {
            till.close();
        }
    }

    static Connection ownerConnection() throws SQLException {
        var settings = TestDatabase.get().settings();
        Connection c = DriverManager.getConnection(settings.jdbcUrl(), settings.user(), settings.password());
        c.setAutoCommit(true);
        return c;
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        // the ledgers: never rewritten, never deleted
        "update sale set total = 0",
        "update sale set till = till",
        "delete from sale",
        "update sale_line set quantity = quantity + 1, line_total = unit_price * (quantity + 1)",
        "update sale_line set refunded = refunded + 1",
        "update sale_line set refunded = 0",
        "delete from sale_line",
        "update stock_movement set quantity = quantity - 1",
        "delete from stock_movement",
        "update refund set amount = 0",
        "delete from refund",
        "update refund_line set quantity = 2",
        "delete from refund_line",
        "update audit_log set new_value = 'x'",
        "delete from audit_log",
        "insert into audit_log (at, staff_id, action, subject) select now(), id, 'PRICE_CHANGE', 'SL' from staff limit 1",
        // the store's settings: a till only reads them (V14)
        "insert into store_setting (key, value, changed_at, changed_by) select 'store.name', 'Evil', now(), id from staff limit 1",
        "update store_setting set value = 'Evil'",
        "delete from store_setting",
        "insert into audit_log (at, staff_id, action, subject) select now(), id, 'SETTING_CHANGE', 'currency' from staff limit 1",
        // TRUNCATE, DDL, triggers, constraints
        "truncate sale, sale_line, stock_movement cascade",
        "truncate audit_log",
        "create table evil (id int)",
        "create temp table evil (id int)",
        "create function evil() returns int language sql as 'select 1'",
        "alter table sale drop constraint sale_total_ck",
        "alter table sweet drop constraint sweet_stock_ck",
        "alter table audit_log disable trigger audit_log_append_only",
        "alter table sweet disable trigger all",
        "drop table audit_log",
        // the superuser's powers
        "copy (select 1) to program 'id'",
        "copy sale to '/tmp/sweetshop-sales.csv'",
        "select pg_read_file('/etc/passwd')",
        "set role sweetshop",
        "set role postgres",
        "alter role till_probe superuser",
        "create role evil login",
        "grant sweetshop_office to till_probe",
        // accounts
        "update staff set role = 'OWNER' where username = 'cashier'",
        "update staff set password_hash = 'x' where username = 'cashier'",
        "update staff set locked_until = null, failed_logins = 0 where username = 'cashier'",
        "update staff set active = true",
        "insert into staff (id, username, username_key, role, password_hash, created_at) values (999, 'evil', 'evil', 'OWNER', 'x', now())",
        // PINs (V18): a till counts wrong ones and nothing else
        "update staff set pin_hash = 'x' where username = 'manager'",
        "update staff set pin_hash = null where username = 'manager'",
        "update staff set pin_locked_until = null, pin_failures = 0 where username = 'cashier'",
        "update staff set pin_locked_until = now() where username = 'cashier'",
        "insert into audit_log (at, staff_id, action, subject) select now(), id, 'PIN_SET', 'manager' from staff limit 1",
        "insert into audit_log (at, staff_id, action, subject) select now(), id, 'PIN_CLEAR', 'manager' from staff limit 1",
        // coupons and promo codes
        "update coupon set status = 'ISSUED', redeemed_sale_id = null, redeemed_at = null, redeemed_till = null where status = 'REDEEMED'",
        "update coupon set amount = 100 where status = 'ISSUED'",
        "update coupon set expires_on = null where status = 'ISSUED'",
        "insert into coupon (id, token_hash, hint, kind, amount, status, issued_at, issued_by) select 999, 'x', 'x', 'AMOUNT', 5, 'ISSUED', now(), id from staff limit 1",
        "update promo set uses = 0",
        "update promo set max_uses = null",
        "update promo set uses = uses + 1, max_uses = 100",
        "insert into promo (id, code, kind, amount, created_at, created_by) select 999, 'FREE', 'PERCENT', 100, now(), id from staff limit 1",
        // stock and the catalogue
        "update sweet set stock = stock + 100",
        "update sweet set stock = stock + 100, movements = movements + 1",
        "update sweet set movements = 0, stock = 0",
        "update sweet set price = 0",
        "insert into sweet (id, sku, name, category, price, stock, created_at) values (999, 'X', 'X', 'X', 0, 100, now())",
        // taxes (V16): rates and a sweet's rate are the back office's; a sale's tax lines are frozen and add up to its total
        "update sweet set tax_code = 'ZERO'",
        "insert into tax_rate (code, name, rate) values ('EVIL', 'Evil', 0)",
        "update tax_rate set rate = 0",
        "update sale_tax set tax = 0, net = gross",
        "delete from sale_tax",
        "update sale_line set tax_rate = 0",
        "update sale set tax_added = 0",
        "insert into sale_tax (sale_id, code, name, rate, net, tax, gross) select id, 'ZERO', 'Zero', 0, 1, 0, 1 from sale limit 1",
        "update refund_tax set tax = 0, net = gross",
        "update till_counter set last_number = 0",
        "delete from till_counter",
        "update shift set opening_float = 0",
        "update shift set counted_cash = 0, closed_at = null",
        // offline conflicts (V10, V11): recorded open by a replay, never rewritten, never resolved by a till
        "update offline_conflict set reason = 'x'",
        "update offline_conflict set resolved_by = 1, resolved_at = now(), resolution = 'x'",
        "delete from offline_conflict",
        "insert into offline_conflict (sale_id, till, sold_at, replayed_at, reason, resolved_by, resolved_at, resolution)"
                + " select s.id, 'T1', now(), now(), 'hidden', (select min(id) from staff), now(), 'fine' from sale s limit 1",
        "insert into offline_conflict (sale_id, till, sold_at, replayed_at, reason, resolution)"
                + " select s.id, 'T1', now(), now(), 'hidden', 'fine' from sale s limit 1",
    })
    void aTillRoleIsRefused(String statement) throws SQLException {
        String before = Snapshot.of(app.database().dataSource());

        assertThatThrownBy(() -> {
            try (Statement s = till.createStatement()) {
                s.execute(statement);
            }
        }).isInstanceOfSatisfying(SQLException.class,
                e -> assertThat(e.getSQLState()).as(e.getMessage()).isIn("42501", "23514"));

        assertThat(Snapshot.of(app.database().dataSource())).isEqualTo(before);
    }

    @Test
    void stockAddedInsideATransactionWithoutAMovementIsRefusedAtCommit() throws SQLException {
        String before = Snapshot.of(app.database().dataSource());
        till.setAutoCommit(false);
        try (Statement s = till.createStatement()) {
            s.execute("update sweet set stock = stock + 100 where sku = 'SL'");
            s.execute("update staff set failed_logins = 0 where username = 'manager'");
            assertThatThrownBy(till::commit).isInstanceOfSatisfying(SQLException.class,
                    e -> assertThat(e.getSQLState()).isEqualTo("23514"));
        }
        till.rollback();
        assertThat(Snapshot.of(app.database().dataSource())).isEqualTo(before);
    }

    @Test
    void aTillRoleRunsTheTillsServices(@TempDir Path backups) {
        var settings = TestDatabase.get().settings();
        Database.Settings asTill = new Database.Settings(settings.jdbcUrl(), "till_" + TILL, TILL_PASSWORD, 4, 5000, 5000);
        try (Database database = Database.open(asTill, AppContext.entities())) {
            AppContext tillApp = new AppContext(TestDatabase.config(TestDatabase.get().dataDir()), null, database,
                    TestDatabase.FAST_HASHER, Clock.systemDefaultZone());
            Caller atTill = tillApp.staff().login("manager", PASSWORD);
            assertThatThrownBy(() -> tillApp.staff().login("manager", "wrong")).isNotNull();
            tillApp.shifts().open(atTill, "T9", new BigDecimal("20.00"));
            Receipt receipt = tillApp.sales().checkout(atTill, new CheckoutRequest(UUID.randomUUID(), "T9",
                    List.of(line("SL", 1)), issuedToken, "SAVE10", Payment.cash(new BigDecimal("5.00"))));
            assertThat(receipt.receiptNo()).isEqualTo("T9-000001");
            tillApp.refunds().refund(atTill, "T9-000001", List.of(), "T9", "changed mind");
            tillApp.stock().restock(atTill, "FB", 7, "T9", "delivery");
            tillApp.shifts().close(atTill, "T9", new BigDecimal("20.00"));
            // a "no sale" drawer opening is the one audit entry a till writes itself (V15)
            tillApp.drawer().open(atTill, "T9", "change for the float", () -> { });
            // PINs (V18): a till unlocks, counts a wrong PIN, and writes the approvals given at it
            assertThat(tillApp.staff().unlock("manager", "3691")).isEqualTo(atTill);
            assertThatThrownBy(() -> tillApp.staff().unlock("manager", "0000")).isNotNull();
            assertThat(tillApp.staff().pinHolders(atTill)).hasSize(2);
            Caller asking = tillApp.staff().login("owner", PASSWORD);
            Approval noSale = tillApp.staff().approve(asking, Approvable.NO_SALE, "manager", "3691");
            tillApp.drawer().open(noSale, "T9", "a customer's change", () -> { });
            tillApp.staff().recordApproval(tillApp.staff().approve(asking, Approvable.REFUND, "manager", "3691"), "T9-000001", "T9");
            assertThat(tillApp.backups().backup(atTill, backups, "T9").rows()).containsEntry("sale", 2L);
            assertThat(tillApp.audit().run().ok()).isTrue();
        }
        assertThat(stockOf("SL")).isEqualTo(9); // 10, sold 2, 1 back, sold 1, refunded whole
        assertThat(stockOf("FB")).isEqualTo(11);
    }

    @Test
    void aBackOfficeRoleRunsTheBackOfficeButCannotRewriteHistory(@TempDir Path backups) throws SQLException {
        String officePassword = TillRoles.newPassword();
        try (Connection owner = ownerConnection()) {
            TillRoles.add(owner, "office", officePassword, true);
        }
        var settings = TestDatabase.get().settings();
        Database.Settings asOffice = new Database.Settings(settings.jdbcUrl(), "till_office", officePassword, 4, 5000, 5000);
        try (Database database = Database.open(asOffice, AppContext.entities())) {
            AppContext office = new AppContext(TestDatabase.config(TestDatabase.get().dataDir()), null, database,
                    TestDatabase.FAST_HASHER, Clock.systemDefaultZone());
            Caller boss = office.staff().login("owner", PASSWORD);
            office.staff().register(boss, "newbie", Role.CASHIER, PASSWORD);
            office.catalog().add(boss, new NewSweet("MINT", "Mints", "Boiled", new BigDecimal("0.50"), 12, 0), "BO");
            office.catalog().changePrice(boss, "SL", new BigDecimal("1.30"));
            office.coupons().issue(boss, 3, Discount.amount(BigDecimal.ONE), LocalDate.now().plusDays(30));
            office.promos().add(boss, new NewPromo("WINTER", Discount.percent(BigDecimal.TEN), null, null, null));
            office.promos().edit(boss, "SAVE10", 10, null, true);
            office.staff().resetPassword(boss, "cashier", PASSWORD + "!");
            assertThat(office.backups().backup(boss, backups, "BO").rows()).containsEntry("sweet", 3L);
            assertThat(office.audit().run().ok()).isTrue();
        }

        try (Connection owner = ownerConnection(); Statement s = owner.createStatement()) {
            s.execute("insert into offline_conflict (sale_id, till, sold_at, replayed_at, reason, resolved_by, resolved_at, resolution)"
                    + " select s.id, 'T1', now(), now(), 'sold out', (select min(id) from staff), now(), 'counted' from sale s limit 1");
        }
        String before = Snapshot.of(app.database().dataSource());
        try (Connection c = DriverManager.getConnection(settings.jdbcUrl(), "till_office", officePassword)) {
            for (String statement : List.of(
                    "truncate audit_log", "delete from sale_line", "update sale set total = 0", "delete from audit_log",
                    "alter table coupon disable trigger coupon_guard", "create table evil (id int)",
                    "update coupon set status = 'ISSUED', redeemed_sale_id = null, redeemed_at = null, redeemed_till = null where status = 'REDEEMED'",
                    "update promo set uses = 0", "update sweet set stock = stock + 100", "copy (select 1) to program 'id'",
                    "set role sweetshop", "update offline_conflict set resolution = 'nothing happened'",
                    "update offline_conflict set resolved_by = null, resolved_at = null, resolution = null",
                    "delete from offline_conflict")) {
                assertThatThrownBy(() -> {
                    try (Statement s = c.createStatement()) {
                        s.execute(statement);
                    }
                }).as(statement).isInstanceOfSatisfying(SQLException.class,
                        e -> assertThat(e.getSQLState()).as(statement + ": " + e.getMessage()).isIn("42501", "23514"));
            }
        }
        assertThat(Snapshot.of(app.database().dataSource())).isEqualTo(before);
    }

    @Test
    void aRevokedTillCannotConnectAndItsOpenSessionIsEnded() throws SQLException {
        try (Statement s = till.createStatement()) {
            s.execute("select 1");
        }
        int ended;
        try (Connection owner = ownerConnection()) {
            ended = TillRoles.revoke(owner, TILL);
        }

        assertThat(ended).isEqualTo(1);
        assertThatThrownBy(() -> {
            try (Statement s = till.createStatement()) {
                s.execute("select 1");
            }
        }).isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).matches("57P01|08.*"));
        assertThatThrownBy(() -> DriverManager.getConnection(TestDatabase.get().settings().jdbcUrl(), "till_" + TILL, TILL_PASSWORD))
                .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isIn("28P01", "28000"));
    }
}
