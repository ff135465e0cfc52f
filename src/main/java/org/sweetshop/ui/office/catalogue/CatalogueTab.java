package org.sweetshop.ui.office.catalogue;

import static org.sweetshop.ui.office.shared.OfficeControls.column;
import static org.sweetshop.ui.office.shared.OfficeControls.section;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.sweetshop.catalog.SweetView;
import org.sweetshop.common.SoldBy;
import org.sweetshop.tax.TaxRateView;
import org.sweetshop.ui.common.CatalogueFilter;
import org.sweetshop.ui.common.Controls;
import org.sweetshop.ui.office.shared.OfficeControls;
import org.sweetshop.ui.office.shared.OfficeStatus;
import org.sweetshop.ui.office.shared.OfficeTab;
import org.sweetshop.ui.office.shared.SweetFigures;
import org.sweetshop.ui.office.stock.StockPanel;
import org.sweetshop.ui.office.stock.StockViewModel;

/**
 * The catalogue tab: the sweets' table with its filter and the "add a sweet" row (by the piece or
 * by weight) on the left; on the right, for the sweet chosen, restock and stocktake (the stock
 * panel), price, barcodes and PLU, details, taking it off sale, and its stock history. A weighed
 * sweet's figures are shown in its unit: "14.99 / kg", "2.500 kg".
 */
public final class CatalogueTab {

    /** What the category filter shows for {@link CatalogueFilter#ALL}. */
    static final String ALL_CATEGORIES = "All categories";

    private final CatalogueViewModel model;
    private final OfficeStatus status;

    private CatalogueTab(CatalogueViewModel model, OfficeStatus status) {
        this.model = model;
        this.status = status;
    }

    public static OfficeTab of(CatalogueViewModel model, StockViewModel stock, OfficeStatus status) {
        CatalogueTab tab = new CatalogueTab(model, status);
        BooleanBinding noSweetOrBusy = model.selectedProperty().isNull().or(status.busyProperty());
        HBox body = new HBox(16, tab.left(), tab.right(new StockPanel(stock, noSweetOrBusy), noSweetOrBusy));
        body.setPadding(new Insets(12));
        return new OfficeTab(OfficeControls.tab("Catalogue", "tab-catalogue", body), model::reload);
    }

    private Node left() {
        TextField search = Controls.field("office-search", "Search name or SKU");
        search.textProperty().bindBidirectional(model.searchProperty());
        ComboBox<String> category = new ComboBox<>(model.categories());
        category.setId("office-category");
        category.setConverter(new StringConverter<>() {
            @Override
            public String toString(String name) {
                return CatalogueFilter.ALL.equals(name) ? ALL_CATEGORIES : name;
            }

            @Override
            public String fromString(String text) {
                return ALL_CATEGORIES.equals(text) ? CatalogueFilter.ALL : text;
            }
        });
        category.valueProperty().bindBidirectional(model.categoryProperty());
        HBox filters = new HBox(8, search, category);
        HBox.setHgrow(search, Priority.ALWAYS);

        TableView<SweetView> table = OfficeControls.table("sweets-table", model.sweets(), "No sweets yet: add the first one below.");
        table.getColumns().add(column("SKU", SweetView::sku, 60));
        table.getColumns().add(column("Name", SweetView::name, 130));
        table.getColumns().add(column("Category", SweetView::category, 90));
        table.getColumns().add(column("Price", SweetFigures::price, 95));
        table.getColumns().add(column("Stock", SweetFigures::stock, 85));
        table.getColumns().add(column("Reorder", SweetFigures::reorder, 80));
        table.getColumns().add(column("PLU", s -> SweetFigures.plu(s.plu()), 60));
        table.getColumns().add(column("Tax", s -> s.taxCode() == null ? "" : s.taxCode(), 50));
        table.getColumns().add(column("On sale", s -> s.active() ? "yes" : "no", 65));
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> model.selectedProperty().set(now));
        VBox.setVgrow(table, Priority.ALWAYS);

        ToggleGroup soldBy = new ToggleGroup();
        ToggleButton byPiece = OfficeControls.toggle("by the piece", "new-by-piece", soldBy);
        ToggleButton byWeight = OfficeControls.toggle("by weight", "new-by-weight", soldBy);
        byPiece.setSelected(true);
        soldBy.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now == null) {
                old.setSelected(true);   // one of the two is always chosen
            }
        });
        BooleanProperty weighed = byWeight.selectedProperty();
        TextField sku = Controls.field("new-sku", "SKU / barcode");
        TextField name = Controls.field("new-name", "Name");
        TextField cat = Controls.field("new-category", "Category");
        TextField price = Controls.field("new-price", "Price");
        price.promptTextProperty().bind(Bindings.when(weighed).then("Price per kg").otherwise("Price"));
        TextField stock = Controls.field("new-stock", "Opening stock");
        stock.promptTextProperty().bind(Bindings.when(weighed).then("Opening stock (e.g. 2.5kg)").otherwise("Opening stock"));
        TextField reorder = Controls.field("new-reorder", "Reorder level");
        reorder.promptTextProperty().bind(Bindings.when(weighed).then("Reorder level (e.g. 500g)").otherwise("Reorder level"));
        TextField plu = Controls.field("new-plu", "PLU (optional)");
        plu.disableProperty().bind(weighed.not());
        weighed.addListener((obs, was, now) -> {
            if (!now) {
                plu.clear();   // a PLU is a weighed sweet's
            }
        });
        TextField codes = Controls.field("new-barcodes", "Barcodes (optional)");
        int[] columns = {6, 11, 7, 7, 12, 11, 7, 14};
        TextField[] fields = {sku, name, cat, price, stock, reorder, plu, codes};
        for (int i = 0; i < fields.length; i++) {
            fields[i].setPrefColumnCount(columns[i]);
        }
        Button add = Controls.button("Add sweet", "add-sweet", e -> model.addSweet(byWeight.isSelected() ? SoldBy.WEIGHED : SoldBy.COUNTED,
                sku.getText(), name.getText(), cat.getText(), price.getText(), stock.getText(), reorder.getText(), plu.getText(),
                codes.getText()));
        add.disableProperty().bind(status.busyProperty());
        FlowPane addRow = new FlowPane(8, 8, new HBox(byPiece, byWeight), sku, name, cat, price, stock, reorder, plu, codes, add);

        VBox left = new VBox(10, filters, table, section("Add a sweet"), addRow);
        HBox.setHgrow(left, Priority.ALWAYS);
        return left;
    }

    /** A picker of the store's tax rates: {@code STD — Standard 20%}. */
    private ComboBox<TaxRateView> taxPicker(String id, String prompt) {
        ComboBox<TaxRateView> picker = new ComboBox<>(model.taxRates());
        picker.setId(id);
        picker.setPromptText(prompt);
        picker.setConverter(new StringConverter<>() {
            @Override
            public String toString(TaxRateView rate) {
                return rate == null ? "" : describe(rate);
            }

            @Override
            public TaxRateView fromString(String text) {
                return model.taxRates().stream().filter(r -> describe(r).equals(text)).findFirst().orElse(null);
            }
        });
        return picker;
    }

    static String describe(TaxRateView rate) {
        return rate.code() + " — " + rate.name() + " " + rate.percent() + (rate.isDefault() ? " (default)" : "");
    }

    private Node right(StockPanel stock, BooleanBinding noSweetOrBusy) {
        Label chosen = new Label();
        chosen.setId("selected-sweet");
        chosen.getStyleClass().add("panel-title");
        chosen.textProperty().bind(Bindings.createStringBinding(() -> model.selectedProperty().get() == null
                ? "Choose a sweet" : model.selectedProperty().get().name() + " — " + SweetFigures.stock(model.selectedProperty().get())
                        + " in stock",
                model.selectedProperty()));
        chosen.setWrapText(true);

        TextField newPrice = Controls.field("new-price-value", "New price");
        newPrice.setPrefColumnCount(5);
        BooleanBinding chosenWeighed = Bindings.createBooleanBinding(() -> model.selectedProperty().get() != null
                && model.selectedProperty().get().weighed(), model.selectedProperty());
        newPrice.promptTextProperty().bind(Bindings.when(chosenWeighed).then("Per kg").otherwise("New price"));
        Button changePrice = Controls.button("Change price", "change-price", e -> {
            model.changePrice(newPrice.getText());
            newPrice.clear();
        });
        Label codes = new Label();
        codes.setId("sweet-barcodes");
        codes.setWrapText(true);
        codes.textProperty().bind(Bindings.createStringBinding(() -> model.barcodes().isEmpty() ? "No barcodes."
                : "Barcodes: " + String.join(", ", model.barcodes()), model.barcodes()));
        TextField newCode = Controls.field("new-barcode", "EAN-13, EAN-8, UPC-A");
        newCode.setPrefColumnCount(12);
        Button addCode = Controls.button("Add barcode", "add-barcode", e -> {
            model.addBarcode(newCode.getText());
            newCode.clear();
        });
        HBox barcodeRow = new HBox(8, newCode, addCode, codes);
        barcodeRow.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(codes, Priority.ALWAYS);
        TextField newPlu = Controls.field("new-plu-value", "PLU (or none)");
        newPlu.setPrefColumnCount(7);
        Button changePlu = Controls.button("Change PLU", "change-plu", e -> {
            model.changePlu(newPlu.getText());
            newPlu.clear();
        });
        // only a weighed sweet is found by its PLU on a scale label
        changePlu.disableProperty().bind(noSweetOrBusy.or(chosenWeighed.not()));
        newPlu.disableProperty().bind(changePlu.disableProperty());

        TextField editSku = Controls.field("edit-sku", "New SKU");
        TextField editName = Controls.field("edit-name", "Name");
        TextField editCategory = Controls.field("edit-category", "Category");
        TextField editReorder = Controls.field("edit-reorder", "Reorder");
        editSku.setPrefColumnCount(5);
        editName.setPrefColumnCount(7);
        editCategory.setPrefColumnCount(5);
        editReorder.setPrefColumnCount(5);
        editReorder.promptTextProperty().bind(Bindings.when(chosenWeighed).then("e.g. 500g").otherwise("Reorder"));
        Button save = Controls.button("Save", "edit-sweet", e -> {
            model.edit(editSku.getText(), editName.getText(), editCategory.getText(), editReorder.getText());
            for (TextField f : new TextField[] {editSku, editName, editCategory, editReorder}) {
                f.clear();
            }
        });
        ComboBox<TaxRateView> newTax = taxPicker("edit-tax", "Tax rate");
        newTax.setPrefWidth(110);
        Button changeTax = Controls.button("Change tax", "change-tax", e -> model.changeTax(newTax.getValue()));
        changeTax.disableProperty().bind(noSweetOrBusy);
        Button deactivate = Controls.button("Take off sale", "deactivate-sweet", e -> model.deactivate());
        deactivate.getStyleClass().add("danger");
        for (Button b : new Button[] {changePrice, deactivate, save, addCode}) {
            b.disableProperty().bind(noSweetOrBusy);
        }

        VBox right = new VBox(10, chosen,
                section("Restock, and stocktake (what was counted)"), stock.restock(), stock.stocktake(),
                section("Price, PLU, tax rate (past sales keep theirs) and barcodes"),
                new HBox(8, newPrice, changePrice, newPlu, changePlu, newTax, changeTax), barcodeRow,
                section("Details (empty fields stay as they are)"), new HBox(6, editSku, editName, editCategory, editReorder, save),
                deactivate, section("Stock history"), stock.history());
        right.setPrefWidth(560);
        right.setMinWidth(520);
        right.getStyleClass().add("office-side");
        return right;
    }
}
