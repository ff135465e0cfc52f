package org.sweetshop.ui.till.sell;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.geometry.HPos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.sweetshop.common.Money;
import org.sweetshop.sale.Payment;
import org.sweetshop.sale.PaymentMethod;
import org.sweetshop.sale.Pricing;
import org.sweetshop.ui.common.Controls;

/**
 * Under the basket: subtotal, discount and total; the amount field (cash tendered, or a card part)
 * with the change it gives and quick note buttons; Cash and Card; the payments taken so far with
 * what is left to pay and Undo payments (split tender); Try again while a payment is unconfirmed;
 * Clear; and the screen's message line.
 */
final class PaymentPanel {

    /** Quick cash buttons: common notes. */
    private static final List<String> NOTES = List.of("5", "10", "20", "50");

    private final SellViewModel model;
    private final TextField tendered = Controls.field("tendered", "Amount: cash tendered or a card part  (F12)");
    private final Label message = new Label();

    PaymentPanel(SellViewModel model) {
        this.model = model;
        tendered.setOnAction(e -> payCash());
        model.lastReceiptProperty().addListener((obs, old, now) -> tendered.clear());
        model.paymentsTaken().addListener((javafx.collections.ListChangeListener<Payment>) change -> tendered.clear());
        message.setId("message");
        message.setWrapText(true);
        // a refusal is read whole, on as many lines as it takes: the basket list above gives way first
        message.setMinHeight(Region.USE_PREF_SIZE);
        message.textProperty().bind(model.messageProperty());
        model.toneProperty().addListener((obs, old, now) -> tone(now));
        tone(model.toneProperty().get());
    }

    /** Totals, tendered, change, notes, pay, retry, clear, message: in that order. */
    List<Node> nodes() {
        Label change = new Label();
        change.setId("change-preview");
        change.getStyleClass().add("change-preview");
        change.textProperty().bind(Bindings.createStringBinding(() -> changePreview(tendered.getText()),
                tendered.textProperty(), model.pricingProperty(), model.paymentsTaken()));
        Label taken = new Label();
        taken.setId("payments-taken");
        taken.setWrapText(true);
        taken.getStyleClass().add("payments-taken");
        taken.textProperty().bind(Bindings.createStringBinding(this::takenText, model.paymentsTaken(), model.pricingProperty()));
        Button undo = Controls.button("Undo payments", "undo-payments", e -> model.undoPayments());
        undo.setMaxWidth(Double.MAX_VALUE);
        undo.disableProperty().bind(model.payingProperty().or(model.retryableProperty()));
        for (Node n : List.of(taken, undo)) {
            n.visibleProperty().bind(Bindings.isNotEmpty(model.paymentsTaken()));
            n.managedProperty().bind(n.visibleProperty());
        }
        Button retry = Controls.button("Try again", "retry", e -> model.retry());
        retry.getStyleClass().add("danger");
        retry.setMaxWidth(Double.MAX_VALUE);
        retry.visibleProperty().bind(model.retryableProperty());
        retry.managedProperty().bind(retry.visibleProperty());
        Button clear = Controls.button("Clear basket", "clear", e -> model.clear());
        clear.setMaxWidth(Double.MAX_VALUE);
        clear.disableProperty().bind(model.payingProperty());
        // Undo payments beside Clear basket, not a row of its own: the basket above keeps its room
        HBox clearRow = new HBox(8, undo, clear);
        HBox.setHgrow(undo, Priority.ALWAYS);
        HBox.setHgrow(clear, Priority.ALWAYS);
        return List.of(totals(), taken, tendered, change, notes(), payButtons(), retry, clearRow, message);
    }

    TextField tendered() {
        return tendered;
    }

    /** Takes the cash tendered; with nothing typed, puts the focus where it is typed. */
    void payCash() {
        String text = tendered.getText();
        if (text == null || text.isBlank()) {
            tendered.requestFocus();
            return;
        }
        model.payCash(text);
    }

    private Node totals() {
        Label subtotal = amount("subtotal", Pricing::subtotal, false);
        Label discount = amount("discount", Pricing::discount, true);
        // with any tax added at the total (the store's prices exclude tax): what checkout charges
        Label total = amount("total", pricing -> pricing.total().add(model.taxAddedProperty().get()), false);
        total.getStyleClass().add("total");
        GridPane totals = new GridPane();
        totals.getStyleClass().add("totals");
        totals.addRow(0, new Label("Subtotal"), subtotal);
        totals.addRow(1, new Label("Discount"), discount);
        int row = 2;
        Label tax = amount("tax-added", pricing -> model.taxAddedProperty().get(), false);
        if (model.taxAddedAtTotal()) {
            totals.addRow(row++, new Label("Tax"), tax);
        }
        Label totalLabel = new Label("Total");
        totalLabel.getStyleClass().add("total");
        totals.addRow(row, totalLabel, total);
        totals.setHgap(12);
        for (Node amountLabel : List.of(subtotal, discount, tax, total)) {
            GridPane.setHgrow(amountLabel, Priority.ALWAYS);
            GridPane.setHalignment(amountLabel, HPos.RIGHT);
        }
        return totals;
    }

    private Label amount(String id, java.util.function.Function<Pricing, BigDecimal> part, boolean off) {
        Label label = new Label();
        label.setId(id);
        label.getStyleClass().add("amount");
        label.textProperty().bind(Bindings.createStringBinding(() -> {
            BigDecimal value = part.apply(model.pricingProperty().get());
            return off ? BasketView.minus(value) : Money.format(value);
        }, model.pricingProperty()));
        return label;
    }

    private Node notes() {
        List<Button> buttons = new ArrayList<>();
        buttons.add(Controls.button("Exact", "note-exact", e -> tendered.setText(model.cashDue().toPlainString())));
        for (String note : NOTES) {
            buttons.add(Controls.button(note, "note-" + note, e -> tendered.setText(addNote(note))));
        }
        return row(buttons);
    }

    private Node payButtons() {
        Button cash = Controls.button("Cash", "pay-cash", e -> payCash());
        Button card = Controls.button("Card", "pay-card", e -> model.payCard(tendered.getText()));
        for (Button b : List.of(cash, card)) {
            b.getStyleClass().addAll("pay", "accent");
            b.disableProperty().bind(model.payingProperty().or(Bindings.isEmpty(model.basket())).or(model.retryableProperty()));
        }
        HBox pay = row(List.of(cash, card));
        pay.setSpacing(8);
        return pay;
    }

    /** Buttons side by side, sharing the width. */
    private static HBox row(List<Button> buttons) {
        HBox row = new HBox(6);
        for (Button b : buttons) {
            HBox.setHgrow(b, Priority.ALWAYS);
            b.setMaxWidth(Double.MAX_VALUE);
            row.getChildren().add(b);
        }
        return row;
    }

    /** "Card 5.00 · Cash 2.00 taken · 5.34 left to pay" (in cash 5.35, with the store's cash rounding). */
    private String takenText() {
        if (model.paymentsTaken().isEmpty()) {
            return "";
        }
        StringBuilder text = new StringBuilder();
        for (Payment part : model.paymentsTaken()) {
            text.append(text.isEmpty() ? "" : " · ").append(part.method() == PaymentMethod.CASH ? "Cash " : "Card ")
                    .append(Money.format(part.amount()));
        }
        BigDecimal left = model.leftToPay();
        BigDecimal cash = model.cashDue();
        text.append(" taken. Left to pay ").append(Money.format(left));
        if (cash.compareTo(left) != 0) {
            text.append(" (in cash ").append(Money.format(cash)).append(")");
        }
        return text.append(".").toString();
    }

    /**
     * "Change 1.75" while the amount typed covers what is left to pay in cash, "Short by 0.25"
     * below it; nothing otherwise.
     */
    private String changePreview(String typed) {
        BigDecimal total = model.cashDue();
        if (typed == null || typed.isBlank() || model.basket().isEmpty()) {
            return "";
        }
        try {
            BigDecimal amount = new BigDecimal(typed.strip());
            return amount.compareTo(total) >= 0 ? "Change " + Money.format(amount.subtract(total).setScale(Money.SCALE, Money.ROUNDING))
                    : "Short by " + Money.format(total.subtract(amount).setScale(Money.SCALE, Money.ROUNDING));
        } catch (NumberFormatException | ArithmeticException e) {
            return "";
        }
    }

    private String addNote(String note) {
        BigDecimal current;
        try {
            current = tendered.getText().isBlank() ? BigDecimal.ZERO : new BigDecimal(tendered.getText().strip());
        } catch (NumberFormatException e) {
            current = BigDecimal.ZERO;
        }
        return current.add(new BigDecimal(note)).toPlainString();
    }

    private void tone(Notice.Tone tone) {
        message.getStyleClass().removeAll("msg-info", "msg-ok", "msg-error");
        message.getStyleClass().add(switch (tone) {
            case INFO -> "msg-info";
            case OK -> "msg-ok";
            case ERROR -> "msg-error";
        });
    }
}
