package org.sweetshop.ui.office.stock;

import static org.sweetshop.ui.office.shared.OfficeControls.column;

import java.util.Locale;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.sweetshop.stock.MovementView;
import org.sweetshop.ui.common.Controls;
import org.sweetshop.ui.office.shared.OfficeControls;

/**
 * The stock parts of the catalogue tab's side panel, for the sweet chosen in its table: restock,
 * stocktake, and the sweet's stock history, in the sweet's unit (the fields ask for a weight such as
 * 500g when it is weighed).
 */
public final class StockPanel {

    private final Node restock;
    private final Node stocktake;
    private final TableView<MovementView> history;

    /** @param disabled while no sweet is chosen or a step is on its way */
    public StockPanel(StockViewModel model, ObservableBooleanValue disabled) {
        TextField quantity = Controls.field("restock-qty", "Quantity");
        quantity.promptTextProperty().bind(model.restockPrompt());
        quantity.setPrefColumnCount(11);
        TextField note = Controls.field("restock-note", "Supplier note");
        note.setPrefColumnCount(10);
        Button restockButton = Controls.button("Restock", "restock", e -> {
            model.restock(quantity.getText(), note.getText());
            quantity.clear();
            note.clear();
        });
        restock = new HBox(8, quantity, note, restockButton);

        TextField counted = Controls.field("counted", "Counted");
        counted.promptTextProperty().bind(model.countedPrompt());
        counted.setPrefColumnCount(11);
        Button stocktakeButton = Controls.button("Record count", "stocktake", e -> {
            model.stocktake(counted.getText());
            counted.clear();
        });
        stocktake = new HBox(8, counted, stocktakeButton);
        restockButton.disableProperty().bind(disabled);
        stocktakeButton.disableProperty().bind(disabled);

        history = OfficeControls.table("movements-table", model.movements(), "Choose a sweet to see its history.");
        history.getColumns().add(column("When", m -> OfficeControls.shortWhen(m.at()), 90));
        history.getColumns().add(column("What", m -> m.kind().name().toLowerCase(Locale.ROOT), 65));
        history.getColumns().add(column("±", m -> model.inHistoryUnit(m.quantity(), true), 85));
        history.getColumns().add(column("Left", m -> model.inHistoryUnit(m.stockAfter(), false), 85));
        history.getColumns().add(column("Who", MovementView::staff, 60));
        history.getColumns().add(column("Till", m -> m.till() == null ? "" : m.till(), 40));
        history.getColumns().add(column("Note", m -> m.reason() == null ? "" : m.reason(), 90));
        VBox.setVgrow(history, Priority.ALWAYS);
    }

    /** Quantity, supplier note and "Restock". */
    public Node restock() {
        return restock;
    }

    /** The counted quantity and "Record count". */
    public Node stocktake() {
        return stocktake;
    }

    /** The chosen sweet's movements. */
    public Node history() {
        return history;
    }
}
