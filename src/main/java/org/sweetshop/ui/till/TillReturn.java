package org.sweetshop.ui.till;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.sweetshop.common.Money;
import org.sweetshop.common.Quantity;
import org.sweetshop.common.SoldBy;
import org.sweetshop.refund.RefundLine;
import org.sweetshop.refund.RefundView;
import org.sweetshop.sale.Receipt;
import org.sweetshop.sale.ReceiptLine;
import org.sweetshop.staff.Approval;
import org.sweetshop.staff.Caller;
import org.sweetshop.ui.common.BackgroundTask;
import org.sweetshop.ui.common.Busy;
import org.sweetshop.ui.common.Messages;
import org.sweetshop.ui.common.TaskExecutor;

/**
 * A return at the till: a receipt typed or scanned, its lines with what is left of each to give
 * back, the items picked, and the refund made through the refund service by a manager or owner
 * (the cashier's approver, whose approval then goes in the audit log). The refund service keeps
 * its own rules (never more than sold, a receipt refunded once); this only picks. No
 * {@code javafx.scene} class.
 *
 * <p>Not the back office's {@code RefundsViewModel}: that one refunds as the manager logged in,
 * from typed {@code SKU:QTY}; at the till the manager is known only once they approve.
 */
public final class TillReturn {

    /** A receipt line: what was sold, what is left of it to give back, what is picked (pieces, or grams: all or nothing). */
    public record Line(String sku, String name, int sold, int left, SoldBy soldBy, int picked) {
        public String describe() {
            return name + ": sold " + Quantity.format(sold, soldBy) + (left == sold ? "" : ", " + Quantity.format(left, soldBy) + " left");
        }

        public String pickedText() {
            return Quantity.format(picked, soldBy);
        }
    }

    private final TillStaff staff;
    private final String till;
    private final TaskExecutor tasks;
    private final Busy busy = new Busy();
    private final ObservableList<Line> lines = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper receiptNo = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("Type or scan the receipt number.");

    TillReturn(TillStaff staff, String till, TaskExecutor tasks) {
        this.staff = staff;
        this.till = till;
        this.tasks = tasks;
    }

    /** Reads the receipt and its refunds so far; its lines show with nothing picked. */
    public void find(String typed) {
        String number = typed == null ? "" : typed.strip();
        if (number.isEmpty()) {
            message.set("Type or scan the receipt number.");
            return;
        }
        lines.clear();
        receiptNo.set(null);
        message.set("Looking for receipt " + number + "…");
        BackgroundTask.of(() -> {
            Receipt receipt = staff.receipt(number).orElse(null);
            return receipt == null ? null : new Found(receipt, staff.refundsOf(receipt.receiptNo()));
        }).showingBusy(busy).onSuccess(found -> {
            if (found == null) {
                message.set("There is no receipt " + number + ": check the number on the receipt.");
                return;
            }
            Map<String, Integer> refunded = new HashMap<>();
            found.refunds().forEach(refund -> refund.items().forEach(item -> refunded.merge(item.sku(), item.quantity(), Integer::sum)));
            List<Line> shown = new ArrayList<>();
            for (ReceiptLine line : found.receipt().lines()) {
                int left = line.quantity() - refunded.getOrDefault(line.sku(), 0);
                shown.add(new Line(line.sku(), line.name(), line.quantity(), Math.max(0, left), line.soldBy(), 0));
            }
            receiptNo.set(found.receipt().receiptNo());
            lines.setAll(shown);
            message.set(shown.stream().allMatch(l -> l.left() == 0) ? "Everything on " + found.receipt().receiptNo() + " was refunded already."
                    : "Receipt " + found.receipt().receiptNo() + ": pick what comes back.");
        }).onFailure(e -> message.set(Messages.of(e))).executeWith(tasks);
    }

    /** A receipt and its refunds so far. */
    private record Found(Receipt receipt, List<RefundView> refunds) {
    }

    /** One more of a counted line (up to what is left); a weighed line comes back whole. */
    public void more(String sku) {
        change(sku, line -> line.soldBy().weighed() ? line.left() : Math.min(line.left(), line.picked() + 1));
    }

    /** One fewer; a weighed line not at all. */
    public void less(String sku) {
        change(sku, line -> line.soldBy().weighed() ? 0 : Math.max(0, line.picked() - 1));
    }

    private void change(String sku, java.util.function.ToIntFunction<Line> next) {
        for (int i = 0; i < lines.size(); i++) {
            Line line = lines.get(i);
            if (line.sku().equals(sku)) {
                lines.set(i, new Line(line.sku(), line.name(), line.sold(), line.left(), line.soldBy(), next.applyAsInt(line)));
            }
        }
    }

    /** The items picked, as the refund service takes them; empty when nothing is. */
    public List<RefundLine> picked() {
        return lines.stream().filter(line -> line.picked() > 0).map(line -> new RefundLine(line.sku(), line.picked())).toList();
    }

    /** "2 x Sweet SL, 100 g Pick & Mix", for the approval. */
    public String summary() {
        return String.join(", ", lines.stream().filter(line -> line.picked() > 0)
                .map(line -> (line.soldBy().weighed() ? line.pickedText() + " " : line.picked() + " x ") + line.name()).toList());
    }

    /** False (and says why) when there is no receipt or nothing picked. */
    public boolean ready() {
        if (receiptNo.get() == null) {
            message.set("Find the receipt first: type or scan its number.");
            return false;
        }
        if (picked().isEmpty()) {
            message.set("Pick what comes back first (+ on its line).");
            return false;
        }
        return true;
    }

    /**
     * Refunds what is picked, by {@code manager} (the person at the till when a manager, else the
     * approver); with an approval it is written to the audit log once the refund is made. Then
     * {@code done} gets the sentence for the selling screen; a refusal is said here.
     */
    public void refund(Caller manager, Approval approval, Consumer<String> done, Consumer<String> refused) {
        if (busy.get() || !ready()) {
            return;
        }
        String number = receiptNo.get();
        List<RefundLine> items = picked();
        message.set("Refunding…");
        BackgroundTask.of(() -> {
            RefundView refund = staff.refund(manager, number, items, till, "returned at the till");
            if (approval != null) {
                staff.recordApproval(approval, number + " " + Money.format(refund.amount()), till);
            }
            return refund;
        }).showingBusy(busy).onSuccess(refund -> {
            lines.clear();
            receiptNo.set(null);
            message.set("");
            done.accept("Refunded " + Money.format(refund.amount()) + " on " + refund.receiptNo()
                    + (approval == null ? "" : " (approved by " + approval.approver().username() + ")")
                    + ": give it back to the customer; the stock is back on the shelf.");
        }).onFailure(e -> {
            message.set(Messages.of(e));
            refused.accept(Messages.of(e));
        }).executeWith(tasks);
    }

    public ObservableList<Line> lines() {
        return lines;
    }

    public ReadOnlyStringProperty receiptNoProperty() {
        return receiptNo.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.property();
    }
}
