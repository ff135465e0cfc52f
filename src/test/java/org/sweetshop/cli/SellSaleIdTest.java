package org.sweetshop.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.sweetshop.AppContext;
import org.sweetshop.config.AppConfig;
import org.sweetshop.db.Database;
import org.sweetshop.testing.CliRunner;
import org.sweetshop.testing.DatabaseTest;
import org.sweetshop.testing.Sql;
import org.sweetshop.testing.TcpProxy;
import org.sweetshop.testing.TestDatabase;

/** {@code sell} names the sale id it sent, so a script can re-send it with {@code --sale-id} and never sell twice. */
class SellSaleIdTest extends DatabaseTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final CliRunner cli = new CliRunner();

    private long sales() {
        return Sql.queryLong(app.database().dataSource(), "select count(*) from sale");
    }

    @Test
    void aSaleWithoutSaleIdPrintsTheIdItMadeOnStderrAndResendingItSellsNothingMore() {
        sweet("SL", "1.20", 10);

        var first = cli.run("sell", "--till", "T1", "--as", "cashier", "--item", "SL:2");

        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(first.err()).matches("sale id [0-9a-f-]{36}\n");
        UUID saleId = UUID.fromString(first.err().strip().substring("sale id ".length()));
        assertThat(app.sales().findReceipt(saleId)).isPresent();

        var again = cli.run("sell", "--till", "T1", "--as", "cashier", "--item", "SL:2", "--sale-id", saleId.toString());

        assertThat(again.exitCode()).isZero();
        assertThat(again.err()).isEqualTo("sale id " + saleId + "\n");
        assertThat(again.out()).contains("(shown again)");
        assertThat(sales()).isEqualTo(1);
        assertThat(stockOf("SL")).isEqualTo(8);
    }

    @Test
    void aRefusalNamesTheSaleIdOnItsSecondLineAndInJson() throws IOException {
        sweet("SL", "1.20", 1);
        String saleId = UUID.randomUUID().toString();

        var plain = cli.run("sell", "--till", "T1", "--as", "cashier", "--item", "SL:2", "--sale-id", saleId);
        var json = cli.run("sell", "--till", "T1", "--as", "cashier", "--item", "SL:2", "--sale-id", saleId, "--json");

        assertThat(plain.exitCode()).isEqualTo(3);
        assertThat(plain.err()).isEqualTo("out of stock: only 1 of Sweet SL (SL) left, 2 asked for\nsale id " + saleId + "\n");
        assertThat(json.exitCode()).isEqualTo(3);
        JsonNode error = JSON.readTree(json.out());
        assertThat(error.get("saleId").asText()).isEqualTo(saleId);
        assertThat(error.get("exitCode").asInt()).isEqualTo(3);
        assertThat(json.err()).isEqualTo("out of stock: only 1 of Sweet SL (SL) left, 2 asked for\n");
        assertThat(sales()).isZero();
    }

    @Test
    void busyNamesTheSaleIdSoTheSameSaleCanBeSentAgain() throws Exception {
        sweet("SL", "1.00", 10);

        CliRunner.Result busy;
        try (Connection other = app.database().dataSource().getConnection(); Statement s = other.createStatement()) {
            s.executeQuery("select id from sweet where sku = 'SL' for update").close();
            busy = cli.run("sell", "--till", "T1", "--as", "cashier", "--item", "SL:1", "--json");
            other.rollback();
        }

        assertThat(busy.exitCode()).isEqualTo(4);
        JsonNode error = JSON.readTree(busy.out());
        String saleId = error.get("saleId").asText();
        var again = cli.run("sell", "--till", "T1", "--as", "cashier", "--item", "SL:1", "--sale-id", saleId, "--json");
        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(JSON.readTree(again.out()).get("saleId").asText()).isEqualTo(saleId);
        assertThat(sales()).isEqualTo(1);
        assertThat(stockOf("SL")).isEqualTo(9);
    }

    @Test
    void aConnectionLostDuringCheckoutSaysTheSaleMayHaveBeenMadeAndHowToSendItAgain() throws Exception {
        sweet("SL", "1.20", 10);
        String saleId = UUID.randomUUID().toString();
        String[] sell = {"sell", "--till", "T1", "--as", "cashier", "--item", "SL:3", "--sale-id", saleId};

        var plain = sellWithTheConnectionCutBeforeCommit(sell);
        var json = sellWithTheConnectionCutBeforeCommit(concat(sell, "--json"));
        var resent = cli.run(sell);

        String expected = "the store database stopped answering: the sale may have been made; send it again with --sale-id "
                + saleId + ", it is never made twice";
        assertThat(plain.exitCode()).isEqualTo(5);
        assertThat(plain.err()).isEqualTo(expected + "\n");
        assertThat(plain.out()).isEmpty();
        assertThat(json.exitCode()).isEqualTo(5);
        JsonNode error = JSON.readTree(json.out());
        assertThat(error.get("saleId").asText()).isEqualTo(saleId);
        assertThat(error.get("message").asText()).isEqualTo(expected);
        assertThat(resent.exitCode()).as(resent.err()).isZero();
        assertThat(JSON.readTree(cli.run(concat(sell, "--json")).out()).get("replayed").asBoolean()).isTrue();
        assertThat(sales()).isEqualTo(1);
        assertThat(stockOf("SL")).isEqualTo(7);
    }

    /** Runs a command whose transaction loses its connection with every row written and locked, right before the commit. */
    private CliRunner.Result sellWithTheConnectionCutBeforeCommit(String... args) throws IOException {
        return sellWithAFaultBeforeCommit(TcpProxy::cut, args);
    }

    /** Runs a command whose checkout meets this fault of the network with every row written and locked, right before the commit. */
    private CliRunner.Result sellWithAFaultBeforeCommit(java.util.function.Consumer<TcpProxy> fault, String... args) throws IOException {
        Database.Settings direct = TestDatabase.get().settings();
        try (TcpProxy proxy = TcpProxy.inFrontOf(direct.jdbcUrl());
             Database throughProxy = Database.open(new Database.Settings(proxy.jdbcUrl(direct.jdbcUrl()), direct.user(), direct.password(),
                     2, 3000, 1500), AppContext.entities())) {
            AppContext viaProxy = new AppContext(TestDatabase.config(TestDatabase.get().dataDir()), null, throughProxy,
                    TestDatabase.FAST_HASHER, Clock.systemDefaultZone());
            // the log-in's transaction commits; the checkout's loses its connection
            throughProxy.transactor().setBeforeCommit(() -> {
                if (insideCheckout()) {
                    fault.accept(proxy);
                }
            });
            return new CliRunner().contexts(new Cli.Contexts() {
                @Override
                public AppContext open(AppConfig config) {
                    return viaProxy;
                }

                @Override
                public void release(AppContext context) {
                    // closed with the proxy
                }
            }).run(args);
        }
    }

    @Test
    void aNetworkThatStallsDuringCheckoutEndsUnreachableWithinTheSocketTimeoutAndTheSaleCanBeSentAgain() throws Exception {
        sweet("SL", "1.20", 10);
        String saleId = UUID.randomUUID().toString();
        String[] sell = {"sell", "--till", "T1", "--as", "cashier", "--item", "SL:1", "--sale-id", saleId};

        long start = System.nanoTime();
        // the commit is sent into the stall; no reply comes, and no error either
        var stalled = sellWithAFaultBeforeCommit(TcpProxy::stall, sell);
        long seconds = java.util.concurrent.TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start);
        var resent = cli.run(sell);

        assertThat(stalled.exitCode()).as(stalled.err()).isEqualTo(5);
        assertThat(stalled.err()).isEqualTo("the store database stopped answering: the sale may have been made; send it again with"
                + " --sale-id " + saleId + ", it is never made twice\n");
        // pgjdbc's socket timeout (30 s with this lock timeout), not a hang
        assertThat(seconds).isBetween(29L, 60L);
        assertThat(resent.exitCode()).as(resent.err()).isZero();
        assertThat(sales()).isEqualTo(1);
        assertThat(stockOf("SL")).isEqualTo(9);
    }

    @Test
    void aDatabaseUnreachableBeforeTheSaleIsSentSaysOnlyUnreachable() {
        var result = cli.realContexts().env("SWEETSHOP_CONNECT_TIMEOUT_MS", "500")
                .run("--db", "jdbc:postgresql://127.0.0.1:1/sweetshop", "sell", "--till", "T1", "--as", "cashier", "--item", "SL:1",
                        "--sale-id", UUID.randomUUID().toString(), "--json");

        assertThat(result.exitCode()).isEqualTo(5);
        assertThat(result.err()).startsWith("store database unreachable");
        assertThat(result.err().lines()).hasSize(1);
        assertThat(result.out()).doesNotContain("saleId");
    }

    private static boolean insideCheckout() {
        return StackWalker.getInstance().walk(frames -> frames.anyMatch(
                f -> f.getClassName().equals("org.sweetshop.sale.SaleService") && f.getMethodName().equals("checkout")));
    }

    private static String[] concat(String[] first, String... more) {
        String[] all = java.util.Arrays.copyOf(first, first.length + more.length);
        System.arraycopy(more, 0, all, first.length, more.length);
        return all;
    }
}
