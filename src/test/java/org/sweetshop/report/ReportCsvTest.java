package org.sweetshop.report;

import org.sweetshop.common.ReportExportException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.sweetshop.common.InvalidInputException;
import org.sweetshop.report.ReportCsv.Table;
import org.sweetshop.report.SalesReport.CashierSales;
import org.sweetshop.report.SalesReport.CouponDiscounts;
import org.sweetshop.report.SalesReport.DaySales;
import org.sweetshop.report.SalesReport.HourSales;
import org.sweetshop.report.SalesReport.PromoDiscounts;
import org.sweetshop.report.SalesReport.StockLine;
import org.sweetshop.report.SalesReport.StockValuation;
import org.sweetshop.report.SalesReport.Summary;
import org.sweetshop.report.SalesReport.SweetSales;
import org.sweetshop.report.SalesReport.TillSales;
import org.sweetshop.shift.ZReport;

/** Each table written as CSV and read back with Commons CSV gives the same cells; bad targets are refused. */
class ReportCsvTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @TempDir
    Path tmp;

    private static BigDecimal m(String text) {
        return new BigDecimal(text);
    }

    static SalesReport report() {
        LocalDate day = LocalDate.of(2026, 1, 10);
        List<HourSales> hours = new ArrayList<>();
        for (int h = 0; h < 24; h++) {
            hours.add(h == 9 ? new HourSales(9, 2, m("4.00"), m("3.12")) : new HourSales(h, 0, m("0.00"), m("0.00")));
        }
        return new SalesReport(day, day, PARIS, Instant.parse("2026-01-12T08:00:00Z"),
                new Summary(2, 3, m("4.00"), m("0.50"), m("0.38"), m("0.88"), m("3.12"), m("3.12"), m("0.00"), 0, m("0.00"), m("3.12")),
                hours, List.of(new DaySales(day, 2, m("4.00"), m("0.88"), m("3.12"))),
                List.of(new SweetSales("TD", "Toffee \"Deluxe\", chewy", 2, m("1.50")),
                        new SweetSales("ML", "Multi\nline; é ü", 1, m("2.50"))),
                List.of(new TillSales("T2", 2, m("4.00"), m("0.88"), m("3.12"), m("3.12"), m("0.00"))),
                List.of(new CashierSales("ann", 2, m("4.00"), m("0.88"), m("3.12"))),
                List.of(new CouponDiscounts("AMOUNT", m("0.50"), "0.50 off", 1, m("0.50"))),
                List.of(new PromoDiscounts("P10", 1, m("0.38"))),
                new StockValuation(Instant.parse("2026-01-12T08:00:00Z"),
                        List.of(new StockLine("TD", "Toffee \"Deluxe\", chewy", "Toffee, hard", true, 10, m("0.75"), m("7.50"))),
                        10, m("7.50")),
                List.of(new ZReport(7, "T2", "ann", Instant.parse("2026-01-10T07:00:00Z"), "bob", Instant.parse("2026-01-10T17:30:00Z"),
                        2, m("4.00"), m("0.50"), m("0.38"), m("3.12"), m("3.12"), m("0.00"), m("20.00"), m("23.12"), m("23.00"),
                        m("-0.12"), "T2-000001", "T2-000002", 2, 0, m("0.00"))));
    }

    private static List<List<String>> readBack(Path file) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser parser = CSVParser.parse(reader, CSVFormat.RFC4180)) {
            for (CSVRecord record : parser) {
                rows.add(record.toList());
            }
        }
        return rows;
    }

    @ParameterizedTest
    @EnumSource(Table.class)
    void everyTableReadsBackCellForCell(Table table) throws IOException {
        SalesReport report = report();
        Path file = tmp.resolve(table.id() + ".csv");

        ReportCsv.write(report, table, file);

        List<List<String>> expected = new ArrayList<>();
        expected.add(ReportCsv.header(table));
        expected.addAll(ReportCsv.rows(report, table));
        assertThat(readBack(file)).isEqualTo(expected);
        try (Stream<Path> files = Files.list(tmp)) {
            assertThat(files).containsExactly(file); // no temporary file left
        }
    }

    @Test
    void amountsHaveADotDatesAreIsoAndTimesCarryTheStoreOffset() throws IOException {
        SalesReport report = report();
        Path summary = tmp.resolve("summary.csv");
        Path shifts = tmp.resolve("shifts.csv");
        Path sweets = tmp.resolve("top.csv");

        ReportCsv.write(report, Table.SUMMARY, summary);
        ReportCsv.write(report, Table.SHIFTS, shifts);
        ReportCsv.write(report, Table.TOP_SWEETS, sweets);

        assertThat(Files.readString(summary)).isEqualTo("from,to,time_zone,sales,units,gross,coupon_discounts,promo_discounts,"
                + "discounts,net,cash,card,refunds,refunded,net_after_refunds,grams\r\n"
                + "2026-01-10,2026-01-10,Europe/Paris,2,3,4.00,0.50,0.38,0.88,3.12,3.12,0.00,0,0.00,3.12,0\r\n");
        assertThat(readBack(shifts).get(1)).containsSequence("2026-01-10T08:00:00+01:00", "bob", "2026-01-10T18:30:00+01:00")
                .contains("-0.12", "T2-000001");
        assertThat(Files.readString(sweets)).contains("1,TD,\"Toffee \"\"Deluxe\"\", chewy\",2,1.50,pcs\r\n")
                .contains("2,ML,\"Multi\nline; é ü\",1,2.50,pcs\r\n");
    }

    @Test
    void aMissingFolderIsRefusedAndNothingIsWritten() {
        Path file = tmp.resolve("no-such-folder").resolve("sales.csv");

        var refusal = catchThrowableOfType(ReportExportException.class, () -> ReportCsv.write(report(), Table.SUMMARY, file));

        assertThat(refusal.getMessage()).isEqualTo("cannot save sales.csv: the folder " + file.getParent() + " does not exist");
        assertThat(refusal.code()).isEqualTo("EXPORT_FAILED");
        assertThat(file.getParent()).doesNotExist();
    }

    @Test
    void aFolderAsTheFileAndAFileAsTheFolderAreRefused() throws IOException {
        Path folder = Files.createDirectory(tmp.resolve("exports"));
        Path plainFile = Files.writeString(tmp.resolve("notes.txt"), "keep me");

        assertThat(catchThrowableOfType(ReportExportException.class, () -> ReportCsv.write(report(), Table.SUMMARY, folder))
                .getMessage()).isEqualTo("cannot save exports: " + folder + " is a folder");
        assertThat(catchThrowableOfType(ReportExportException.class,
                () -> ReportCsv.write(report(), Table.SUMMARY, plainFile.resolve("sales.csv"))).getMessage())
                .isEqualTo("cannot save sales.csv: " + plainFile + " is not a folder");
        assertThat(Files.readString(plainFile)).isEqualTo("keep me");
        try (Stream<Path> files = Files.list(folder)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void anExistingFileIsReplacedWhole() throws IOException {
        Path file = Files.writeString(tmp.resolve("sales.csv"), "old,content\r\n".repeat(1000));

        ReportCsv.write(report(), Table.BY_TILL, file);

        assertThat(readBack(file)).hasSize(2);
    }

    @Test
    void tablesAreNamedAsOnTheCommandLine() {
        assertThat(Table.parse("top-sweets")).isEqualTo(Table.TOP_SWEETS);
        assertThat(Table.parse(" By-Hour ")).isEqualTo(Table.BY_HOUR);
        assertThat(catchThrowableOfType(InvalidInputException.class, () -> Table.parse("sweets")).getMessage())
                .isEqualTo("no report table 'sweets': one of summary, by-hour, by-day, top-sweets, by-till, by-cashier, coupons, "
                        + "promos, stock, shifts, taxes");
    }
}
