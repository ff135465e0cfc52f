package org.sweetshop.ui.till.customer;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.geometry.HPos;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
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
    private final Label heading = label("", "customer-heading", "customer-heading");

    public CustomerView(CustomerViewModel model) {
        heading.textProperty().bind(model.storeNameProperty());
        heading.setMaxWidth(Double.MAX_VALUE);
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
        List<Node> rows = new ArrayList<>();
        int i = 0;
        for (CustomerShow.Line line : lines) {
            rows.add(row(label(line.name(), "customer-line-name-" + i, "customer-line-name"),
                    label(line.quantity(), "customer-line-qty-" + i, "customer-line-qty"),
                    label(Money.format(line.amount()), "customer-line-amount-" + i, "customer-line-amount")));
            i++;
        }
        int d = 0;
        for (CustomerShow.Discount discount : discounts) {
            rows.add(row(label(discount.label(), "customer-discount-name-" + d, "customer-discount"),
                    label("", "customer-discount-qty-" + d, "customer-line-qty"),
                    label("−" + Money.format(discount.amount()), "customer-discount-amount-" + d, "customer-discount-amount")));
            d++;
        }
        root.setTop(heading);
        root.setCenter(new NewestLines(rows, label("", "customer-more", "customer-more")));
        root.setBottom(totals);
    }

    private static HBox row(Label name, Label quantity, Label amount) {
        name.setMaxWidth(Double.MAX_VALUE);
        name.setMinWidth(0);
        HBox.setHgrow(name, Priority.ALWAYS);
        HBox row = new HBox(name, quantity, amount);
        row.getStyleClass().add("customer-line");
        row.setAlignment(Pos.BASELINE_LEFT);
        return row;
    }

    /**
     * The basket's rows laid from the bottom up, the newest (and the discounts) at the bottom: the
     * rows that do not fit whole are not shown, and a line on top says how many are above.
     */
    static final class NewestLines extends Region {

        private final List<Node> rows;
        private final Label more;

        NewestLines(List<Node> rows, Label more) {
            this.rows = rows;
            this.more = more;
            getStyleClass().add("customer-lines");
            getChildren().addAll(rows);
            getChildren().add(more);
            setMinHeight(0);
        }

        @Override
        protected double computePrefHeight(double width) {
            double h = snappedTopInset() + snappedBottomInset();
            for (Node row : rows) {
                h += row.prefHeight(width);
            }
            return h;
        }

        @Override
        protected double computeMinHeight(double width) {
            return 0;
        }

        @Override
        protected void layoutChildren() {
            double left = snappedLeftInset();
            double width = getWidth() - left - snappedRightInset();
            double top = snappedTopInset();
            double room = getHeight() - top - snappedBottomInset();
            double[] heights = new double[rows.size()];
            double all = 0;
            for (int i = 0; i < rows.size(); i++) {
                heights[i] = rows.get(i).prefHeight(width);
                all += heights[i];
            }
            // all fit: from the top; else the newest that fit whole, under "N more lines above"
            double moreHeight = all <= room + 0.5 ? 0 : more.prefHeight(width);
            int first = rows.size();
            double used = moreHeight;
            while (first > 0 && used + heights[first - 1] <= room + 0.5) {
                used += heights[--first];
            }
            double y = top + moreHeight;
            for (int i = 0; i < rows.size(); i++) {
                Node row = rows.get(i);
                row.setVisible(i >= first);
                if (i >= first) {
                    row.resizeRelocate(left, y, width, heights[i]);
                    y += heights[i];
                }
            }
            more.setVisible(first > 0);
            more.setText(first == 1 ? "1 more line above" : first + " more lines above");
            more.resizeRelocate(left, top, width, more.prefHeight(width));
        }
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
