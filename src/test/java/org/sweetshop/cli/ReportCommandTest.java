package org.sweetshop.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sweetshop.common.Discount;
import org.sweetshop.promo.NewPromo;
import org.sweetshop.sale.CheckoutRequest;
import org.sweetshop.sale.Payment;
import org.sweetshop.sale.Receipt;
import org.sweetshop.testing.CliRunner;
import org.sweetshop.testing.DatabaseTest;

/** {@code sweetshop report sales}: its text, JSON and CSV, and its refusals, on sales placed on chosen days. */
class ReportCommandTest extends DatabaseTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    private final CliRunner cli = new CliRunner();

    /** Sales on 2026-03-10 and 11 (store time), one on the 12th outside the reports below. */
    @BeforeEach
    void threeDaysOfSales() {
        sweet("SL", "1.20", 100);
        sweet("FB", "0.85", 100);
        app.promos().add(manager, new NewPromo("SPRING", Discount.amount(new BigDecimal("0.50")), null, null, null));
        sellAt(LocalDateTime.of(2026, 3, 10, 9, 30), "T1", cashier, List.of(line("SL", 2), line("FB", 1)), null, Payment.card());
        sellAt(LocalDateTime.of(2026, 3, 10, 17, 0), "T2", manager, List.of(line("FB", 4)), "SPRING", Payment.cash(new BigDecimal("5")));
        sellAt(LocalDateTime.of(2026, 3, 11, 12, 0), "T1", cashier, List.of(line("SL", 1)), null, Payment.card());
        sellAt(LocalDateTime.of(2026, 3, 12, 0, 0), "T2", cashier, List.of(line("SL", 50)), null, Payment.card());
    }

    private void sellAt(LocalDateTime local, String till, org.sweetshop.staff.Caller who, List<org.sweetshop.sale.BasketLine> lines,
            String promo, Payment payment) {
        Receipt receipt = app.sales().checkout(who, new CheckoutRequest(UUID.randomUUID(), till, lines, null, promo, payment));
        // the app's clock is the system's, in the system's zone: move the sale to the chosen store time
        try (Connection c = app.database().dataSource().getConnection();
             PreparedStatement s = c.prepareStatement("update sale set created_at = ? where id = ?")) {
            s.setObject(1, OffsetDateTime.ofInstant(local.atZone(ZoneId.systemDefault()).toInstant(), ZoneOffset.UTC));
            s.setObject(2, receipt.saleId());
            assertThat(s.executeUpdate()).isEqualTo(1);
            c.commit();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void printsTheTotalsByTillAndTheTopSweets() {
        var result = cli.run("report", "sales", "--from", "2026-03-10", "--to", "2026-03-11", "--as", "manager");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.err()).isEmpty();
        assertThat(result.out()).isEqualTo(String.join("\n",
                "sales 2026-03-10 to 2026-03-11 (" + ZoneId.systemDefault().getId() + ")",
                "sales                         3",
                "units                         8",
                "gross                      7.85",
                "coupon discounts           0.00",
                "promo discounts           -0.50",
                "net                        7.35",
                "  cash                     2.90",
                "  card                     4.45",
                "",
                "by till              sales       gross   discounts         net",
                "T1                       2        4.45        0.00        4.45",
                "T2                       1        3.40        0.50        2.90",
                "",
                // each receipt's tax, 20% inside its price, rounded per receipt: 3.25, 2.90, 1.20 give 0.54 + 0.48 + 0.20
                "tax by rate                net         tax       gross",
                "STD 20%                   6.13        1.22        7.35",
                "",
                "top sweets                                    units     revenue",
                "FB                 Sweet FB                       5        4.25",
                "SL                 Sweet SL                       3        3.60",
                ""));
    }

    @Test
    void jsonHasTheWholeReport() throws IOException {
        var result = cli.run("report", "sales", "--from", "2026-03-10", "--to", "2026-03-10", "--as", "owner", "--json");

        assertThat(result.exitCode()).as(result.err()).isZero();
        JsonNode report = JSON.readTree(result.out());
        assertThat(report.get("from").asText()).isEqualTo("2026-03-10");
        assertThat(report.get("summary").get("sales").asLong()).isEqualTo(2);
        assertThat(report.get("summary").get("net").decimalValue()).isEqualByComparingTo("6.15");
        assertThat(report.get("summary").get("net").toString()).isEqualTo("6.15");
        assertThat(report.get("byTill").get(1).get("till").asText()).isEqualTo("T2");
        assertThat(report.get("topSweets").get(0).get("sku").asText()).isEqualTo("FB");
        assertThat(report.get("byHour")).hasSize(24);
        assertThat(report.get("byHour").get(17).get("net").decimalValue()).isEqualByComparingTo("2.90");
        assertThat(report.get("promoDiscounts").get(0).get("code").asText()).isEqualTo("SPRING");
        assertThat(report.get("stock").get("total").decimalValue()).isEqualByComparingTo("137.15"); // 47 × 1.20 + 95 × 0.85
    }

    @Test
    void csvSavesTheChosenTableAndReadsBack() throws IOException {
        Path file = tmp.resolve("by-day.csv");

        var result = cli.run("report", "sales", "--from", "2026-03-09", "--to", "2026-03-12", "--as", "manager", "--csv", file.toString(),
                "--table", "by-day");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).endsWith("saved the by-day table (4 rows) to " + file + "\n");
        List<List<String>> rows = new ArrayList<>();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser parser = CSVParser.parse(reader, CSVFormat.RFC4180)) {
            for (CSVRecord record : parser) {
                rows.add(record.toList());
            }
        }
        assertThat(rows).containsExactly(
                List.of("day", "sales", "gross", "discounts", "net"),
                List.of("2026-03-09", "0", "0.00", "0.00", "0.00"),
                List.of("2026-03-10", "2", "6.65", "0.50", "6.15"),
                List.of("2026-03-11", "1", "1.20", "0.00", "1.20"),
                List.of("2026-03-12", "1", "60.00", "0.00", "60.00"));
    }

    @Test
    void csvDefaultsToTheSummary() throws IOException {
        Path file = tmp.resolve("summary.csv");

        var result = cli.run("report", "sales", "--from", "2026-03-10", "--to", "2026-03-11", "--as", "manager", "--csv", file.toString());

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(Files.readAllLines(file)).containsExactly(
                "from,to,time_zone,sales,units,gross,coupon_discounts,promo_discounts,discounts,net,cash,card,refunds,refunded,"
                        + "net_after_refunds,grams",
                "2026-03-10,2026-03-11," + ZoneId.systemDefault().getId() + ",3,8,7.85,0.00,0.50,0.50,7.35,2.90,4.45,0,0.00,7.35,0");
    }

    @Test
    void fromAfterToIsInvalidInput() throws IOException {
        var result = cli.run("report", "sales", "--from", "2026-03-11", "--to", "2026-03-10", "--as", "manager", "--json");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).isEqualTo("the report's first day 2026-03-11 is after its last day 2026-03-10\n");
        assertThat(JSON.readTree(result.out()).get("error").asText()).isEqualTo("INVALID_INPUT");
    }

    @Test
    void moreThanFiveYearsIsInvalidInput() {
        var result = cli.run("report", "sales", "--from", "2020-01-01", "--to", "2026-03-10", "--as", "manager");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).isEqualTo("a report covers at most 5 years: 2020-01-01 to 2026-03-10 is longer\n");
    }

    @Test
    void aDateThatIsNotADateIsInvalidInput() {
        var result = cli.run("report", "sales", "--from", "2026-02-30", "--to", "2026-03-10", "--as", "manager");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err().lines().findFirst().orElseThrow()).contains("not a date (YYYY-MM-DD, e.g. 2026-12-31): '2026-02-30'");
        assertThat(result.out()).isEmpty();
    }

    @Test
    void anUnwritableCsvPathIsRefusedBeforeTheReportIsRead() {
        Path file = tmp.resolve("missing").resolve("sales.csv");

        var result = cli.env("SWEETSHOP_PASSWORD", "not-the-password")
                .run("report", "sales", "--from", "2026-03-10", "--to", "2026-03-11", "--as", "manager", "--csv", file.toString());

        // refused before the log-in (a wrong password would have said so) and nothing written
        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.err()).isEqualTo("cannot save sales.csv: the folder " + file.getParent() + " does not exist\n");
        assertThat(result.out()).isEmpty();
        assertThat(file.getParent()).doesNotExist();
    }

    @Test
    void jsonAndCsvTogetherAreAUsageError() {
        var result = cli.run("report", "sales", "--from", "2026-03-10", "--to", "2026-03-11", "--as", "manager", "--json", "--csv",
                tmp.resolve("x.csv").toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).startsWith("--json and --csv cannot be used together");
        assertThat(tmp.resolve("x.csv")).doesNotExist();
    }

    @Test
    void anUnknownTableIsInvalidInput() {
        var result = cli.run("report", "sales", "--from", "2026-03-10", "--to", "2026-03-11", "--as", "manager", "--csv",
                tmp.resolve("x.csv").toString(), "--table", "everything");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).startsWith("no report table 'everything': one of summary, by-hour");
    }

    @Test
    void aCashierIsRefused() {
        var result = cli.run("report", "sales", "--from", "2026-03-10", "--to", "2026-03-11", "--as", "cashier");

        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.err()).isEqualTo("not permitted: a cashier cannot read reports (needs a manager)\n");
        assertThat(result.out()).isEmpty();
    }
}
