package org.sweetshop.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sweetshop.common.SoldBy;
import org.sweetshop.report.ReportCsv.Table;
import org.sweetshop.report.SalesReport.SweetSales;
import org.sweetshop.testing.DatabaseTest;
import org.sweetshop.testing.WeighedSweets;

/** Reports with weighed sweets: kilograms sold and revenue per sweet, pieces and grams never added together. */
class WeighedReportTest extends DatabaseTest {

    private SalesReport report;

    /**
     * 253 g (3.79) and 997 g (14.94503 → 14.95) of PM at 14.99/kg, 3 fudge at 1.20; 2 000 g of PM and
     * 10 fudge were in stock, 200 g of CB at 9.99/kg never sold.
     */
    @BeforeEach
    void sellWeighedAndCounted() {
        WeighedSweets.add(office, manager, "PM", "14.99", 2_000);
        WeighedSweets.add(office, manager, "CB", "9.99", 200);
        sweet("FU", "1.20", 10);
        app.sales().checkout(cashier, basket("T1", List.of(line("PM", 253), line("FU", 3))));
        app.sales().checkout(cashier, basket("T1", List.of(line("PM", 997))));
        LocalDate today = LocalDate.now(ZoneId.systemDefault());
        report = app.reports().sales(manager, today.minusDays(1), today.plusDays(1));
    }

    private static BigDecimal money(String amount) {
        return new BigDecimal(amount);
    }

    @Test
    void eachSweetIsReportedInItsOwnUnitCountedFirstAndWeighedInKilograms() {
        assertThat(report.topSweets()).containsExactly(
                new SweetSales("FU", "Sweet FU", 3, money("3.60"), SoldBy.COUNTED),
                new SweetSales("PM", "Weighed PM", 1_250, money("18.74"), SoldBy.WEIGHED));
        assertThat(report.topSweets()).extracting(SweetSales::sold).containsExactly("3", "1.250 kg");
        assertThat(report.topSweets()).extracting(SweetSales::unit).containsExactly("pcs", "g");
    }

    @Test
    void theSummaryKeepsPiecesAndGramsApart() {
        assertThat(report.summary().sales()).isEqualTo(2);
        assertThat(report.summary().units()).isEqualTo(3);
        assertThat(report.summary().grams()).isEqualTo(1_250);
        assertThat(report.summary().kilograms()).isEqualTo("1.250 kg");
        assertThat(report.summary().gross()).isEqualTo(money("22.34"));
        assertThat(report.topSweets().stream().map(SweetSales::revenue).reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualTo(report.summary().gross());
    }

    @Test
    void weighedStockIsValuedPerKilogramAndCountedInGramsApart() {
        // CB 200 g x 9.99/kg = 1.998 -> 2.00; FU 7 x 1.20 = 8.40; PM 750 g x 14.99/kg = 11.2425 -> 11.24
        assertThat(report.stock().lines()).extracting(l -> l.sku() + " " + l.stock() + " " + l.unit() + " " + l.value().toPlainString())
                .containsExactly("CB 200 g 2.00", "FU 7 pcs 8.40", "PM 750 g 11.24");
        assertThat(report.stock().units()).isEqualTo(7);
        assertThat(report.stock().grams()).isEqualTo(950);
        assertThat(report.stock().total()).isEqualTo(money("21.64"));
    }

    @Test
    void theCsvTablesNameEachQuantitysUnitInANewLastColumn() {
        assertThat(ReportCsv.header(Table.TOP_SWEETS)).containsExactly("rank", "sku", "name", "units", "revenue", "unit");
        assertThat(ReportCsv.rows(report, Table.TOP_SWEETS)).containsExactly(
                List.of("1", "FU", "Sweet FU", "3", "3.60", "pcs"),
                List.of("2", "PM", "Weighed PM", "1250", "18.74", "g"));
        assertThat(ReportCsv.rows(report, Table.STOCK)).extracting(row -> String.join(",", row)).containsExactly(
                "CB,Weighed CB,Pick and mix,true,200,9.99,2.00,g",
                "FU,Sweet FU,Test,true,7,1.20,8.40,pcs",
                "PM,Weighed PM,Pick and mix,true,750,14.99,11.24,g");
        List<String> summary = ReportCsv.rows(report, Table.SUMMARY).get(0);
        assertThat(ReportCsv.header(Table.SUMMARY).get(4)).isEqualTo("units");
        assertThat(summary.get(4)).isEqualTo("3");
        assertThat(ReportCsv.header(Table.SUMMARY)).last().isEqualTo("grams");
        assertThat(summary).last().isEqualTo("1250");
    }
}
