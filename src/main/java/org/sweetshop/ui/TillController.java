package org.sweetshop.ui;

import org.sweetshop.ui.common.Controls;
import java.io.File;
import java.nio.file.Path;
import java.util.concurrent.Executor;
import javafx.application.Platform;
import java.time.ZoneId;
import java.util.List;
import java.util.function.LongSupplier;
import javafx.print.PrinterJob;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import org.sweetshop.catalog.SweetChange;
import org.sweetshop.catalog.SweetChanges;
import org.sweetshop.config.AppConfig;
import org.sweetshop.report.ReportCsv;
import org.sweetshop.ui.common.TaskExecutor;
import org.sweetshop.ui.office.BackOffice;
import org.sweetshop.ui.office.OfficeServices;
import org.sweetshop.print.PdfSaveException;
import org.sweetshop.print.ReceiptText;
import org.sweetshop.print.TextPdf;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sweetshop.sale.Receipt;
import org.sweetshop.ui.till.scan.CameraScanWindow;
import org.sweetshop.ui.till.scan.ImageScan;
import org.sweetshop.ui.till.scan.ScannerInput;

/**
 * Ties the till window to the things around it: the buttons that open other windows (camera,
 * files, printing), the receipt shown after each sale, and the scanner gun on the scene.
 */
public final class TillController implements SellView.Actions, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TillController.class);

    private final TillViewModel model;
    private final Executor background;
    private final TillWindow window;
    private final AppConfig config;
    private final LongSupplier nanoClock;
    private final ImageScan imageScan;
    private Stage stage;
    private ScannerInput scanner;
    private SweetChanges.Subscription liveStock;
    private Receipt lastReceipt;

    public TillController(TillViewModel model, Executor background, AppConfig config) {
        this(model, background, config, System::nanoTime);
    }

    /** @param nanoClock the scanner gun's clock (tests type bursts against a fake one) */
    public TillController(TillViewModel model, Executor background, AppConfig config, LongSupplier nanoClock) {
        this.nanoClock = nanoClock;
        this.model = model;
        this.background = background;
        this.config = config;
        // its own thread: a large photo without a code must not hold up a payment
        this.imageScan = new ImageScan();
        this.window = new TillWindow(model, this::sellModel, this, config.dataDir().resolve("demo-coupons"), config.storeName(),
                manager -> new BackOffice(officeServices(), manager, model.till(), config.storeName(),
                        new TaskExecutor(background, Platform::runLater), model::backToTill));
    }

    private OfficeServices officeServices() {
        var app = model.context();
        return new OfficeServices(app.catalog(), app.stock(), app.catalogImport(), app.deliveryImport(), app.refunds(), app.coupons(),
                app.promos(), app.staff(), app.reports(), app.auditLog());
    }

    private SellViewModel sellModel(org.sweetshop.staff.Caller cashier) {
        SellViewModel selling = SellViewModel.of(model.context(), model.till(), cashier, background, Platform::runLater);
        if (lastReceipt != null && lastReceipt.cashier().equals(cashier.username())) {
            selling.restoreLastReceipt(lastReceipt);   // back from the back office: Reprint last still works
        }
        // subscribed before the grid loads, so no change falls between the two; the feed's
        // connection is opened off the UI thread (a slow server must not freeze the till)
        closeLiveStock();
        SweetChanges.Subscriber subscriber = new SweetChanges.Subscriber() {
            @Override
            public void changed(SweetChange change) {
                Platform.runLater(() -> selling.sweetChanged(change));
            }

            @Override
            public void resubscribed() {
                // changes made while the connection was down were not heard: load everything again
                Platform.runLater(selling::reload);
            }

            @Override
            public void status(SweetChanges.Status status) {
                Platform.runLater(() -> model.connectionChanged(status == SweetChanges.Status.LIVE,
                        status == SweetChanges.Status.LIVE ? model.context().describeDatabase()
                                : status == SweetChanges.Status.RECONNECTING ? "reconnecting to the store database…" : "not connected"));
            }
        };
        background.execute(() -> {
            SweetChanges.Subscription subscription = model.context().liveStock().subscribe(subscriber);
            Platform.runLater(() -> {
                if (window.selling() == selling) {
                    liveStock = subscription;
                } else {
                    subscription.close();  // logged out meanwhile
                }
            });
        });
        // the status bar turns red as soon as a payment finds the database unreachable
        selling.reachableProperty().addListener((obs, was, now) -> model.connectionChanged(now,
                now ? model.context().describeDatabase() : "cannot reach the store database"));
        selling.lastReceiptProperty().addListener((obs, old, receipt) -> {
            if (receipt != null) {
                lastReceipt = receipt;
                showReceipt(receipt);
            }
        });
        return selling;
    }

    public TillWindow window() {
        return window;
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

    private void closeLiveStock() {
        if (liveStock != null) {
            liveStock.close();
            liveStock = null;
        }
    }

    private void scannerFor(TillViewModel.Screen screen) {
        if (screen != TillViewModel.Screen.SELLING) {
            closeLiveStock();
        }
        if (screen == TillViewModel.Screen.SELLING && scanner == null) {
            scanner = ScannerInput.install(stage.getScene(), this::scanned, nanoClock);
        } else if (screen != TillViewModel.Screen.SELLING && scanner != null) {
            scanner.uninstall();
            scanner = null;
        }
    }

    /** A scanner gun's burst (or the camera's code): for the basket while selling. */
    private void scanned(String text) {
        SellViewModel selling = window.selling();
        if (selling != null) {
            if (window.sellView().overlayShown() && !window.sellView().overlayIs("close-shift-overlay")) {
                window.sellView().closeOverlay();  // a receipt or the keys: the next customer's scan comes first
            }
            selling.scanned(text);
        }
    }

    @Override
    public void camera() {
        if (window.selling() != null) {
            CameraScanWindow.create(stage, this::scanned).show();
        }
    }

    @Override
    public void openImage() {
        SellViewModel selling = window.selling();
        if (selling == null) {
            return;
        }
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Open a photo or screenshot of a QR code");
        chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("Images", "*.png", "*.jpg", "*.jpeg", "*.gif", "*.bmp"),
                new FileChooser.ExtensionFilter("All files", "*.*"));
        File file = chooser.showOpenDialog(stage);
        if (file != null) {
            decodeImage(file.toPath(), selling);
        }
    }

    /** Decodes a QR code from an image file off the UI thread and hands its text to the basket. */
    public void decodeImage(Path file, SellViewModel selling) {
        imageScan.scan(file).thenAcceptAsync(result -> {
            if (result.found()) {
                selling.scanned(result.text());
            } else {
                selling.notice(result.problem());
            }
        }, Platform::runLater);
    }

    @Override
    public void reprintLast() {
        SellViewModel selling = window.selling();
        if (selling != null && selling.lastReceiptProperty().get() != null) {
            showReceipt(selling.lastReceiptProperty().get(), true);
        }
    }

    @Override
    public void logout() {
        SellViewModel selling = window.selling();
        if (selling == null || selling.mayLeave()) {
            model.logout();
        }
    }

    @Override
    public boolean scanning() {
        return scanner != null && scanner.scanning();
    }

    @Override
    public void backOffice() {
        SellViewModel selling = window.selling();
        if (selling == null) {
            model.openBackOffice();   // from the open-shift screen: a manager may not need a till at all
        } else if (selling.mayLeave()) {
            model.openBackOffice();
            if (model.screenProperty().get() != TillViewModel.Screen.BACK_OFFICE) {
                selling.notice(model.messageProperty().get());
            }
        }
    }

    /** The window may close: not with a sale in the basket or on its way. */
    public boolean mayClose() {
        SellViewModel selling = window.selling();
        BackOffice office = window.office();
        return (selling == null || selling.mayLeave()) && (office == null || office.mayLeave());
    }

    @Override
    public void showReceipt(Receipt receipt) {
        showReceipt(receipt, false);
    }

    /** Shows the receipt over the selling screen with Print and Save PDF; Enter or Esc closes it. */
    public void showReceipt(Receipt receipt, boolean reprint) {
        SellView view = window.sellView();
        if (view == null) {
            return;
        }
        List<String> lines = ReceiptText.render(receipt, config.storeName(), config.currency(), ZoneId.systemDefault(), reprint);
        PrintedText printed = new PrintedText(lines, "receipt-text", 480);
        Button print = Controls.button("Print", "receipt-print", e -> print(printed.text()));
        Button save = Controls.button("Save PDF…", "receipt-pdf", e -> savePdf(lines, "receipt-" + receipt.receiptNo() + ".pdf"));
        view.showOverlay("Receipt " + receipt.receiptNo(), "receipt-overlay", printed.view(), print, save);
    }

    @Override
    public void closeShift() {
        SellView view = window.sellView();
        if (view == null || !window.selling().mayLeave()) {
            return;
        }
        Label intro = new Label("Count the cash in the drawer (float included) and type the total.");
        intro.setWrapText(true);
        TextField counted = new TextField();
        counted.setId("counted-cash");
        counted.setPromptText("Cash counted");
        Button close = Controls.button("Close shift and print Z report", "close-shift-confirm", e -> model.closeShift(counted.getText()));
        close.getStyleClass().add("danger");
        counted.setOnAction(e -> close.fire());
        Label message = new Label();
        message.setId("close-shift-message");
        message.setWrapText(true);
        message.textProperty().bind(model.messageProperty());
        view.showOverlay("Close the shift at till " + model.till(), "close-shift-overlay", new VBox(10, intro, counted, message), "Cancel", close);
        counted.requestFocus();
    }

    /** Prints through the system printer; says so where there is none. */
    @Override
    public void print(Node receipt) {
        PrinterJob job = PrinterJob.createPrinterJob();
        if (job == null) {
            say("No printer is set up on this computer: save the receipt as PDF instead.");
            return;
        }
        if (job.showPrintDialog(stage) && job.printPage(receipt)) {
            job.endJob();
            say("Receipt sent to " + job.getPrinter().getName() + ".");
        } else {
            job.cancelJob();
        }
    }

    @Override
    public void savePdf(List<String> lines, String suggestedName) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Save as PDF");
        chooser.setInitialFileName(suggestedName);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("PDF", "*.pdf"));
        File file = chooser.showSaveDialog(stage);
        if (file != null) {
            savePdf(lines, file.toPath());
        }
    }

    /** Writes the PDF off the UI thread (it is forced to disk). */
    public void savePdf(List<String> lines, Path file) {
        background.execute(() -> {
            try {
                TextPdf.write(lines, file);
                Platform.runLater(() -> inform("Saved " + file.getFileName() + "."));
            } catch (PdfSaveException e) {
                Platform.runLater(() -> say(e.getMessage() + "."));
            } catch (RuntimeException e) {
                LOG.error("cannot save {}", file, e);
                Platform.runLater(() -> say("Could not save " + file.getFileName() + " (the error is in the log)."));
            }
        });
    }

    private void inform(String text) {
        tell(true, text);
    }

    private void say(String text) {
        tell(false, text);
    }

    /** A message for whichever screen is showing: the selling screen's line, or the window's. */
    private void tell(boolean good, String text) {
        SellViewModel selling = window.selling();
        if (selling == null) {
            model.notice(text);
        } else if (good) {
            selling.inform(text);
        } else {
            selling.notice(text);
        }
    }

    @Override
    public void close() {
        closeLiveStock();
        if (scanner != null) {
            scanner.uninstall();
        }
    }
}
