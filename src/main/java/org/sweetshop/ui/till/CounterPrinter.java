package org.sweetshop.ui.till;

import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import org.sweetshop.common.DeviceUnavailableException;
import org.sweetshop.printer.PrinterSettings;
import org.sweetshop.printer.ReceiptPrinter;
import org.sweetshop.sale.Receipt;

/**
 * The receipt printer on the counter (ESC/POS, with the cash drawer plugged into it), as the till
 * window sees it. It is called off the UI thread and may take up to the printer's timeouts.
 */
interface CounterPrinter extends AutoCloseable {

    /**
     * Opens the drawer when cash was taken, then prints the receipt.
     *
     * @param reprint   true for Reprint last: the receipt says {@code REPRINT}
     * @param cashTaken true to open the cash drawer before the receipt
     * @throws DeviceUnavailableException when the printer did not take the pulse or the receipt
     */
    void print(Receipt receipt, SellScreen.ReceiptFormat format, boolean reprint, boolean cashTaken);

    /**
     * Opens the cash drawer without a sale (an approved no sale).
     *
     * @throws DeviceUnavailableException when the printer did not take the pulse
     */
    default void openDrawer() {
        throw new UnsupportedOperationException("this printer has no cash drawer to open");
    }

    @Override
    void close();

    /**
     * The till's ESC/POS printer from its {@code sweetshop.properties} ({@code printer.uri} and the
     * rest, {@link PrinterSettings#from}); empty when {@code printer.uri} is not set.
     */
    static Optional<CounterPrinter> from(Properties tillProperties) {
        return PrinterSettings.from(tillProperties, null).map(settings -> new EscPos(new ReceiptPrinter(settings)));
    }

    /** Over the printer package's {@link ReceiptPrinter}. */
    final class EscPos implements CounterPrinter {

        private final ReceiptPrinter printer;

        EscPos(ReceiptPrinter printer) {
            this.printer = Objects.requireNonNull(printer, "printer");
        }

        @Override
        public void print(Receipt receipt, SellScreen.ReceiptFormat format, boolean reprint, boolean cashTaken) {
            if (cashTaken) {
                printer.openDrawer();
            }
            printer.print(receipt, format.head(), format.currency(), ZoneId.systemDefault(), reprint);
        }

        @Override
        public void openDrawer() {
            printer.openDrawer();
        }

        @Override
        public void close() {
            printer.close();
        }
    }
}
