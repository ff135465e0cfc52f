package org.sweetshop.ui.till;

import atlantafx.base.theme.PrimerLight;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sweetshop.AppContext;
import org.sweetshop.DemoStore;
import org.sweetshop.backup.ScheduledBackup;
import org.sweetshop.catalog.SweetChanges;
import org.sweetshop.common.DatabaseUnreachableException;
import org.sweetshop.config.AppConfig;
import org.sweetshop.config.BackupSchedule;
import org.sweetshop.config.ConfigException;
import org.sweetshop.config.ConfigLoader;
import org.sweetshop.display.DisplaySettings;
import org.sweetshop.display.PoleDisplay;
import org.sweetshop.journal.OfflineSelling;
import org.sweetshop.shift.ShiftView;
import org.sweetshop.shift.ZReport;
import org.sweetshop.refund.RefundLine;
import org.sweetshop.refund.RefundView;
import org.sweetshop.sale.Receipt;
import org.sweetshop.staff.Approvable;
import org.sweetshop.staff.Approval;
import org.sweetshop.staff.Caller;
import org.sweetshop.staff.PinHolder;
import org.sweetshop.settings.StoreSettings;
import org.sweetshop.staff.Role;
import org.sweetshop.ui.common.TaskExecutor;
import org.sweetshop.ui.office.OfficeServices;
import org.sweetshop.scale.ScaleSettings;
import org.sweetshop.ui.till.customer.CustomerDisplayMode;
import org.sweetshop.ui.till.customer.CustomerPole;
import org.sweetshop.ui.till.customer.CustomerWindow;
import org.sweetshop.ui.till.sell.SellServices;
import org.sweetshop.ui.till.sell.SellSettings;
import org.sweetshop.ui.till.sell.WeighingScale;

/**
 * The till application's entry point: starts JavaFX and shows the till window; returns when it
 * is closed. The only UI class that knows {@link AppContext}: it turns it into the till's
 * {@link TillServices} (and the back office's {@link OfficeServices}).
 */
public final class TillApp {

    private static final Logger LOG = LoggerFactory.getLogger(TillApp.class);
    /** How long closing the window waits for a scheduled backup that is being written. */
    private static final Duration BACKUP_ON_CLOSE = Duration.ofSeconds(120);

    private TillApp() {
    }

    /** Opens the window and returns when it is closed: the launcher's exit code. */
    public static int run(AppConfig config) {
        CountDownLatch closed = new CountDownLatch(1);
        ExecutorService background = backgroundExecutor();
        TaskExecutor tasks = new TaskExecutor(background, Platform::runLater);
        // scheduled backups run on a thread of their own: a slow USB drive never holds up a log-in or a sale
        ExecutorService backupThread = backgroundExecutor("till-backup");
        TaskExecutor backupTasks = new TaskExecutor(backupThread, Platform::runLater);
        String till = config.terminal() == null ? "T1" : config.terminal();
        TillViewModel model = new TillViewModel(till, () -> {
            BackupSchedule schedule = ConfigLoader.backupSchedule(config.dataDir(), System.getenv());
            return services(AppContext.open(config), schedule);
        }, tasks, backupTasks);
        Platform.setImplicitExit(false);
        TillController[] controller = new TillController[1];
        model.screenProperty().addListener(new ChangeListener<>() {
            @Override
            public void changed(ObservableValue<? extends TillViewModel.Screen> obs, TillViewModel.Screen old, TillViewModel.Screen now) {
                // the till's start-up time, for anyone to read in the log
                LOG.info("start-up: {} screen shown {} ms after the JVM started", now, ManagementFactory.getRuntimeMXBean().getUptime());
                obs.removeListener(this);
            }
        });
        Properties tillSettings = ConfigLoader.tillProperties(config.dataDir());   // read once: the window and the printer
        WindowMode windowMode = WindowMode.from(tillSettings);
        // the receipt printer has a thread of its own: a printer that is away never holds up the next sale
        Optional<CounterPrinter> counterPrinter = CounterPrinter.from(tillSettings);
        ExecutorService printerThread = backgroundExecutor("till-printer");
        CounterReceipts counter = counterPrinter
                .map(printer -> new CounterReceipts(printer, new TaskExecutor(printerThread, Platform::runLater))).orElse(null);
        // the customer's side: a window (full screen on a second monitor) and a pole display, on a thread of its own
        CustomerDisplayMode customerMode = CustomerDisplayMode.from(tillSettings);
        Optional<PoleDisplay> pole = DisplaySettings.from(tillSettings).map(PoleDisplay::new);
        ExecutorService displayThread = backgroundExecutor("till-display");
        Stage[] customerStage = new Stage[1];
        startJavaFx(() -> {
            Stage stage = new Stage();
            controller[0] = new TillController(model, tasks, config, System::nanoTime, counter);
            pole.ifPresent(display -> controller[0].window().showDeviceStatus("customer-display-status",
                    new CustomerPole(display, new TaskExecutor(displayThread, Platform::runLater), CustomerWindow.LATER)
                            .follow(controller[0].customer()).statusProperty()));
            stage.setScene(scene(controller[0].window()));
            stage.setTitle("Sweetshop POS — till " + till);
            stage.setOnHidden(e -> {
                if (customerStage[0] != null) {
                    customerStage[0].close();
                }
                closed.countDown();
            });
            stage.setOnCloseRequest(e -> {
                if (!controller[0].mayClose()) {
                    e.consume();  // the selling screen says why
                }
            });
            controller[0].attach(stage);
            windowMode.apply(stage);
            stage.show();
            customerStage[0] = CustomerWindow.open(customerMode, controller[0].customer(), "Sweetshop POS — customer display, till " + till)
                    .orElse(null);
            model.start();
        });
        try {
            closed.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (controller[0] != null) {
            controller[0].close();
        }
        background.shutdownNow();
        printerThread.shutdownNow();
        counterPrinter.ifPresent(CounterPrinter::close);
        displayThread.shutdownNow();
        pole.ifPresent(PoleDisplay::close);
        backupThread.shutdown();
        awaitBackup(backupThread);
        TillServices opened = model.services();
        if (opened != null) {
            opened.close();
        }
        Platform.exit();
        return 0;
    }

    /** The scene with the theme and the till's stylesheet; the window is readable at arm's length. */
    public static Scene scene(TillWindow window) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        Scene scene = new Scene(window.root(), 1280, 800);
        scene.getStylesheets().add(TillWindow.STYLESHEET);
        return scene;
    }

    /** One daemon thread for service calls: the UI thread never waits on the database. */
    public static ExecutorService backgroundExecutor() {
        return backgroundExecutor("till-background");
    }

    private static ExecutorService backgroundExecutor(String name) {
        return Executors.newSingleThreadExecutor(r -> {
            Thread thread = new Thread(r, name);
            thread.setDaemon(true);
            return thread;
        });
    }

    /** A backup being written when the window closes is let finish (bounded) before the database closes under it. */
    private static void awaitBackup(ExecutorService backupThread) {
        try {
            if (!backupThread.awaitTermination(BACKUP_ON_CLOSE.toSeconds(), TimeUnit.SECONDS)) {
                LOG.warn("a scheduled backup still runs after {}; closing without it", BACKUP_ON_CLOSE);
                backupThread.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** What the till (and the back office it opens) calls, from the opened application (selling offline when the store allows it); no scheduled backups. */
    public static TillServices services(AppContext app) {
        return services(app, null);
    }

    /**
     * As {@link #services(AppContext)}, with the store's scheduled backups (null: none); closing it
     * closes the application.
     */
    public static TillServices services(AppContext app, BackupSchedule backupSchedule) {
        Properties tillSettings = ConfigLoader.tillProperties(app.config().dataDir());   // read once: the scale and the weight display
        WeighingScale scale = ScaleSettings.from(tillSettings).<WeighingScale>map(TillScale::new).orElse(WeighingScale.NONE);
        return new AppServices(app, new OfflineSelling(ConfigLoader.offlineSelling(app.config().dataDir(), System.getenv()),
                app.config().dataDir(), app.offlineReplay(), Clock.systemDefaultZone()), backupSchedule,
                new SellSettings(scale, ConfigLoader.pricePer100g(tillSettings)));
    }

    private record AppServices(AppContext app, OfflineSelling offline, BackupSchedule backupSchedule, SellSettings sellSettings)
            implements TillServices {

        @Override
        public boolean noStaffYet() {
            return app.staff().noStaffYet();
        }

        @Override
        public String describeDatabase() {
            return app.describeDatabase();
        }

        @Override
        public void registerOwner(String username, String password) {
            app.staff().register(null, username, Role.OWNER, password);
        }

        @Override
        public Caller login(String username, String password) {
            return app.staff().login(username, password);
        }

        @Override
        public Optional<StoreSettings> storeSettings() {
            try {
                return Optional.of(app.settings().read());
            } catch (DatabaseUnreachableException e) {
                LOG.warn("the store's settings cannot be read (the store database is away): this till's own properties are used");
                return Optional.empty();
            }
        }

        @Override
        public DemoStore.Loaded loadDemo(Caller owner, String till, Path couponDir) throws IOException {
            return DemoStore.load(app, owner, till, couponDir);
        }

        @Override
        public Optional<ShiftView> currentShift(String till) {
            return app.shifts().current(till);
        }

        @Override
        public ShiftView openShift(Caller who, String till, BigDecimal openingFloat) {
            return app.shifts().open(who, till, openingFloat);
        }

        @Override
        public ZReport closeShift(Caller who, String till, BigDecimal countedCash) {
            return app.shifts().close(who, till, countedCash);
        }

        @Override
        public ScheduledBackup scheduledBackup(Caller who, String till) {
            return app.backups().scheduled(who, backupSchedule, till);
        }

        @Override
        public boolean dailyBackupDue(String till) {
            return backupSchedule != null && app.backups().dailyDue(backupSchedule, till);
        }

        @Override
        public SellServices selling() {
            return SellServices.of(app.catalog(), app.coupons(), app.promos(), app.sales(), offline, app.taxes());
        }

        @Override
        public int offlineWaiting() {
            return offline.waiting();
        }

        @Override
        public int replayOffline(Caller who) {
            return offline.replay(who).left();
        }

        @Override
        public SweetChanges.Subscription subscribeToStock(SweetChanges.Subscriber subscriber) {
            return app.liveStock().subscribe(subscriber);
        }

        @Override
        public TillStaff staff() {
            return new AppStaff(app);
        }

        @Override
        public OfficeServices office() {
            return new OfficeServices(app.catalog(), app.stock(), app.catalogImport(), app.deliveryImport(), app.refunds(), app.coupons(),
                    app.promos(), app.staff(), app.reports(), app.auditLog(), app.conflicts(), app.settings());
        }

        @Override
        public void close() {
            if (sellSettings.scale() instanceof TillScale till) {
                till.close();
            }
            app.close();
        }
    }

    /** The till's staff calls (PINs, approvals, no sale, returns) over the opened application. */
    private record AppStaff(AppContext app) implements TillStaff {

        @Override
        public List<PinHolder> pinHolders(Caller who) {
            return app.staff().pinHolders(who);
        }

        @Override
        public Caller unlock(String username, String pin) {
            return app.staff().unlock(username, pin);
        }

        @Override
        public Approval approve(Caller who, Approvable action, String approver, String pin) {
            return app.staff().approve(who, action, approver, pin);
        }

        @Override
        public void noSale(Caller manager, String till, String reason, Runnable pulse) {
            app.drawer().open(manager, till, reason, pulse);
        }

        @Override
        public void noSale(Approval approval, String till, String reason, Runnable pulse) {
            app.drawer().open(approval, till, reason, pulse);
        }

        @Override
        public Optional<Receipt> receipt(String receiptNo) {
            return app.sales().findReceipt(receiptNo);
        }

        @Override
        public List<RefundView> refundsOf(String receiptNo) {
            return app.refunds().refundsOf(receiptNo);
        }

        @Override
        public RefundView refund(Caller manager, String receiptNo, List<RefundLine> items, String till, String reason) {
            return app.refunds().refund(manager, receiptNo, items, till, reason);
        }

        @Override
        public void recordApproval(Approval approval, String detail, String till) {
            app.staff().recordApproval(approval, detail, till);
        }
    }

    /**
     * Starts JavaFX, or says in one line what the machine lacks for a window: a display (a till
     * started over SSH, or as a service) or the GTK 3 libraries JavaFX draws with on Linux. The
     * commands need neither.
     */
    static void startJavaFx(Runnable first) {
        try {
            Platform.startup(first);
        } catch (UnsupportedOperationException e) {
            String why = String.valueOf(e.getMessage());
            if (why.contains("DISPLAY")) {
                throw new ConfigException("the till's window needs a display and there is none here (DISPLAY is not set or cannot be "
                        + "opened): start it on the till's desktop; the commands work without one (sweetshop --help)", e);
            }
            if (why.contains("GTK")) {
                throw new ConfigException("the till's window needs the GTK 3 libraries, missing here: install them (Debian/Ubuntu: "
                        + "apt-get install libgtk-3-0); the commands work without them (sweetshop --help)", e);
            }
            throw e;
        }
    }
}
