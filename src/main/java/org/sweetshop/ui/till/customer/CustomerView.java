package org.sweetshop.ui.till.customer;

import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.geometry.HPos;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.sweetshop.common.Money;

/**
 * The customer's side of the counter: the store's welcome, or the basket's lines (name, quantity
 * or weight, amount) with the newest at the bottom, the discounts, the total, and once paid what
 * was paid and the change. Only binds to {@link CustomerViewModel}. The type grows with the window
 * (the root's font size follows its size, everything else is in em), so it reads the same on an
 * 800×480 pole-mounted panel and a 1920×1080 monitor.
 */
public final class CustomerView {

    public static final String STYLESHEET = CustomerView.class.getResource("customer.css").toExternalForm();

    private final BorderPane root = new BorderPane();

    public CustomerView(CustomerViewModel model) {
        root.getStyleClass().add("customer");
        root.setId("customer-root");
        // one em is a 22nd of the height or a 36th of the width, whichever is smaller
        root.styleProperty().bind(Bindings.createStringBinding(
                () -> String.format(java.util.Locale.ROOT, "-fx-font-size: %.1fpx;",
                        Math.max(12, Math.min(root.getHeight() / 22, root.getWidth() / 36))),
                root.heightProperty(), root.widthProperty()));
        model.showProperty().addListener((obs, old, now) -> show(now));
        show(model.showProperty().get());
    }

    public Parent root() {
        return root;
    }

    private void show(CustomerShow show) {
        if (show instanceof CustomerShow.Selling selling) {
            basket(selling.lines(), selling.discounts(), totals(selling.total(), null));
        } else if (show instanceof CustomerShow.Paid paid) {
            basket(paid.lines(), paid.discounts(), totals(paid.total(), paid));
        } else {
            welcome(((CustomerShow.Idle) show).storeName());
        }
    }

    private void welcome(String storeName) {
        Label welcome = label("Welcome to", "customer-welcome", "customer-welcome");
        Label store = label(storeName, "customer-store", "customer-store");
        store.setWrapText(true);
        VBox box = new VBox(welcome, store);
        box.setAlignment(Pos.CENTER);
        box.getStyleClass().add("customer-idle");
        root.setTop(null);
        root.setBottom(null);
        root.setCenter(box);
    }

    private void basket(List<CustomerShow.Line> lines, List<CustomerShow.Discount> discounts, Node totals) {
        GridPane grid = new GridPane();
        grid.getStyleClass().add("customer-lines");
        ColumnConstraints name = new ColumnConstraints();
        name.setHgrow(Priority.ALWAYS);
        name.setMinWidth(0);
        ColumnConstraints quantity = new ColumnConstraints();
        quantity.setHalignment(HPos.RIGHT);
        quantity.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        ColumnConstraints amount = new ColumnConstraints();
        amount.setHalignment(HPos.RIGHT);
        amount.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        grid.getColumnConstraints().setAll(name, quantity, amount);
        int row = 0;
        for (CustomerShow.Line line : lines) {
            Label n = label(line.name(), "customer-line-name-" + row, "customer-line-name");
            n.setMinWidth(0);
            grid.addRow(row, n, label(line.quantity(), "customer-line-qty-" + row, "customer-line-qty"),
                    label(Money.format(line.amount()), "customer-line-amount-" + row, "customer-line-amount"));
            row++;
        }
        int d = 0;
        for (CustomerShow.Discount discount : discounts) {
            Label n = label(discount.label(), "customer-discount-name-" + d, "customer-discount");
            n.setMinWidth(0);
            grid.add(n, 0, row);
            grid.add(label("−" + Money.format(discount.amount()), "customer-discount-amount-" + d, "customer-discount"), 2, row);
            row++;
            d++;
        }
        ScrollPane scroll = new ScrollPane(grid);
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.setVbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.getStyleClass().add("customer-scroll");
        // the newest line is at the bottom: keep it in sight
        grid.heightProperty().addListener((obs, was, now) -> scroll.setVvalue(1.0));
        scroll.setVvalue(1.0);
        root.setTop(null);
        root.setCenter(scroll);
        root.setBottom(totals);
    }

    private Node totals(java.math.BigDecimal total, CustomerShow.Paid paid) {
        GridPane grid = new GridPane();
        grid.getStyleClass().add("customer-totals");
        ColumnConstraints label = new ColumnConstraints();
        label.setHgrow(Priority.ALWAYS);
        ColumnConstraints amount = new ColumnConstraints();
        amount.setHalignment(HPos.RIGHT);
        grid.getColumnConstraints().setAll(label, amount);
        grid.addRow(0, label("Total", "customer-total-label", "customer-total"),
                label(Money.format(total), "customer-total", "customer-total"));
        if (paid != null) {
            grid.addRow(1, label("Paid", "customer-paid-label", "customer-paid"),
                    label(Money.format(paid.paid()), "customer-paid", "customer-paid"));
            if (paid.change() != null) {
                grid.addRow(2, label("Change", "customer-change-label", "customer-change"),
                        label(Money.format(paid.change()), "customer-change", "customer-change"));
            }
            Label thanks = label("Thank you!", "customer-thanks", "customer-thanks");
            GridPane.setColumnSpan(thanks, 2);
            GridPane.setHalignment(thanks, HPos.CENTER);
            grid.add(thanks, 0, 3);
        }
        return grid;
    }

    private static Label label(String text, String id, String styleClass) {
        Label label = new Label(text);
        label.setId(id);
        label.getStyleClass().add(styleClass);
        return label;
    }
}
