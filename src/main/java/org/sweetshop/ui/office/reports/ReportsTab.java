package org.sweetshop.ui.office.reports;

import static org.sweetshop.ui.office.shared.OfficeControls.column;

import java.time.LocalDate;
import java.util.List;
import javafx.collections.FXCollections;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.util.StringConverter;
import org.sweetshop.common.Money;
import org.sweetshop.common.TaxLine;
import org.sweetshop.report.ReportCsv;
import org.sweetshop.report.SalesReport;
import org.sweetshop.shift.ZReport;
import org.sweetshop.ui.common.Controls;
import org.sweetshop.ui.office.shared.OfficeControls;
import org.sweetshop.ui.office.shared.OfficeFiles;
import org.sweetshop.ui.office.shared.OfficeStatus;
import org.sweetshop.ui.office.shared.OfficeTab;

/**
 * The reports tab: a range of days (the last seven at first), the report's summary, net sales by
 * hour and by day, and its tables (top sweets, tills, cashiers, coupons, promos, Z reports); any
 * table saved as CSV.
 */
public final class ReportsTab {

    private final Label summary = new Label("Choose the days and make the report.");
    private final BarChart<String, Number> byHour = chart("chart-by-hour", "Net sales by hour");
    private final BarChart<String, Number> byDay = chart("chart-by-day", "Net sales by day");
    private final TableView<SalesReport.SweetSales> top = OfficeControls.table("top-sweets-table", null, null);
    private final TableView<SalesReport.TillSales> tills = OfficeControls.table("by-till-table", null, null);
    private final TableView<SalesReport.CashierSales> cashiers = OfficeControls.table("by-cashier-table", null, null);
    private final TableView<SalesReport.CouponDiscounts> coupons = OfficeControls.table("coupon-discounts-table", null, null);
    private final TableView<SalesReport.PromoDiscounts> promos = OfficeControls.table("promo-discounts-table", null, null);
    private final TableView<ZReport> shifts = OfficeControls.table("shifts-table", null, null);
    /** The receipts' tax per rate, then what refunds reversed (their rows named "refunded …"). */
    private final TableView<TaxLine> taxes = OfficeControls.table("taxes-table", null, null);

    private ReportsTab() {
        summary.setId("report-summary");
        summary.getStyleClass().add("report-summary");
        summary.setWrapText(true);
        summary.setMinHeight(Region.USE_PREF_SIZE);
        top.getColumns().add(column("Top sweets", SalesReport.SweetSales::name, 200));
        top.getColumns().add(column("Units", SalesReport.SweetSales::sold, 80));
        top.getColumns().add(column("Revenue", t -> Money.format(t.revenue()), 80));
        tills.getColumns().add(column("Till", SalesReport.TillSales::till, 60));
        tills.getColumns().add(column("Sales", t -> Long.toString(t.sales()), 60));
        tills.getColumns().add(column("Net", t -> Money.format(t.net()), 80));
        tills.getColumns().add(column("Cash", t -> Money.format(t.cash()), 80));
        cashiers.getColumns().add(column("Cashier", SalesReport.CashierSales::username, 100));
        cashiers.getColumns().add(column("Sales", t -> Long.toString(t.sales()), 60));
        cashiers.getColumns().add(column("Net", t -> Money.format(t.net()), 80));
        coupons.getColumns().add(column("Coupon value", SalesReport.CouponDiscounts::describe, 100));
        coupons.getColumns().add(column("Used", c -> Long.toString(c.coupons()), 50));
        coupons.getColumns().add(column("Discount", c -> Money.format(c.discount()), 75));
        promos.getColumns().add(column("Promo", SalesReport.PromoDiscounts::code, 100));
        promos.getColumns().add(column("Sales", p -> Long.toString(p.sales()), 50));
        promos.getColumns().add(column("Discount", p -> Money.format(p.discount()), 75));
        shifts.getColumns().add(column("Z report", z -> z.till() + " #" + z.shiftId(), 80));
        shifts.getColumns().add(column("Closed", z -> OfficeControls.when(z.closedAt()), 130));
        shifts.getColumns().add(column("Sales", z -> Integer.toString(z.sales()), 50));
        shifts.getColumns().add(column("Net", z -> Money.format(z.net()), 70));
        shifts.getColumns().add(column("Cash ±", z -> Money.format(z.difference()), 65));
        taxes.getColumns().add(column("Tax rate", t -> t.code() + " " + t.percent(), 110));
        taxes.getColumns().add(column("Net", t -> Money.format(t.net()), 70));
        taxes.getColumns().add(column("Tax", t -> Money.format(t.tax()), 70));
        taxes.getColumns().add(column("Gross", t -> Money.format(t.gross()), 70));
        for (TableView<?> t : List.of(top, tills, cashiers, coupons, promos, shifts, taxes)) {
            t.setPrefHeight(170);
            t.setPlaceholder(new Label("None in these days."));
            HBox.setHgrow(t, Priority.ALWAYS);
        }
    }

    public static OfficeTab of(ReportsViewModel model, OfficeStatus status) {
        ReportsTab tab = new ReportsTab();
        model.reportProperty().addListener((obs, old, report) -> {
            if (report != null) {
                tab.show(report);
            }
        });
        VBox box = OfficeControls.padded(new VBox(10, tab.controls(model, status), tab.summary, new HBox(12, tab.byHour, tab.byDay),
                new HBox(12, tab.top, tab.tills, tab.cashiers), new HBox(12, tab.coupons, tab.promos, tab.shifts, tab.taxes)));
        return new OfficeTab(OfficeControls.tab("Reports", "tab-reports", box), null);
    }

    private FlowPane controls(ReportsViewModel model, OfficeStatus status) {
        TextField from = Controls.field("report-from", "From YYYY-MM-DD");
        TextField to = Controls.field("report-to", "To YYYY-MM-DD");
        from.setPrefColumnCount(9);
        to.setPrefColumnCount(9);
        // the last seven days by default
        from.setText(LocalDate.now().minusDays(6).toString());
        to.setText(LocalDate.now().toString());
        Button make = Controls.button("Make report", "make-report", e -> model.loadReport(from.getText(), to.getText()));
        make.getStyleClass().add("accent");
        make.disableProperty().bind(status.busyProperty());
        ComboBox<ReportCsv.Table> table = new ComboBox<>(FXCollections.observableArrayList(ReportCsv.Table.values()));
        table.setId("report-table");
        table.setValue(ReportCsv.Table.SUMMARY);
        table.setConverter(new StringConverter<>() {
            @Override
            public String toString(ReportCsv.Table t) {
                return t == null ? "" : t.id();
            }

            @Override
            public ReportCsv.Table fromString(String text) {
                return ReportCsv.Table.parse(text);
            }
        });
        Button export = Controls.button("Export CSV…", "export-report", e -> export(model, table.getValue()));
        export.disableProperty().bind(model.reportProperty().isNull());
        return new FlowPane(8, 8, from, to, make, new Label("  CSV:"), table, export);
    }

    private void export(ReportsViewModel model, ReportCsv.Table table) {
        SalesReport report = model.reportProperty().get();
        if (report != null) {
            OfficeFiles.save(summary, "Export the report as CSV", "sales-" + table.id() + "-" + report.from() + "-" + report.to() + ".csv",
                    file -> model.exportReport(table, file), new FileChooser.ExtensionFilter("CSV", "*.csv"));
        }
    }

    private void show(SalesReport report) {
        var sum = report.summary();
        summary.setText(sum.sales() + (sum.sales() == 1 ? " sale" : " sales") + " · gross " + Money.format(sum.gross()) + " · discounts "
                + Money.format(sum.discounts()) + " (coupons " + Money.format(sum.couponDiscounts()) + ", promos "
                + Money.format(sum.promoDiscounts()) + ")" + " · net " + Money.format(sum.net()) + " · cash " + Money.format(sum.cash())
                + " · card " + Money.format(sum.card())
                + (sum.refunds() == 0 ? "" : " · " + sum.refunds() + " refund(s) " + Money.format(sum.refunded()) + ", net after refunds "
                + Money.format(sum.netAfterRefunds()))
                + (sum.grams() == 0 ? "" : " · " + sum.units() + " pieces and " + sum.kilograms() + " sold")
                + " · stock value " + Money.format(report.stock().total()));
        XYChart.Series<String, Number> hourSeries = new XYChart.Series<>();
        report.byHour().stream().filter(h -> h.hour() >= 7 && h.hour() <= 21 || h.sales() > 0)
                .forEach(h -> hourSeries.getData().add(new XYChart.Data<>(String.format("%02d", h.hour()), h.net())));
        byHour.getData().setAll(List.of(hourSeries));
        XYChart.Series<String, Number> daySeries = new XYChart.Series<>();
        boolean oneYear = report.from().getYear() == report.to().getYear();
        report.byDay().forEach(d -> daySeries.getData().add(new XYChart.Data<>(oneYear ? d.day().toString().substring(5)
                : d.day().toString(), d.net())));
        byDay.getData().setAll(List.of(daySeries));
        // the ten first of the counted sweets (by pieces) and of the weighed ones (by grams)
        top.getItems().setAll(report.topSweets().stream().filter(w -> !w.soldBy().weighed()).limit(10).toList());
        top.getItems().addAll(report.topSweets().stream().filter(w -> w.soldBy().weighed()).limit(10).toList());
        tills.getItems().setAll(report.byTill());
        cashiers.getItems().setAll(report.byCashier());
        coupons.getItems().setAll(report.couponDiscounts());
        promos.getItems().setAll(report.promoDiscounts());
        shifts.getItems().setAll(report.shifts());
        taxes.getItems().setAll(report.taxes());
        report.refundTaxes().forEach(t -> taxes.getItems().add(new TaxLine("refunded " + t.code(), t.name(), t.rate(),
                t.net().negate(), t.tax().negate(), t.gross().negate())));
    }

    private static BarChart<String, Number> chart(String id, String title) {
        BarChart<String, Number> chart = new BarChart<>(new CategoryAxis(), new NumberAxis());
        chart.setId(id);
        chart.setTitle(title);
        chart.setLegendVisible(false);
        chart.setAnimated(false);
        chart.setPrefHeight(220);
        HBox.setHgrow(chart, Priority.ALWAYS);
        return chart;
    }
}
