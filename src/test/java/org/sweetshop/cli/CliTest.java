package org.sweetshop.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sweetshop.scan.QrDecoder;
import org.sweetshop.testing.CliRunner;
import org.sweetshop.testing.DatabaseTest;
import org.sweetshop.testing.Snapshot;
import org.sweetshop.testing.TestDatabase;

/** The command line's forms, outputs and exit codes, on the real database. */
class CliTest extends DatabaseTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    private final CliRunner cli = new CliRunner();

    private static JsonNode json(String text) throws IOException {
        return JSON.readTree(text);
    }

    @Test
    void theFirstStaffAddNeedsNoAsAndLaterOnesReadTheNewPasswordFromStdin() {
        TestDatabase.get().reset();

        var first = cli.env("SWEETSHOP_PASSWORD", "owner-password-1").run("staff", "add", "--username", "Olive", "--role", "owner");
        var withoutAs = cli.run("staff", "add", "--username", "Carl", "--role", "cashier");
        var second = cli.stdin("carl-password-1\n").run("staff", "add", "--username", "Carl", "--role", "cashier", "--as", "olive");

        assertThat(first.exitCode()).isZero();
        assertThat(first.out()).isEqualTo("added owner Olive\n");
        assertThat(withoutAs.exitCode()).isEqualTo(3);
        assertThat(withoutAs.err()).contains("--as");
        assertThat(second.exitCode()).as(second.err()).isZero();
        assertThat(app.staff().login("carl", "carl-password-1").username()).isEqualTo("Carl");
    }

    @Test
    void sweetAddThenListAsJson() throws IOException {
        var added = cli.run("sweet", "add", "--sku", "SL-100", "--name", "Sherbet Lemons", "--price", "1.20", "--stock", "40",
                "--category", "Boiled", "--as", "manager");
        var list = cli.run("sweet", "list", "--json");

        assertThat(added.exitCode()).isZero();
        assertThat(added.out()).isEqualTo("added SL-100 Sherbet Lemons at 1.20, 40 in stock\n");
        JsonNode sweets = json(list.out());
        assertThat(sweets).hasSize(1);
        assertThat(sweets.get(0).get("sku").asText()).isEqualTo("SL-100");
        assertThat(sweets.get(0).get("price").decimalValue()).isEqualByComparingTo("1.20");
        assertThat(sweets.get(0).get("stock").asInt()).isEqualTo(40);
    }

    @Test
    void restockPrintsTheNewStock() {
        sweet("SL", "1.00", 3);

        var result = cli.run("restock", "--sku", "SL", "--qty", "12", "--as", "manager");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).isEqualTo("restocked SL Sweet SL: +12, now 15 in stock\n");
    }

    @Test
    void sellPrintsTheReceiptAsJsonAndTheSameSaleIdGivesTheSameReceipt() throws IOException {
        sweet("SL", "1.20", 10);
        sweet("FB", "0.85", 10);
        String saleId = UUID.randomUUID().toString();
        String[] args = {"sell", "--till", "T3", "--as", "cashier", "--item", "SL:2", "--item", "FB:1", "--pay", "cash:5",
                "--sale-id", saleId, "--json"};

        var first = cli.run(args);
        var again = cli.run(args);

        assertThat(first.exitCode()).as(first.err()).isZero();
        JsonNode receipt = json(first.out());
        assertThat(receipt.get("receiptNo").asText()).isEqualTo("T3-000001");
        assertThat(receipt.get("saleId").asText()).isEqualTo(saleId);
        assertThat(receipt.get("total").decimalValue()).isEqualByComparingTo("3.25");
        assertThat(receipt.get("change").decimalValue()).isEqualByComparingTo("1.75");
        assertThat(receipt.get("replayed").asBoolean()).isFalse();
        assertThat(again.exitCode()).isZero();
        assertThat(json(again.out()).get("receiptNo").asText()).isEqualTo("T3-000001");
        assertThat(json(again.out()).get("replayed").asBoolean()).isTrue();
        assertThat(stockOf("SL")).isEqualTo(8);
    }

    @Test
    void sellPrintsTheReceiptTheTillPrintsFortyColumnsWide() {
        sweet("SL", "1.20", 10);
        String saleId = UUID.randomUUID().toString();
        String[] args = {"sell", "--till", "T3", "--as", "cashier", "--item", "SL:2", "--pay", "cash:5", "--sale-id", saleId};

        var first = cli.run(args);
        var again = cli.run(args);

        assertThat(first.exitCode()).as(first.err()).isZero();
        var receipt = app.sales().findReceipt(UUID.fromString(saleId)).orElseThrow();
        // the command line's configuration: the built-in store name and currency
        String expected = String.join("\n", org.sweetshop.print.ReceiptText.render(receipt, "Sweetshop", "GBP",
                java.time.ZoneId.systemDefault(), false)) + "\n";
        assertThat(first.out()).isEqualTo(expected);
        assertThat(first.out().lines()).allMatch(line -> line.codePointCount(0, line.length()) <= 40);
        assertThat(first.out()).contains("T3-000001").contains("Change");
        assertThat(again.out()).contains("(shown again)").contains("T3-000001");
    }

    @Test
    void aRefusalExitsThreeWithOneLineOnStderrAndJsonOnStdout() throws IOException {
        sweet("SL", "1.20", 1);
        String before = Snapshot.of(app.database().dataSource());

        var result = cli.run("sell", "--till", "T1", "--as", "cashier", "--item", "SL:2", "--json");

        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.err()).isEqualTo("out of stock: only 1 of Sweet SL (SL) left, 2 asked for\n");
        JsonNode error = json(result.out());
        assertThat(error.get("error").asText()).isEqualTo("OUT_OF_STOCK");
        assertThat(error.get("exitCode").asInt()).isEqualTo(3);
        assertThat(error.get("details").get("left").asInt()).isEqualTo(1);
        assertThat(Snapshot.of(app.database().dataSource())).isEqualTo(before);
    }

    @Test
    void couponIssueWritesOneTokenALineAndAQrCodeForEach() throws IOException {
        Path out = tmp.resolve("batch");

        var result = cli.run("coupon", "issue", "--count", "3", "--percent", "10", "--expires", "2099-12-31", "--out", out.toString(),
                "--as", "manager");

        assertThat(result.exitCode()).as(result.err()).isZero();
        List<String> tokens = Files.readAllLines(out.resolve("coupons.csv"));
        assertThat(tokens).hasSize(3).allMatch(t -> t.matches("SWC-[0-9A-Z]{32}"));
        for (String token : tokens) {
            assertThat(new QrDecoder().decode(ImageIO.read(out.resolve(token + ".png").toFile()))).contains(token);
            JsonNode shown = json(cli.run("coupon", "show", token, "--json").out());
            assertThat(shown.get("state").asText()).isEqualTo("valid");
            assertThat(shown.get("discount").get("value").decimalValue()).isEqualByComparingTo("10");
            assertThat(shown.get("expiresOn").asText()).isEqualTo("2099-12-31");
        }
    }

    @Test
    void aSecondBatchIntoTheSameFolderIsRefusedBeforeAnyCouponIsIssued() {
        Path out = tmp.resolve("batch");
        assertThat(cli.run("coupon", "issue", "--count", "1", "--amount", "1", "--out", out.toString(), "--as", "manager").exitCode()).isZero();
        String before = Snapshot.of(app.database().dataSource());

        var again = cli.run("coupon", "issue", "--count", "1", "--amount", "1", "--out", out.toString(), "--as", "manager");

        assertThat(again.exitCode()).isEqualTo(2);
        assertThat(again.err()).contains("already holds coupons.csv");
        assertThat(Snapshot.of(app.database().dataSource())).isEqualTo(before);
    }

    @Test
    void promoAddThenShowCountsUses() throws IOException {
        sweet("SL", "2.00", 10);

        var added = cli.run("promo", "add", "--code", "spring", "--amount", "0.50", "--max-uses", "2", "--valid-until", "2099-01-01",
                "--as", "manager");
        cli.run("sell", "--till", "T1", "--as", "cashier", "--item", "SL:1", "--promo", "SPRING");
        JsonNode shown = json(cli.run("promo", "show", "spring", "--json").out());

        assertThat(added.exitCode()).isZero();
        assertThat(added.out()).isEqualTo("promo SPRING: 0.50 off, up to 2 uses, valid until 2099-01-01\n");
        assertThat(shown.get("uses").asInt()).isEqualTo(1);
        assertThat(shown.get("remaining").asInt()).isEqualTo(1);
    }

    @Test
    void auditPassesAndFailsWithTheBrokenCheckNamed() throws Exception {
        sweet("SL", "1.00", 10);
        cli.run("sell", "--till", "T1", "--as", "cashier", "--item", "SL:1");

        var passed = cli.run("audit", "--json");
        try (Connection c = app.database().dataSource().getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("update sweet set stock = stock + 1 where sku = 'SL'");
            c.commit();
        }
        var failed = cli.run("audit");

        assertThat(passed.exitCode()).isZero();
        assertThat(json(passed.out()).get("ok").asBoolean()).isTrue();
        assertThat(json(passed.out()).get("checks")).hasSize(20);
        assertThat(failed.exitCode()).isEqualTo(3);
        assertThat(failed.out()).contains("FAIL stock-equals-movements").contains("audit FAILED");
        assertThat(failed.err()).contains("stock-equals-movements");
    }

    @Test
    void theDemoFillsAnEmptyStoreAndItsPrintedPasswordsWork() {
        TestDatabase.get().reset();

        var demo = cli.run("demo");

        assertThat(demo.exitCode()).as(demo.err()).isZero();
        String cashierPassword = demo.out().lines().filter(l -> l.startsWith("  cashier")).findFirst().orElseThrow().substring(11).strip();
        assertThat(app.staff().login("cashier", cashierPassword).username()).isEqualTo("cashier");
        assertThat(app.catalog().list()).hasSize(org.sweetshop.DemoStore.SWEETS.size());
        assertThat(app.promos().list()).hasSize(2);
        assertThat(app.audit().run().ok()).isTrue();
    }

    @Test
    void theDemoRefusesAStoreThatAlreadyHasStaff() {
        String before = Snapshot.of(app.database().dataSource());

        var demo = cli.run("demo");

        assertThat(demo.exitCode()).isEqualTo(3);
        assertThat(demo.err()).contains("the demo needs an empty store");
        assertThat(Snapshot.of(app.database().dataSource())).isEqualTo(before);
    }

    @Test
    void aWrongPasswordIsRefusedWithExitThree() {
        sweet("SL", "1.00", 10);

        var result = cli.env("SWEETSHOP_PASSWORD", "not-the-password").run("restock", "--sku", "SL", "--qty", "1", "--as", "manager");

        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.err()).isEqualTo("wrong username or password\n");
        assertThat(stockOf("SL")).isEqualTo(10);
    }

    @Test
    void aRowHeldByAnotherTillPastTheLockTimeoutIsBusyWithExitFour() throws Exception {
        sweet("SL", "1.00", 10);
        String before = Snapshot.of(app.database().dataSource());

        CliRunner.Result result;
        try (Connection other = app.database().dataSource().getConnection(); Statement s = other.createStatement()) {
            s.executeQuery("select id from sweet where sku = 'SL' for update").close();
            result = cli.run("sell", "--till", "T1", "--as", "cashier", "--item", "SL:1");
            other.rollback();
        }

        assertThat(result.exitCode()).isEqualTo(4);
        // the second line names the sale id, which a script re-sends with --sale-id (SellSaleIdTest)
        assertThat(result.err().lines().findFirst()).hasValue("busy: another till is selling SL, try again");
        assertThat(result.err().lines().skip(1)).singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING).startsWith("sale id ");
        assertThat(Snapshot.of(app.database().dataSource())).isEqualTo(before);
    }

    @Test
    void anUnreachableDatabaseExitsFive() {
        var result = cli.realContexts().env("SWEETSHOP_CONNECT_TIMEOUT_MS", "500")
                .run("--db", "jdbc:postgresql://127.0.0.1:1/sweetshop", "sweet", "list");

        assertThat(result.exitCode()).isEqualTo(5);
        assertThat(result.err()).startsWith("store database unreachable");
        assertThat(result.err().lines()).hasSize(1);
    }

    @Test
    void everyCommandHasHelp() {
        var sell = cli.run("sell", "--help");
        var issue = cli.run("coupon", "issue", "--help");
        var bench = cli.run("bench", "checkout", "--help");

        assertThat(sell.exitCode()).isZero();
        assertThat(sell.out()).contains("Usage: sweetshop sell").contains("--till").contains("--sale-id");
        assertThat(issue.exitCode()).isZero();
        assertThat(issue.out()).contains("Usage: sweetshop coupon issue").contains("--expires");
        assertThat(bench.exitCode()).isZero();
        assertThat(bench.out()).contains("--tills").contains("--warmup");
    }

    @Test
    void usageErrorsExitTwo() {
        assertThat(cli.run("frobnicate").exitCode()).isEqualTo(2);
        assertThat(cli.run("sell", "--till", "T1").exitCode()).isEqualTo(2);
        assertThat(cli.run("staff").exitCode()).isEqualTo(2);
        assertThat(cli.run("coupon", "issue", "--count", "1", "--percent", "5", "--amount", "1", "--out", "x", "--as", "m").exitCode()).isEqualTo(2);
    }
}
