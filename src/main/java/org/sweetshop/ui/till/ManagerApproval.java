package org.sweetshop.ui.till;

import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.sweetshop.staff.Approvable;
import org.sweetshop.staff.Approval;
import org.sweetshop.staff.Caller;
import org.sweetshop.staff.PinHolder;
import org.sweetshop.staff.Role;
import org.sweetshop.ui.common.BackgroundTask;
import org.sweetshop.ui.common.Busy;
import org.sweetshop.ui.common.Messages;
import org.sweetshop.ui.common.TaskExecutor;

/**
 * One "Manager approval: …" at the till: the managers and owners who have a PIN, the one chosen,
 * the PIN typed. The core checks the PIN and the role ({@code StaffService.approve}: a wrong PIN is
 * counted, a cashier refused) and hands back the {@link Approval} the action's service takes.
 * No {@code javafx.scene} class.
 */
public final class ManagerApproval {

    private final TillStaff staff;
    private final Caller requester;
    private final Approvable action;
    private final TaskExecutor tasks;
    private final Busy busy = new Busy();
    private final ObservableList<PinHolder> approvers = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper chosen = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final PinEntry pin = new PinEntry();

    ManagerApproval(TillStaff staff, Caller requester, Approvable action, TaskExecutor tasks) {
        this.staff = staff;
        this.requester = requester;
        this.action = action;
        this.tasks = tasks;
    }

    /** Reads who may approve: the managers and owners with a PIN. */
    public void load() {
        message.set("A manager or an owner: tap your name, then type your PIN.");
        BackgroundTask.of(() -> staff.pinHolders(requester)).showingBusy(busy).onSuccess(list -> {
            approvers.setAll(list.stream().filter(holder -> holder.role().atLeast(Role.MANAGER)).toList());
            if (approvers.isEmpty()) {
                message.set("No manager or owner has a PIN yet: one must set it first (staff pin USER --as USER).");
            }
        }).onFailure(e -> message.set(Messages.of(e))).executeWith(tasks);
    }

    public void choose(String username) {
        chosen.set(username);
        pin.clear();
        message.set("Type the PIN of " + username + ".");
    }

    /** Checks the PIN typed for the name chosen; {@code approved} gets the approval, on the UI thread. */
    public void approve(Consumer<Approval> approved) {
        if (busy.get()) {
            return;
        }
        String name = chosen.get();
        if (name == null) {
            pin.clear();
            message.set("Tap the name of the manager or owner who approves first.");
            return;
        }
        if (pin.isEmpty()) {
            message.set("Type the PIN of " + name + ".");
            return;
        }
        String digits = pin.take();
        message.set("Checking the PIN…");
        BackgroundTask.of(() -> staff.approve(requester, action, name, digits)).showingBusy(busy)
                .onSuccess(approval -> {
                    message.set("Approved by " + approval.approver().username() + ".");
                    approved.accept(approval);
                })
                .onFailure(e -> message.set(Messages.of(e)))
                .executeWith(tasks);
    }

    /**
     * Keys came as fast as a scanner gun's, Enter last (the gun's listener took them for a scan): the
     * digits typed are dropped, never shown, and the PIN is asked for again.
     */
    public void typedTooFast() {
        pin.clear();
        message.set("That came as fast as a scanner: type the PIN again, or tap the keys.");
    }

    /** Says what happened after the approval (the drawer did not open, the refund was refused). */
    public void say(String text) {
        message.set(text);
    }

    public Approvable action() {
        return action;
    }

    public ObservableList<PinHolder> approvers() {
        return approvers;
    }

    PinEntry pin() {
        return pin;
    }

    public ReadOnlyStringProperty chosenProperty() {
        return chosen.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.property();
    }
}
