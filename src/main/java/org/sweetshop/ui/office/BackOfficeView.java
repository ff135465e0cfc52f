package org.sweetshop.ui.office;

import org.sweetshop.ui.common.Controls;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.sweetshop.catalog.SweetView;
import org.sweetshop.common.Money;
import org.sweetshop.coupon.CouponListing;
import org.sweetshop.coupon.CouponState;
import org.sweetshop.coupon.IssuedCoupon;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import org.sweetshop.promo.PromoView;
import org.sweetshop.report.ReportCsv;
import org.sweetshop.report.SalesReport;
import org.sweetshop.staff.AuditEntry;
import org.sweetshop.refund.RefundView;
import org.sweetshop.staff.Role;
import org.sweetshop.staff.StaffView;
import org.sweetshop.stock.MovementView;

/**
 * The back office: tabs for the catalogue and its stock, low stock, coupons, promo codes and
 * staff. Each tab is a table with the actions beside it; every refusal shows in the message line.
 */
public final class BackOfficeView {

    public static final String STYLESHEET = BackOfficeView.class.getResource("office.css").toExternalForm();
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("MM-dd HH:mm");

    private final OfficeViewModel model;
    private final BorderPane root = new BorderPane();
    private final TabPane tabs = new TabPane();

    /** What leaves the back office or needs a window: the till supplies them. */
    public interface Actions {
        void backToTill();

        /** Asks for a CSV file, then has it checked: a catalogue ({@code delivery} false) or a delivery. */
        void chooseCsv(boolean delivery);

        /** Asks where, then saves a table of the report shown as CSV. */
        void exportReport(org.sweetshop.report.ReportCsv.Table table);

        /** Asks where, then saves the issued coupons as a printable sheet and PNGs. */
        void saveCouponSheet();
    }

    public BackOfficeView(OfficeViewModel model, Actions actions) {
        this.model = model;
        root.getStyleClass().add("office");
        root.getStylesheets().add(STYLESHEET);

        Label title = new Label("Back office");
        title.getStyleClass().add("office-title");
        Label who = new Label(model.manager().username() + " (" + model.manager().role().label() + ")");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button back = Controls.button("Back to the till", "back-to-till", e -> actions.backToTill());
        back.getStyleClass().add("accent");
        HBox top = new HBox(12, title, who, spacer, back);
        top.setAlignment(Pos.CENTER_LEFT);
        top.getStyleClass().add("office-top");
        root.setTop(top);

        tabs.getTabs().addAll(
                tab("Catalogue", "tab-catalogue", catalogue()),
                tab("Low stock", "tab-low", lowStock()),
                tab("Imports", "tab-imports", imports(actions)),
                tab("Refunds", "tab-refunds", refunds()),
                tab("Coupons", "tab-coupons", coupons(actions)),
                tab("Promo codes", "tab-promos", promos()),
                tab("Staff", "tab-staff", staff()),
                tab("Reports", "tab-reports", reports(actions)),
                tab("Audit log", "tab-audit-log", auditLog()));
        tabs.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (now == null) {
                return;
            }
            model.notice("");   // a message belongs to the tab it came from
            switch (now.getId()) {
                case "tab-audit-log" -> model.loadAuditLog();
                // the tills sell meanwhile: stock, low stock, promo uses and staff are read again
                case "tab-catalogue", "tab-low", "tab-promos", "tab-staff" -> model.reload();
                default -> {
                }
            }
        });
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        root.setCenter(tabs);

        Label message = new Label();
        message.setId("office-message");
        message.setWrapText(true);
        message.textProperty().bind(model.messageProperty());
        model.errorProperty().addListener((obs, was, now) -> tone(message, now));
        tone(message, model.errorProperty().get());
        message.getStyleClass().add("office-message");
        root.setBottom(message);
        BorderPane.setMargin(message, new Insets(6, 16, 10, 16));
    }

    public Parent root() {
        return root;
    }

    private static void tone(Label message, boolean error) {
        message.getStyleClass().removeAll("msg-ok", "msg-error");
        message.getStyleClass().add(error ? "msg-error" : "msg-ok");
    }

    // ---- catalogue and stock ---------------------------------------------------------------

    private Node catalogue() {
        TextField search = Controls.field("office-search", "Search name or SKU");
        search.textProperty().bindBidirectional(model.searchProperty());
        ComboBox<String> category = new ComboBox<>(model.categories());
        category.setId("office-category");
        category.valueProperty().bindBidirectional(model.categoryProperty());
        HBox filters = new HBox(8, search, category);
        HBox.setHgrow(search, Priority.ALWAYS);

        TableView<SweetView> table = new TableView<>(model.sweets());

        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        table.setId("sweets-table");
        table.getColumns().add(column("SKU", SweetView::sku, 80));
        table.getColumns().add(column("Name", SweetView::name, 200));
        table.getColumns().add(column("Category", SweetView::category, 95));
        table.getColumns().add(column("Price", s -> Money.format(s.price()), 60));
        table.getColumns().add(column("Stock", s -> Integer.toString(s.stock()), 60));
        table.getColumns().add(column("Reorder", s -> Integer.toString(s.reorderLevel()), 75));
        table.getColumns().add(column("On sale", s -> s.active() ? "yes" : "no", 70));
        table.setPlaceholder(new Label("No sweets yet: add the first one below."));
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> model.selectedProperty().set(now));
        VBox.setVgrow(table, Priority.ALWAYS);

        TextField sku = Controls.field("new-sku", "SKU / barcode");
        TextField name = Controls.field("new-name", "Name");
        TextField cat = Controls.field("new-category", "Category");
        TextField price = Controls.field("new-price", "Price");
        TextField stock = Controls.field("new-stock", "Opening stock");
        TextField reorder = Controls.field("new-reorder", "Reorder level");
        Button add = Controls.button("Add sweet", "add-sweet",
                e -> model.addSweet(sku.getText(), name.getText(), cat.getText(), price.getText(), stock.getText(), reorder.getText()));
        add.disableProperty().bind(model.busyProperty());
        FlowPane addRow = new FlowPane(8, 8, sku, name, cat, price, stock, reorder, add);

        VBox left = new VBox(10, filters, table, section("Add a sweet"), addRow);
        HBox.setHgrow(left, Priority.ALWAYS);

        Label chosen = new Label();
        chosen.setId("selected-sweet");
        chosen.getStyleClass().add("panel-title");
        chosen.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> model.selectedProperty().get() == null
                ? "Choose a sweet" : model.selectedProperty().get().name() + " — " + model.selectedProperty().get().stock() + " in stock",
                model.selectedProperty()));
        chosen.setWrapText(true);
        TextField quantity = Controls.field("restock-qty", "Quantity");
        quantity.setPrefColumnCount(5);
        TextField note = Controls.field("restock-note", "Supplier note");
        note.setPrefColumnCount(12);
        Button restock = Controls.button("Restock", "restock", e -> {
            model.restock(quantity.getText(), note.getText());
            quantity.clear();
            note.clear();
        });
        TextField counted = Controls.field("counted", "Counted");
        counted.setPrefColumnCount(5);
        Button stocktake = Controls.button("Record count", "stocktake", e -> {
            model.stocktake(counted.getText());
            counted.clear();
        });
        TextField newPrice = Controls.field("new-price-value", "New price");
        newPrice.setPrefColumnCount(5);
        Button changePrice = Controls.button("Change price", "change-price", e -> {
            model.changePrice(newPrice.getText());
            newPrice.clear();
        });
        TextField editSku = Controls.field("edit-sku", "New SKU");
        TextField editName = Controls.field("edit-name", "Name");
        TextField editCategory = Controls.field("edit-category", "Category");
        TextField editReorder = Controls.field("edit-reorder", "Reorder");
        editSku.setPrefColumnCount(6);
        editName.setPrefColumnCount(10);
        editCategory.setPrefColumnCount(7);
        editReorder.setPrefColumnCount(4);
        Button save = Controls.button("Save", "edit-sweet", e -> {
            model.edit(editSku.getText(), editName.getText(), editCategory.getText(), editReorder.getText());
            for (TextField f : new TextField[] {editSku, editName, editCategory, editReorder}) {
                f.clear();
            }
        });
        Button deactivate = Controls.button("Take off sale", "deactivate-sweet", e -> model.deactivate());
        deactivate.getStyleClass().add("danger");
        for (Node n : new Node[] {restock, stocktake, changePrice, deactivate, save}) {
            ((Button) n).disableProperty().bind(model.selectedProperty().isNull().or(model.busyProperty()));
        }

        TableView<MovementView> history = new TableView<>(model.movements());

        history.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        history.setId("movements-table");
        history.getColumns().add(column("When", m -> SHORT.format(m.at().atZone(ZoneId.systemDefault())), 95));
        history.getColumns().add(column("What", m -> m.kind().name().toLowerCase(java.util.Locale.ROOT), 85));
        history.getColumns().add(column("±", m -> (m.quantity() > 0 ? "+" : "") + m.quantity(), 50));
        history.getColumns().add(column("Left", m -> Integer.toString(m.stockAfter()), 50));
        history.getColumns().add(column("Who", MovementView::staff, 70));
        history.getColumns().add(column("Till", m -> m.till() == null ? "" : m.till(), 45));
        history.getColumns().add(column("Note", m -> m.reason() == null ? "" : m.reason(), 140));
        history.setPlaceholder(new Label("Choose a sweet to see its history."));
        VBox.setVgrow(history, Priority.ALWAYS);

        VBox right = new VBox(10, chosen,
                section("Restock"), new HBox(8, quantity, note, restock),
                section("Stocktake"), new HBox(8, counted, stocktake),
                section("Price"), new HBox(8, newPrice, changePrice),
                section("Details (empty fields stay as they are)"), new FlowPane(6, 6, editSku, editName, editCategory, editReorder, save),
                deactivate, section("Stock history"), history);
        right.setPrefWidth(540);
        right.setMinWidth(500);
        right.getStyleClass().add("office-side");

        HBox body = new HBox(16, left, right);
        body.setPadding(new Insets(12));
        return body;
    }

    private Node lowStock() {
        TableView<SweetView> table = new TableView<>(model.lowStock());
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        table.setId("low-stock-table");
        table.getColumns().add(column("SKU", SweetView::sku, 100));
        table.getColumns().add(column("Name", SweetView::name, 260));
        table.getColumns().add(column("Stock", s -> Integer.toString(s.stock()), 80));
        table.getColumns().add(column("Reorder at", s -> Integer.toString(s.reorderLevel()), 100));
        table.setPlaceholder(new Label("Nothing is at or below its reorder level."));
        VBox box = new VBox(10, section("At or below the reorder level"), table);
        VBox.setVgrow(table, Priority.ALWAYS);
        box.setPadding(new Insets(12));
        return box;
    }

    // ---- imports ---------------------------------------------------------------------------

    private Node imports(Actions actions) {
        Button catalogue = Controls.button("Check a catalogue CSV…", "check-catalogue-csv", e -> actions.chooseCsv(false));
        Button delivery = Controls.button("Check a delivery CSV…", "check-delivery-csv", e -> actions.chooseCsv(true));
        Button apply = Controls.button("Import", "apply-import", e -> model.applyImport());
        apply.getStyleClass().add("accent");
        apply.disableProperty().bind(model.importReadyProperty().not().or(model.busyProperty()));
        Label format = new Label("Catalogue: sku,name,category,price,stock,reorder_level (new sweets only). Delivery: sku,qty."
                + " A file is checked whole first; it is imported only when every row is right, all in one go.");
        format.getStyleClass().add("hint");
        format.setWrapText(true);
        javafx.scene.control.ListView<String> errors = new javafx.scene.control.ListView<>(model.importErrors());
        errors.setId("import-errors");
        errors.setPlaceholder(new Label("Problems found in a file are listed here, row by row."));
        VBox.setVgrow(errors, Priority.ALWAYS);
        VBox box = new VBox(10, section("Import from CSV"), format, new HBox(8, catalogue, delivery, apply), errors);
        box.setPadding(new Insets(12));
        return box;
    }

    // ---- refunds ---------------------------------------------------------------------------

    private Node refunds() {
        TextField receipt = Controls.field("refund-receipt", "Receipt number, e.g. T1-000042");
        receipt.setPrefColumnCount(14);
        TextField items = Controls.field("refund-items", "Items SKU:QTY (empty: the whole receipt)");
        items.setPrefColumnCount(24);
        TextField reason = Controls.field("refund-reason", "Reason");
        Button refund = Controls.button("Refund", "refund", e -> model.refund(receipt.getText(), items.getText(), reason.getText()));
        refund.getStyleClass().add("danger");
        refund.disableProperty().bind(model.busyProperty());
        Button show = Controls.button("Show refunds", "show-refunds", e -> model.showRefunds(receipt.getText()));
        TableView<RefundView> table = new TableView<>(model.refunds());
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        table.setId("refunds-table");
        table.getColumns().add(column("When", r -> WHEN.format(r.createdAt().atZone(ZoneId.systemDefault())), 140));
        table.getColumns().add(column("Receipt", RefundView::receiptNo, 110));
        table.getColumns().add(column("What", r -> r.whole() ? "whole receipt" : r.items().stream()
                .map(i -> i.quantity() + " x " + i.sku()).collect(java.util.stream.Collectors.joining(", ")), 260));
        table.getColumns().add(column("Amount", r -> Money.format(r.amount()), 80));
        table.getColumns().add(column("By", RefundView::manager, 90));
        table.setPlaceholder(new Label("Refunds of the receipt show here."));
        VBox.setVgrow(table, Priority.ALWAYS);
        Label rule = new Label("A receipt is refunded whole once, or item by item up to what was sold. Coupons are not given back.");
        rule.getStyleClass().add("hint");
        rule.setWrapText(true);
        VBox box = new VBox(10, section("Refund a receipt"), new FlowPane(8, 8, receipt, items, reason, refund, show), rule, table);
        box.setPadding(new Insets(12));
        return box;
    }

    // ---- coupons ---------------------------------------------------------------------------

    private Node coupons(Actions actions) {
        TextField count = Controls.field("coupon-count", "How many");
        ToggleGroup kind = new ToggleGroup();
        ToggleButton percent = toggle("% off", "coupon-percent", kind);
        ToggleButton amount = toggle("amount off", "coupon-amount", kind);
        percent.setSelected(true);
        TextField value = Controls.field("coupon-value", "Value, e.g. 10");
        TextField expiry = Controls.field("coupon-expiry", "Valid until (YYYY-MM-DD, empty: none)");
        Button issue = Controls.button("Issue batch", "issue-coupons",
                e -> model.issueCoupons(count.getText(), percent.isSelected(), value.getText(), expiry.getText()));
        issue.getStyleClass().add("accent");
        issue.disableProperty().bind(model.busyProperty().or(model.unsavedBatchProperty()));
        ProgressBar progress = new ProgressBar();
        progress.setId("coupon-progress");
        progress.setPrefWidth(320);
        progress.progressProperty().bind(model.progressProperty());

        TableView<IssuedCoupon> table = new TableView<>(model.issued());

        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        table.setId("issued-table");
        table.getColumns().add(column("Token (in the QR code)", IssuedCoupon::token, 340));
        table.getColumns().add(column("Value", c -> c.discount().describe(), 100));
        table.getColumns().add(column("Valid until", c -> c.expiresOn() == null ? "no expiry" : c.expiresOn().toString(), 110));
        table.setPlaceholder(new Label("Issue a batch: the new coupons are listed here to print."));
        VBox.setVgrow(table, Priority.ALWAYS);
        Button sheet = Controls.button("Save printable sheet (PDF) and PNGs…", "save-sheet", e -> actions.saveCouponSheet());
        sheet.disableProperty().bind(javafx.beans.binding.Bindings.isEmpty(model.issued()).or(model.busyProperty()));

        ComboBox<String> state = new ComboBox<>(javafx.collections.FXCollections.observableArrayList("all", "issued", "redeemed",
                "expired", "void"));
        state.setId("coupon-state");
        state.setValue("all");
        Button list = Controls.button("List coupons", "list-coupons", e -> model.listCoupons(
                "all".equals(state.getValue()) ? null : CouponState.valueOf(state.getValue().toUpperCase(java.util.Locale.ROOT))));
        TableView<CouponListing> listed = new TableView<>(model.couponList());
        listed.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        listed.setId("coupon-list");
        listed.getColumns().add(column("Code", c -> "…" + c.hint(), 80));
        listed.getColumns().add(column("Value", c -> c.discount().describe(), 100));
        listed.getColumns().add(column("State", c -> c.state().name().toLowerCase(java.util.Locale.ROOT), 80));
        listed.getColumns().add(column("Valid until", c -> c.expiresOn() == null ? "no expiry" : c.expiresOn().toString(), 100));
        listed.getColumns().add(column("Issued", c -> WHEN.format(c.issuedAt().atZone(ZoneId.systemDefault())), 130));
        listed.getColumns().add(column("Redeemed", c -> c.redeemedAt() == null ? ""
                : WHEN.format(c.redeemedAt().atZone(ZoneId.systemDefault())) + " at " + c.redeemedTill(), 190));
        listed.setPlaceholder(new Label("List the coupons by state."));
        VBox.setVgrow(listed, Priority.ALWAYS);

        VBox issuing = new VBox(10, section("Issue a batch"), new FlowPane(8, 8, count, percent, amount, value, expiry, issue), progress,
                table, sheet);
        TextField voidToken = Controls.field("void-token", "Scan or type a coupon to void");
        voidToken.setPrefColumnCount(22);
        Button voidIt = Controls.button("Void", "void-coupon", e -> {
            model.voidCoupon(voidToken.getText());
            voidToken.clear();
        });
        voidIt.getStyleClass().add("danger");
        voidIt.disableProperty().bind(model.busyProperty().or(voidToken.textProperty().isEmpty()));
        VBox listing = new VBox(10, section("Coupons by state"), new HBox(8, state, list), listed, section("Void a coupon"),
                new HBox(8, voidToken, voidIt));
        HBox.setHgrow(issuing, Priority.ALWAYS);
        HBox.setHgrow(listing, Priority.ALWAYS);
        HBox box = new HBox(16, issuing, listing);
        box.setPadding(new Insets(12));
        return box;
    }

    // ---- reports ---------------------------------------------------------------------------

    private Node reports(Actions actions) {
        TextField from = Controls.field("report-from", "From YYYY-MM-DD");
        TextField to = Controls.field("report-to", "To YYYY-MM-DD");
        from.setPrefColumnCount(9);
        to.setPrefColumnCount(9);
        // the last seven days by default
        from.setText(java.time.LocalDate.now().minusDays(6).toString());
        to.setText(java.time.LocalDate.now().toString());
        Button make = Controls.button("Make report", "make-report", e -> model.loadReport(from.getText(), to.getText()));
        make.getStyleClass().add("accent");
        make.disableProperty().bind(model.busyProperty());
        ComboBox<ReportCsv.Table> table = new ComboBox<>(javafx.collections.FXCollections.observableArrayList(ReportCsv.Table.values()));
        table.setId("report-table");
        table.setValue(ReportCsv.Table.SUMMARY);
        table.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(ReportCsv.Table t) {
                return t == null ? "" : t.id();
            }

            @Override
            public ReportCsv.Table fromString(String text) {
                return ReportCsv.Table.parse(text);
            }
        });
        Button export = Controls.button("Export CSV…", "export-report", e -> actions.exportReport(table.getValue()));
        export.disableProperty().bind(model.reportProperty().isNull());

        Label summary = new Label("Choose the days and make the report.");
        summary.setId("report-summary");
        summary.getStyleClass().add("report-summary");
        summary.setWrapText(true);
        summary.setMinHeight(Region.USE_PREF_SIZE);

        CategoryAxis hours = new CategoryAxis();
        NumberAxis hourNet = new NumberAxis();
        BarChart<String, Number> byHour = new BarChart<>(hours, hourNet);
        byHour.setId("chart-by-hour");
        byHour.setTitle("Net sales by hour");
        byHour.setLegendVisible(false);
        byHour.setAnimated(false);
        CategoryAxis days = new CategoryAxis();
        NumberAxis dayNet = new NumberAxis();
        BarChart<String, Number> byDay = new BarChart<>(days, dayNet);
        byDay.setId("chart-by-day");
        byDay.setTitle("Net sales by day");
        byDay.setLegendVisible(false);
        byDay.setAnimated(false);
        for (BarChart<String, Number> chart : java.util.List.of(byHour, byDay)) {
            chart.setPrefHeight(220);
            HBox.setHgrow(chart, Priority.ALWAYS);
        }

        TableView<SalesReport.SweetSales> top = new TableView<>();

        top.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        top.setId("top-sweets-table");
        top.getColumns().add(column("Top sweets", SalesReport.SweetSales::name, 200));
        top.getColumns().add(column("Units", t -> Long.toString(t.units()), 60));
        top.getColumns().add(column("Revenue", t -> Money.format(t.revenue()), 80));
        TableView<SalesReport.TillSales> tills = new TableView<>();
        tills.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        tills.setId("by-till-table");
        tills.getColumns().add(column("Till", SalesReport.TillSales::till, 60));
        tills.getColumns().add(column("Sales", t -> Long.toString(t.sales()), 60));
        tills.getColumns().add(column("Net", t -> Money.format(t.net()), 80));
        tills.getColumns().add(column("Cash", t -> Money.format(t.cash()), 80));
        TableView<SalesReport.CashierSales> cashiers = new TableView<>();
        cashiers.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        cashiers.setId("by-cashier-table");
        cashiers.getColumns().add(column("Cashier", SalesReport.CashierSales::username, 100));
        cashiers.getColumns().add(column("Sales", t -> Long.toString(t.sales()), 60));
        cashiers.getColumns().add(column("Net", t -> Money.format(t.net()), 80));
        TableView<SalesReport.CouponDiscounts> coupons = new TableView<>();
        coupons.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        coupons.setId("coupon-discounts-table");
        coupons.getColumns().add(column("Coupon value", SalesReport.CouponDiscounts::describe, 100));
        coupons.getColumns().add(column("Used", c -> Long.toString(c.coupons()), 50));
        coupons.getColumns().add(column("Discount", c -> Money.format(c.discount()), 75));
        TableView<SalesReport.PromoDiscounts> promoTable = new TableView<>();
        promoTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        promoTable.setId("promo-discounts-table");
        promoTable.getColumns().add(column("Promo", SalesReport.PromoDiscounts::code, 100));
        promoTable.getColumns().add(column("Sales", p -> Long.toString(p.sales()), 50));
        promoTable.getColumns().add(column("Discount", p -> Money.format(p.discount()), 75));
        TableView<org.sweetshop.shift.ZReport> shifts = new TableView<>();
        shifts.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        shifts.setId("shifts-table");
        shifts.getColumns().add(column("Z report", z -> z.till() + " #" + z.shiftId(), 80));
        shifts.getColumns().add(column("Closed", z -> WHEN.format(z.closedAt().atZone(ZoneId.systemDefault())), 130));
        shifts.getColumns().add(column("Sales", z -> Integer.toString(z.sales()), 50));
        shifts.getColumns().add(column("Net", z -> Money.format(z.net()), 70));
        shifts.getColumns().add(column("Cash ±", z -> Money.format(z.difference()), 65));
        for (TableView<?> t : java.util.List.of(top, tills, cashiers, coupons, promoTable, shifts)) {
            t.setPrefHeight(170);
            t.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
            t.setPlaceholder(new Label("None in these days."));
            HBox.setHgrow(t, Priority.ALWAYS);
        }

        model.reportProperty().addListener((obs, old, report) -> {
            if (report == null) {
                return;
            }
            var sum = report.summary();
            summary.setText(sum.sales() + (sum.sales() == 1 ? " sale" : " sales") + " · gross " + Money.format(sum.gross()) + " · discounts " + Money.format(sum.discounts())
                    + " (coupons " + Money.format(sum.couponDiscounts()) + ", promos " + Money.format(sum.promoDiscounts()) + ")"
                    + " · net " + Money.format(sum.net()) + " · cash " + Money.format(sum.cash()) + " · card " + Money.format(sum.card())
                    + (sum.refunds() == 0 ? "" : " · " + sum.refunds() + " refund(s) " + Money.format(sum.refunded()) + ", net after refunds "
                    + Money.format(sum.netAfterRefunds()))
                    + " · stock value " + Money.format(report.stock().total()));
            XYChart.Series<String, Number> hourSeries = new XYChart.Series<>();
            report.byHour().stream().filter(h -> h.hour() >= 7 && h.hour() <= 21 || h.sales() > 0)
                    .forEach(h -> hourSeries.getData().add(new XYChart.Data<>(String.format("%02d", h.hour()), h.net())));
            byHour.getData().setAll(java.util.List.of(hourSeries));
            XYChart.Series<String, Number> daySeries = new XYChart.Series<>();
            boolean oneYear = report.from().getYear() == report.to().getYear();
            report.byDay().forEach(d -> daySeries.getData().add(new XYChart.Data<>(oneYear ? d.day().toString().substring(5)
                    : d.day().toString(), d.net())));
            byDay.getData().setAll(java.util.List.of(daySeries));
            top.getItems().setAll(report.topSweets().subList(0, Math.min(10, report.topSweets().size())));
            tills.getItems().setAll(report.byTill());
            cashiers.getItems().setAll(report.byCashier());
            coupons.getItems().setAll(report.couponDiscounts());
            promoTable.getItems().setAll(report.promoDiscounts());
            shifts.getItems().setAll(report.shifts());
        });

        VBox box = new VBox(10, new FlowPane(8, 8, from, to, make, new Label("  CSV:"), table, export), summary,
                new HBox(12, byHour, byDay), new HBox(12, top, tills, cashiers), new HBox(12, coupons, promoTable, shifts));
        box.setPadding(new Insets(12));
        return box;
    }

    private Node auditLog() {
        TableView<AuditEntry> table = new TableView<>(model.auditLog());
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        table.setId("audit-log-table");
        table.getColumns().add(column("When", a -> WHEN.format(a.at().atZone(ZoneId.systemDefault())), 140));
        table.getColumns().add(column("Who", AuditEntry::staff, 90));
        table.getColumns().add(column("What", a -> a.action().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '), 150));
        table.getColumns().add(column("Of", AuditEntry::subject, 120));
        table.getColumns().add(column("Was", a -> a.oldValue() == null ? "" : a.oldValue(), 140));
        table.getColumns().add(column("Now", a -> a.newValue() == null ? "" : a.newValue(), 140));
        table.getColumns().add(column("Till", a -> a.till() == null ? "" : a.till(), 60));
        table.setPlaceholder(new Label("Price changes and staff actions are listed here."));
        VBox.setVgrow(table, Priority.ALWAYS);
        VBox box = new VBox(10, section("Price and staff actions, newest first"), table);
        box.setPadding(new Insets(12));
        return box;
    }

    // ---- promo codes -----------------------------------------------------------------------

    private Node promos() {
        TableView<PromoView> table = new TableView<>(model.promos());
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        table.setId("promos-table");
        table.getColumns().add(column("Code", PromoView::code, 120));
        table.getColumns().add(column("Discount", p -> p.discount().describe(), 110));
        table.getColumns().add(column("Uses", p -> p.uses() + (p.maxUses() == null ? "" : " / " + p.maxUses()), 90));
        table.getColumns().add(column("Valid until", p -> p.validUntil() == null ? "" : p.validUntil().toString(), 100));
        table.getColumns().add(column("Active", p -> p.active() ? "yes" : "no", 70));
        table.setPlaceholder(new Label("No promo codes yet."));
        VBox.setVgrow(table, Priority.ALWAYS);

        TextField code = Controls.field("promo-code", "CODE");
        ToggleGroup kind = new ToggleGroup();
        ToggleButton percent = toggle("% off", "promo-percent", kind);
        ToggleButton amount = toggle("amount off", "promo-amount", kind);
        percent.setSelected(true);
        TextField value = Controls.field("promo-value", "Value");
        TextField max = Controls.field("promo-max", "Max uses (empty: unlimited)");
        TextField until = Controls.field("promo-until", "Valid until (YYYY-MM-DD)");
        Button add = Controls.button("Add promo", "add-promo",
                e -> model.addPromo(code.getText(), percent.isSelected(), value.getText(), max.getText(), until.getText()));
        add.disableProperty().bind(model.busyProperty());
        Button deactivate = Controls.button("Deactivate selected", "deactivate-promo", e -> {
            PromoView promo = table.getSelectionModel().getSelectedItem();
            if (promo != null) {
                model.deactivatePromo(promo.code());
            }
        });
        deactivate.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull().or(model.busyProperty()));
        TextField editMax = Controls.field("promo-edit-max", "Max uses (empty: unlimited)");
        TextField editUntil = Controls.field("promo-edit-until", "Valid until (empty: none)");
        javafx.scene.control.CheckBox on = new javafx.scene.control.CheckBox("switched on");
        on.setId("promo-edit-active");
        on.setSelected(true);
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, promo) -> {
            if (promo != null) {
                editMax.setText(promo.maxUses() == null ? "" : promo.maxUses().toString());
                editUntil.setText(promo.validUntil() == null ? "" : promo.validUntil().toString());
                on.setSelected(promo.active());
            }
        });
        Button save = Controls.button("Save limits", "edit-promo", e -> {
            PromoView promo = table.getSelectionModel().getSelectedItem();
            if (promo != null) {
                model.editPromo(promo.code(), editMax.getText(), editUntil.getText(), on.isSelected());
            }
        });
        save.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull().or(model.busyProperty()));
        VBox box = new VBox(10, table, new FlowPane(8, 8, deactivate, new Label("  Selected:"), editMax, editUntil, on, save),
                section("Add a promo code"), new FlowPane(8, 8, code, percent, amount, value, max, until, add));
        box.setPadding(new Insets(12));
        return box;
    }

    // ---- staff -----------------------------------------------------------------------------

    private Node staff() {
        TableView<StaffView> table = new TableView<>(model.staff());
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        table.setId("staff-table");
        table.getColumns().add(column("Username", StaffView::username, 160));
        table.getColumns().add(column("Role", s -> s.role().label(), 100));
        table.getColumns().add(column("Active", s -> s.active() ? "yes" : "no", 70));
        table.getColumns().add(column("Since", s -> WHEN.format(s.createdAt().atZone(ZoneId.systemDefault())), 140));
        VBox.setVgrow(table, Priority.ALWAYS);
        TextField username = Controls.field("staff-username", "Username");
        ComboBox<Role> role = new ComboBox<>(javafx.collections.FXCollections.observableArrayList(Role.values()));
        role.setId("staff-role");
        role.setValue(Role.CASHIER);
        role.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(Role r) {
                return r == null ? "" : r.label();
            }

            @Override
            public Role fromString(String text) {
                return Role.parse(text);
            }
        });
        Button add = Controls.button("Add (password generated)", "add-staff", e -> model.addStaff(username.getText(), role.getValue()));
        add.disableProperty().bind(model.busyProperty());
        Button deactivate = Controls.button("Deactivate selected", "deactivate-staff", e -> selectedStaff(table, model::deactivateStaff));
        Button reset = Controls.button("Reset password of selected", "reset-password", e -> selectedStaff(table, model::resetPassword));
        for (Button b : new Button[] {deactivate, reset}) {
            b.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull().or(model.busyProperty()));
        }
        Label rule = new Label("Only an owner can add managers and owners.");
        rule.getStyleClass().add("hint");
        VBox box = new VBox(10, table, new HBox(8, deactivate, reset), section("Add a member of staff"),
                new HBox(8, username, role, add), rule);
        box.setPadding(new Insets(12));
        return box;
    }

    private static void selectedStaff(TableView<StaffView> table, java.util.function.Consumer<String> action) {
        StaffView person = table.getSelectionModel().getSelectedItem();
        if (person != null) {
            action.accept(person.username());
        }
    }

    // ---- small builders --------------------------------------------------------------------

    private static Tab tab(String name, String id, Node content) {
        Tab tab = new Tab(name, content);
        tab.setId(id);
        return tab;
    }

    private static Label section(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("section");
        return label;
    }

    private static ToggleButton toggle(String text, String id, ToggleGroup group) {
        ToggleButton toggle = new ToggleButton(text);
        toggle.setId(id);
        toggle.setToggleGroup(group);
        return toggle;
    }

    private static <T> TableColumn<T, String> column(String name, Function<T, String> value, double width) {
        TableColumn<T, String> column = new TableColumn<>(name);
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        column.setPrefWidth(width);
        return column;
    }
}
