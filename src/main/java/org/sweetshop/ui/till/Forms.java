package org.sweetshop.ui.till;

import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/** How the till's own screens (start, log-in, shift, Z report) are laid out: a card in the middle of the window. */
final class Forms {

    private Forms() {
    }

    /** The window's message line for the screen shown. */
    static Label message(TillViewModel model) {
        Label message = new Label();
        message.setId("screen-message");
        message.setWrapText(true);
        message.textProperty().bind(model.messageProperty());
        return message;
    }

    static Label heading(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("title-2");
        return label;
    }

    static Label text(String text) {
        Label label = new Label(text);
        label.setWrapText(true);
        return label;
    }

    /** A field with its name above it: the prompt text disappears once the field has the focus. */
    static Node labelled(String name, TextField field) {
        Label label = new Label(name);
        label.setLabelFor(field);
        label.getStyleClass().add("field-name");
        return new VBox(4, label, field);
    }

    /** The main button of a form: Enter presses it, and it waits while a step is on its way. */
    static Button primary(Button button, TillViewModel model) {
        button.setDefaultButton(true);
        button.getStyleClass().add("accent");
        button.disableProperty().bind(model.busyProperty());
        return button;
    }

    /** A card of these, full-width buttons, centred in the window. */
    static Node card(Node... children) {
        VBox card = new VBox(14, children);
        card.getStyleClass().add("card-form");
        card.setMaxWidth(480);
        card.setMaxHeight(Region.USE_PREF_SIZE);
        card.setPadding(new Insets(28));
        for (Node child : children) {
            if (child instanceof Button button) {
                button.setMaxWidth(Double.MAX_VALUE);
            }
        }
        StackPane centred = new StackPane(card);
        centred.setPadding(new Insets(24));
        return centred;
    }
}
