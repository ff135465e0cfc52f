package org.sweetshop.ui.till;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sweetshop.DemoStore;
import org.sweetshop.common.InvalidInputException;
import org.sweetshop.common.Money;
import org.sweetshop.config.BackupSchedule;
import org.sweetshop.settings.StoreSettings;
import org.sweetshop.shift.ShiftView;
import org.sweetshop.shift.ZReport;
import org.sweetshop.staff.Caller;
import org.sweetshop.ui.common.BackgroundTask;
import org.sweetshop.ui.common.Busy;
import org.sweetshop.ui.common.Messages;
import org.sweetshop.ui.common.TaskExecutor;
import org.sweetshop.ui.office.BackOffice;

/**
 * The till window's journey: the database starts, then the first-run screen (an empty store)
 * or the log-in screen, the open-shift screen, selling for the logged-in cashier (locked between
 * cashiers, {@link TillLock}), the Z report.
 * Service calls are {@link BackgroundTask}s; no {@code javafx.scene} class, so tests drive it with
 * {@link TaskExecutor#sameThread()}.
 *
 * <p>Scheduled backups (when the store sets {@code backup.dir}): one after every shift close and
 * one at the day's first log-in, each on the backup executor, never waited for: the shift is
 * closed (and the Z report shown) before its backup starts. How it went is
 * {@link #backupProperty()} ("Backup saved to …" or "Backup failed: …"), and logged.
 */
public final class TillViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(TillViewModel.class);

    /** Which screen the window shows. */
    public enum Screen { STARTING, FAILED, FIRST_RUN, LOGIN, OPEN_SHIFT, SELLING, LOCKED, Z_REPORT, BACK_OFFICE }

    private record Started(TillServices services, boolean empty, String where) {
    }

    private final String till;
    private final Callable<TillServices> opener;
    private final TaskExecutor tasks;
    private final TaskExecutor backupTasks;
    private final Busy busy = new Busy();
    private final ReadOnlyObjectWrapper<Screen> screen = new ReadOnlyObjectWrapper<>(Screen.STARTING);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("Starting the store database…");
    private final ReadOnlyStringWrapper database = new ReadOnlyStringWrapper("connecting…");
    private final ReadOnlyBooleanWrapper connected = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyObjectWrapper<Caller> cashier = new ReadOnlyObjectWrapper<>();
    /** The store's settings as read at the last log-in; empty: this till's own properties. */
    private Optional<StoreSettings> storeSettings = Optional.empty();
    private final ReadOnlyStringWrapper welcome = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<ShiftView> shift = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<ZReport> zReport = new ReadOnlyObjectWrapper<>();
    private final javafx.beans.property.ReadOnlyIntegerWrapper offlineWaiting = new javafx.beans.property.ReadOnlyIntegerWrapper(0);
    private final javafx.beans.property.ReadOnlyIntegerWrapper offlineUnsent = new javafx.beans.property.ReadOnlyIntegerWrapper(0);
    private boolean replaying;
    private final ReadOnlyStringWrapper backup = new ReadOnlyStringWrapper("");
    private TillServices services;
    private final TillLock lock;

    /** @param opener opens the store's services (starting the database): run in the background */
    public TillViewModel(String till, Callable<TillServices> opener, TaskExecutor tasks) {
        this(till, opener, tasks, tasks);
    }

    /** @param backupTasks runs the scheduled backups (the app gives them a thread of their own) */
    public TillViewModel(String till, Callable<TillServices> opener, TaskExecutor tasks, TaskExecutor backupTasks) {
        this.till = till;
        this.opener = opener;
        this.tasks = tasks;
        this.backupTasks = backupTasks;
        this.lock = new TillLock(this, tasks);
    }

    /** The lock screen's side: locking while selling, unlocking with a PIN. */
    public TillLock tillLock() {
        return lock;
    }

    /** Locked ({@link TillLock}): the selling screen stays, hidden, with its basket. */
    void locked() {
        message.set("");
        screen.set(Screen.LOCKED);
    }

    /**
     * Unlocked by {@code next}'s PIN: they are the cashier from now on, selling in the till's open
     * shift (a shift is the till's, whoever opened it; its Z report counts every sale made in it).
     */
    void unlockedBy(Caller next) {
        cashier.set(next);
        message.set("");
        screen.set(Screen.SELLING);
    }

    /** Opens the database in the background; then shows first-run or log-in. */
    public void start() {
        message.set("Starting the store database…");
        screen.set(Screen.STARTING);
        BackgroundTask.of(() -> {
            TillServices opened = opener.call();
            return new Started(opened, opened.noStaffYet(), opened.describeDatabase());
        }).showingBusy(busy).onSuccess(started -> {
            services = started.services();
            database.set(started.where());
            connected.set(true);
            message.set(started.empty() ? "Welcome! Create the owner's account to set up this shop." : "");
            screen.set(started.empty() ? Screen.FIRST_RUN : Screen.LOGIN);
        }).onFailure(e -> {
            LOG.error("start-up failed", e);
            message.set("The store database could not be opened: " + e.getMessage());
            database.set("not connected");
            connected.set(false);
            screen.set(Screen.FAILED);
        }).executeWith(tasks);
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
        TillServices app = services;
        run("Creating the owner's account…", () -> {
            app.registerOwner(username, password);
            Caller owner = app.login(username, password);
            String note = "";
            if (loadDemo) {
                DemoStore.Loaded demo = app.loadDemo(owner, till, couponDir);
                note = "Demo store loaded. Write these down: manager / " + demo.managerPassword() + ", cashier / "
                        + demo.cashierPassword() + ". Coupon QR codes are in " + demo.couponDir() + "; promo codes " + DemoStore.PROMOS + ".";
            }
            String welcomeNote = note;
            Optional<ShiftView> open = app.currentShift(till);
            Optional<StoreSettings> settings = app.storeSettings();
            return () -> {
                welcome.set(welcomeNote);
                loggedIn(owner, open, settings);
            };
        });
    }

    /** Logs a member of staff in; five wrong passwords lock the account for a while (the core's rule). */
    public void login(String username, String password) {
        if (busy.get()) {
            return;
        }
        TillServices app = services;
        run("Logging in…", () -> {
            Caller caller = app.login(username, password);
            Optional<ShiftView> open = app.currentShift(till);
            Optional<StoreSettings> settings = app.storeSettings();
            return () -> loggedIn(caller, open, settings);
        });
    }

    /** Selling when this till's shift is open (whoever opened it), else the open-shift screen. */
    private void loggedIn(Caller caller, Optional<ShiftView> open, Optional<StoreSettings> settings) {
        storeSettings = settings;
        cashier.set(caller);
        replayOffline();
        shift.set(open.orElse(null));
        message.set(open.isPresent() ? "" : "Count the cash float into the drawer and open the shift.");
        screen.set(open.isPresent() ? Screen.SELLING : Screen.OPEN_SHIFT);
        scheduledBackup(caller, "daily backup", true);
    }

    /** Opens this till's shift with the cash float in the drawer. */
    public void openShift(String openingFloat) {
        shiftStep("cash float", openingFloat, "Opening the shift…", (app, who, amount) -> app.openShift(who, till, amount), opened -> {
            shift.set(opened);
            show(Screen.SELLING);
        });
    }

    /** Closes this till's shift with the cash counted in the drawer; shows its Z report. */
    /** Closes the shift once the offline sales are sent (their cash gets its shift at replay: a Z report before would lack it). */
    public void closeShift(String countedCash) {
        shiftStep("counted cash", countedCash, "Closing the shift…", (app, who, amount) -> {
            int left = app.offlineWaiting() == 0 ? 0 : app.replayOffline(who);
            return left > 0 ? new Closing(null, left) : new Closing(app.closeShift(who, till, amount), 0);
        }, closing -> {
            if (closing.report() == null) {
                offlineWaiting.set(closing.waiting());
                offlineUnsent.set(closing.waiting());
                message.set(closing.waiting() + " offline sale" + (closing.waiting() == 1 ? " has" : "s have")
                        + " not reached the store database yet: close the shift when they are sent.");
                return;
            }
            shift.set(null);
            zReport.set(closing.report());
            show(Screen.Z_REPORT);
            scheduledBackup(cashier.get(), "backup", false);
        });
    }

    /** A shift closed (its Z report), or not closed because {@code waiting} offline sales are not sent yet. */
    private record Closing(ZReport report, int waiting) { }

    /**
     * A scheduled backup in the background, if the store sets a backup folder: after a shift close
     * always, at a log-in only when no backup of this till was made today ({@code dailyOnly}). Its
     * outcome goes to {@link #backupProperty()} and the log; a failure never undoes what triggered it.
     */
    private void scheduledBackup(Caller who, String what, boolean dailyOnly) {
        TillServices app = services;
        BackupSchedule schedule = app == null ? null : app.backupSchedule();
        if (schedule == null || who == null) {
            return;
        }
        String label = Character.toUpperCase(what.charAt(0)) + what.substring(1);
        if (!dailyOnly) {
            backup.set(label + " to " + schedule.dir() + "…");
        }
        BackgroundTask.of(() -> dailyOnly && !app.dailyBackupDue(till) ? null : app.scheduledBackup(who, till)).onSuccess(done -> {
            if (done != null) {
                LOG.info("{} saved to {} ({} bytes; {} old one(s) removed)", what, done.backup().file(), done.backup().bytes(),
                        done.removed().size());
                backup.set(label + " saved to " + done.backup().file());
            }
        }).onFailure(e -> {
            LOG.warn("{} to {} failed", what, schedule.dir(), e);
            backup.set(label + " failed: " + Messages.of(e) + " Check the backup drive (" + schedule.dir() + ").");
        }).executeWith(backupTasks);
    }

    /** A call of the shift's with an amount of cash. */
    private interface ShiftCall<T> {
        T call(TillServices app, Caller who, BigDecimal amount);
    }

    /** Sends an amount as typed for this shift step, or says why it is not one and sends nothing. */
    private <T> void shiftStep(String field, String typed, String progress, ShiftCall<T> call, Consumer<T> then) {
        BigDecimal amount = busy.get() ? null : amount(field, typed);
        if (amount == null) {
            return;
        }
        Caller who = cashier.get();
        TillServices app = services;
        run(progress, () -> {
            T result = call.call(app, who, amount);
            return () -> then.accept(result);
        });
    }

    /** The amount as typed, or null after saying why it is not one. */
    private BigDecimal amount(String field, String text) {
        try {
            return Money.parse(field, text);
        } catch (InvalidInputException e) {
            message.set(Messages.of(e));
            return null;
        }
    }

    /** The back office, for a manager or an owner; a cashier is refused (and never shown the button). */
    public void openBackOffice() {
        if (!BackOffice.allowed(cashier.get())) {
            message.set("Only a manager or an owner can open the back office.");
            return;
        }
        show(Screen.BACK_OFFICE);
    }

    /** The store's settings as read at log-in (empty: use this till's own properties). */
    public Optional<StoreSettings> storeSettings() {
        return storeSettings;
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

    private void show(Screen next) {
        message.set("");
        screen.set(next);
    }

    /** Runs a step in the background; its result is applied on the UI thread, a refusal is shown and the screen stays. */
    private void run(String progress, Callable<Runnable> step) {
        message.set(progress);
        BackgroundTask.of(step).showingBusy(busy).onSuccess(Runnable::run).onFailure(e -> message.set(Messages.of(e))).executeWith(tasks);
    }

    /** A message from around the window (a scan before log-in). */
    public void notice(String text) {
        message.set(text);
    }

    /** Shown by the status bar when the live connection drops or comes back. */
    public void connectionChanged(boolean up, String description) {
        connected.set(up);
        database.set(description);
        if (up) {
            replayOffline();
        } else {
            refreshOffline();
        }
    }

    /** After a sale (made online or journaled offline): the status bar's count of sales waiting. */
    public void refreshOffline() {
        TillServices app = services;
        if (app == null) {
            return;
        }
        BackgroundTask.of(app::offlineWaiting).onSuccess(n -> {
            offlineWaiting.set(n);
            offlineUnsent.set(Math.min(n, offlineUnsent.get()));
        })
                .onFailure(e -> LOG.warn("cannot count the offline journal: {}", e.getMessage())).executeWith(tasks);
    }

    /**
     * The database is back (or a cashier logged in): the sales made offline are sent, in the
     * background, each once under its sale id; a failure leaves them waiting for the next time.
     */
    public void replayOffline() {
        TillServices app = services;
        Caller who = cashier.get();
        if (app == null || who == null || replaying) {
            refreshOffline();
            return;
        }
        replaying = true;
        BackgroundTask.of(() -> app.offlineWaiting() == 0 ? 0 : app.replayOffline(who))
                .onSuccess(left -> {
                    replaying = false;
                    offlineWaiting.set(left);
                    offlineUnsent.set(left);
                })
                .onFailure(e -> {
                    replaying = false;
                    LOG.warn("the offline sales could not be sent yet: {}", e.getMessage());
                    refreshOffline();
                }).executeWith(tasks);
    }

    /** How many sales made offline wait to be sent ("offline: N sales waiting" in the status bar). */
    public javafx.beans.property.ReadOnlyIntegerProperty offlineWaitingProperty() {
        return offlineWaiting.getReadOnlyProperty();
    }

    /** How many waiting sales a replay with the database reachable could not send ("K could not be sent"). */
    public javafx.beans.property.ReadOnlyIntegerProperty offlineUnsentProperty() {
        return offlineUnsent.getReadOnlyProperty();
    }

    public String till() {
        return till;
    }

    /** The opened services, or null while starting or after a failure. */
    public TillServices services() {
        return services;
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
        return busy.property();
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

    /** How the last scheduled backup went ("Backup saved to …", "Backup failed: …"); empty before the first. */
    public ReadOnlyStringProperty backupProperty() {
        return backup.getReadOnlyProperty();
    }

    /** After the first run: what the owner must write down (demo passwords), else empty. */
    public ReadOnlyStringProperty welcomeProperty() {
        return welcome.getReadOnlyProperty();
    }
}
