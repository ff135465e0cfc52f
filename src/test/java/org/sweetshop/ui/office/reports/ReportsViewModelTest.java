package org.sweetshop.ui.office.reports;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sweetshop.ui.office.OfficeTest;
import org.sweetshop.ui.office.refunds.RefundsViewModel;

/** The reports tab's model: the report adds up, refunds included, and exports. */
class ReportsViewModelTest extends OfficeTest {

    private RefundsViewModel refunds;
    private ReportsViewModel reports;

    @BeforeEach
    void tabs() {
        refunds = office.refunds();
        reports = office.reports();
    }

    @Test
    void theSalesReportAddsUpTheSalesMadeAndExportsCsv(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        app.sales().checkout(cashier, basket("T1", java.util.List.of(line("SL", 2), line("FB", 1))));   // 3.25
        app.sales().checkout(cashier, basket("T2", java.util.List.of(line("SL", 1))));                  // 1.20
        reports.loadReport("", "");
        org.sweetshop.report.SalesReport report = reports.reportProperty().get();
        assertThat(report.summary().sales()).isEqualTo(2);
        assertThat(report.summary().net()).isEqualByComparingTo("4.45");
        assertThat(report.topSweets().get(0).sku()).isEqualTo("SL");
        assertThat(report.topSweets().get(0).units()).isEqualTo(3);
        assertThat(report.byTill()).extracting(t -> t.till(), t -> t.net().toPlainString())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("T1", "3.25"), org.assertj.core.groups.Tuple.tuple("T2", "1.20"));
        assertThat(status.messageProperty().get()).endsWith(": 2 sales, net 4.45.");

        // a refund made today is money paid back today: its own figure, taken off the net
        refunds.refund(app.sales().findReceipt("T2-000001").orElseThrow().receiptNo(), "", "");
        reports.loadReport("", "");
        var withRefund = reports.reportProperty().get().summary();
        assertThat(withRefund.net()).isEqualByComparingTo("4.45");
        assertThat(withRefund.refunds()).isEqualTo(1);
        assertThat(withRefund.refunded()).isEqualByComparingTo("1.20");
        assertThat(withRefund.netAfterRefunds()).isEqualByComparingTo("3.25");
        report = reports.reportProperty().get();

        reports.loadReport("2026-13-01", "");
        assertThat(status.messageProperty().get()).isEqualTo("From must be a date such as 2027-03-31, not '2026-13-01'.");
        reports.loadReport("2030-01-02", "2030-01-01");
        assertThat(status.errorProperty().get()).isTrue();
        assertThat(reports.reportProperty().get()).isSameAs(report);

        java.nio.file.Path csv = dir.resolve("top.csv");
        reports.exportReport(org.sweetshop.report.ReportCsv.Table.TOP_SWEETS, csv);
        assertThat(java.nio.file.Files.readAllLines(csv).get(1)).isEqualTo("1,SL,Sweet SL,3,3.60,pcs");
    }
}
