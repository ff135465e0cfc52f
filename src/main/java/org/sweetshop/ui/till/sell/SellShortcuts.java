package org.sweetshop.ui.till.sell;

import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;

/**
 * The selling screen's keys: F1 help, F2 search, F4 coupon or promo code, F6 tare the scale, F7
 * re-weigh the selected (or last) weighed line, F12 pay (cash tendered), Esc cancel, and Delete, +
 * and − on the selected basket line while the basket has the focus (a scanner gun's '-' is part of
 * a SKU, never the quantity key). While the weight keypad is shown, digits, Backspace, Enter and
 * Esc are its own.
 */
final class SellShortcuts {

    private final SellViewModel model;
    private final Overlay overlay;
    private final GramsKeypad keypad;
    private final TextField search;
    private final TextField code;
    private final PaymentPanel payment;
    private final ListView<Basket.Item> basket;
    private final BooleanSupplier scanning;

    SellShortcuts(SellViewModel model, Overlay overlay, GramsKeypad keypad, TextField search, TextField code, PaymentPanel payment,
                  ListView<Basket.Item> basket, BooleanSupplier scanning) {
        this.model = model;
        this.overlay = overlay;
        this.keypad = keypad;
        this.search = search;
        this.code = code;
        this.payment = payment;
        this.basket = basket;
        this.scanning = scanning;
    }

    /** A key pressed anywhere on the screen (an event filter: before the focused control sees it). */
    void pressed(KeyEvent e) {
        KeyCode key = e.getCode();
        boolean typing = e.getTarget() instanceof TextInputControl;
        // line keys act on the basket only when it has the focus: '-' is also in every scanned SKU
        boolean onBasket = basket.isFocused() && !overlay.shown() && !scanning.getAsBoolean() && !typing;
        if (keypad.shown() && !scanning.getAsBoolean()) {
            if (keypad.pressed(e)) {
                e.consume();
            }
            return;
        }
        if (overlay.shown() && key != KeyCode.ESCAPE && key != KeyCode.F1) {
            return;
        }
        switch (key) {
            case F1 -> overlay.toggleHelp();
            case F2 -> focus(search);
            case F4 -> focus(code);
            case F6 -> model.tare();
            case F7 -> weighedLine().ifPresentOrElse(model::reweigh, () -> model.notice("There is no weighed line to re-weigh."));
            case F12 -> {
                TextField tendered = payment.tendered();
                if (tendered.isFocused() && !tendered.getText().isBlank()) {
                    payment.payCash();
                } else {
                    focus(tendered);
                }
            }
            case ESCAPE -> escape();
            case DELETE, PLUS, ADD, EQUALS, MINUS, SUBTRACT -> {
                if (!onBasket) {
                    return;
                }
                selected(key == KeyCode.DELETE ? model::remove
                        : key == KeyCode.MINUS || key == KeyCode.SUBTRACT ? model::decrement : model::increment);
            }
            default -> {
                return;
            }
        }
        e.consume();
    }

    /** The selected line if it is weighed, else the last weighed line. */
    private java.util.Optional<String> weighedLine() {
        Basket.Item item = basket.getSelectionModel().getSelectedItem();
        if (item != null && item.weighed()) {
            return java.util.Optional.of(item.sku());
        }
        for (int i = model.basket().size() - 1; i >= 0; i--) {
            if (model.basket().get(i).weighed()) {
                return java.util.Optional.of(model.basket().get(i).sku());
            }
        }
        return java.util.Optional.empty();
    }

    private void selected(Consumer<String> action) {
        Basket.Item item = basket.getSelectionModel().getSelectedItem();
        if (item == null && !model.basket().isEmpty()) {
            item = model.basket().get(model.basket().size() - 1);
        }
        if (item != null) {
            String sku = item.sku();
            action.accept(sku);
            model.basket().stream().filter(i -> i.sku().equals(sku)).findFirst().ifPresent(i -> basket.getSelectionModel().select(i));
        }
    }

    private void escape() {
        TextField tendered = payment.tendered();
        if (overlay.shown()) {
            overlay.close();
        } else if (!search.getText().isEmpty()) {
            search.clear();
            focus(search);
        } else if (!code.getText().isEmpty()) {
            code.clear();
        } else if (!tendered.getText().isEmpty()) {
            tendered.clear();
        }
    }

    static void focus(TextField field) {
        field.requestFocus();
        field.selectAll();
    }
}
