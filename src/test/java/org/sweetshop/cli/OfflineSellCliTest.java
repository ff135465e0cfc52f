package org.sweetshop.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sweetshop.AppContext;
import org.sweetshop.common.DatabaseUnreachableException;
import org.sweetshop.config.AppConfig;
import org.sweetshop.testing.CliRunner;
import org.sweetshop.testing.DatabaseTest;
import org.sweetshop.testing.Sql;
import org.sweetshop.testing.TestDatabase;

/**
 * {@code sell} with offline selling on, while the store database cannot be reached (the contexts
 * refuse to open, as {@code AppContext.open} does when the server is down), and {@code journal},
 * {@code journal replay}, {@code journal conflicts}, {@code journal resolve}.
 */
class OfflineSellCliTest extends DatabaseTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private volatile boolean down;
    private final CliRunner cli = new CliRunner().contexts(new Cli.Contexts() {
        @Override
        public AppContext open(AppConfig config) {
            if (down) {
                throw new DatabaseUnreachableException("store database unreachable: connection refused", null);
            }
            return TestDatabase.get().context();
        }

        @Override
        public void release(AppContext context) {
            // shared
        }
    });

    @BeforeEach
    @AfterEach
    void noJournal() throws IOException {
        Path dir = TestDatabase.get().dataDir().resolve("journal");
        if (Files.exists(dir)) {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private long sales() {
        return Sql.queryLong(app.database().dataSource(), "select count(*) from sale");
    }

    @Test
    void offlineSellingIsOffByDefaultSoAnUnreachableDatabaseIsExitFiveAndNothingIsJournaled() {
        sweet("OF", "1.00", 10);
        assertThat(cli.run("sell", "--till", "T1", "--as", "cashier", "--item", "OF:1").exitCode()).isZero();
        down = true;

        var result = cli.run("sell", "--till", "T1", "--as", "cashier", "--item", "OF:1");

        assertThat(result.exitCode()).isEqualTo(5);
        assertThat(result.err()).contains("unreachable");
        assertThat(cli.run("journal").out()).startsWith("offline: 0 sale(s) waiting");
    }

    @Test
    void offlineTheTillSellsIntoItsJournalRefusesCouponsAndPromosAndReplaysEachSaleOnce() throws IOException {
        cli.env("SWEETSHOP_OFFLINE_SELLING", "true");
        sweet("OF", "1.25", 10);
        assertThat(cli.run("sell", "--till", "T1", "--as", "cashier", "--item", "OF:1").exitCode()).isZero();
        down = true;

        var sold = cli.run("sell", "--till", "T1", "--as", "cashier", "--item", "OF:2", "--pay", "cash:5");
        assertThat(sold.exitCode()).as(sold.err()).isZero();
        assertThat(sold.out()).contains("OFFLINE SALE").contains("OFFLINE").contains("2.50");
        assertThat(sold.err()).containsPattern("sale id [0-9a-f-]{36}\n").contains("offline: 1 sale(s) waiting");
        String saleId = sold.err().lines().filter(l -> l.startsWith("sale id ")).findFirst().orElseThrow().substring(8);
        var json = cli.run("sell", "--till", "T1", "--as", "cashier", "--item", "OF:1", "--json");
        assertThat(json.exitCode()).isZero();
        JsonNode offline = JSON.readTree(json.out());
        assertThat(offline.get("offline").asBoolean()).isTrue();
        assertThat(offline.get("waiting").asInt()).isEqualTo(2);
        assertThat(offline.get("receipt").get("receiptNo").asText()).isEqualTo("OFFLINE");

        var coupon = cli.run("sell", "--till", "T1", "--as", "cashier", "--item", "OF:1", "--coupon", "ABCD-EFGH-JKLM");
        var promo = cli.run("sell", "--till", "T1", "--as", "cashier", "--item", "OF:1", "--promo", "SUMMER", "--json");
        assertThat(coupon.exitCode()).isEqualTo(3);
        assertThat(coupon.err()).startsWith("coupons cannot be taken offline");
        assertThat(promo.exitCode()).isEqualTo(3);
        assertThat(JSON.readTree(promo.out()).get("error").asText()).isEqualTo("OFFLINE_PROMO_REFUSED");
        var wrongPassword = cli.env("SWEETSHOP_PASSWORD", "wrong").run("sell", "--till", "T1", "--as", "cashier", "--item", "OF:1");
        assertThat(wrongPassword.exitCode()).isEqualTo(3);
        cli.env("SWEETSHOP_PASSWORD", PASSWORD);
        var stranger = cli.run("sell", "--till", "T1", "--as", "manager", "--item", "OF:1");
        assertThat(stranger.exitCode()).isEqualTo(5);
        assertThat(stranger.err()).contains("has not logged in on this till while it was online");

        var listed = cli.run("journal");
        assertThat(listed.exitCode()).isZero();
        assertThat(listed.out()).startsWith("offline: 2 sale(s) waiting").contains(saleId).contains("2 x OF");
        JsonNode listedJson = JSON.readTree(cli.run("journal", "--json").out());
        assertThat(listedJson.get("waiting").asInt()).isEqualTo(2);
        assertThat(sales()).isEqualTo(1);

        var whileDown = cli.run("journal", "replay", "--as", "cashier");
        assertThat(whileDown.exitCode()).isEqualTo(5);
        assertThat(cli.run("journal").out()).startsWith("offline: 2 sale(s) waiting");

        down = false;
        var replayed = cli.run("journal", "replay", "--as", "cashier");
        assertThat(replayed.exitCode()).as(replayed.err()).isZero();
        assertThat(replayed.out()).contains("made         T1-000002  " + saleId).contains("sent 2 (2 made, 0 already made, 0 with");
        assertThat(sales()).isEqualTo(3);
        assertThat(stockOf("OF")).isEqualTo(6);
        var again = cli.run("journal", "replay", "--as", "cashier", "--json");
        assertThat(JSON.readTree(again.out()).get("made").asInt()).isZero();
        assertThat(sales()).isEqualTo(3);
        assertThat(cli.run("journal").out()).startsWith("offline: 0 sale(s) waiting");
    }

    @Test
    void aDiscrepancyIsListedForAManagerAndResolvedOnce() {
        cli.env("SWEETSHOP_OFFLINE_SELLING", "true");
        sweet("OF", "1.00", 3);
        assertThat(cli.run("sell", "--till", "T9", "--as", "cashier", "--item", "OF:1").exitCode()).isZero();
        down = true;
        var sold = cli.run("sell", "--till", "T9", "--as", "cashier", "--item", "OF:2");
        String saleId = sold.err().lines().filter(l -> l.startsWith("sale id ")).findFirst().orElseThrow().substring(8);
        down = false;
        app.sales().checkout(cashier, basket("T2", java.util.List.of(line("OF", 2))));

        var replayed = cli.run("journal", "replay", "--as", "cashier");
        assertThat(replayed.exitCode()).isZero();
        assertThat(replayed.out()).contains("DISCREPANCY  T9-000002  " + saleId + "  OF: 2 sold offline, 0 left in stock");

        var cashierList = cli.run("journal", "conflicts", "--as", "cashier");
        assertThat(cashierList.exitCode()).isEqualTo(3);
        var list = cli.run("journal", "conflicts", "--as", "manager");
        assertThat(list.out()).startsWith("1 stock discrepancy(ies) open").contains(saleId).contains("T9").contains("2 x OF");
        assertThat(cli.run("audit").out()).contains("1 stock discrepancy(ies) of offline sales wait").contains("audit passed");
        var resolve = cli.run("journal", "resolve", saleId, "--as", "manager", "--note", "counted");
        assertThat(resolve.exitCode()).as(resolve.err()).isZero();
        assertThat(resolve.out()).contains("resolved: " + saleId + " (T9-000002) by manager");
        var twice = cli.run("journal", "resolve", saleId, "--as", "manager");
        assertThat(twice.exitCode()).isEqualTo(3);
        assertThat(twice.err()).contains("already resolved");
        assertThat(cli.run("journal", "resolve", UUID.randomUUID().toString(), "--as", "manager").exitCode()).isEqualTo(3);
    }

    @Test
    void aCheckoutLostAfterItWasSentIsNeverTurnedIntoARefusalNorLosesItsSaleId() throws IOException {
        cli.env("SWEETSHOP_OFFLINE_SELLING", "true");
        sweet("OL", "1.00", 10);
        assertThat(cli.run("sell", "--till", "T1", "--as", "cashier", "--item", "OL:1").exitCode()).isZero();
        office.promos().add(manager, new org.sweetshop.promo.NewPromo("LOSTPROMO", org.sweetshop.common.Discount.percent(java.math.BigDecimal.TEN),
                null, null, null));
        String withCoupon = UUID.randomUUID().toString();
        String unjournaled = UUID.randomUUID().toString();
        // the reply of the checkout's commit is lost: the store database may have the sale
        app.database().transactor().setBeforeCommit(() -> {
            if (StackWalker.getInstance().walk(frames -> frames.anyMatch(f -> f.getClassName().equals("org.sweetshop.sale.SaleService")
                    && f.getMethodName().equals("checkout")))) {
                throw new DatabaseUnreachableException("store database unreachable: connection reset", null);
            }
        });
        CliRunner.Result coupon;
        CliRunner.Result broken;
        try {
            coupon = cli.run("sell", "--till", "T1", "--as", "cashier", "--item", "OL:1", "--promo", "LOSTPROMO",
                    "--sale-id", withCoupon);
            // the journal cannot be written (its folder is a file)
            Path sales = TestDatabase.get().dataDir().resolve("journal").resolve("sales");
            Files.createDirectories(sales.getParent());
            Files.writeString(sales, "not a folder");
            broken = cli.run("sell", "--till", "T1", "--as", "cashier", "--item", "OL:1", "--sale-id", unjournaled, "--json");
        } finally {
            app.database().transactor().setBeforeCommit(null);
        }

        assertThat(coupon.exitCode()).as(coupon.err()).isEqualTo(5);
        assertThat(coupon.err()).isEqualTo("the store database stopped answering: the sale may have been made; send it again with"
                + " --sale-id " + withCoupon + ", it is never made twice\n");
        assertThat(broken.exitCode()).as(broken.err()).isEqualTo(5);
        assertThat(JSON.readTree(broken.out()).get("saleId").asText()).isEqualTo(unjournaled);
        assertThat(broken.err()).contains("may have been made");
        assertThat(sales()).isEqualTo(1);
    }

    @Test
    void aCatalogueCopyThatCannotBeKeptNeverBlocksAnOnlineSaleAndAnUnreadableEntryIsListedNotFatal() throws IOException {
        cli.env("SWEETSHOP_OFFLINE_SELLING", "true");
        sweet("OK", "1.00", 10);
        Path journal = TestDatabase.get().dataDir().resolve("journal");
        // the copy's name is taken by a folder with something in it: it cannot be replaced
        Files.createDirectories(journal.resolve("catalogue.json").resolve("x"));

        var online = cli.run("sell", "--till", "T1", "--as", "cashier", "--item", "OK:1");
        Files.createDirectories(journal.resolve("sales"));
        Path damaged = journal.resolve("sales").resolve(UUID.randomUUID() + ".json");
        Files.writeString(damaged, "{\"format\":");
        var listed = cli.run("journal");
        var listedJson = cli.run("journal", "--json");

        assertThat(online.exitCode()).as(online.err()).isZero();
        assertThat(sales()).isEqualTo(1);
        assertThat(listed.exitCode()).as(listed.err()).isZero();
        assertThat(listed.out()).startsWith("offline: 1 sale(s) waiting, 1 of them unreadable (kept, not sent)")
                .contains("UNREADABLE   " + damaged.getFileName());
        assertThat(JSON.readTree(listedJson.out()).get("unreadable").get(0).get("file").asText()).isEqualTo(damaged.getFileName().toString());
        assertThat(damaged).exists();
    }
}
