package org.sweetshop.ui.till.sell;

import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import org.sweetshop.common.Money;
import org.sweetshop.ui.common.Controls;

/**
 * The keypad that asks for a weighed sweet's grams when there is no scale (or the scale gave no
 * weight and the till may take a typed one): digits, backspace, OK and Cancel, and the same from
 * the keyboard (digits, Backspace, Enter, Esc). It shows what the typed weight comes to. It opens
 * when the model asks ({@link Weighing#askedProperty()}) and closes when the model stops asking.
 */
final class GramsKeypad {

    static final String ID = "weigh-overlay";

    private final Weighing weighing;
    private final Overlay overlay;
    private final boolean per100g;

    GramsKeypad(Weighing weighing, Overlay overlay, boolean per100g) {
        this.weighing = weighing;
        this.overlay = overlay;
        this.per100g = per100g;
        weighing.askedProperty().addListener((obs, old, now) -> {
            if (now != null) {
                show(now);
            } else if (overlay.is(ID)) {
                overlay.close();
            }
        });
    }

    boolean shown() {
        return overlay.is(ID);
    }

    private void show(Weighing.Asked asked) {
        Label message = new Label();
        message.setId("keypad-message");
        message.setWrapText(true);
        message.getStyleClass().add("keypad-message");
        message.textProperty().bind(weighing.keypadMessageProperty());
        Label price = new Label(Weights.perWeight(asked.sweet().price(), per100g));
        price.getStyleClass().add("line-unit");
        Label grams = new Label();
        grams.setId("keypad-grams");
        grams.getStyleClass().add("keypad-grams");
        grams.textProperty().bind(Bindings.createStringBinding(() -> weighing.typedProperty().get() + " g", weighing.typedProperty()));
        Label amount = new Label();
        amount.setId("keypad-amount");
        amount.getStyleClass().add("keypad-amount");
        amount.textProperty().bind(Bindings.createStringBinding(() -> comesTo(asked, weighing.typedProperty().get()),
                weighing.typedProperty()));
        GridPane keys = new GridPane();
        keys.setHgap(8);
        keys.setVgap(8);
        int[][] rows = {{7, 8, 9}, {4, 5, 6}, {1, 2, 3}};
        for (int r = 0; r < rows.length; r++) {
            for (int c = 0; c < 3; c++) {
                keys.add(key(rows[r][c]), c, r);
            }
        }
        keys.add(keyButton(Controls.button("⌫", "key-back", e -> weighing.backspace())), 0, 3);
        keys.add(key(0), 1, 3);
        Button ok = keyButton(Controls.button("OK", "keypad-ok", e -> weighing.confirm()));
        ok.getStyleClass().add("accent");
        keys.add(ok, 2, 3);
        keys.setAlignment(Pos.CENTER);
        VBox content = new VBox(10, price, message, grams, amount, keys);
        content.setAlignment(Pos.CENTER_LEFT);
        String title = (asked.mode() == Weighing.Mode.REWEIGH ? "Re-weigh " : "Weight of ") + asked.sweet().name() + " in grams";
        overlay.show(title, ID, content, "Cancel", weighing::cancel);
        // OK is what Enter does here (SellShortcuts hands the keys to the keypad), so it is the one that looks it
        overlay.node().lookupAll("#overlay-close").forEach(close -> ((Button) close).setDefaultButton(false));
        ok.setDefaultButton(true);
    }

    private Button key(int digit) {
        return keyButton(Controls.button(Integer.toString(digit), "key-" + digit, e -> weighing.digit(digit)));
    }

    private static Button keyButton(Button b) {
        b.getStyleClass().add("keypad-key");
        b.setFocusTraversable(false);
        return b;
    }

    /** "= 3.75" for what is typed, empty while nothing is. */
    private static String comesTo(Weighing.Asked asked, String typed) {
        if (typed == null || typed.isEmpty()) {
            return "";
        }
        return "= " + Money.format(Money.weighedLine(asked.sweet().price(), Integer.parseInt(typed)));
    }

    /** A key while the keypad is shown: digits, Backspace, Enter (OK) and Esc (Cancel); true when it was the keypad's. */
    boolean pressed(KeyEvent e) {
        KeyCode key = e.getCode();
        if (key.isDigitKey()) {
            String text = e.getText();
            if (text != null && text.length() == 1 && Character.isDigit(text.charAt(0))) {
                weighing.digit(text.charAt(0) - '0');
            } else {
                weighing.digit(digitOf(key));
            }
        } else if (key == KeyCode.BACK_SPACE) {
            weighing.backspace();
        } else if (key == KeyCode.ENTER) {
            weighing.confirm();
        } else if (key == KeyCode.ESCAPE) {
            overlay.close();
        } else {
            return false;
        }
        return true;
    }

    private static int digitOf(KeyCode key) {
        String name = key.getName();   // "3", "Numpad 3"
        char last = name.charAt(name.length() - 1);
        return Character.isDigit(last) ? last - '0' : -1;
    }
}
