package org.sweetshop.ui.till;

import java.util.Objects;
import java.util.function.Supplier;
import org.sweetshop.common.DeviceUnavailableException;
import org.sweetshop.sale.Receipt;
import org.sweetshop.ui.common.BackgroundTask;
import org.sweetshop.ui.common.Messages;
import org.sweetshop.ui.common.TaskExecutor;
import org.sweetshop.ui.till.sell.SellViewModel;

/**
 * Sends each sale's receipt to the {@link CounterPrinter}, opening the drawer first when cash was
 * taken, and Reprint last again. The printing runs on a thread of its own ({@code printTasks}),
 * never the UI thread nor the thread the sales are sent on: the sale is made and the basket cleared
 * before the receipt is sent, and the next sale can start while the printer is slow or away. A
 * printer fault is said on the selling screen, the receipt to be reprinted once the printer is back.
 */
final class CounterReceipts {

    private final CounterPrinter printer;
    private final TaskExecutor printTasks;

    CounterReceipts(CounterPrinter printer, TaskExecutor printTasks) {
        this.printer = Objects.requireNonNull(printer, "printer");
        this.printTasks = Objects.requireNonNull(printTasks, "printTasks");
    }

    /**
     * Prints every sale made on this selling screen from now on (a receipt restored from before is
     * not printed again); the result's {@link Screen#reprintLast()} is the screen's Reprint last.
     */
    Screen attach(SellViewModel model, Supplier<SellScreen.ReceiptFormat> format) {
        Screen screen = new Screen(model, format);
        model.lastReceiptProperty().addListener((obs, old, receipt) -> {
            if (receipt != null) {
                screen.send(receipt, false, receipt.tendered() != null);   // cash taken, alone or in a split sale
            }
        });
        return screen;
    }

    /**
     * A no sale: {@code opening} (the service call that checks who may and writes the audit entry)
     * is given the drawer's pulse, and runs on the printer's thread, like every receipt; then
     * {@code done} on the UI thread, or {@code failed} with the sentence to show.
     */
    void noSale(java.util.function.Consumer<Runnable> opening, Runnable done, java.util.function.Consumer<String> failed) {
        BackgroundTask.of(() -> opening.accept(printer::openDrawer))
                .onSuccess(nothing -> done.run())
                .onFailure(e -> failed.accept(e instanceof DeviceUnavailableException ? Messages.sentence(e.getMessage()) : Messages.of(e)))
                .executeWith(printTasks);
    }

    /** What the cashier reads when a receipt did not print. */
    static String notPrinted(Exception e) {
        String why = e instanceof DeviceUnavailableException ? e.getMessage() : Messages.of(e);
        return "Receipt not printed: " + why + (why.endsWith(".") ? "" : ".") + " Reprint when the printer is back.";
    }

    /** One selling screen's receipts. */
    final class Screen {

        private final SellViewModel model;
        private final Supplier<SellScreen.ReceiptFormat> format;

        private Screen(SellViewModel model, Supplier<SellScreen.ReceiptFormat> format) {
            this.model = model;
            this.format = format;
        }

        /** The last sale's receipt again, marked REPRINT; the drawer stays shut. */
        void reprintLast() {
            Receipt receipt = model.lastReceiptProperty().get();
            if (receipt != null) {
                send(receipt, true, false);
            }
        }

        private void send(Receipt receipt, boolean reprint, boolean cashTaken) {
            SellScreen.ReceiptFormat shown = format.get();
            BackgroundTask.of(() -> printer.print(receipt, shown, reprint, cashTaken))
                    .onSuccess(done -> {
                        if (reprint) {
                            model.inform("Receipt " + receipt.receiptNo() + " printed again.");
                        }
                    })
                    .onFailure(e -> model.notice(notPrinted(e)))
                    .executeWith(printTasks);
        }
    }
}
