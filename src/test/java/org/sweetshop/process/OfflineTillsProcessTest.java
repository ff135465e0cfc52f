package org.sweetshop.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.sweetshop.sale.ConflictView;
import org.sweetshop.testing.DatabaseTest;
import org.sweetshop.testing.JavaProcess;
import org.sweetshop.testing.Poll;
import org.sweetshop.testing.Sql;
import org.sweetshop.testing.TcpProxy;
import org.sweetshop.testing.TestDatabase;

/**
 * Issue 9's done-when for selling offline, with tills as processes ({@code sweetshop sell} and
 * {@code sweetshop journal replay} JVMs, each till its own data directory): the store database
 * stops (the tills reach it through a proxy that is closed: connections refused, as from a server
 * that is down), two tills sell offline at once, one is SIGKILLed in the middle of journaling a
 * sale, a coupon is refused offline; the database comes back and both journals are replayed (one
 * of them by two processes at once): exactly the sales the tills printed receipts for are in the
 * store database, each once, the killed one nowhere, and the two that no longer apply (stock taken
 * meanwhile, a sweet taken off sale) are listed for a manager while the audit passes.
 */
class OfflineTillsProcessTest extends DatabaseTest {

    private static final Duration RUN = Duration.ofSeconds(120);

    private record Sold(String till, UUID saleId, String item) {
    }

    @Test
    void twoTillsSellOfflineOneKilledMidSaleAndTheReplayMakesExactlyTheSalesMade() throws Exception {
        sweet("P1", "1.00", 20);
        sweet("P2", "0.50", 3);
        sweet("P3", "2.00", 10);
        Path tillA = Files.createTempDirectory("sweetshop-offline-A");
        Path tillB = Files.createTempDirectory("sweetshop-offline-B");
        String url = TestDatabase.get().settings().jdbcUrl();
        List<UUID> onlineIds = List.of(UUID.randomUUID(), UUID.randomUUID());
        List<Sold> tillASales = List.of(new Sold("TA", UUID.randomUUID(), "P1:2"), new Sold("TA", UUID.randomUUID(), "P2:2"),
                new Sold("TA", UUID.randomUUID(), "P3:1"));
        List<Sold> tillBSales = List.of(new Sold("TB", UUID.randomUUID(), "P1:3"), new Sold("TB", UUID.randomUUID(), "P2:2"));
        List<Sold> printed = new ArrayList<>();
        UUID killedSale = UUID.randomUUID();
        try (TcpProxy store = TcpProxy.inFrontOf(url)) {
            Map<String, String> env = JavaProcess.env(TestDatabase.get().env(), "SWEETSHOP_DB_URL", store.jdbcUrl(url),
                    "SWEETSHOP_PASSWORD", PASSWORD, "SWEETSHOP_OFFLINE_SELLING", "true", "SWEETSHOP_CONNECT_TIMEOUT_MS", "2000");

            // 1. online, each till sells once: it keeps the catalogue and the cashier's log-in
            List<JavaProcess> online = List.of(sell("A0", tillA, env, "TA", onlineIds.get(0), "P1:1"),
                    sell("B0", tillB, env, "TB", onlineIds.get(1), "P1:1"));
            for (JavaProcess p : online) {
                assertThat(p.awaitExit(RUN)).as(p.stderr()).isZero();
                assertThat(p.stdout()).doesNotContain("OFFLINE");
            }

            // 2. the store database stops
            store.cut();

            // 3. both tills sell offline at the same time, one sale after another each
            for (int i = 0; i < 3; i++) {
                List<JavaProcess> round = new ArrayList<>();
                List<Sold> sales = new ArrayList<>();
                if (i < tillASales.size()) {
                    sales.add(tillASales.get(i));
                    round.add(sell("A" + (i + 1), tillA, env, "TA", tillASales.get(i).saleId(), tillASales.get(i).item()));
                }
                if (i < tillBSales.size()) {
                    sales.add(tillBSales.get(i));
                    round.add(sell("B" + (i + 1), tillB, env, "TB", tillBSales.get(i).saleId(), tillBSales.get(i).item()));
                }
                for (int k = 0; k < round.size(); k++) {
                    JavaProcess p = round.get(k);
                    assertThat(p.awaitExit(RUN)).as(p.stderr()).isZero();
                    assertThat(p.stdout()).contains("*** OFFLINE SALE").contains("OFFLINE");
                    assertThat(p.stderr()).contains("sale id " + sales.get(k).saleId());
                    printed.add(sales.get(k));
                }
            }
            JavaProcess coupon = sell("A-coupon", tillA, env, "TA", UUID.randomUUID(), "P1:1", "--coupon", "ABCD-EFGH-JKLM");
            assertThat(coupon.awaitExit(RUN)).isEqualTo(3);
            assertThat(coupon.stderr()).contains("coupons cannot be taken offline");

            // 4. till B is killed (SIGKILL) in the middle of its next sale: written and fsync'd, not yet renamed
            Path hold = Files.createTempDirectory("sweetshop-hold").resolve("holding");
            JavaProcess victim = JavaProcess.start("B-killed", "org.sweetshop.Launcher", List.of("--data-dir", tillB.toString(),
                    "sell", "--till", "TB", "--as", "cashier", "--item", "P1:1", "--sale-id", killedSale.toString()),
                    JavaProcess.env(env, "JAVA_TOOL_OPTIONS", "-Dsweetshop.test.journalHold=" + hold));
            Poll.until(RUN, () -> Files.exists(hold), () -> "the victim never reached the journal's rename: " + victim.stderr());
            assertThat(victim.kill()).isEqualTo(137);
            assertThat(victim.stdout()).doesNotContain("OFFLINE SALE");
            try (Stream<Path> files = Files.list(tillB.resolve("journal").resolve("sales"))) {
                assertThat(files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".tmp")).toList())
                        .as("the torn write is a hidden temporary file").singleElement().satisfies(n -> assertThat(n)
                                .startsWith("." + killedSale + ".json.").endsWith(".tmp"));
            }
            JavaProcess listB = journal("B-list", tillB, env);
            assertThat(listB.awaitExit(RUN)).isZero();
            assertThat(listB.stdout()).startsWith("offline: 2 sale(s) waiting").doesNotContain(killedSale.toString());

            // 5. meanwhile the back office takes P3 off sale (directly on the database)
            office.catalog().deactivate(manager, "P3");

            // 6. the database is back: both journals replayed, till A's by two processes at once
            store.restore();
            List<JavaProcess> replays = List.of(replay("A-replay-1", tillA, env), replay("A-replay-2", tillA, env),
                    replay("B-replay", tillB, env));
            for (JavaProcess p : replays) {
                assertThat(p.awaitExit(RUN)).as(p.stdout() + p.stderr()).isZero();
            }
            JavaProcess listA = journal("A-list", tillA, env);
            assertThat(listA.awaitExit(RUN)).isZero();
            assertThat(listA.stdout()).startsWith("offline: 0 sale(s) waiting");
        }

        // exactly the sales printed, each once; the killed one nowhere
        var dataSource = app.database().dataSource();
        Set<UUID> expected = new java.util.HashSet<>(onlineIds);
        printed.forEach(sold -> expected.add(sold.saleId()));
        Set<UUID> inDatabase = new java.util.HashSet<>();
        try (var c = dataSource.getConnection(); var st = c.createStatement(); var rs = st.executeQuery("select id from sale")) {
            while (rs.next()) {
                inDatabase.add(rs.getObject(1, UUID.class));
            }
        }
        assertThat(printed).hasSize(5);
        assertThat(inDatabase).as("2 online + 5 offline, none lost, none twice, the killed one nowhere")
                .isEqualTo(expected).doesNotContain(killedSale);
        assertThat(Sql.queryLong(dataSource, "select count(*) from sale")).isEqualTo(7);
        assertThat(Sql.queryLong(dataSource, "select last_number from till_counter where till = 'TA'")).isEqualTo(4);
        assertThat(Sql.queryLong(dataSource, "select last_number from till_counter where till = 'TB'")).isEqualTo(3);
        assertThat(stockOf("P1")).isEqualTo(20 - 1 - 1 - 2 - 3);
        assertThat(stockOf("P2")).as("the first P2:2 replayed took the stock; the other is a discrepancy").isEqualTo(1);
        assertThat(stockOf("P3")).as("taken off sale: its offline sale moved no stock").isEqualTo(10);

        List<ConflictView> conflicts = app.conflicts().list(manager, false);
        assertThat(conflicts).hasSize(2);
        assertThat(conflicts).filteredOn(c -> c.reason().startsWith("P3")).singleElement().satisfies(c -> {
            assertThat(c.till()).isEqualTo("TA");
            assertThat(c.reason()).isEqualTo("P3 was taken off sale (1 sold offline)");
            assertThat(c.saleId()).isEqualTo(tillASales.get(2).saleId());
            assertThat(c.lines()).extracting(l -> l.quantity() + " x " + l.sku()).containsExactly("1 x P3");
        });
        // tills A and B replayed at once: whichever P2:2 came second found 1 left
        assertThat(conflicts).filteredOn(c -> c.reason().startsWith("P2")).singleElement().satisfies(c -> {
            assertThat(c.reason()).isEqualTo("P2: 2 sold offline, 1 left in stock");
            assertThat(c.saleId()).isIn(tillASales.get(1).saleId(), tillBSales.get(1).saleId());
        });
        var audit = app.audit().run();
        assertThat(audit.checks()).allSatisfy(check -> assertThat(check.ok()).as(check.name() + " " + check.examples()).isTrue());
        assertThat(audit.openDiscrepancies()).isEqualTo(2);
    }

    private static JavaProcess sell(String name, Path dataDir, Map<String, String> env, String till, UUID saleId, String item,
                                    String... more) {
        List<String> args = new ArrayList<>(List.of("--data-dir", dataDir.toString(), "sell", "--till", till, "--as", "cashier",
                "--item", item, "--sale-id", saleId.toString()));
        args.addAll(List.of(more));
        return JavaProcess.start("offline-" + name, "org.sweetshop.Launcher", args, env);
    }

    private static JavaProcess journal(String name, Path dataDir, Map<String, String> env) {
        return JavaProcess.start("offline-" + name, "org.sweetshop.Launcher", List.of("--data-dir", dataDir.toString(), "journal"), env);
    }

    private static JavaProcess replay(String name, Path dataDir, Map<String, String> env) {
        return JavaProcess.start("offline-" + name, "org.sweetshop.Launcher",
                List.of("--data-dir", dataDir.toString(), "journal", "replay", "--as", "cashier"), env);
    }
}
