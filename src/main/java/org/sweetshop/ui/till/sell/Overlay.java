package org.sweetshop.ui.till.sell;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.sweetshop.ui.common.Controls;

/**
 * A panel over the selling screen (a receipt, the keys, closing the shift, the first-run welcome):
 * a title, its content and its buttons, the last of which closes it; Esc closes it too. The
 * panel's id says which one it is.
 */
final class Overlay {

    private static final String[][] KEYS = {
        {"F1", "this list of keys"}, {"F2", "search sweets by name or SKU"}, {"F4", "type a coupon or promo code"},
        {"F12", "pay: the amount (cash tendered or a card part), Enter takes it as cash"}, {"Esc", "cancel: close this, clear the field"},
        {"Delete", "remove the selected basket line"}, {"+ / −", "quantity of the selected line (+ on a weighed line weighs more)"},
        {"F6", "tare the scale (an empty jar or bag on it)"}, {"F9", "lock the till (the basket is kept; a PIN unlocks it)"}, {"F7", "re-weigh the selected (or last) weighed line"},
        {"0–9, ⌫, Enter", "the weight keypad: grams, OK (Esc cancels)"},
        {"Scanner gun", "scan anywhere: sweets, barcodes, scale labels, coupons, promo codes"}};

    private final VBox panel = new VBox(12);
    private final Runnable afterClose;
    /** What closing the panel shown now also does (the keypad's Cancel); nothing for most panels. */
    private Runnable onClosed = () -> {
    };

    /** @param afterClose where the focus goes back to */
    Overlay(Runnable afterClose) {
        this.afterClose = afterClose;
        panel.getStyleClass().add("overlay");
        panel.setVisible(false);
        panel.setMaxSize(560, Region.USE_PREF_SIZE);
        StackPane.setAlignment(panel, Pos.CENTER);
    }

    Node node() {
        return panel;
    }

    void show(String title, String id, Node content, String closeText, Button... extra) {
        show(title, id, content, closeText, () -> {
        }, extra);
    }

    /** As above; {@code closed} runs when this panel is closed (its close button, Esc, or another panel shown over it). */
    void show(String title, String id, Node content, String closeText, Runnable closed, Button... extra) {
        Runnable previous = onClosed;
        boolean replaced = panel.isVisible() && !id.equals(panel.getId());
        onClosed = closed;
        Label heading = new Label(title);
        heading.getStyleClass().add("panel-title");
        Button close = Controls.button(closeText, "overlay-close", e -> close());
        close.setDefaultButton(true);
        HBox buttons = new HBox(8);
        buttons.getChildren().addAll(extra);
        buttons.getChildren().add(close);
        buttons.setAlignment(Pos.CENTER_RIGHT);
        panel.setId(id);
        panel.getChildren().setAll(heading, content, buttons);
        panel.setVisible(true);
        close.requestFocus();
        if (replaced) {
            previous.run();   // the panel that was shown is closed by this one
        }
    }

    void close() {
        Runnable closed = onClosed;
        onClosed = () -> {
        };
        panel.setVisible(false);
        panel.getChildren().clear();
        closed.run();
        afterClose.run();
    }

    boolean shown() {
        return panel.isVisible();
    }

    boolean is(String id) {
        return panel.isVisible() && id.equals(panel.getId());
    }

    /** F1: the keys, or closes whatever is shown. */
    void toggleHelp() {
        if (shown()) {
            close();
            return;
        }
        GridPane keys = new GridPane();
        keys.setHgap(16);
        keys.setVgap(6);
        for (int i = 0; i < KEYS.length; i++) {
            Label key = new Label(KEYS[i][0]);
            key.getStyleClass().add("key");
            keys.addRow(i, key, new Label(KEYS[i][1]));
        }
        show("Keyboard shortcuts", "help-overlay", keys, "Close");
    }
}
