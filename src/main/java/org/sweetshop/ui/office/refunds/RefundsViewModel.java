package org.sweetshop.ui.office.refunds;

import java.util.List;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.sweetshop.common.InvalidInputException;
import org.sweetshop.common.Money;
import org.sweetshop.refund.RefundLine;
import org.sweetshop.refund.RefundService;
import org.sweetshop.refund.RefundView;
import org.sweetshop.staff.Caller;
import org.sweetshop.ui.common.TaskExecutor;
import org.sweetshop.ui.office.shared.OfficeStatus;
import org.sweetshop.ui.office.shared.TypedInput;

/** Refunds: a receipt refunded whole or item by item, and the refunds a receipt has had so far. */
public final class RefundsViewModel {

    /** A refund just made, and every refund of its receipt since. */
    private record Refunded(RefundView refund, List<RefundView> all) {
    }

    private final RefundService refundService;
    private final Caller manager;
    private final String till;
    private final Runnable stockChanged;
    private final OfficeStatus status;
    private final TaskExecutor tasks;

    private final ObservableList<RefundView> refunds = FXCollections.observableArrayList();

    /** @param stockChanged reads the catalogue and its stock again after a refund (its stock is back) */
    public RefundsViewModel(RefundService refundService, Caller manager, String till, Runnable stockChanged, OfficeStatus status,
                            TaskExecutor tasks) {
        this.refundService = refundService;
        this.manager = manager;
        this.till = till;
        this.stockChanged = stockChanged;
        this.status = status;
        this.tasks = tasks;
    }

    /**
     * Refunds a receipt: the whole of it when {@code items} is empty, else the items typed as
     * {@code SKU:QTY} separated by commas or spaces. Stock comes back through refund movements.
     */
    public void refund(String receiptNo, String items, String reason) {
        List<RefundLine> lines;
        try {
            lines = TypedInput.refundItems(items);
        } catch (InvalidInputException e) {
            status.refuse(e.getMessage());
            return;
        }
        status.say("Refunding " + receiptNo + "…");
        status.task(() -> {
                    RefundView done = refundService.refund(manager, receiptNo, lines, till, TypedInput.orNull(reason));
                    return new Refunded(done, refundService.refundsOf(done.receiptNo()));
                })
                .onSuccess(this::refunded)
                .executeWith(tasks);
    }

    private void refunded(Refunded refunded) {
        RefundView done = refunded.refund();
        refunds.setAll(refunded.all());
        status.say("Refunded " + Money.format(done.amount()) + " on " + done.receiptNo() + (done.whole() ? " (the whole receipt)" : "")
                + ": give it back to the customer; the stock is back on the shelf.");
        stockChanged.run();
    }

    /** The refunds made on a receipt so far. */
    public void showRefunds(String receiptNo) {
        status.task(() -> refundService.refundsOf(receiptNo))
                .onSuccess(all -> {
                    refunds.setAll(all);
                    status.say(all.isEmpty() ? "No refund on " + receiptNo + " yet." : all.size() + " refund(s) on " + receiptNo + ".");
                })
                .executeWith(tasks);
    }

    public ObservableList<RefundView> refunds() {
        return refunds;
    }
}
