package org.sweetshop.ui.till;

import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.sweetshop.staff.Caller;
import org.sweetshop.staff.PinHolder;
import org.sweetshop.ui.common.BackgroundTask;
import org.sweetshop.ui.common.Busy;
import org.sweetshop.ui.common.Messages;
import org.sweetshop.ui.common.TaskExecutor;

/**
 * The till locked between two cashiers: the selling screen (and its basket) stays in memory behind
 * the lock screen, which lists the staff who have a PIN; the one who taps their name and types
 * their PIN sells from then on, in the till's open shift. A wrong PIN is counted by the core (five
 * lock it for 15 minutes) and said here. No {@code javafx.scene} class.
 */
public final class TillLock {

    private final TillViewModel till;
    private final TaskExecutor tasks;
    private final Busy busy = new Busy();
    private final ObservableList<PinHolder> holders = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper chosen = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final PinEntry pin = new PinEntry();

    TillLock(TillViewModel till, TaskExecutor tasks) {
        this.till = till;
        this.tasks = tasks;
    }

    /**
     * Locks the till while it sells: once the staff with a PIN are read; refused (in
     * {@code refused}'s words) when nobody has one, since nobody could unlock it.
     */
    public void lock(Consumer<String> refused) {
        TillServices app = till.services();
        Caller who = till.cashierProperty().get();
        if (app == null || who == null || busy.get() || till.screenProperty().get() != TillViewModel.Screen.SELLING) {
            return;
        }
        BackgroundTask.of(() -> app.staff().pinHolders(who)).showingBusy(busy).onSuccess(list -> {
            if (list.isEmpty()) {
                refused.accept("Nobody has a PIN yet, so nobody could unlock the till: set one first (staff pin USER --as USER).");
                return;
            }
            holders.setAll(list);
            chosen.set(null);
            pin.clear();
            message.set("Tap your name, then type your PIN.");
            till.locked();
        }).onFailure(e -> refused.accept(Messages.of(e))).executeWith(tasks);
    }

    /** Who is about to type their PIN. */
    public void choose(String username) {
        chosen.set(username);
        pin.clear();
        message.set("Type the PIN of " + username + ".");
    }

    /** Sends the PIN typed for the name chosen; the till sells as that person once it is right. */
    public void unlock() {
        if (busy.get()) {
            return;
        }
        String name = chosen.get();
        if (name == null) {
            pin.clear();
            message.set("Tap your name first.");
            return;
        }
        if (pin.isEmpty()) {
            message.set("Type the PIN of " + name + ".");
            return;
        }
        String digits = pin.take();
        TillServices app = till.services();
        message.set("Checking the PIN…");
        BackgroundTask.of(() -> app.staff().unlock(name, digits)).showingBusy(busy)
                .onSuccess(till::unlockedBy)
                .onFailure(e -> message.set(Messages.of(e)))
                .executeWith(tasks);
    }

    /**
     * The way in without a PIN (none set, or locked after wrong ones): a log-in with the password,
     * counted like any other; the basket is kept for that person as for a PIN.
     */
    public void unlockWithPassword(String username, String password) {
        if (busy.get()) {
            return;
        }
        if (username == null || username.isBlank() || password == null || password.isEmpty()) {
            message.set("Type your username and your password.");
            return;
        }
        TillServices app = till.services();
        message.set("Logging in…");
        BackgroundTask.of(() -> app.login(username.strip(), password)).showingBusy(busy)
                .onSuccess(till::unlockedBy)
                .onFailure(e -> message.set(Messages.of(e)))
                .executeWith(tasks);
    }

    public ObservableList<PinHolder> holders() {
        return holders;
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
