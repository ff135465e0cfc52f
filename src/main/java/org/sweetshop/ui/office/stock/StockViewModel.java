package org.sweetshop.ui.office.stock;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.sweetshop.catalog.SweetView;
import org.sweetshop.common.InvalidInputException;
import org.sweetshop.common.Quantity;
import org.sweetshop.common.SoldBy;
import org.sweetshop.staff.Caller;
import org.sweetshop.stock.MovementView;
import org.sweetshop.stock.StockChange;
import org.sweetshop.stock.StockService;
import org.sweetshop.ui.common.TaskExecutor;
import org.sweetshop.ui.office.shared.ChosenSweet;
import org.sweetshop.ui.office.shared.OfficeStatus;
import org.sweetshop.ui.office.shared.SweetFigures;
import org.sweetshop.ui.office.shared.TypedInput;

/**
 * Stock: restocking and counting the sweet chosen in the catalogue, that sweet's stock history
 * (the ledger, newest first), and the sweets at or below their reorder level (the low stock tab).
 * Quantities are in the chosen sweet's unit: pieces, or for a weighed sweet a weight typed with its
 * unit (500g, 2.5kg) and shown as "500 g" / "3.000 kg".
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
    /** The unit of the movements shown (their sweet's). */
    private SoldBy historyUnit = SoldBy.COUNTED;
    private final StringBinding restockPrompt;
    private final StringBinding countedPrompt;

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
        restockPrompt = prompt("Quantity", "500g");
        countedPrompt = prompt("Counted", "1.2kg");
        chosen.property().addListener((obs, old, now) -> {
            movements.clear();
            if (now != null) {
                history(now.sku());
            }
        });
    }

    /** "Quantity" for a counted sweet, "Quantity (e.g. 500g)" for a weighed one. */
    private StringBinding prompt(String what, String example) {
        return Bindings.createStringBinding(() -> chosen.property().get() != null && chosen.property().get().weighed()
                ? what + " (e.g. " + example + ")" : what, chosen.property());
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
            historyUnit = shown.soldBy();
            movements.setAll(found);
        }
    }

    /** Adds {@code quantity} to the chosen sweet's stock: pieces, or a weight (500g, 2.5kg) for a weighed sweet. */
    public void restock(String quantity, String note) {
        SweetView sweet = chosen.orSay();
        Integer units = sweet == null ? null : amount("quantity", quantity, sweet.soldBy(), 1, StockService.maxRestock(sweet.soldBy()));
        if (units == null) {
            return;
        }
        status.say("Restocking…");
        change(() -> stock.restock(manager, sweet.sku(), units, till, TypedInput.orNull(note)),
                change -> "Restocked " + change.name() + ": " + SweetFigures.signed(change.change(), unit(change)) + ", now "
                        + Quantity.format(change.stockAfter(), unit(change)) + ".");
    }

    /** Sets the chosen sweet's stock to what was counted (pieces, or a weight for a weighed sweet). */
    public void stocktake(String counted) {
        SweetView sweet = chosen.orSay();
        Integer units = sweet == null ? null : amount("counted quantity", counted, sweet.soldBy(), 0, Integer.MAX_VALUE);
        if (units == null) {
            return;
        }
        status.say("Recording the count…");
        change(() -> stock.stocktake(manager, sweet.sku(), units, till, "stocktake"), change -> "Counted " + change.name() + ": "
                + Quantity.format(change.stockAfter(), unit(change)) + " (" + (change.change() == 0 ? "no difference"
                : "adjusted by " + SweetFigures.signed(change.change(), unit(change))) + ").");
    }

    private static SoldBy unit(StockChange change) {
        return change.weighed() ? SoldBy.WEIGHED : SoldBy.COUNTED;
    }

    private void change(Callable<StockChange> call, Function<StockChange, String> done) {
        status.task(call)
                .onSuccess(change -> {
                    status.say(done.apply(change));
                    stockChanged.run();   // the catalogue's figures, the history (through the selection) and low stock
                })
                .executeWith(tasks);
    }

    /** The typed amount in the sweet's unit ({@link TypedInput#amount}), or null with the refusal shown. */
    private Integer amount(String field, String text, SoldBy soldBy, long min, long max) {
        try {
            return TypedInput.amount(field, text, soldBy, min, max);
        } catch (InvalidInputException e) {
            status.refuse(e.getMessage());
            return null;
        }
    }

    /** The chosen sweet's movements, newest first. */
    public ObservableList<MovementView> movements() {
        return movements;
    }

    /** A movement's quantity or stock after it, in the unit of the sweet whose history is shown: "+10", "-250 g", "3.000 kg". */
    public String inHistoryUnit(int quantity, boolean signed) {
        return signed ? SweetFigures.signed(quantity, historyUnit) : Quantity.format(quantity, historyUnit);
    }

    /** What the restock field asks for: "Quantity", or "Quantity (e.g. 500g)" for a weighed sweet. */
    public StringBinding restockPrompt() {
        return restockPrompt;
    }

    /** What the stocktake field asks for: "Counted", or "Counted (e.g. 1.2kg)" for a weighed sweet. */
    public StringBinding countedPrompt() {
        return countedPrompt;
    }

    public ObservableList<SweetView> lowStock() {
        return lowStock;
    }
}
