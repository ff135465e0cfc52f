package org.sweetshop.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sweetshop.testing.BadInputCase;
import org.sweetshop.testing.CliRunner;

/** sweet import / edit / deactivate, delivery import and audit-log on the command line. */
class ImportCommandsTest extends BadInputCase {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String HEADER = "sku,name,category,price,stock,reorder_level\n";

    @TempDir
    Path tmp;

    private final CliRunner cli = new CliRunner();

    private String file(String name, String content) throws IOException {
        Path path = tmp.resolve(name);
        Files.writeString(path, content, StandardCharsets.UTF_8);
        return path.toString();
    }

    @Test
    void aGoodCatalogueImportsAndADryRunImportsNothing() throws IOException {
        String csv = file("good.csv", HEADER + "SL,Sherbet Lemons,Boiled,1.20,40,5\nTF,Toffee,Chewy,2.00,10,0\n");

        String before = snapshot();
        var dry = cli.run("sweet", "import", csv, "--dry-run");
        assertThat(snapshot()).isEqualTo(before);
        var imported = cli.run("sweet", "import", csv, "--as", "manager");

        assertThat(dry.exitCode()).as(dry.err()).isZero();
        assertThat(dry.out()).isEqualTo("2 rows checked, all valid: nothing imported (dry run)\n");
        assertThat(imported.exitCode()).as(imported.err()).isZero();
        assertThat(imported.out()).isEqualTo("imported 2 sweets\n");
        assertThat(stockOf("SL")).isEqualTo(40);
    }

    @Test
    void aFileWithOneBadRowPrintsTheReportExitsTwoAndImportsNothing() throws IOException {
        String csv = file("bad.csv", HEADER + "SL,Sherbet Lemons,Boiled,1.20,40,5\nTF,Toffee,Chewy,2.001,10,0\nCM,Cola Mice,Fizzy,0.50,1,0\n");

        String before = snapshot();
        var result = cli.run("sweet", "import", csv, "--as", "manager");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.out()).isEqualTo("row 3, price: price has more than two decimals: 2.001\n");
        assertThat(result.err()).isEqualTo("nothing imported: 1 of 3 rows have errors\n");
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void theReportAsJsonListsRowColumnAndReason() throws IOException {
        String csv = file("bad.csv", HEADER + "SL,,Boiled,1.20,40,5\nSL,Again,Chewy,2.00,10,0\n");

        var result = cli.run("sweet", "import", csv, "--as", "manager", "--json");

        assertThat(result.exitCode()).isEqualTo(2);
        JsonNode report = JSON.readTree(result.out());
        assertThat(report.get("ok").asBoolean()).isFalse();
        assertThat(report.get("exitCode").asInt()).isEqualTo(2);
        assertThat(report.get("rows").asInt()).isEqualTo(2);
        assertThat(report.get("errors").toString()).isEqualTo("[{\"row\":2,\"column\":\"name\",\"reason\":\"name is missing\"},"
                + "{\"row\":3,\"column\":\"sku\",\"reason\":\"SKU SL is already on row 2 of this file\"}]");
    }

    @Test
    void filesThatAreNotACatalogueAreRefusedInOneLine() throws IOException {
        byte[] garbage = new byte[8192];
        new Random(7).nextBytes(garbage);
        Path binary = tmp.resolve("garbage.csv");
        Files.write(binary, garbage);

        cliRefused(2, "not UTF-8", "sweet", "import", binary.toString(), "--as", "manager");
        cliRefused(2, "separated by semicolons", "sweet", "import", file("semi.csv", "sku;name;category;price;stock;reorder_level\n"),
                "--as", "manager");
        cliRefused(2, "the first line must be the header", "sweet", "import", file("wrong.csv", "a,b\n1,2\n"), "--as", "manager", "--json");
        cliRefused(2, "no file", "sweet", "import", tmp.resolve("missing.csv").toString(), "--as", "manager");
        cliRefused(2, "--as USER is needed", "sweet", "import", file("ok.csv", HEADER + "A,A,A,1.00,1,1\n"));
        cliRefused(3, "not permitted", "sweet", "import", file("ok2.csv", HEADER + "A,A,A,1.00,1,1\n"), "--as", "cashier");
        StringBuilder big = new StringBuilder(HEADER);
        while (big.length() <= 5 * 1024 * 1024) {
            big.append("X").append(big.length()).append(",").append("N".repeat(1000)).append(",Test,1.00,1,0\n");
        }
        cliRefused(2, "larger than 5 MB", "sweet", "import", file("big.csv", big.toString()), "--as", "manager");
    }

    @Test
    void editChangesTheSweetAndTheAuditLogShowsIt() throws IOException {
        sweet("SL", "1.20", 10);

        var edit = cli.run("sweet", "edit", "SL", "--price", "1.35", "--name", "Sherbet Lemons", "--as", "manager");
        var log = cli.run("audit-log", "--as", "owner", "--action", "price-change");
        var json = cli.run("audit-log", "--as", "owner", "--subject", "SL", "--json");

        assertThat(edit.exitCode()).as(edit.err()).isZero();
        assertThat(edit.out()).isEqualTo("edited SL Sherbet Lemons (Test) at 1.35, reorder level 0\n");
        assertThat(log.exitCode()).as(log.err()).isZero();
        assertThat(log.out().lines().toList()).hasSize(2);
        assertThat(log.out().lines().skip(1).findFirst().orElseThrow())
                .matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d manager +price-change +SL +1\\.20 -> 1\\.35(  \\(till .+\\))?");
        JsonNode entries = JSON.readTree(json.out());
        assertThat(entries).hasSize(3);
        assertThat(entries.get(0).get("action").asText()).isEqualTo("NAME_CHANGE");
        assertThat(entries.get(0).get("oldValue").asText()).isEqualTo("Sweet SL");
        assertThat(entries.get(1).get("newValue").asText()).isEqualTo("1.35");
    }

    @Test
    void badEditsAndTheLogForACashierAreRefused() {
        sweet("SL", "1.20", 10);

        cliRefused(2, "nothing to change", "sweet", "edit", "SL", "--as", "manager");
        cliRefused(2, "more than two decimals", "sweet", "edit", "SL", "--price", "1.205", "--as", "manager");
        cliRefused(3, "not permitted", "sweet", "edit", "SL", "--price", "0.01", "--as", "cashier");
        cliRefused(3, "unknown sweet", "sweet", "edit", "NOPE", "--price", "0.01", "--as", "manager");
        cliRefused(3, "not permitted", "audit-log", "--as", "cashier");
        cliRefused(2, "action must be one of", "audit-log", "--as", "manager", "--action", "delete-everything");
    }

    @Test
    void deactivateTakesASweetOffSale() {
        sweet("SL", "1.20", 10);

        var result = cli.run("sweet", "deactivate", "SL", "--as", "manager");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).isEqualTo("SL Sweet SL is off sale\n");
        assertThat(app.catalog().find("SL").active()).isFalse();
    }

    @Test
    void aDeliveryFileRestocksEveryLineOrNothing() throws IOException {
        sweet("SL", "1.20", 3);
        sweet("TF", "2.00", 0);

        String before = snapshot();
        var bad = cli.run("delivery", "import", file("bad.csv", "sku,qty\nSL,12\nTF,0\n"), "--as", "manager");
        assertThat(snapshot()).isEqualTo(before);
        var good = cli.run("delivery", "import", file("good.csv", "sku,qty\nSL,12\nTF,5\n"), "--as", "manager", "--reason", "note 7");

        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.out()).isEqualTo("row 3, qty: qty must be between 1 and 100000, not 0\n");
        assertThat(bad.err()).isEqualTo("nothing restocked: 1 of 2 rows have errors\n");
        assertThat(good.exitCode()).as(good.err()).isZero();
        assertThat(good.out()).isEqualTo("restocked SL Sweet SL: +12, now 15 in stock\nrestocked TF Sweet TF: +5, now 5 in stock\n"
                + "delivery of 2 lines, 17 units\n");
        cliRefused(3, "not permitted", "delivery", "import", file("again.csv", "sku,qty\nSL,1\n"), "--as", "cashier");
    }
}
