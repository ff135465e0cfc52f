package org.sweetshop.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sweetshop.audit.AuditCheck;
import org.sweetshop.testing.DatabaseTest;
import org.sweetshop.testing.TestDatabase;

/** The report benchmark's generated sales pass every constraint and every audit check but the one
 * pairing sale lines with stock movements (they take no stock). */
class ReportBenchmarkTest extends DatabaseTest {

    @Test
    void generatedSalesAreConsistentAndTheReportAddsThemUp() throws Exception {
        TestDatabase.get().reset(); // the benchmark makes its own owner
        List<String> progress = new ArrayList<>();

        var report = new ReportBenchmark(app, progress::add).run(new ReportBenchmark.Options(3_000, 1, 0));

        var summary = report.yearReport().summary();
        assertThat(summary.sales()).isEqualTo(3_000);
        assertThat(report.lines()).isEqualTo(6_000);
        assertThat(summary.net()).isEqualByComparingTo(report.netBySql());
        assertThat(summary.net()).isEqualByComparingTo(summary.gross().subtract(summary.discounts()));
        assertThat(report.yearReport().couponDiscounts().get(0).coupons()).isEqualTo(30);
        assertThat(report.yearReport().promoDiscounts().get(0).sales()).isEqualTo(300);
        assertThat(report.yearReport().byTill()).hasSize(4);
        assertThat(report.year().sales()).isEqualTo(3_000);
        assertThat(app.audit().run().checks()).filteredOn(check -> !check.ok()).extracting(AuditCheck::name)
                .containsExactly("sale-lines-match-movements");
    }
}
