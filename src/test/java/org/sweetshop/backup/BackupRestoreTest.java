package org.sweetshop.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sweetshop.AppContext;
import org.sweetshop.audit.AuditReport;
import org.sweetshop.catalog.NewSweet;
import org.sweetshop.catalog.SweetEdit;
import org.sweetshop.common.Discount;
import org.sweetshop.coupon.IssuedCoupon;
import org.sweetshop.db.Database;
import org.sweetshop.db.DatabaseBackup;
import org.sweetshop.db.EmbeddedDatabase;
import org.sweetshop.promo.NewPromo;
import org.sweetshop.refund.RefundLine;
import org.sweetshop.sale.CheckoutRequest;
import org.sweetshop.sale.Payment;
import org.sweetshop.sale.Receipt;
import org.sweetshop.staff.Caller;
import org.sweetshop.testing.DatabaseTest;
import org.sweetshop.testing.Snapshot;
import org.sweetshop.testing.TestDatabase;

/** A backup restores to exactly the rows it was taken from, on real PostgreSQL, and the audit passes. */
class BackupRestoreTest extends DatabaseTest {

    @TempDir
    Path temp;

    /** Sales with a coupon, a promo, refunds (whole and partial), a closed and an open shift, audit entries. */
    private void aStoreThatHasTraded() {
        sweet("FUDGE", "1.20", 500);
        sweet("MINT", "0.80", 300);
        sweet("TOFFEE", "2.00", 100);
        app.catalog().edit(manager, "MINT", SweetEdit.price(new BigDecimal("0.90")), "T1");
        IssuedCoupon coupon = app.coupons().issue(manager, 2, Discount.percent(new BigDecimal("10")), LocalDate.now().plusDays(30)).get(0);
        app.promos().add(manager, new NewPromo("TREAT50", Discount.amount(new BigDecimal("0.50")), 10, null, null));
        app.shifts().open(cashier, "T1", new BigDecimal("50.00"));
        Receipt withCoupon = app.sales().checkout(cashier, new CheckoutRequest(UUID.randomUUID(), "T1",
                List.of(line("FUDGE", 3), line("MINT", 2)), coupon.token(), null, Payment.card()));
        Receipt withPromo = app.sales().checkout(cashier, new CheckoutRequest(UUID.randomUUID(), "T1",
                List.of(line("TOFFEE", 1)), null, "TREAT50", Payment.card()));
        app.sales().checkout(cashier, basket("T2", List.of(line("FUDGE", 1), line("TOFFEE", 2))));
        app.refunds().refund(manager, withPromo.receiptNo(), List.of(), "T1", "changed mind");
        app.refunds().refund(manager, withCoupon.receiptNo(), List.of(new RefundLine("FUDGE", 1)), "T1", "broken");
        app.shifts().close(cashier, "T1", new BigDecimal("50.00"));
        app.shifts().open(cashier, "T2", new BigDecimal("20.00"));
        app.stock().restock(manager, "MINT", 40, "T1", "delivery 17");
    }

    @Test
    void aRestoredBackupHoldsEveryRowOfEveryTableAndPassesTheAudit() throws Exception {
        aStoreThatHasTraded();
        String before = Snapshot.of(app.database().dataSource());

        BackupResult backup = app.backups().backup(owner, temp, "T1");

        assertThat(backup.file().getFileName().toString()).matches("sweetshop-backup-T1-\\d{8}-\\d{6}\\.zip");
        assertThat(backup.bytes()).isEqualTo(Files.size(backup.file()));
        assertThat(backup.rows()).containsEntry("sale", 3L).containsEntry("refund", 2L).containsEntry("shift", 2L)
                .containsEntry("staff", 3L).containsEntry("store", 1L).containsEntry("coupon", 2L).containsEntry("promo", 1L);
        assertThat(backup.rows().get("audit_log")).isEqualTo(countOf(app, "audit_log"));
        assertThat(List.copyOf(backup.rows().keySet()).indexOf("sale")).isLessThan(List.copyOf(backup.rows().keySet()).indexOf("sale_line"));
        try (Stream<Path> files = Files.list(temp)) {
            assertThat(files.toList()).containsExactly(backup.file()); // no temporary file left
        }

        Path restoredDir = temp.resolve("restored");
        RestoreResult restored = Restore.into(backup.file(), restoredDir, EmbeddedDatabase.Options.local().notDurable());

        assertThat(restored.audit().ok()).as(failures(restored.audit())).isTrue();
        assertThat(restored.rows()).isEqualTo(backup.rows());
        assertThat(restored.backupSchemaVersion()).isEqualTo(backup.schemaVersion());
        try (AppContext copy = AppContext.open(TestDatabase.config(restoredDir))) {
            assertThat(Snapshot.of(copy.database().dataSource())).isEqualTo(before);
            // the sequences came back too: new ids do not collide with restored ones
            Caller restoredManager = copy.staff().login("manager", PASSWORD);
            copy.catalog().add(restoredManager, new NewSweet("NEWONE", "New one", "Test", new BigDecimal("1.00"), 5, 0), "T1");
            Receipt next = copy.sales().checkout(restoredManager, basket("T1", List.of(line("NEWONE", 1), line("FUDGE", 1))));
            assertThat(next.receiptNo()).isEqualTo("T1-000003");
            assertThat(copy.audit().run().ok()).isTrue();
        }
    }

    /**
     * The done-when test: six tills sell through one barrier; once 30 sales have committed the
     * backup is taken while they go on selling. Every sale whose checkout had returned before the
     * backup was called is in the restored database exactly once, it holds no sale that was never
     * committed, and the audit passes.
     */
    @Test
    void aBackupTakenWhileTillsSellHoldsEverySaleCommittedBeforeItStarted() throws Exception {
        sweet("HOT", "1.00", 100_000);
        sweet("COLD", "0.50", 100_000);
        int tills = 6;
        List<UUID> committed = java.util.Collections.synchronizedList(new ArrayList<>());
        java.util.concurrent.CountDownLatch thirty = new java.util.concurrent.CountDownLatch(30);
        java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean();
        java.util.concurrent.atomic.AtomicInteger duringBackup = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicBoolean backingUp = new java.util.concurrent.atomic.AtomicBoolean();
        java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(tills + 1);
        List<Thread> threads = new ArrayList<>();
        List<Throwable> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        for (int t = 0; t < tills; t++) {
            String till = "B" + t;
            Thread thread = new Thread(() -> {
                try {
                    start.await();
                    int n = 0;
                    while (!stop.get()) {
                        var request = basket(till, List.of(line("HOT", 1 + n % 3), line("COLD", 1)));
                        app.sales().checkout(cashier, request);
                        committed.add(request.saleId());
                        thirty.countDown();
                        if (backingUp.get()) {
                            duringBackup.incrementAndGet();
                        }
                        n++;
                    }
                } catch (Throwable e) {
                    failures.add(e);
                }
            }, "till-" + till);
            thread.start();
            threads.add(thread);
        }
        start.await(60, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(thirty.await(120, java.util.concurrent.TimeUnit.SECONDS)).as("30 sales within 2 minutes " + failures).isTrue();
        Set<UUID> committedBeforeBackup = Set.copyOf(new ArrayList<>(committed));
        backingUp.set(true);
        BackupResult backup = app.backups().backup(manager, temp, "T1");
        backingUp.set(false);
        stop.set(true);
        for (Thread thread : threads) {
            thread.join();
        }
        assertThat(failures).isEmpty();
        Set<UUID> allCommitted = Set.copyOf(committed);

        RestoreResult restored = Restore.into(backup.file(), temp.resolve("restored"), EmbeddedDatabase.Options.local().notDurable());

        assertThat(restored.audit().ok()).as(failures(restored.audit())).isTrue();
        List<UUID> restoredSales = new ArrayList<>();
        try (AppContext copy = AppContext.open(TestDatabase.config(temp.resolve("restored")));
             Connection c = copy.database().dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select id from sale")) {
            while (rs.next()) {
                restoredSales.add(rs.getObject(1, UUID.class));
            }
            c.rollback();
        }
        assertThat(new HashSet<>(restoredSales)).hasSameSizeAs(restoredSales); // each exactly once
        assertThat(restoredSales).containsAll(committedBeforeBackup);
        assertThat(allCommitted).containsAll(restoredSales); // nothing that was never committed
        assertThat((long) restoredSales.size()).isEqualTo(backup.rows().get("sale"));
        System.out.printf("sales committed before the backup %d, in it %d, committed in all %d, while it ran %d%n",
                committedBeforeBackup.size(), restoredSales.size(), allCommitted.size(), duringBackup.get());
    }

    /** A backup made at schema version 5 is loaded into version 5, then migrated on to this app's newest. */
    @Test
    void aBackupOfAnOlderSchemaIsLoadedAtItsVersionThenMigratedOn() throws Exception {
        Path file = temp.resolve("v5.zip");
        try (EmbeddedDatabase old = EmbeddedDatabase.startOrJoin(temp.resolve("old"), EmbeddedDatabase.Options.local().notDurable())) {
            var e = old.endpoint();
            Database.Settings settings = new Database.Settings(e.jdbcUrl(), e.user(), e.password(), 2, 5000, 5000);
            Database.migrate(settings, "5");
            try (Connection c = DriverManager.getConnection(e.jdbcUrl(), e.user(), e.password())) {
                try (Statement s = c.createStatement()) {
                    s.execute("insert into staff (id, username, username_key, role, password_hash, created_at)"
                            + " values (1, 'olive', 'olive', 'OWNER', 'x', now())");
                    s.execute("insert into sweet (id, sku, name, category, price, stock, created_at)"
                            + " values (1, 'OLD', 'Old sweet', 'Sweets', 1.00, 0, now())");
                }
                c.setAutoCommit(false);
                DatabaseBackup.snapshot(c);
                try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
                    DatabaseBackup.dump(c, zip, Map.of("app", "an older app"), Instant.now());
                }
                c.commit();
            }
        }

        RestoreResult restored = Restore.into(file, temp.resolve("new"), EmbeddedDatabase.Options.local().notDurable());

        assertThat(restored.backupSchemaVersion()).isEqualTo("5");
        // this app's version: the newest migration the test database (migrated at start) ran
        String current = Long.toString(org.sweetshop.testing.Sql.queryLong(app.database().dataSource(),
                "select max(cast(version as int)) from flyway_schema_history where success"));
        assertThat(current).isNotEqualTo("5");
        assertThat(restored.schemaVersion()).isEqualTo(current);
        assertThat(restored.rows()).containsEntry("staff", 1L).containsEntry("sweet", 1L);
        assertThat(restored.audit().ok()).as(failures(restored.audit())).isTrue();
    }

    private static long countOf(AppContext app, String table) {
        return org.sweetshop.testing.Sql.queryLong(app.database().dataSource(), "select count(*) from " + table);
    }

    static String failures(AuditReport report) {
        return report.checks().stream().filter(c -> !c.ok()).map(c -> c.name() + " " + c.examples()).toList().toString();
    }
}
