package org.sweetshop.ui.till;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.Optional;
import org.sweetshop.DemoStore;
import org.sweetshop.backup.ScheduledBackup;
import org.sweetshop.catalog.SweetChanges;
import org.sweetshop.config.BackupSchedule;
import org.sweetshop.settings.StoreSettings;
import org.sweetshop.shift.ShiftView;
import org.sweetshop.shift.ZReport;
import org.sweetshop.staff.Caller;
import org.sweetshop.ui.office.BackOffice;
import org.sweetshop.ui.office.OfficeServices;
import org.sweetshop.ui.till.sell.SellServices;
import org.sweetshop.ui.till.sell.SellSettings;

/**
 * What the till calls, and nothing more: the entry point ({@link TillApp#services}) builds it from
 * the opened application; tests may build it from theirs.
 */
public interface TillServices extends AutoCloseable {

    /** True for a store with no staff yet: the first run creates its owner. */
    boolean noStaffYet();

    /** Where the store database is, for the status bar. */
    String describeDatabase();

    /** The store's first account, which is always an owner's. */
    void registerOwner(String username, String password);

    Caller login(String username, String password);

    /** The demo store (sweets, a manager, a cashier, coupons written as QR codes to {@code couponDir}, promo codes). */
    DemoStore.Loaded loadDemo(Caller owner, String till, Path couponDir) throws IOException;

    /** This till's open shift, if one is. */
    Optional<ShiftView> currentShift(String till);

    ShiftView openShift(Caller who, String till, BigDecimal openingFloat);

    ZReport closeShift(Caller who, String till, BigDecimal countedCash);

    /** The store's scheduled backups ({@code backup.dir}, {@code backup.keep}), or null when none are set. */
    BackupSchedule backupSchedule();

    /**
     * A scheduled backup of the store into {@link #backupSchedule()}'s folder, keeping the newest N
     * of this till's backups there (slow: the caller runs it off the UI thread and never waits on it).
     */
    ScheduledBackup scheduledBackup(Caller who, String till);

    /** True when the backup folder holds no backup of this till from today: the day's first log-in takes one. */
    boolean dailyBackupDue(String till);

    /** The selling screen's services. */
    SellServices selling();

    /**
     * This till's scale and how prices of weighed sweets are shown (per 100 g or per kg); by
     * default no scale (weights typed on the keypad) and per 100 g. The app adapts its scale
     * driver and the store setting here.
     */
    default SellSettings sellSettings() {
        return SellSettings.DEFAULT;
    }

    /**
     * The store's settings, read at each log-in (slow: off the UI thread): the receipt's store
     * name and currency and how weighed prices are shown. Empty when they cannot be read (the
     * store database is away) or by default: then the till's own properties, as before.
     */
    default Optional<StoreSettings> storeSettings() {
        return Optional.empty();
    }

    /** Live stock: the subscriber hears every sweet changed anywhere in the store. Opens the feed on first use (blocking). */
    SweetChanges.Subscription subscribeToStock(SweetChanges.Subscriber subscriber);

    /** How many sales made offline wait in this till's journal (0 when offline selling is off). */
    default int offlineWaiting() {
        return 0;
    }

    /** Sends the sales made offline to the store database (each once, under its sale id); returns how many still wait. */
    default int replayOffline(Caller who) {
        return 0;
    }

    /** PINs, approvals, no sale and returns at the till (the lock screen, the approval dialog). */
    TillStaff staff();

    /** The {@link BackOffice}'s services. */
    OfficeServices office();

    /** Closes the services (and the database they opened). */
    @Override
    void close();
}
