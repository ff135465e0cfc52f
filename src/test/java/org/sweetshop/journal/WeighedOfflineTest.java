package org.sweetshop.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sweetshop.catalog.SweetView;
import org.sweetshop.common.InvalidInputException;
import org.sweetshop.common.SoldBy;
import org.sweetshop.sale.CheckoutRequest;
import org.sweetshop.sale.ConflictView;
import org.sweetshop.sale.OfflineReplay.Result;
import org.sweetshop.sale.Payment;
import org.sweetshop.sale.Receipt;
import org.sweetshop.sale.ReceiptLine;
import org.sweetshop.testing.DatabaseTest;
import org.sweetshop.testing.Sql;
import org.sweetshop.testing.WeighedSweets;

/** Selling weighed sweets offline: grams at a price per kg in the journal, replayed with the right total, grams and kind. */
class WeighedOfflineTest extends DatabaseTest {

    private Path dataDir;
    private Journal journal;
    private OfflineTill till;
    private SweetView pm;
    private SweetView fudge;

    @BeforeEach
    void offlineTillWithAWeighedSweet() throws IOException {
        pm = WeighedSweets.add(office, manager, "PM", "14.99", 2_000);
        fudge = sweet("FU", "1.20", 10);
        dataDir = Files.createTempDirectory("sweetshop-offline-weighed");
        journal = Journal.in(dataDir);
        CatalogueSnapshot snapshot = CatalogueSnapshot.in(dataDir);
        snapshot.save(app.catalog().list(), Instant.now());
        till = new OfflineTill(journal, snapshot, Clock.systemDefaultZone());
    }

    @AfterEach
    void auditStillPasses() {
        assertThat(app.audit().run().checks())
                .allSatisfy(check -> assertThat(check.ok()).as(check.name() + " " + check.examples()).isTrue());
    }

    private Receipt sellOffline(int grams, int pieces) {
        return till.sell(cashier, new CheckoutRequest(UUID.randomUUID(), "OFF1", List.of(line("PM", grams), line("FU", pieces)), null,
                null, Payment.card()));
    }

    private JournalReplayer replayer() {
        return new JournalReplayer(journal, app.offlineReplay());
    }

    private long count(String sql) {
        return Sql.queryLong(app.database().dataSource(), sql);
    }

    @Test
    void theSnapshotKeepsHowEachSweetIsSold() {
        CatalogueSnapshot.Content content = CatalogueSnapshot.in(dataDir).load().orElseThrow();

        assertThat(content.sweets()).extracting(CatalogueSnapshot.Item::sku, CatalogueSnapshot.Item::soldBy).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("PM", SoldBy.WEIGHED), org.assertj.core.groups.Tuple.tuple("FU", SoldBy.COUNTED));
    }

    @Test
    void aWeighedLineIsPricedPerKilogramAndJournaledAsGrams() throws IOException {
        Receipt receipt = sellOffline(253, 3);

        // 253 g x 14.99/kg = 3.79247 -> 3.79 (Money.weighedLine), 3 x 1.20 = 3.60
        assertThat(receipt.total()).isEqualByComparingTo("7.39");
        assertThat(receipt.lines()).containsExactly(
                new ReceiptLine("PM", "Weighed PM", 253, new BigDecimal("14.99"), new BigDecimal("3.79"), SoldBy.WEIGHED),
                new ReceiptLine("FU", "Sweet FU", 3, new BigDecimal("1.20"), new BigDecimal("3.60"), SoldBy.COUNTED));
        JournalEntry entry = journal.waiting().get(0);
        assertThat(entry.lines()).extracting(JournalLine::kind, JournalLine::quantity)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("WEIGHED", 253), org.assertj.core.groups.Tuple.tuple("COUNTED", 3));
        String file = Files.readString(journal.dir().resolve(receipt.saleId() + ".json"));
        assertThat(file.replaceAll("\\s", "")).contains("\"kind\":\"WEIGHED\",\"sweetId\":" + pm.id() + ",\"sku\":\"PM\",\"name\":\"WeighedPM\","
                + "\"quantity\":253,\"unitPrice\":14.99,\"lineTotal\":3.79}");
        assertThat(journal.find(receipt.saleId()).orElseThrow().receipt(true).lines().get(0).soldBy()).isEqualTo(SoldBy.WEIGHED);
    }

    @Test
    void anOfflineWeighedSaleReplaysWithItsTotalItsGramsAndItsKind() {
        Receipt receipt = sellOffline(253, 3);

        JournalReplayer.Report report = replayer().replay(cashier);

        assertThat(report.count(Result.MADE)).isEqualTo(1);
        assertThat(journal.count()).isZero();
        String id = "'" + receipt.saleId() + "'";
        assertThat(count("select count(*) from sale where id = " + id + " and subtotal = 7.39 and total = 7.39")).isEqualTo(1);
        assertThat(count("select count(*) from sale_line where sale_id = " + id
                + " and sku = 'PM' and sold_by = 'WEIGHED' and quantity = 253 and unit_price = 14.99 and line_total = 3.79")).isEqualTo(1);
        assertThat(count("select count(*) from sale_line where sale_id = " + id
                + " and sku = 'FU' and sold_by = 'COUNTED' and quantity = 3 and line_total = 3.60")).isEqualTo(1);
        assertThat(stockOf("PM")).isEqualTo(2_000 - 253);
        assertThat(stockOf("FU")).isEqualTo(7);
        assertThat(count("select -quantity from stock_movement where kind = 'SALE' and sweet_id = " + pm.id())).isEqualTo(253);
    }

    @Test
    void gramsSoldOfflineBeyondWhatIsLeftAreADiscrepancyInGrams() {
        Receipt receipt = sellOffline(1_900, 1);
        app.sales().checkout(cashier, basket("T1", List.of(line("PM", 1_800))));

        JournalReplayer.Report report = replayer().replay(cashier);

        assertThat(report.count(Result.CONFLICT)).isEqualTo(1);
        assertThat(stockOf("PM")).isEqualTo(200);
        List<ConflictView> conflicts = app.conflicts().list(manager, false);
        assertThat(conflicts).singleElement().satisfies(c -> {
            assertThat(c.saleId()).isEqualTo(receipt.saleId());
            assertThat(c.reason()).isEqualTo("PM: 1.900 kg sold offline, 200 g left in stock");
            assertThat(c.lines()).extracting(ReceiptLine::soldBy).containsExactly(SoldBy.WEIGHED, SoldBy.COUNTED);
            // 1 900 g x 14.99/kg = 28.481 -> 28.48, and 1.20
            assertThat(c.total()).isEqualByComparingTo("29.68");
        });
    }

    @Test
    void anOldJournalFileAndAnOldSnapshotWithoutTheKindReadAsCounted() throws IOException {
        UUID saleId = UUID.randomUUID();
        Files.createDirectories(journal.dir());
        Files.writeString(journal.dir().resolve(saleId + ".json"), "{\"format\":\"sweetshop-journal/1\",\"saleId\":\"" + saleId + "\","
                + "\"till\":\"OFF1\",\"cashier\":\"cashier\",\"staffId\":" + cashier.staffId() + ",\"soldAt\":\"2026-07-14T11:05:09Z\","
                + "\"lines\":[{\"sweetId\":" + fudge.id() + ",\"sku\":\"FU\",\"name\":\"Sweet FU\",\"quantity\":2,\"unitPrice\":1.20,"
                + "\"lineTotal\":2.40}],\"payment\":\"CARD\",\"tendered\":null,\"subtotal\":2.40,\"total\":2.40,\"change\":null}");
        Path snapshot = dataDir.resolve("journal").resolve("catalogue.json");
        Files.writeString(snapshot, "{\"takenAt\":\"2026-07-14T10:00:00Z\",\"sweets\":[{\"id\":" + fudge.id()
                + ",\"sku\":\"FU\",\"name\":\"Sweet FU\",\"price\":1.20,\"active\":true}]}");

        assertThat(journal.waiting()).singleElement().satisfies(e -> assertThat(e.lines().get(0).soldBy()).isEqualTo(SoldBy.COUNTED));
        assertThat(CatalogueSnapshot.in(dataDir).load().orElseThrow().sweets().get(0).soldBy()).isEqualTo(SoldBy.COUNTED);
        Receipt more = till.sell(cashier, new CheckoutRequest(UUID.randomUUID(), "OFF1", List.of(line("FU", 1)), null, null,
                Payment.card()));
        assertThat(more.lines().get(0).soldBy()).isEqualTo(SoldBy.COUNTED);

        JournalReplayer.Report report = replayer().replay(cashier);

        assertThat(report.count(Result.MADE)).isEqualTo(2);
        assertThat(count("select count(*) from sale_line where sale_id = '" + saleId + "' and sold_by = 'COUNTED' and quantity = 2"))
                .isEqualTo(1);
        assertThat(stockOf("FU")).isEqualTo(7);
    }

    @Test
    void aJournalLineWhoseKindDisagreesWithItsSweetIsRefusedAndKept() throws IOException {
        UUID saleId = UUID.randomUUID();
        Files.createDirectories(journal.dir());
        // PM is weighed: a line saying 5 counted PM at 14.99 each is not this store's
        Files.writeString(journal.dir().resolve(saleId + ".json"), "{\"format\":\"sweetshop-journal/1\",\"saleId\":\"" + saleId + "\","
                + "\"till\":\"OFF1\",\"cashier\":\"cashier\",\"staffId\":" + cashier.staffId() + ",\"soldAt\":\"2026-07-14T11:05:09Z\","
                + "\"lines\":[{\"kind\":\"COUNTED\",\"sweetId\":" + pm.id() + ",\"sku\":\"PM\",\"name\":\"Weighed PM\",\"quantity\":5,"
                + "\"unitPrice\":14.99,\"lineTotal\":74.95}],\"payment\":\"CARD\",\"tendered\":null,\"subtotal\":74.95,\"total\":74.95,"
                + "\"change\":null}");

        JournalReplayer.Report report = replayer().replay(cashier);

        assertThat(report.sent()).isEmpty();
        assertThat(report.failed()).singleElement().satisfies(f -> assertThat(f.reason()).contains("PM is sold by weight"));
        assertThat(journal.count()).isEqualTo(1);
        assertThat(count("select count(*) from sale")).isZero();
        assertThat(stockOf("PM")).isEqualTo(2_000);
    }

    @Test
    void tooManyGramsOrPiecesOnALineAreRefusedOfflineAndNothingIsJournaled() {
        for (int[] line : new int[][] {{100_000, 1}, {100, 10_000}, {0, 1}, {-5, 1}}) {
            assertThatThrownBy(() -> sellOffline(line[0], line[1])).isInstanceOf(InvalidInputException.class);
        }
        assertThat(journal.count()).isZero();
    }
}
