package org.sweetshop.ui.office.catalogue;

import static org.sweetshop.ui.office.shared.OfficeControls.column;
import static org.sweetshop.ui.office.shared.OfficeControls.section;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.sweetshop.catalog.SweetView;
import org.sweetshop.common.Money;
import org.sweetshop.ui.common.CatalogueFilter;
import org.sweetshop.ui.common.Controls;
import org.sweetshop.ui.office.shared.OfficeControls;
import org.sweetshop.ui.office.shared.OfficeStatus;
import org.sweetshop.ui.office.shared.OfficeTab;
import org.sweetshop.ui.office.stock.StockPanel;
import org.sweetshop.ui.office.stock.StockViewModel;

/**
 * The catalogue tab: the sweets' table with its filter and the "add a sweet" row on the left; on
 * the right, for the sweet chosen, restock and stocktake (the stock panel), price, details,
 * taking it off sale, and its stock history.
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
        table.getColumns().add(column("SKU", SweetView::sku, 80));
        table.getColumns().add(column("Name", SweetView::name, 200));
        table.getColumns().add(column("Category", SweetView::category, 95));
        table.getColumns().add(column("Price", s -> Money.format(s.price()), 60));
        table.getColumns().add(column("Stock", s -> Integer.toString(s.stock()), 60));
        table.getColumns().add(column("Reorder", s -> Integer.toString(s.reorderLevel()), 75));
        table.getColumns().add(column("On sale", s -> s.active() ? "yes" : "no", 70));
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
        add.disableProperty().bind(status.busyProperty());
        FlowPane addRow = new FlowPane(8, 8, sku, name, cat, price, stock, reorder, add);

        VBox left = new VBox(10, filters, table, section("Add a sweet"), addRow);
        HBox.setHgrow(left, Priority.ALWAYS);
        return left;
    }

    private Node right(StockPanel stock, BooleanBinding noSweetOrBusy) {
        Label chosen = new Label();
        chosen.setId("selected-sweet");
        chosen.getStyleClass().add("panel-title");
        chosen.textProperty().bind(Bindings.createStringBinding(() -> model.selectedProperty().get() == null
                ? "Choose a sweet" : model.selectedProperty().get().name() + " — " + model.selectedProperty().get().stock() + " in stock",
                model.selectedProperty()));
        chosen.setWrapText(true);

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
        for (Button b : new Button[] {changePrice, deactivate, save}) {
            b.disableProperty().bind(noSweetOrBusy);
        }

        VBox right = new VBox(10, chosen,
                section("Restock"), stock.restock(),
                section("Stocktake"), stock.stocktake(),
                section("Price"), new HBox(8, newPrice, changePrice),
                section("Details (empty fields stay as they are)"), new FlowPane(6, 6, editSku, editName, editCategory, editReorder, save),
                deactivate, section("Stock history"), stock.history());
        right.setPrefWidth(540);
        right.setMinWidth(500);
        right.getStyleClass().add("office-side");
        return right;
    }
}
