package org.sweetshop.ui.office.conflicts;

import java.util.UUID;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.sweetshop.sale.ConflictService;
import org.sweetshop.sale.ConflictView;
import org.sweetshop.staff.Caller;
import org.sweetshop.ui.common.TaskExecutor;
import org.sweetshop.ui.office.shared.OfficeStatus;

/**
 * The stock discrepancies sales made offline left (a sale recorded without moving stock, because
 * another till had sold it meanwhile or the sweet was taken off sale): the list with the till,
 * time, lines and reason, and "resolve" for a manager once the stock is put right (a stocktake).
 */
public final class ConflictsViewModel {

    private final ConflictService conflicts;
    private final Caller manager;
    private final OfficeStatus status;
    private final TaskExecutor tasks;
    private final ObservableList<ConflictView> entries = FXCollections.observableArrayList();
    private final BooleanProperty showResolved = new SimpleBooleanProperty(false);

    public ConflictsViewModel(ConflictService conflicts, Caller manager, OfficeStatus status, TaskExecutor tasks) {
        this.conflicts = conflicts;
        this.manager = manager;
        this.status = status;
        this.tasks = tasks;
    }

    /** Reads the list again (the open ones; with "show resolved", all). */
    public void load() {
        boolean all = showResolved.get();
        status.task(() -> conflicts.list(manager, all)).onSuccess(entries::setAll).executeWith(tasks);
    }

    /** Marks this sale's discrepancy resolved, with a note of what was done. */
    public void resolve(ConflictView conflict, String note) {
        if (conflict == null) {
            status.refuse("Choose a discrepancy first.");
            return;
        }
        UUID saleId = conflict.saleId();
        boolean all = showResolved.get();
        status.task(() -> {
            ConflictView resolved = conflicts.resolve(manager, saleId, note);
            return new Object[] {resolved, conflicts.list(manager, all)};
        }).onSuccess(result -> {
            ConflictView resolved = (ConflictView) result[0];
            @SuppressWarnings("unchecked")
            java.util.List<ConflictView> list = (java.util.List<ConflictView>) result[1];
            entries.setAll(list);
            status.say("Resolved: the discrepancy of sale " + resolved.receiptNo() + " (till " + resolved.till() + ").");
        }).executeWith(tasks);
    }

    public ObservableList<ConflictView> entries() {
        return entries;
    }

    public BooleanProperty showResolvedProperty() {
        return showResolved;
    }
}
