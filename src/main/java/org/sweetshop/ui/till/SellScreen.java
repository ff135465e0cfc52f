package org.sweetshop.ui.till;

import java.io.File;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.sweetshop.print.ReceiptText;
import org.sweetshop.sale.Receipt;
import org.sweetshop.staff.Approvable;
import org.sweetshop.staff.Approval;
import org.sweetshop.staff.Caller;
import org.sweetshop.staff.Role;
import org.sweetshop.ui.common.Controls;
import org.sweetshop.ui.common.TaskExecutor;
import org.sweetshop.ui.office.BackOffice;
import org.sweetshop.ui.till.scan.CameraScanWindow;
import org.sweetshop.ui.till.scan.ImageScan;
import org.sweetshop.ui.till.sell.SellView;
import org.sweetshop.ui.till.sell.SellViewModel;

/**
 * The selling screen of one logged-in cashier: its model and view, what its buttons do outside
 * selling (camera, image files, receipts, printing, closing the shift, leaving, locking the till,
 * a no sale, a return) and its live stock.
 */
final class SellScreen implements SellView.Actions, AutoCloseable {

    /**
     * What a receipt is printed with: the store's name and currency, and its address, tax number,
     * receipt header and footer where set.
     */
    record ReceiptFormat(String storeName, String currency, String address, String taxNumber, String header, String footer) {

        ReceiptFormat(String storeName, String currency) {
            this(storeName, currency, null, null, null, null);
        }

        ReceiptText.Head head() {
            return new ReceiptText.Head(storeName, address, taxNumber, header, footer);
        }
    }

    private final SellViewModel model;
    private final SellView view;
    private final TillViewModel till;
    private final ShiftScreens shifts;
    private final Printing printing;
    private final ReceiptFormat format;
    private final Supplier<Window> owner;
    private final BooleanSupplier scanning;
    private final ImageScan imageScan;
    private final TaskExecutor tasks;
    private final LiveStockFeed liveStock;
    /** The ESC/POS printer's side of this screen; null without {@code printer.uri}. */
    private final CounterReceipts.Screen counter;
    /** The printer the cash drawer hangs on, for a no sale; null without {@code printer.uri}. */
    private final CounterReceipts drawer;
    private final TillStaff staff;
    /** The last Return panel shown: while it is, a scanned receipt goes there. */
    private ReturnPanel returning;
    /** The last approval shown: while it is, a burst of keys is a PIN typed too fast, never a scan to show. */
    private ManagerApproval approving;

    /**
     * @param scanning  true while a scanner gun's keys are coming
     * @param imageScan decodes "Open image…" files on a thread of its own (a large photo must not hold up a payment)
     * @param counter   prints each sale on the till's ESC/POS printer; null when the till has none
     */
    SellScreen(SellViewModel model, TillViewModel till, TillServices services, TaskExecutor tasks, ShiftScreens shifts, Printing printing,
               ReceiptFormat format, Supplier<Window> owner, BooleanSupplier scanning, ImageScan imageScan, CounterReceipts counter) {
        this.model = model;
        this.till = till;
        this.tasks = tasks;
        this.shifts = shifts;
        this.printing = printing;
        this.format = format;
        this.owner = owner;
        this.scanning = scanning;
        this.imageScan = imageScan;
        this.view = new SellView(model, this, BackOffice.allowed(model.cashier()));
        this.liveStock = LiveStockFeed.start(services, till, model, tasks);
        model.lastReceiptProperty().addListener((obs, old, receipt) -> {
            if (receipt != null) {
                showReceipt(receipt);
            }
        });
        this.counter = counter == null ? null : counter.attach(model, () -> format);
        this.drawer = counter;
        this.staff = services.staff();
        counterButtons();
    }

    // ---- lock, no sale, return (the till's, beside the selling screen's own) -------------------

    /** Lock (F9), No sale and Return on the selling screen. */
    private void counterButtons() {
        Button lock = Controls.button("Lock (F9)", "lock", e -> lock());
        Button noSale = Controls.button("No sale", "no-sale", e -> noSale());
        Button giveBack = Controls.button("Return", "return", e -> startReturn());
        view.addSessionButtons(lock, noSale, giveBack);
        view.root().addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.F9) {
                lock();
                e.consume();
            }
        });
    }

    /** Another member of staff unlocked the till: they sell on this screen, with its basket. */
    void handOver(Caller next) {
        model.handOver(next);
        view.showBackOffice(BackOffice.allowed(next));
        view.focusSearch();
    }

    /** Locks the till (a receipt shown gives way; another panel, such as a weighing or an approval, must be finished first). */
    void lock() {
        if (view.overlayShown()) {
            if (!view.overlayIs("receipt-overlay")) {
                return;
            }
            view.closeOverlay();
        }
        till.tillLock().lock(model::notice);
    }

    /** Opens the cash drawer without a sale: a manager or owner with a reason, a cashier with a manager's approval too. */
    void noSale() {
        if (drawer == null) {
            model.notice("This till has no cash drawer to open: it opens through the receipt printer (printer.uri in sweetshop.properties).");
            return;
        }
        Caller who = model.cashier();
        TextField reason = Controls.field("no-sale-reason", "Why the drawer opens, e.g. change for the float");
        reason.setText("No sale");
        if (who.role().atLeast(Role.MANAGER)) {
            Button open = Controls.button("Open drawer", "no-sale-open",
                    e -> openDrawer(pulse -> staff.noSale(who, till.till(), reason.getText(), pulse), null, null));
            view.showOverlay("No sale", "no-sale-overlay", Forms.labelled("Reason", reason), "Cancel", open);
            return;
        }
        ManagerApproval approval = new ManagerApproval(staff, who, Approvable.NO_SALE, tasks);
        ApprovalPanel panel = new ApprovalPanel(approval, Forms.labelled("Reason", reason), () -> approval.approve(
                approved -> openDrawer(pulse -> staff.noSale(approved, till.till(), reason.getText(), pulse), approval, approved)));
        showApproval(approval, panel);
    }

    private void openDrawer(Consumer<Runnable> opening, ManagerApproval asked, Approval approved) {
        drawer.noSale(opening, () -> {
            view.closeOverlay();
            model.inform("Cash drawer opened (no sale" + (approved == null ? "" : ", approved by " + approved.approver().username()) + ").");
        }, failed -> {
            if (asked != null) {
                asked.say(failed);
            } else {
                model.notice(failed);
            }
        });
    }

    /** A return: the receipt, what comes back, then the refund (a cashier's with a manager's approval). */
    void startReturn() {
        TillReturn giving = new TillReturn(staff, till.till(), tasks);
        ReturnPanel panel = new ReturnPanel(giving);
        Button refund = Controls.button("Refund", "return-refund", e -> refund(giving));
        refund.disableProperty().bind(giving.busyProperty());
        view.showOverlay("Return", "return-overlay", panel.content(), "Cancel", refund);
        returning = panel;
        panel.focus();
    }

    private void refund(TillReturn giving) {
        if (!giving.ready()) {
            return;
        }
        Caller who = model.cashier();
        Consumer<String> done = text -> {
            view.closeOverlay();
            model.inform(text);
        };
        if (who.role().atLeast(Role.MANAGER)) {
            giving.refund(who, null, done, refused -> { });
            return;
        }
        ManagerApproval approval = new ManagerApproval(staff, who, Approvable.REFUND, tasks);
        Label asked = Forms.text("Refund " + giving.summary() + " on receipt " + giving.receiptNoProperty().get() + ".");
        asked.setId("approval-asked");
        ApprovalPanel panel = new ApprovalPanel(approval, asked, () -> approval.approve(
                approved -> giving.refund(approved.approver(), approved, done, approval::say)));
        showApproval(approval, panel);
    }

    private void showApproval(ManagerApproval approval, ApprovalPanel panel) {
        view.showOverlay("Manager approval: " + approval.action().title(), "approval-overlay", panel.content(), "Cancel");
        approving = approval;
        panel.focus();
        approval.load();
    }

    SellViewModel model() {
        return model;
    }

    SellView view() {
        return view;
    }

    /** A scanner gun's burst (or the camera's code): for the basket. A receipt or the keys shown give way to the next customer's scan. */
    void scanned(String text) {
        if (approving != null && view.overlayIs("approval-overlay")) {
            approving.typedTooFast();   // its digits are a PIN: never shown, nor sent to the basket
            return;
        }
        if (returning != null && view.overlayIs("return-overlay")) {
            returning.scanned(text);   // the receipt's QR code, for the return
            return;
        }
        if (view.overlayShown() && !view.overlayIs("close-shift-overlay")) {
            view.closeOverlay();
        }
        model.scanned(text);
    }

    @Override
    public void camera() {
        CameraScanWindow.create(owner.get(), this::scanned).show();
    }

    @Override
    public void openImage() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Open a photo or screenshot of a QR code");
        chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("Images", "*.png", "*.jpg", "*.jpeg", "*.gif", "*.bmp"),
                new FileChooser.ExtensionFilter("All files", "*.*"));
        File file = chooser.showOpenDialog(owner.get());
        if (file != null) {
            decodeImage(file.toPath());
        }
    }

    /** Decodes a QR code from an image file off the UI thread and hands its text to the basket. */
    void decodeImage(Path file) {
        imageScan.scan(file).thenAcceptAsync(result -> {
            if (result.found()) {
                model.scanned(result.text());
            } else {
                model.notice(result.problem());
            }
        }, tasks::onUi);
    }

    @Override
    public void reprintLast() {
        if (model.lastReceiptProperty().get() != null) {
            showReceipt(model.lastReceiptProperty().get(), true);
            if (counter != null) {
                counter.reprintLast();
            }
        }
    }

    @Override
    public void logout() {
        if (model.mayLeave()) {
            till.logout();
        }
    }

    @Override
    public boolean scanning() {
        return scanning.getAsBoolean();
    }

    @Override
    public void backOffice() {
        if (model.mayLeave()) {
            till.openBackOffice();
            if (till.screenProperty().get() != TillViewModel.Screen.BACK_OFFICE) {
                model.notice(till.messageProperty().get());
            }
        }
    }

    @Override
    public void showReceipt(Receipt receipt) {
        showReceipt(receipt, false);
    }

    /** Shows the receipt over the selling screen with Print and Save PDF; Enter or Esc closes it. */
    private void showReceipt(Receipt receipt, boolean reprint) {
        List<String> lines = ReceiptText.render(receipt, format.head(), format.currency(), ZoneId.systemDefault(), reprint,
                ReceiptText.WIDTH);
        PrintedText printed = new PrintedText(lines, "receipt-text", 480);
        Button print = Controls.button("Print", "receipt-print", e -> print(printed.text()));
        Button save = Controls.button("Save PDF…", "receipt-pdf", e -> savePdf(lines, "receipt-" + receipt.receiptNo() + ".pdf"));
        view.showOverlay("Receipt " + receipt.receiptNo(), "receipt-overlay", printed.view(), print, save);
    }

    @Override
    public void closeShift() {
        if (!model.mayLeave()) {
            return;
        }
        ShiftScreens.CloseShiftForm form = shifts.closeShift();
        view.showOverlay("Close the shift at till " + till.till(), "close-shift-overlay", form.content(), "Cancel", form.confirm());
        form.counted().requestFocus();
    }

    @Override
    public void print(Node document) {
        printing.print(document);
    }

    @Override
    public void savePdf(List<String> lines, String suggestedName) {
        printing.savePdf(lines, suggestedName);
    }

    /** The screen is gone: its live stock stops. */
    @Override
    public void close() {
        liveStock.close();
    }
}
