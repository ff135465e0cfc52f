package org.sweetshop.ui.till;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sweetshop.common.DatabaseUnreachableException;
import org.sweetshop.journal.CatalogueSnapshot;
import org.sweetshop.journal.OfflineSelling;
import org.sweetshop.sale.CheckoutRequest;
import org.sweetshop.sale.Payment;
import org.sweetshop.sale.Receipt;
import org.sweetshop.testing.DatabaseTest;
import org.sweetshop.testing.Sql;
import org.sweetshop.testing.TestDatabase;
import org.sweetshop.ui.common.TaskExecutor;

/**
 * The till's side of selling offline without a UI thread: a checkout the database cannot take goes
 * to the journal (on) or stays "unreachable" (off); the status bar's count of sales waiting; the
 * journal sent by itself when the database is back (the live connection says so) or at log-in.
 */
class TillOfflineViewModelTest extends DatabaseTest {

    private Path dataDir;

    @BeforeEach
    @AfterEach
    void noJournal() throws IOException {
        dataDir = TestDatabase.get().dataDir();
        Path dir = dataDir.resolve("journal");
        if (Files.exists(dir)) {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static CheckoutRequest basketOf(String sku, int quantity) {
        return new CheckoutRequest(UUID.randomUUID(), "T1", List.of(line(sku, quantity)), null, null, Payment.card());
    }

    private static Receipt unreachable() {
        throw new DatabaseUnreachableException("store database unreachable", null);
    }

    @Test
    void offlineACheckoutIsJournaledWithAReceiptMarkedOfflineAndOffItStaysUnreachable() {
        sweet("TO", "1.00", 5);
        OfflineSelling on = new OfflineSelling(true, dataDir, app.offlineReplay(), Clock.systemDefaultZone());
        OfflineSelling off = new OfflineSelling(false, dataDir, app.offlineReplay(), Clock.systemDefaultZone());
        on.catalogueLoaded(app.catalog().list());

        assertThatThrownBy(() -> off.checkout(cashier, basketOf("TO", 1), TillOfflineViewModelTest::unreachable))
                .isInstanceOf(DatabaseUnreachableException.class);
        Receipt receipt = on.checkout(cashier, basketOf("TO", 2), TillOfflineViewModelTest::unreachable);

        assertThat(OfflineSelling.offline(receipt)).isTrue();
        assertThat(receipt.receiptNo()).isEqualTo("OFFLINE");
        assertThat(on.waiting()).isEqualTo(1);
    }

    @Test
    void aCheckoutThatMayHaveBeenMadeStaysUnreachableWhenItCannotGoOfflineSoItIsSentAgainUnderItsId() {
        sweet("TO", "1.00", 5);
        OfflineSelling on = new OfflineSelling(true, dataDir, app.offlineReplay(), Clock.systemDefaultZone());
        CheckoutRequest withPromo = new CheckoutRequest(UUID.randomUUID(), "T1", List.of(line("TO", 1)), null, "SUMMER", Payment.card());
        CheckoutRequest withCoupon = new CheckoutRequest(UUID.randomUUID(), "T1", List.of(line("TO", 1)), "ABCD-EFGH-JKLM", null,
                Payment.card());

        // a coupon or promo is never refused offline (the sale may have been made): "not confirmed", Try again
        assertThatThrownBy(() -> on.checkout(cashier, withPromo, TillOfflineViewModelTest::unreachable))
                .isInstanceOf(DatabaseUnreachableException.class);
        assertThatThrownBy(() -> on.checkout(cashier, withCoupon, TillOfflineViewModelTest::unreachable))
                .isInstanceOf(DatabaseUnreachableException.class);
        // no catalogue copy: the offline path fails, the original outcome stays
        assertThatThrownBy(() -> on.checkout(cashier, basketOf("TO", 1), TillOfflineViewModelTest::unreachable))
                .isInstanceOf(DatabaseUnreachableException.class).hasMessage("store database unreachable");
        assertThat(on.waiting()).isZero();
    }

    @Test
    void theStatusBarCountsTheSalesWaitingAndTheJournalIsSentWhenTheDatabaseIsBack() {
        sweet("TO", "1.00", 5);
        CatalogueSnapshot.in(dataDir).save(app.catalog().list(), Instant.now());
        OfflineSelling offline = new OfflineSelling(true, dataDir, app.offlineReplay(), Clock.systemDefaultZone());
        TillServices services = TillApp.services(app);
        TillViewModel model = new TillViewModel("T1", () -> services, TaskExecutor.sameThread());
        model.start();
        model.login("cashier", PASSWORD);
        assertThat(model.offlineWaitingProperty().get()).isZero();

        offline.checkout(cashier, basketOf("TO", 1), TillOfflineViewModelTest::unreachable);
        offline.checkout(cashier, basketOf("TO", 2), TillOfflineViewModelTest::unreachable);
        model.connectionChanged(false, "cannot reach the store database");
        assertThat(model.offlineWaitingProperty().get()).isEqualTo(2);
        model.refreshOffline();
        assertThat(model.offlineWaitingProperty().get()).isEqualTo(2);

        // the live connection is back: the journal goes by itself
        model.connectionChanged(true, services.describeDatabase());

        assertThat(model.offlineWaitingProperty().get()).isZero();
        assertThat(Sql.queryLong(app.database().dataSource(), "select count(*) from sale")).isEqualTo(2);
        assertThat(stockOf("TO")).isEqualTo(2);
        model.connectionChanged(true, services.describeDatabase());
        assertThat(Sql.queryLong(app.database().dataSource(), "select count(*) from sale")).as("sent once").isEqualTo(2);
    }

    @Test
    void aShiftIsNotClosedWhileOfflineSalesWaitSoItsZReportHasTheirCash() throws IOException {
        sweet("TO", "1.00", 5);
        CatalogueSnapshot.in(dataDir).save(app.catalog().list(), Instant.now());
        OfflineSelling offline = new OfflineSelling(true, dataDir, app.offlineReplay(), Clock.systemDefaultZone());
        TillServices services = TillApp.services(app);
        TillViewModel model = new TillViewModel("T1", () -> services, TaskExecutor.sameThread());
        model.start();
        model.login("cashier", PASSWORD);
        model.openShift("20.00");
        offline.checkout(cashier, new CheckoutRequest(UUID.randomUUID(), "T1", List.of(line("TO", 2)), null, null,
                Payment.cash(new java.math.BigDecimal("2.00"))), TillOfflineViewModelTest::unreachable);
        // a file the replay cannot send: it keeps waiting
        Path stuck = dataDir.resolve("journal").resolve("sales").resolve(UUID.randomUUID() + ".json");
        Files.writeString(stuck, "{");

        model.closeShift("22.00");

        assertThat(model.messageProperty().get())
                .isEqualTo("1 offline sale has not reached the store database yet: close the shift when they are sent.");
        assertThat(model.shiftProperty().get()).as("still open").isNotNull();
        assertThat(model.offlineWaitingProperty().get()).isEqualTo(1);
        assertThat(model.offlineUnsentProperty().get()).isEqualTo(1);
        assertThat(StatusBar.offlineText(model.offlineWaitingProperty().get(), model.offlineUnsentProperty().get()))
                .isEqualTo("offline: 1 sale waiting, 1 could not be sent (see journal replay)");
        assertThat(model.zReportProperty().get()).isNull();
        assertThat(Sql.queryLong(app.database().dataSource(), "select count(*) from shift where closed_at is null")).isEqualTo(1);
        assertThat(Sql.queryLong(app.database().dataSource(), "select count(*) from sale")).as("the sendable one was sent").isEqualTo(1);

        Files.delete(stuck);
        model.closeShift("22.00");

        assertThat(model.zReportProperty().get()).isNotNull();
        assertThat(model.shiftProperty().get()).isNull();
        assertThat(model.zReportProperty().get().toString()).contains("22.00");
    }
}
