package org.sweetshop.ui.office.stock;

import static org.sweetshop.ui.office.shared.OfficeControls.column;

import javafx.scene.control.TableView;
import org.sweetshop.catalog.SweetView;
import org.sweetshop.ui.office.shared.OfficeControls;
import org.sweetshop.ui.office.shared.OfficeTab;
import org.sweetshop.ui.office.shared.SweetFigures;

/** The low stock tab: the sweets at or below their reorder level (in their unit), read again each time it is shown. */
public final class LowStockTab {

    private LowStockTab() {
    }

    public static OfficeTab of(StockViewModel model) {
        TableView<SweetView> table = OfficeControls.table("low-stock-table", model.lowStock(), "Nothing is at or below its reorder level.");
        table.getColumns().add(column("SKU", SweetView::sku, 100));
        table.getColumns().add(column("Name", SweetView::name, 260));
        table.getColumns().add(column("Stock", SweetFigures::stock, 80));
        table.getColumns().add(column("Reorder at", SweetFigures::reorder, 100));
        return new OfficeTab(OfficeControls.tab("Low stock", "tab-low",
                OfficeControls.page(table, OfficeControls.section("At or below the reorder level"), table)), model::loadLowStock);
    }
}
