package org.sweetshop.ui;

import java.util.ArrayList;
import java.util.List;
import org.sweetshop.common.Money;
import org.sweetshop.sale.Receipt;
import org.sweetshop.sale.ReceiptLine;

/** Interim receipt text until the print package's renderer lands. */
final class ReceiptLines {

    private ReceiptLines() {
    }

    static List<String> of(Receipt r) {
        List<String> lines = new ArrayList<>();
        lines.add("Till " + r.till() + "   " + r.receiptNo() + "   " + r.cashier());
        for (ReceiptLine line : r.lines()) {
            lines.add(line.quantity() + " x " + line.name() + "   " + Money.format(line.lineTotal()));
        }
        lines.add("Total " + Money.format(r.total()));
        if (r.change() != null) {
            lines.add("Tendered " + Money.format(r.tendered()) + "   change " + Money.format(r.change()));
        }
        return lines;
    }
}
