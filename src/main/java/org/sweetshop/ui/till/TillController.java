package org.sweetshop.ui.till;

import java.util.function.LongSupplier;
import javafx.stage.Stage;
import org.sweetshop.config.AppConfig;
import org.sweetshop.sale.Receipt;
import org.sweetshop.sale.SaleIds;
import org.sweetshop.settings.StoreSettings;
import org.sweetshop.staff.Caller;
import org.sweetshop.ui.common.TaskExecutor;
import org.sweetshop.ui.office.BackOffice;
import org.sweetshop.ui.till.scan.ImageScan;
import org.sweetshop.ui.till.scan.ScannerInput;
import org.sweetshop.ui.till.customer.CustomerViewModel;
import org.sweetshop.ui.till.customer.CustomerWindow;
import org.sweetshop.ui.till.sell.SellSettings;
import org.sweetshop.ui.till.sell.SellViewModel;

/**
 * Ties the till window to what is around it: makes the selling screen for each cashier (and the
 * back office for a manager), puts the scanner gun on the scene while selling, keeps the last
 * receipt across screens, and says whether the window may close.
 */
public final class TillController implements AutoCloseable {

    private final TillViewModel model;
    private final TaskExecutor tasks;
    private final AppConfig config;
    private final LongSupplier nanoClock;
    // its own thread: a large photo without a code must not hold up a payment
    private final ImageScan imageScan = new ImageScan();
    private final Printing printing;
    private final TillWindow window;
    /** Each sale's receipt on the till's ESC/POS printer; null without {@code printer.uri}. */
    private final CounterReceipts counter;
    /** What the customer window and the pole display show: the selling screen of the moment, or the welcome. */
    private final CustomerViewModel customer;
    private Stage stage;
    private ScannerInput scanner;
    private SellScreen selling;
    private Receipt lastReceipt;

    public TillController(TillViewModel model, TaskExecutor tasks, AppConfig config) {
        this(model, tasks, config, System::nanoTime);
    }

    /** @param nanoClock the scanner gun's clock (tests type bursts against a fake one) */
    public TillController(TillViewModel model, TaskExecutor tasks, AppConfig config, LongSupplier nanoClock) {
        this(model, tasks, config, nanoClock, null);
    }

    /**
     * @param counter prints each sale's receipt on the till's ESC/POS printer (and opens the drawer
     *                for cash); null when {@code printer.uri} is not set
     */
    TillController(TillViewModel model, TaskExecutor tasks, AppConfig config, LongSupplier nanoClock, CounterReceipts counter) {
        this.model = model;
        this.counter = counter;
        this.tasks = tasks;
        this.config = config;
        this.nanoClock = nanoClock;
        this.printing = new Printing(tasks, () -> stage, this::tell);
        this.customer = new CustomerViewModel(config.storeName(), CustomerWindow.LATER);
        this.window = new TillWindow(model, this::sellScreen, this::office, printing, config.dataDir().resolve("demo-coupons"),
                config.storeName());
    }

    public TillWindow window() {
        return window;
    }

    /** What the customer is shown (the customer window and the pole display follow it). */
    public CustomerViewModel customer() {
        return customer;
    }

    private SellScreen sellScreen(Caller cashier) {
        closeSelling();
        TillServices services = model.services();
        // the store's settings as read at log-in; while the store has not set them (or they could not be read), the till's properties
        StoreSettings store = model.storeSettings().orElse(null);
        SellSettings sellSettings = store == null ? services.sellSettings()
                : new SellSettings(services.sellSettings().scale(), store.pricePer100g(), store.cashRounding(), store.pricesIncludeTax());
        SellScreen.ReceiptFormat format = store == null ? new SellScreen.ReceiptFormat(config.storeName(), config.currency())
                : new SellScreen.ReceiptFormat(store.storeName(), store.currencyCode(), store.address(), store.taxNumber(),
                        store.receiptHeader(), store.receiptFooter());
        SellViewModel sell = new SellViewModel(services.selling(), model.till(), cashier, tasks, SaleIds::next, sellSettings);
        if (lastReceipt != null && lastReceipt.cashier().equals(cashier.username())) {
            sell.restoreLastReceipt(lastReceipt);   // back from the back office: Reprint last still works
        }
        sell.lastReceiptProperty().addListener((obs, old, receipt) -> {
            if (receipt != null) {
                lastReceipt = receipt;
            }
        });
        customer.follow(sell, format.storeName());
        selling = new SellScreen(sell, model, services, tasks, window.shifts(), printing,
                format, () -> stage, this::scanning, imageScan, counter);
        return selling;
    }

    private BackOffice office(Caller manager) {
        String storeName = model.storeSettings().map(StoreSettings::storeName).orElse(config.storeName());
        return new BackOffice(model.services().office(), manager, model.till(), storeName, tasks, model::backToTill);
    }

    /**
     * Called once the window's stage and scene exist. While selling, the scanner gun works
     * wherever the focus is; on the other screens keys are left alone (a password manager typing
     * a password and Enter fast is not a scan).
     */
    public void attach(Stage owner) {
        this.stage = owner;
        model.screenProperty().addListener((obs, old, now) -> scannerFor(now));
        scannerFor(model.screenProperty().get());
    }

    private void scannerFor(TillViewModel.Screen screen) {
        boolean sellingNow = screen == TillViewModel.Screen.SELLING;
        if (!sellingNow && screen != TillViewModel.Screen.LOCKED) {
            closeSelling();   // locked, the selling screen is kept (not its scanner gun: a locked till takes no scan)
        }
        if (sellingNow && scanner == null) {
            scanner = ScannerInput.install(stage.getScene(), this::scanned, nanoClock);
        } else if (!sellingNow && scanner != null) {
            scanner.uninstall();
            scanner = null;
        }
    }

    private void scanned(String text) {
        SellScreen screen = window.selling();
        if (screen != null) {
            screen.scanned(text);
        }
    }

    private boolean scanning() {
        return scanner != null && scanner.scanning();
    }

    /** The window may close: not with a sale in the basket or on its way, nor an unsaved coupon batch. */
    public boolean mayClose() {
        SellScreen screen = window.selling();
        BackOffice office = window.office();
        return (screen == null || screen.model().mayLeave()) && (office == null || office.mayLeave());
    }

    /** A message for whichever screen is showing: the selling screen's line, or the window's. */
    private void tell(boolean good, String text) {
        SellScreen screen = window.selling();
        if (screen == null) {
            model.notice(text);
        } else if (good) {
            screen.model().inform(text);
        } else {
            screen.model().notice(text);
        }
    }

    private void closeSelling() {
        if (selling != null) {
            selling.close();
            selling = null;
            customer.stopFollowing();
        }
    }

    @Override
    public void close() {
        closeSelling();
        if (scanner != null) {
            scanner.uninstall();
        }
    }
}
