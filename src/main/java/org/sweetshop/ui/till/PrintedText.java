package org.sweetshop.ui.till;

import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;

/**
 * A receipt or a Z report on screen: its printed lines in a monospaced label (what Print sends
 * to the printer) inside a scroll pane.
 */
final class PrintedText {

    private final Label text;
    private final ScrollPane view;

    PrintedText(List<String> lines, String id, double height) {
        text = new Label(String.join("\n", lines));
        text.setId(id);
        text.getStyleClass().add("receipt");
        view = new ScrollPane(text);
        view.setFitToWidth(true);
        view.setPrefViewportHeight(height);
        view.getStyleClass().add("receipt-scroll");
    }

    /** What to print. */
    Label text() {
        return text;
    }

    /** What to show. */
    ScrollPane view() {
        return view;
    }
}
