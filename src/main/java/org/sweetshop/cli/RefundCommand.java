package org.sweetshop.cli;

import java.util.ArrayList;
import java.util.List;
import org.sweetshop.refund.RefundLine;
import org.sweetshop.refund.RefundView;
import org.sweetshop.refund.RefundedItem;
import org.sweetshop.common.Quantity;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "refund", description = {"Refunds a receipt: the whole of it, or the items given (managers and owners).",
        "A receipt is refunded whole once; items can be refunded until none of them is left."})
final class RefundCommand extends JsonCommand {

    @Parameters(index = "0", paramLabel = "RECEIPT", description = "the receipt number, e.g. T1-000001")
    String receipt;

    @Option(names = "--item", paramLabel = "SKU:QTY", description = {"an item to refund; repeat for each; none: the whole receipt.",
            "QTY is a count for a counted sweet, 100g or 0.1kg for a weighed one"})
    List<String> items;

    @Option(names = "--reason", paramLabel = "TEXT")
    String reason;

    @Option(names = "--as", required = true, paramLabel = "USER")
    String as;

    @Override
    public Integer call() {
        List<RefundLine> lines = new ArrayList<>();
        if (items != null) {
            for (String item : items) {
                lines.add(item(item));
            }
        }
        RefundView refund = context().refunds().refund(login(as), receipt, lines, cli().config().terminal(), reason);
        if (json) {
            out().println(Json.write(refund));
        } else {
            var out = out();
            out.println("refund " + refund.id() + " of receipt " + refund.receiptNo() + (refund.whole() ? " (whole receipt)" : "")
                    + "  by " + refund.manager() + "  " + refund.createdAt());
            for (RefundedItem item : refund.items()) {
                String quantity = item.soldBy() != null && item.soldBy().weighed() ? Quantity.format(item.quantity(), item.soldBy())
                        : String.format("%3d", item.quantity());
                out.printf("  %s x %-30s %9s%n", quantity, item.name(), money(item.amount()));
            }
            out.printf("  %-36s %9s%n", "REFUNDED", money(refund.amount()));
        }
        return Cli.OK;
    }

    /**
     * {@code SKU:QTY} (a bare SKU is one piece): the quantity as typed, read by the refund against
     * the sale line's kind, so {@code PM:100g} or {@code PM:0.1kg} for a weighed line and a bare
     * number for one refused.
     */
    static RefundLine item(String item) {
        Arguments.Item raw = Arguments.rawItem(item);
        return RefundLine.typed(raw.code(), raw.quantity() == null ? "1" : raw.quantity());
    }
}
