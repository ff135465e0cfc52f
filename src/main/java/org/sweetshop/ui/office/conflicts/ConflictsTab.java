package org.sweetshop.ui.office.conflicts;

import static org.sweetshop.ui.office.shared.OfficeControls.column;

import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import org.sweetshop.common.Money;
import org.sweetshop.common.Quantity;
import org.sweetshop.common.SoldBy;
import org.sweetshop.sale.ConflictView;
import org.sweetshop.sale.ReceiptLine;
import org.sweetshop.ui.common.Controls;
import org.sweetshop.ui.office.shared.OfficeControls;
import org.sweetshop.ui.office.shared.OfficeStatus;
import org.sweetshop.ui.office.shared.OfficeTab;

/** The discrepancies tab: offline sales that could not move their stock, and "Resolve" once it is put right. */
public final class ConflictsTab {

    private ConflictsTab() {
    }

    public static OfficeTab of(ConflictsViewModel model, OfficeStatus status) {
        TableView<ConflictView> table = OfficeControls.table("conflicts-table", model.entries(),
                "No stock discrepancies: every sale made offline was applied as it was sold.");
        table.getColumns().add(column("Sold", c -> OfficeControls.when(c.soldAt()), 130));
        table.getColumns().add(column("Till", ConflictView::till, 60));
        table.getColumns().add(column("Receipt", ConflictView::receiptNo, 110));
        table.getColumns().add(column("Cashier", ConflictView::cashier, 90));
        table.getColumns().add(column("Lines", c -> String.join(", ", c.lines().stream().map(ConflictsTab::line).toList()), 180));
        table.getColumns().add(column("Total", c -> Money.format(c.total()), 70));
        table.getColumns().add(column("Why", ConflictView::reason, 240));
        table.getColumns().add(column("Resolved", c -> c.open() ? "" : c.resolvedBy() + " " + OfficeControls.when(c.resolvedAt()), 140));
        TextField note = Controls.field("conflict-note", "what was done, e.g. stocktake of FUDGE");
        Button resolve = Controls.button("Resolve", "resolve-conflict",
                e -> model.resolve(table.getSelectionModel().getSelectedItem(), note.getText()));
        resolve.disableProperty().bind(status.busyProperty());
        CheckBox resolved = new CheckBox("Show resolved");
        resolved.setId("show-resolved");
        resolved.selectedProperty().bindBidirectional(model.showResolvedProperty());
        resolved.selectedProperty().addListener((obs, was, now) -> model.load());
        HBox actions = new HBox(8, note, resolve, resolved);
        actions.setAlignment(Pos.CENTER_LEFT);
        return new OfficeTab(OfficeControls.tab("Discrepancies", "tab-conflicts",
                OfficeControls.page(table, OfficeControls.section("Sales made offline whose stock could not be moved"), table,
                        OfficeControls.hint("Put the stock right (a stocktake), then resolve the discrepancy with a note."), actions)),
                model::load);
    }

    private static String line(ReceiptLine line) {
        return Quantity.format(line.quantity(), line.soldBy() == null ? SoldBy.COUNTED : line.soldBy()) + " x " + line.sku();
    }
}
