package org.sweetshop.ui.till;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import org.sweetshop.ui.common.Controls;

/**
 * A PIN keypad: the digits typed as dots above 1–9, ⌫, 0 and OK, each key at least 56 px high for a
 * finger; the keyboard's digits, Backspace and Enter do the same ({@link #pressed}).
 */
final class PinPad {

    private static final double KEY_WIDTH = 76;
    private static final double KEY_HEIGHT = 56;

    private final PinEntry entry;
    private final Runnable enter;
    private final VBox node;

    /** @param enter what OK and Enter do (send the PIN) */
    PinPad(PinEntry entry, Runnable enter, String okText) {
        this.entry = entry;
        this.enter = enter;
        Label dots = new Label();
        dots.setId("pin-dots");
        dots.getStyleClass().add("pin-dots");
        dots.textProperty().bind(entry.dotsProperty());
        GridPane keys = new GridPane();
        keys.setHgap(8);
        keys.setVgap(8);
        keys.setAlignment(Pos.CENTER);
        for (int d = 1; d <= 9; d++) {
            keys.add(key(d), (d - 1) % 3, (d - 1) / 3);
        }
        // 0 two keys wide and Backspace; OK ("Unlock", "Approve") the whole row under them, so its word fits whole
        Button zero = key(0);
        zero.setMaxWidth(Double.MAX_VALUE);
        keys.add(zero, 0, 3, 2, 1);
        keys.add(sized(Controls.button("⌫", "pin-back", e -> entry.back())), 2, 3);
        Button ok = sized(Controls.button(okText, "pin-ok", e -> enter.run()));
        ok.setMaxWidth(Double.MAX_VALUE);
        ok.getStyleClass().add("accent");
        keys.add(ok, 0, 4, 3, 1);
        node = new VBox(8, dots, keys);
        node.setAlignment(Pos.CENTER);
    }

    Node node() {
        return node;
    }

    /** A key pressed while the pad is shown: true when it was the pad's (then consume it). */
    boolean pressed(KeyEvent e) {
        String text = e.getText();
        if (text != null && text.length() == 1 && text.charAt(0) >= '0' && text.charAt(0) <= '9') {
            entry.digit(text.charAt(0));
            return true;
        }
        switch (e.getCode()) {
            case DIGIT0, NUMPAD0 -> entry.digit('0');
            case DIGIT1, NUMPAD1 -> entry.digit('1');
            case DIGIT2, NUMPAD2 -> entry.digit('2');
            case DIGIT3, NUMPAD3 -> entry.digit('3');
            case DIGIT4, NUMPAD4 -> entry.digit('4');
            case DIGIT5, NUMPAD5 -> entry.digit('5');
            case DIGIT6, NUMPAD6 -> entry.digit('6');
            case DIGIT7, NUMPAD7 -> entry.digit('7');
            case DIGIT8, NUMPAD8 -> entry.digit('8');
            case DIGIT9, NUMPAD9 -> entry.digit('9');
            case BACK_SPACE -> entry.back();
            case ENTER -> enter.run();
            default -> {
                return false;
            }
        }
        return true;
    }

    private Button key(int digit) {
        char c = (char) ('0' + digit);
        return sized(Controls.button(String.valueOf(digit), "pin-key-" + digit, e -> entry.digit(c)));
    }

    private static Button sized(Button button) {
        button.getStyleClass().add("pin-key");
        button.setPrefSize(KEY_WIDTH, KEY_HEIGHT);
        button.setFocusTraversable(false);
        return button;
    }
}
