package org.sweetshop.ui.office.refunds;

import static org.sweetshop.ui.office.shared.OfficeControls.column;
import static org.sweetshop.ui.office.shared.OfficeControls.section;

import java.util.stream.Collectors;
import javafx.scene.control.Button;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import org.sweetshop.common.Money;
import org.sweetshop.common.Quantity;
import org.sweetshop.refund.RefundView;
import org.sweetshop.ui.common.Controls;
import org.sweetshop.ui.office.shared.OfficeControls;
import org.sweetshop.ui.office.shared.OfficeStatus;
import org.sweetshop.ui.office.shared.OfficeTab;

/** The refunds tab: a receipt number, the items to give back (or none: the whole receipt), and the receipt's refunds. */
public final class RefundsTab {

    private RefundsTab() {
    }

    public static OfficeTab of(RefundsViewModel model, OfficeStatus status) {
        TextField receipt = Controls.field("refund-receipt", "Receipt number, e.g. T1-000042");
        receipt.setPrefColumnCount(14);
        TextField items = Controls.field("refund-items", "Items SKU:QTY or SKU:100g (empty: the whole receipt)");
        items.setPrefColumnCount(24);
        TextField reason = Controls.field("refund-reason", "Reason");
        Button refund = Controls.button("Refund", "refund", e -> model.refund(receipt.getText(), items.getText(), reason.getText()));
        refund.getStyleClass().add("danger");
        refund.disableProperty().bind(status.busyProperty());
        Button show = Controls.button("Show refunds", "show-refunds", e -> model.showRefunds(receipt.getText()));

        TableView<RefundView> table = OfficeControls.table("refunds-table", model.refunds(), "Refunds of the receipt show here.");
        table.getColumns().add(column("When", r -> OfficeControls.when(r.createdAt()), 140));
        table.getColumns().add(column("Receipt", RefundView::receiptNo, 110));
        table.getColumns().add(column("What", r -> r.whole() ? "whole receipt" : r.items().stream()
                .map(i -> Quantity.format(i.quantity(), i.soldBy()) + " x " + i.sku()).collect(Collectors.joining(", ")), 260));
        table.getColumns().add(column("Amount", r -> Money.format(r.amount()), 80));
        table.getColumns().add(column("By", RefundView::manager, 90));

        return new OfficeTab(OfficeControls.tab("Refunds", "tab-refunds", OfficeControls.page(table, section("Refund a receipt"),
                new FlowPane(8, 8, receipt, items, reason, refund, show),
                OfficeControls.hint("A receipt is refunded whole once, or item by item up to what was sold; a weighed item in grams"
                        + " or kilograms (PM:100g, PM:0.1kg). Coupons are not given back."),
                table)), null);
    }
}
