package org.sweetshop.ui;

import org.sweetshop.ui.common.Steps;
import org.sweetshop.ui.common.Messages;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sweetshop.AppContext;
import org.sweetshop.DemoStore;
import org.sweetshop.common.InvalidInputException;
import org.sweetshop.common.Money;
import org.sweetshop.shift.ShiftView;
import org.sweetshop.shift.ZReport;
import org.sweetshop.staff.Caller;
import org.sweetshop.staff.Role;

/**
 * The till window's journey: the database starts, then the first-run screen (an empty store)
 * or the log-in screen, then selling for the logged-in cashier. Service calls run on the
 * background executor; no {@code javafx.scene} class, so tests drive it with same-thread
 * executors.
 */
public final class TillViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(TillViewModel.class);

    /** Which screen the window shows. */
    public enum Screen { STARTING, FAILED, FIRST_RUN, LOGIN, OPEN_SHIFT, SELLING, Z_REPORT, BACK_OFFICE }

    private final String till;
    private final Callable<AppContext> opener;
    private final Executor background;
    private final Executor ui;
    private final ReadOnlyObjectWrapper<Screen> screen = new ReadOnlyObjectWrapper<>(Screen.STARTING);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("Starting the store database…");
    private final ReadOnlyStringWrapper database = new ReadOnlyStringWrapper("connecting…");
    private final ReadOnlyBooleanWrapper connected = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyObjectWrapper<Caller> cashier = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper welcome = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<ShiftView> shift = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<ZReport> zReport = new ReadOnlyObjectWrapper<>();
    private final Steps steps;
    private volatile AppContext context;

    public TillViewModel(String till, Callable<AppContext> opener, Executor background, Executor ui) {
        this.till = till;
        this.opener = opener;
        this.background = background;
        this.ui = ui;
        this.steps = new Steps(background, ui, busy, message::set);
    }

    /** Opens the database in the background; then shows first-run or log-in. */
    public void start() {
        busy.set(true);
        message.set("Starting the store database…");
        screen.set(Screen.STARTING);
        background.execute(() -> {
            try {
                AppContext opened = opener.call();
                context = opened;
                boolean empty = opened.staff().noStaffYet();
                String where = opened.describeDatabase();
                ui.execute(() -> {
                    database.set(where);
                    connected.set(true);
                    busy.set(false);
                    message.set(empty ? "Welcome! Create the owner's account to set up this shop." : "");
                    screen.set(empty ? Screen.FIRST_RUN : Screen.LOGIN);
                });
            } catch (Exception e) {
                LOG.error("start-up failed", e);
                ui.execute(() -> {
                    message.set("The store database could not be opened: " + e.getMessage());
                    database.set("not connected");
                    connected.set(false);
                    busy.set(false);
                    screen.set(Screen.FAILED);
                });
            }
        });
    }

    /**
     * First run: creates the owner's account (the first account is always an owner), optionally
     * loads the demo store, and logs the owner in.
     */
    public void createOwner(String username, String password, String repeated, boolean loadDemo, Path couponDir) {
        if (busy.get()) {
            return;
        }
        if (password == null || !password.equals(repeated)) {
            message.set("The two passwords differ: type the same password twice.");
            return;
        }
        run("Creating the owner's account…", () -> {
            AppContext app = context;
            app.staff().register(null, username, Role.OWNER, password);
            Caller owner = app.staff().login(username, password);
            String note = "";
            if (loadDemo) {
                DemoStore.Loaded demo = DemoStore.load(app, owner, till, couponDir);
                note = "Demo store loaded. Write these down: manager / " + demo.managerPassword() + ", cashier / "
                        + demo.cashierPassword() + ". Coupon QR codes are in " + demo.couponDir() + "; promo codes " + DemoStore.PROMOS + ".";
            }
            String welcomeNote = note;
            Optional<ShiftView> open = app.shifts().current(till);
            return () -> {
                welcome.set(welcomeNote);
                loggedIn(owner, open);
            };
        });
    }

    /** Logs a member of staff in; five wrong passwords lock the account for a while (the core's rule). */
    public void login(String username, String password) {
        if (busy.get()) {
            return;
        }
        run("Logging in…", () -> {
            Caller caller = context.staff().login(username, password);
            Optional<ShiftView> open = context.shifts().current(till);
            return () -> loggedIn(caller, open);
        });
    }

    /** Selling when this till's shift is open (whoever opened it), else the open-shift screen. */
    private void loggedIn(Caller caller, Optional<ShiftView> open) {
        cashier.set(caller);
        shift.set(open.orElse(null));
        message.set(open.isPresent() ? "" : "Count the cash float into the drawer and open the shift.");
        screen.set(open.isPresent() ? Screen.SELLING : Screen.OPEN_SHIFT);
    }

    /** Opens this till's shift with the cash float in the drawer. */
    public void openShift(String openingFloat) {
        if (busy.get()) {
            return;
        }
        BigDecimal amount = amount("cash float", openingFloat);
        if (amount == null) {
            return;
        }
        Caller who = cashier.get();
        run("Opening the shift…", () -> {
            ShiftView opened = context.shifts().open(who, till, amount);
            return () -> {
                shift.set(opened);
                message.set("");
                screen.set(Screen.SELLING);
            };
        });
    }

    /** Closes this till's shift with the cash counted in the drawer; shows its Z report. */
    public void closeShift(String countedCash) {
        if (busy.get()) {
            return;
        }
        BigDecimal amount = amount("counted cash", countedCash);
        if (amount == null) {
            return;
        }
        Caller who = cashier.get();
        run("Closing the shift…", () -> {
            ZReport report = context.shifts().close(who, till, amount);
            return () -> {
                shift.set(null);
                zReport.set(report);
                message.set("");
                screen.set(Screen.Z_REPORT);
            };
        });
    }

    /** The amount as typed, or null after saying why it is not one. */
    private BigDecimal amount(String field, String text) {
        try {
            return Money.parse(field, text);
        } catch (InvalidInputException e) {
            message.set(Messages.sentence(e.getMessage()));
            return null;
        }
    }

    /** The back office, for a manager or an owner; a cashier is refused (and never shown the button). */
    public void openBackOffice() {
        Caller who = cashier.get();
        if (who == null || !who.role().atLeast(Role.MANAGER)) {
            message.set("Only a manager or an owner can open the back office.");
            return;
        }
        message.set("");
        screen.set(Screen.BACK_OFFICE);
    }

    /** From the back office back to selling (or to opening a shift, if it was closed meanwhile). */
    public void backToTill() {
        screen.set(shift.get() == null ? Screen.OPEN_SHIFT : Screen.SELLING);
    }

    /** Back to the log-in screen. */
    public void logout() {
        if (busy.get()) {
            return;
        }
        cashier.set(null);
        zReport.set(null);
        welcome.set("");
        message.set("Logged out.");
        screen.set(Screen.LOGIN);
    }

    /** Runs a step in the background; a refusal is shown, the screen stays. */
    private void run(String progress, Callable<Runnable> step) {
        message.set(progress);
        steps.run(step);
    }

    /** A message from around the window (a scan before log-in). */
    public void notice(String text) {
        message.set(text);
    }

    /** Shown by the status bar when the live connection drops or comes back. */
    public void connectionChanged(boolean up, String description) {
        connected.set(up);
        database.set(description);
    }

    public String till() {
        return till;
    }

    /** The opened services, or null while starting or after a failure. */
    public AppContext context() {
        return context;
    }

    public ReadOnlyObjectProperty<Screen> screenProperty() {
        return screen.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty databaseProperty() {
        return database.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty connectedProperty() {
        return connected.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Caller> cashierProperty() {
        return cashier.getReadOnlyProperty();
    }

    /** This till's open shift, or null. */
    public ReadOnlyObjectProperty<ShiftView> shiftProperty() {
        return shift.getReadOnlyProperty();
    }

    /** The Z report of the shift just closed. */
    public ReadOnlyObjectProperty<ZReport> zReportProperty() {
        return zReport.getReadOnlyProperty();
    }

    /** After the first run: what the owner must write down (demo passwords), else empty. */
    public ReadOnlyStringProperty welcomeProperty() {
        return welcome.getReadOnlyProperty();
    }
}
