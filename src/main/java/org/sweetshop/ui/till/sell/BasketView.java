package org.sweetshop.ui.till.sell;

import java.math.BigDecimal;
import java.util.List;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.sweetshop.common.Money;
import org.sweetshop.ui.common.Controls;

/**
 * The basket's lines (name, − quantity +, line total, remove; a weighed line: name, weight at its
 * price per 100 g or kg, Re-weigh, amount, remove) and its coupon and promo lines under them.
 */
final class BasketView {

    /** Room for two basket lines. */
    static final double MIN_LIST_HEIGHT = 112;

    private final SellViewModel model;
    private final ListView<Basket.Item> list = new ListView<>();
    private final VBox discounts = new VBox(4);

    BasketView(SellViewModel model) {
        this.model = model;
        list.setId("basket");
        list.setItems(model.basket());
        list.setCellFactory(view -> new ItemCell());
        list.setPlaceholder(new Label("Tap a sweet or scan to start a sale"));
        VBox.setVgrow(list, Priority.ALWAYS);
        // two lines stay in sight however much the payment panel under it holds (a split sale at 768 px)
        list.setMinHeight(MIN_LIST_HEIGHT);
        discounts.setId("discounts");
        model.discounts().addListener((ListChangeListener<Basket.DiscountLine>) change -> showDiscounts());
    }

    /** The panel's title, the lines, the discounts. */
    List<Node> nodes() {
        Label title = new Label("Basket");
        title.getStyleClass().add("panel-title");
        return List.of(title, list, discounts);
    }

    ListView<Basket.Item> list() {
        return list;
    }

    /** "−1.20", or "0.00" when nothing is taken off. */
    static String minus(BigDecimal amount) {
        return amount.signum() == 0 ? Money.format(amount) : "−" + Money.format(amount);
    }

    private void showDiscounts() {
        discounts.getChildren().clear();
        for (Basket.DiscountLine line : model.discounts()) {
            discounts.getChildren().add(line.coupon()
                    ? discountRow("coupon-line", line.label(), line.amount(), model::detachCoupon)
                    : discountRow("promo-line", line.label(), line.amount(), model::detachPromo));
        }
    }

    private HBox discountRow(String id, String text, BigDecimal amount, Runnable remove) {
        Label what = new Label(text);
        what.setWrapText(true);
        Label value = new Label(minus(amount));
        value.setMinWidth(Region.USE_PREF_SIZE);
        what.setMinWidth(0);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button x = Controls.button("✕", id + "-remove", e -> remove.run());
        x.getStyleClass().add("flat");
        x.disableProperty().bind(model.lockedBinding());
        HBox row = new HBox(8, what, spacer, value, x);
        row.setId(id);
        row.setAlignment(Pos.CENTER_LEFT);
        row.getStyleClass().add("discount-line");
        return row;
    }

    /** A basket line: name, − quantity + (or weight and Re-weigh), line total, remove. */
    private final class ItemCell extends ListCell<Basket.Item> {
        @Override
        protected void updateItem(Basket.Item item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null) {
                setGraphic(null);
                setText(null);
                return;
            }
            Label name = new Label(item.name());
            name.getStyleClass().add("line-name");
            name.setMinWidth(0);
            name.setWrapText(true);
            Label unit = new Label(Weights.unitsKeptWithNumbers(Weights.unit(item, model.pricePer100g())));
            unit.setId("unit-" + item.sku());
            unit.getStyleClass().add("line-unit");
            unit.setWrapText(true);   // "253 g at 1.499 / 100 g" may need two lines beside a weighed line's buttons
            unit.setMinWidth(0);
            VBox what = new VBox(2, name, unit);
            what.setMinWidth(0);
            HBox.setHgrow(what, Priority.ALWAYS);
            Label quantity = new Label(Weights.quantity(item));
            quantity.setId("qty-" + item.sku());
            quantity.getStyleClass().addAll("line-qty", item.weighed() ? "line-weight" : "line-count");
            Label total = new Label(Money.format(item.total()));
            total.setId("line-total-" + item.sku());
            total.getStyleClass().add("line-total");
            Button remove = Controls.button("✕", "remove-" + item.sku(), e -> model.remove(item.sku()));
            // grams do not go up and down one at a time: a weighed line is weighed again instead
            List<Button> buttons = item.weighed()
                    ? List.of(Controls.button("Re-weigh", "reweigh-" + item.sku(), e -> model.reweigh(item.sku())))
                    : List.of(Controls.button("−", "minus-" + item.sku(), e -> model.decrement(item.sku())),
                            Controls.button("+", "plus-" + item.sku(), e -> model.increment(item.sku())));
            for (Button b : buttons) {
                b.getStyleClass().addAll("line-button", item.weighed() ? "line-reweigh" : "line-step");
                b.setFocusTraversable(false);
                b.setMinWidth(Region.USE_PREF_SIZE);
            }
            quantity.setMinWidth(Region.USE_PREF_SIZE);
            remove.getStyleClass().addAll("line-button", "line-step", "flat");
            remove.setFocusTraversable(false);
            HBox row = new HBox(6, what);
            if (item.weighed()) {
                row.getChildren().addAll(quantity, buttons.get(0));
            } else {
                row.getChildren().addAll(buttons.get(0), quantity, buttons.get(1));
            }
            row.getChildren().addAll(total, remove);
            row.setAlignment(Pos.CENTER_LEFT);
            row.setMinWidth(0);
            row.prefWidthProperty().bind(getListView().widthProperty().subtract(28));
            row.maxWidthProperty().bind(row.prefWidthProperty());
            setText(null);
            setGraphic(row);
        }

        /**
         * As tall as the line is at the width it is given: a long name (or a weighed line's unit)
         * wraps onto a second line instead of being cut short, which the cell's own sizing (the row
         * at the width of its whole text, one line high) would do on a narrow till screen.
         */
        @Override
        protected double computePrefHeight(double width) {
            if (getGraphic() instanceof HBox row && row.getPrefWidth() > 0) {
                return snappedTopInset() + row.prefHeight(row.getPrefWidth()) + snappedBottomInset();
            }
            return super.computePrefHeight(width);
        }
    }
}
