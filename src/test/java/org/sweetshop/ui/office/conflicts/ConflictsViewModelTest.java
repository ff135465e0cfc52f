package org.sweetshop.ui.office.conflicts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.sweetshop.journal.CatalogueSnapshot;
import org.sweetshop.journal.Journal;
import org.sweetshop.journal.JournalReplayer;
import org.sweetshop.journal.OfflineTill;
import org.sweetshop.sale.CheckoutRequest;
import org.sweetshop.sale.Payment;
import org.sweetshop.ui.office.OfficeTest;

/** The discrepancies tab's model: the list (till, time, lines, reason) and resolving one. */
class ConflictsViewModelTest extends OfficeTest {

    @Test
    void aDiscrepancyOfAnOfflineSaleIsListedAndResolvedOnceByAManager() throws Exception {
        var dataDir = Files.createTempDirectory("sweetshop-conflicts");
        CatalogueSnapshot snapshot = CatalogueSnapshot.in(dataDir);
        snapshot.save(app.catalog().list(), Instant.now());
        Journal journal = Journal.in(dataDir);
        UUID saleId = UUID.randomUUID();
        new OfflineTill(journal, snapshot, Clock.systemDefaultZone())
                .sell(cashier, new CheckoutRequest(saleId, "OFF2", List.of(line("FB", 2)), null, null, Payment.card()));
        app.sales().checkout(cashier, basket("T1", List.of(line("FB", 1))));
        new JournalReplayer(journal, app.offlineReplay()).replay(cashier);

        ConflictsViewModel conflicts = office.conflicts();
        conflicts.load();

        assertThat(conflicts.entries()).singleElement().satisfies(c -> {
            assertThat(c.saleId()).isEqualTo(saleId);
            assertThat(c.till()).isEqualTo("OFF2");
            assertThat(c.receiptNo()).isEqualTo("OFF2-000001");
            assertThat(c.lines()).extracting(l -> l.quantity() + " x " + l.sku()).containsExactly("2 x FB");
            assertThat(c.reason()).isEqualTo("FB: 2 sold offline, 1 left in stock");
        });

        conflicts.resolve(null, "nothing chosen");
        assertThat(status.messageProperty().get()).isEqualTo("Choose a discrepancy first.");
        conflicts.resolve(conflicts.entries().get(0), "stocktake of FB");
        assertThat(status.errorProperty().get()).isFalse();
        assertThat(status.messageProperty().get()).isEqualTo("Resolved: the discrepancy of sale OFF2-000001 (till OFF2).");
        assertThat(conflicts.entries()).isEmpty();
        conflicts.showResolvedProperty().set(true);
        conflicts.load();
        assertThat(conflicts.entries()).singleElement().satisfies(c -> {
            assertThat(c.open()).isFalse();
            assertThat(c.resolvedBy()).isEqualTo("manager");
            assertThat(c.resolution()).isEqualTo("stocktake of FB");
        });
        conflicts.resolve(conflicts.entries().get(0), "again");
        assertThat(status.errorProperty().get()).isTrue();
        assertThat(status.messageProperty().get()).startsWith("Already resolved: the stock discrepancy of sale ");
    }
}
