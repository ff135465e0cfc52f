package org.sweetshop.ui.common;

import javafx.event.ActionEvent;
import javafx.event.EventHandler;
import javafx.scene.control.Button;
import javafx.scene.control.TextField;

/** The small builders every screen uses: a button and a text field, each with the id tests and CSS find it by. */
public final class Controls {

    private Controls() {
    }

    public static Button button(String text, String id, EventHandler<ActionEvent> action) {
        Button button = new Button(text);
        button.setId(id);
        button.setOnAction(action);
        return button;
    }

    /** Names a text field (or password field) and gives it its prompt. */
    public static <T extends TextField> T field(T field, String id, String prompt) {
        field.setId(id);
        field.setPromptText(prompt);
        return field;
    }

    public static TextField field(String id, String prompt) {
        return field(new TextField(), id, prompt);
    }
}
