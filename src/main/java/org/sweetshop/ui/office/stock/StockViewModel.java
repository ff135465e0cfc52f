package org.sweetshop.ui.office.stock;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Function;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.sweetshop.catalog.SweetView;
import org.sweetshop.common.InvalidInputException;
import org.sweetshop.staff.Caller;
import org.sweetshop.stock.MovementView;
import org.sweetshop.stock.StockChange;
import org.sweetshop.stock.StockService;
import org.sweetshop.ui.common.TaskExecutor;
import org.sweetshop.ui.office.shared.ChosenSweet;
import org.sweetshop.ui.office.shared.OfficeStatus;
import org.sweetshop.ui.office.shared.TypedInput;

/**
 * Stock: restocking and counting the sweet chosen in the catalogue, that sweet's stock history
 * (the ledger, newest first), and the sweets at or below their reorder level (the low stock tab).
 */
public final class StockViewModel {

    /** How many movements of a sweet the history shows. */
    static final int HISTORY = 200;

    private final StockService stock;
    private final Caller manager;
    private final String till;
    private final ChosenSweet chosen;
    private final Runnable stockChanged;
    private final OfficeStatus status;
    private final TaskExecutor tasks;

    private final ObservableList<MovementView> movements = FXCollections.observableArrayList();
    private final ObservableList<SweetView> lowStock = FXCollections.observableArrayList();

    /**
     * @param chosen       the sweet chosen in the catalogue's table
     * @param stockChanged reads the catalogue and its stock again after a change made here
     */
    public StockViewModel(StockService stock, Caller manager, String till, ChosenSweet chosen, Runnable stockChanged,
                          OfficeStatus status, TaskExecutor tasks) {
        this.stock = stock;
        this.manager = manager;
        this.till = till;
        this.chosen = chosen;
        this.stockChanged = stockChanged;
        this.status = status;
        this.tasks = tasks;
        chosen.property().addListener((obs, old, now) -> {
            movements.clear();
            if (now != null) {
                history(now.sku());
            }
        });
    }

    /** Reads the low stock list again. */
    public void loadLowStock() {
        status.task(stock::lowStock).onSuccess(lowStock::setAll).executeWith(tasks);
    }

    private void history(String sku) {
        status.task(() -> stock.movements(sku, HISTORY)).onSuccess(found -> showHistory(sku, found)).executeWith(tasks);
    }

    private void showHistory(String sku, List<MovementView> found) {
        SweetView shown = chosen.property().get();
        if (shown != null && shown.sku().equals(sku)) {   // not another sweet chosen meanwhile
            movements.setAll(found);
        }
    }

    public void restock(String quantity, String note) {
        SweetView sweet = chosen.orSay();
        Integer units = sweet == null ? null : units("quantity", quantity);
        if (units == null) {
            return;
        }
        status.say("Restocking…");
        change(() -> stock.restock(manager, sweet.sku(), units, till, TypedInput.orNull(note)),
                change -> "Restocked " + change.name() + ": +" + change.change() + ", now " + change.stockAfter() + ".");
    }

    public void stocktake(String counted) {
        SweetView sweet = chosen.orSay();
        Integer units = sweet == null ? null : units("counted quantity", counted);
        if (units == null) {
            return;
        }
        status.say("Recording the count…");
        change(() -> stock.stocktake(manager, sweet.sku(), units, till, "stocktake"), change -> "Counted " + change.name() + ": "
                + change.stockAfter() + " (" + (change.change() == 0 ? "no difference"
                : "adjusted by " + (change.change() > 0 ? "+" : "") + change.change()) + ").");
    }

    private void change(Callable<StockChange> call, Function<StockChange, String> done) {
        status.task(call)
                .onSuccess(change -> {
                    status.say(done.apply(change));
                    stockChanged.run();   // the catalogue's figures, the history (through the selection) and low stock
                })
                .executeWith(tasks);
    }

    /** The typed whole number, or null with the refusal shown. */
    private Integer units(String field, String text) {
        try {
            return TypedInput.whole(field, text);
        } catch (InvalidInputException e) {
            status.refuse(e.getMessage());
            return null;
        }
    }

    /** The chosen sweet's movements, newest first. */
    public ObservableList<MovementView> movements() {
        return movements;
    }

    public ObservableList<SweetView> lowStock() {
        return lowStock;
    }
}
