package org.sweetshop.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sweetshop.common.AlreadyExistsException;
import org.sweetshop.common.NotForSaleException;
import org.sweetshop.common.OfflineRefusedException;
import org.sweetshop.sale.CheckoutRequest;
import org.sweetshop.sale.ConflictView;
import org.sweetshop.sale.OfflineReplay.Result;
import org.sweetshop.sale.Payment;
import org.sweetshop.sale.Receipt;
import org.sweetshop.testing.DatabaseTest;

/**
 * The journal of sales made offline and its replay, on the real test database: each sale made
 * exactly once under its id however often it is sent, a sale the stock no longer covers recorded
 * with a discrepancy (stock never below zero, the audit passing), a torn write ignored.
 */
class JournalReplayTest extends DatabaseTest {

    private Path dataDir;
    private Journal journal;
    private OfflineTill till;

    @BeforeEach
    void offlineTill() throws IOException {
        sweet("FUDGE", "1.20", 10);
        sweet("MINT", "0.55", 5);
        dataDir = Files.createTempDirectory("sweetshop-offline");
        journal = Journal.in(dataDir);
        CatalogueSnapshot snapshot = CatalogueSnapshot.in(dataDir);
        snapshot.save(app.catalog().list(), Instant.now());
        till = new OfflineTill(journal, snapshot, Clock.systemDefaultZone());
    }

    private CheckoutRequest offline(String sku, int quantity) {
        return new CheckoutRequest(UUID.randomUUID(), "OFF1", List.of(line(sku, quantity)), null, null, Payment.card());
    }

    private JournalReplayer replayer() {
        return new JournalReplayer(journal, app.offlineReplay());
    }

    @Test
    void sellingOfflineJournalsTheSaleWithAnOfflineReceiptAndTouchesNoDatabase() {
        Receipt receipt = till.sell(cashier, new CheckoutRequest(UUID.randomUUID(), "OFF1",
                List.of(line("FUDGE", 2), line("MINT", 1), line("FUDGE", 1)), null, null, Payment.cash(new BigDecimal("5.00"))));

        assertThat(receipt.receiptNo()).isEqualTo("OFFLINE");
        assertThat(receipt.total()).isEqualByComparingTo("4.15");
        assertThat(receipt.change()).isEqualByComparingTo("0.85");
        assertThat(journal.count()).isEqualTo(1);
        JournalEntry entry = journal.waiting().get(0);
        assertThat(entry.saleId()).isEqualTo(receipt.saleId());
        assertThat(entry.lines()).extracting(JournalLine::sku, JournalLine::quantity).containsExactly(
                org.assertj.core.groups.Tuple.tuple("FUDGE", 3), org.assertj.core.groups.Tuple.tuple("MINT", 1));
        assertThat(count("select count(*) from sale")).isZero();
        assertThat(stockOf("FUDGE")).isEqualTo(10);
    }

    @Test
    void theSameSaleIdSoldOfflineTwiceIsJournaledOnce() {
        CheckoutRequest request = offline("FUDGE", 1);
        till.sell(cashier, request);
        Receipt again = till.sell(cashier, request);
        assertThat(again.replayed()).isTrue();
        assertThat(journal.count()).isEqualTo(1);
    }

    @Test
    void couponsAndPromoCodesAreRefusedOfflineAndNothingIsJournaled() {
        UUID id = UUID.randomUUID();
        assertThatThrownBy(() -> till.sell(cashier, new CheckoutRequest(id, "OFF1", List.of(line("FUDGE", 1)), "ABCD-EFGH", null,
                Payment.card()))).isInstanceOf(OfflineRefusedException.class).hasMessageContaining("coupons cannot be taken offline");
        assertThatThrownBy(() -> till.sell(cashier, new CheckoutRequest(id, "OFF1", List.of(line("FUDGE", 1)), null, "SUMMER",
                Payment.card()))).isInstanceOf(OfflineRefusedException.class).hasMessageContaining("promo codes cannot be taken offline");
        assertThat(journal.count()).isZero();
        assertThat(Files.exists(journal.dir()) ? journal.dir().toFile().list() : new String[0]).isEmpty();
    }

    @Test
    void replayMakesEachSaleOnceAndReplayingAgainMakesNothingMore() {
        Receipt first = till.sell(cashier, offline("FUDGE", 3));
        Receipt second = till.sell(cashier, offline("MINT", 2));

        JournalReplayer.Report report = replayer().replay(cashier);
        assertThat(report.count(Result.MADE)).isEqualTo(2);
        assertThat(report.left()).isZero();
        assertThat(journal.count()).isZero();
        assertThat(stockOf("FUDGE")).isEqualTo(7);
        assertThat(stockOf("MINT")).isEqualTo(3);
        Receipt made = app.sales().findReceipt(first.saleId()).orElseThrow();
        assertThat(made.receiptNo()).isEqualTo("OFF1-000001");
        assertThat(made.createdAt()).isEqualTo(first.createdAt());
        assertThat(made.total()).isEqualByComparingTo("3.60");
        assertThat(made.cashier()).isEqualTo("cashier");

        // the replay's reply was lost: the entries are still there and are sent again
        journal.write(entryOf(first));
        journal.write(entryOf(second));
        JournalReplayer.Report again = replayer().replay(cashier);
        assertThat(again.count(Result.ALREADY_MADE)).isEqualTo(2);
        assertThat(again.count(Result.MADE)).isZero();
        assertThat(count("select count(*) from sale")).isEqualTo(2);
        assertThat(count("select count(*) from stock_movement where kind = 'SALE'")).isEqualTo(2);
        assertThat(stockOf("FUDGE")).isEqualTo(7);
        assertThat(app.audit().run().ok()).isTrue();
    }

    @Test
    void aSaleWhoseStockAnotherTillTookMeanwhileIsRecordedWithADiscrepancyForAManager() {
        Receipt offlineSale = till.sell(cashier, offline("FUDGE", 8));
        // meanwhile another till, online, sells 5 of the 10
        app.sales().checkout(cashier, basket("T2", List.of(line("FUDGE", 5))));

        JournalReplayer.Report report = replayer().replay(cashier);

        assertThat(report.count(Result.CONFLICT)).isEqualTo(1);
        assertThat(report.sent().get(0).reason()).isEqualTo("FUDGE: 8 sold offline, 5 left in stock");
        assertThat(journal.count()).isZero();
        assertThat(stockOf("FUDGE")).as("stock never below zero").isEqualTo(5);
        Receipt recorded = app.sales().findReceipt(offlineSale.saleId()).orElseThrow();
        assertThat(recorded.total()).as("the money taken is recorded").isEqualByComparingTo("9.60");
        assertThat(count("select count(*) from stock_movement where sale_id = '" + offlineSale.saleId() + "'")).isZero();

        List<ConflictView> conflicts = app.conflicts().list(manager, false);
        assertThat(conflicts).hasSize(1);
        ConflictView conflict = conflicts.get(0);
        assertThat(conflict.till()).isEqualTo("OFF1");
        assertThat(conflict.soldAt()).isEqualTo(offlineSale.createdAt());
        assertThat(conflict.cashier()).isEqualTo("cashier");
        assertThat(conflict.lines()).extracting(l -> l.sku() + " x" + l.quantity()).containsExactly("FUDGE x8");
        var audit = app.audit().run();
        assertThat(audit.checks()).allSatisfy(check -> assertThat(check.ok()).as(check.name() + " " + check.examples()).isTrue());
        assertThat(audit.openDiscrepancies()).isEqualTo(1);

        // replayed again (a second till sharing the journal, a lost reply): still one sale, one conflict
        journal.write(entryOf(offlineSale));
        assertThat(replayer().replay(cashier).count(Result.ALREADY_MADE)).isEqualTo(1);
        assertThat(count("select count(*) from offline_conflict")).isEqualTo(1);

        ConflictView resolved = office.conflicts().resolve(manager, offlineSale.saleId(), "stocktake: FUDGE counted");
        assertThat(resolved.open()).isFalse();
        assertThat(resolved.resolvedBy()).isEqualTo("manager");
        assertThat(app.conflicts().list(manager, false)).isEmpty();
        assertThatThrownBy(() -> office.conflicts().resolve(manager, offlineSale.saleId(), "again"))
                .isInstanceOf(AlreadyExistsException.class).hasMessageContaining("already resolved");
        assertThat(app.audit().run().openDiscrepancies()).isZero();
    }

    @Test
    void aSweetTakenOffSaleMeanwhileIsADiscrepancyAndItsSaleIsKept() {
        Receipt offlineSale = till.sell(cashier, new CheckoutRequest(UUID.randomUUID(), "OFF1",
                List.of(line("MINT", 1), line("FUDGE", 2)), null, null, Payment.card()));
        office.catalog().deactivate(manager, "MINT");

        JournalReplayer.Report report = replayer().replay(cashier);

        assertThat(report.count(Result.CONFLICT)).isEqualTo(1);
        assertThat(report.sent().get(0).reason()).isEqualTo("MINT was taken off sale (1 sold offline)");
        assertThat(stockOf("FUDGE")).as("a conflicting sale moves no stock at all").isEqualTo(10);
        assertThat(app.sales().findReceipt(offlineSale.saleId())).isPresent();
        assertThat(app.audit().run().ok()).isTrue();
    }

    @Test
    void aTornTemporaryFileOfATillKilledMidWriteIsNeverASale() throws IOException {
        Journal dying = Journal.in(dataDir, () -> {
            throw new UncheckedIOException(new IOException("killed between the fsync and the rename"));
        });
        OfflineTill killed = new OfflineTill(dying, CatalogueSnapshot.in(dataDir), Clock.systemDefaultZone());
        assertThatThrownBy(() -> killed.sell(cashier, offline("FUDGE", 1))).isInstanceOf(UncheckedIOException.class);
        // a torn file as a SIGKILL leaves it (the failed write above removes its own): half a JSON object
        Files.writeString(journal.dir().resolve("." + UUID.randomUUID() + ".json.tmp"), "{\"format\":\"sweetshop-jour");
        till.sell(cashier, offline("MINT", 1));

        assertThat(journal.count()).isEqualTo(1);
        assertThat(journal.waiting()).hasSize(1);
        JournalReplayer.Report report = replayer().replay(cashier);
        assertThat(report.count(Result.MADE)).isEqualTo(1);
        assertThat(count("select count(*) from sale")).isEqualTo(1);
        assertThat(journal.cleanTorn(Duration.ZERO)).isEqualTo(1);
        assertThat(journal.dir().toFile().list()).isEmpty();
    }

    @Test
    void aSweetUnknownToTheSnapshotOrOffSaleInItIsRefusedOffline() {
        office.catalog().deactivate(manager, "MINT");
        CatalogueSnapshot.in(dataDir).save(app.catalog().list(), Instant.now());
        assertThatThrownBy(() -> till.sell(cashier, offline("MINT", 1))).isInstanceOf(NotForSaleException.class);
        assertThatThrownBy(() -> till.sell(cashier, offline("NOPE", 1))).hasMessageContaining("unknown sweet");
        assertThat(journal.count()).isZero();
    }

    private JournalEntry entryOf(Receipt offlineReceipt) {
        // the entry as the till wrote it: rebuilt from the database's copy of the sale
        Receipt made = app.sales().findReceipt(offlineReceipt.saleId()).orElseThrow();
        List<JournalLine> lines = made.lines().stream().map(l -> new JournalLine(JournalLine.COUNTED,
                app.catalog().find(l.sku()).id(), l.sku(), l.name(), l.quantity(), l.unitPrice(), l.lineTotal())).toList();
        return new JournalEntry(JournalEntry.FORMAT, made.saleId(), made.till(), made.cashier(), cashier.staffId(),
                offlineReceipt.createdAt(), lines, made.payment(), made.tendered(), made.subtotal(), made.total(), made.change(), null, null);
    }

    private long count(String sql) {
        try (Connection c = office.database().dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void manyWritersOfTheCatalogueCopyAndTheLogInCacheAtOnceNeitherFailNorTearNorLoseACashier() throws IOException {
        List<org.sweetshop.catalog.SweetView> catalogue = app.catalog().list();
        Path other = Files.createTempDirectory("sweetshop-offline-race");
        int workers = 16;

        var outcomes = org.sweetshop.testing.Race.run(workers, i -> {
            if (i % 2 == 0) {
                CatalogueSnapshot.in(other).save(catalogue, Instant.now());
            } else {
                OfflineStaff.in(other, org.sweetshop.testing.TestDatabase.FAST_HASHER)
                        .remember(new org.sweetshop.staff.Caller(1000 + i, "racer" + i, org.sweetshop.staff.Role.CASHIER), "pw" + i);
            }
            return i;
        });

        assertThat(org.sweetshop.testing.Race.tally(outcomes)).isEqualTo(java.util.Map.of("OK", (long) workers));
        assertThat(CatalogueSnapshot.in(other).load().orElseThrow().sweets()).hasSize(catalogue.size());
        OfflineStaff staff = OfflineStaff.in(other, org.sweetshop.testing.TestDatabase.FAST_HASHER);
        for (int i = 1; i < workers; i += 2) {
            assertThat(staff.login("racer" + i, "pw" + i).staffId()).isEqualTo(1000 + i);
        }
        try (var files = Files.list(other.resolve("journal"))) {
            assertThat(files.map(f -> f.getFileName().toString())).containsExactlyInAnyOrder("catalogue.json", "staff.properties",
                    ".staff.lock");
        }
    }

    @Test
    void aJournalReadWhileAnotherReplaySendsItSeesNoEntryAsUnreadable() {
        sweet("CHEW", "0.10", 100);
        CatalogueSnapshot snapshot = CatalogueSnapshot.in(dataDir);
        snapshot.save(app.catalog().list(), Instant.now());
        OfflineTill chewTill = new OfflineTill(journal, snapshot, Clock.systemDefaultZone());
        List<UUID> ids = new java.util.ArrayList<>();
        for (int i = 0; i < 60; i++) {
            ids.add(chewTill.sell(cashier, offline("CHEW", 1)).saleId());
        }

        // one replay sends entry after entry, removing each; meanwhile another process of the same
        // data directory lists the journal (`journal`, the status bar, a second replay starting) again and again
        var sending = new java.util.concurrent.atomic.AtomicBoolean(true);
        var outcomes = org.sweetshop.testing.Race.run(2, i -> {
            if (i == 0) {
                try {
                    return new JournalReplayer(Journal.in(dataDir), app.offlineReplay()).replay(cashier).failed().size();
                } finally {
                    sending.set(false);
                }
            }
            int unreadable = 0;
            int looks = 0;
            while (sending.get() || looks == 0) {
                unreadable += Journal.in(dataDir).list().unreadable().size();
                looks++;
            }
            return unreadable;
        });

        assertThat(org.sweetshop.testing.Race.tally(outcomes)).isEqualTo(java.util.Map.of("OK", 2L));
        assertThat(outcomes).extracting(o -> o.value()).as("failed sends, then unreadable entries seen while listing")
                .containsExactly(0, 0);
        assertThat(count("select count(*) from sale")).isEqualTo(60);
        assertThat(stockOf("CHEW")).isEqualTo(40);
        assertThat(journal.count()).isZero();
        ids.forEach(id -> assertThat(app.sales().findReceipt(id)).isPresent());
    }

    @Test
    void aDamagedFileAmongGoodOnesIsNamedAndKeptWhileTheGoodOnesAreSent() throws IOException {
        Receipt first = till.sell(cashier, offline("FUDGE", 1));
        Receipt second = till.sell(cashier, offline("MINT", 1));
        Path damaged = journal.dir().resolve(UUID.randomUUID() + ".json");
        Files.writeString(damaged, "{\"format\": \"sweetshop-jou");

        Journal.Listing listing = journal.list();
        JournalReplayer.Report report = replayer().replay(cashier);

        assertThat(listing.entries()).extracting(JournalEntry::saleId).containsExactly(first.saleId(), second.saleId());
        assertThat(listing.unreadable()).extracting(Journal.Unreadable::file).containsExactly(damaged.getFileName().toString());
        assertThat(report.count(Result.MADE)).isEqualTo(2);
        assertThat(report.failed()).hasSize(1);
        assertThat(report.failed().get(0).file()).isEqualTo(damaged.getFileName().toString());
        assertThat(report.failed().get(0).saleId()).isNull();
        assertThat(report.left()).isEqualTo(1);
        assertThat(Files.readString(damaged)).isEqualTo("{\"format\": \"sweetshop-jou");
        assertThat(count("select count(*) from sale")).isEqualTo(2);
    }
}
