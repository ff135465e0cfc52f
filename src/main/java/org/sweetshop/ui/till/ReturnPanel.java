package org.sweetshop.ui.till;

import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.sweetshop.ui.common.Controls;

/**
 * The content of the Return panel: the receipt number (typed, or scanned from the receipt's QR
 * code), its lines each with − and + for what comes back, and what the panel says.
 */
final class ReturnPanel {

    private final TillReturn model;
    private final TextField receipt = Controls.field("return-receipt", "Receipt number, e.g. T1-000042 (or scan it)");
    private final VBox rows = new VBox(6);
    private final VBox content;

    ReturnPanel(TillReturn model) {
        this.model = model;
        receipt.setOnAction(e -> model.find(receipt.getText()));
        HBox.setHgrow(receipt, Priority.ALWAYS);
        Button find = Controls.button("Find", "return-find", e -> model.find(receipt.getText()));
        find.setMinHeight(44);
        find.disableProperty().bind(model.busyProperty());
        rows.setId("return-lines");
        model.lines().addListener((ListChangeListener<TillReturn.Line>) change -> showLines());
        ScrollPane scroll = new ScrollPane(rows);
        scroll.setFitToWidth(true);
        scroll.setPrefViewportHeight(260);
        scroll.setPrefViewportWidth(500);
        Label message = new Label();
        message.setId("return-message");
        message.setWrapText(true);
        message.setMaxWidth(500);
        message.textProperty().bind(model.messageProperty());
        HBox search = new HBox(8, receipt, find);
        search.setAlignment(Pos.CENTER_LEFT);
        content = new VBox(10, search, scroll, message);
    }

    Node content() {
        return content;
    }

    /** A scanned receipt QR code: its number is looked up at once. */
    void scanned(String text) {
        receipt.setText(text);
        model.find(text);
    }

    void focus() {
        receipt.requestFocus();
    }

    private void showLines() {
        rows.getChildren().setAll(model.lines().stream().map(line -> {
            Label what = new Label(line.describe());
            what.setWrapText(true);
            what.setMaxWidth(Double.MAX_VALUE);
            HBox.setHgrow(what, Priority.ALWAYS);
            Button less = Controls.button("−", "return-less-" + line.sku(), e -> model.less(line.sku()));
            Button more = Controls.button("+", "return-more-" + line.sku(), e -> model.more(line.sku()));
            less.setMinSize(48, 44);
            more.setMinSize(48, 44);
            less.setDisable(line.picked() == 0);
            more.setDisable(line.picked() >= line.left());
            Label picked = new Label(line.pickedText());
            picked.setId("return-picked-" + line.sku());
            picked.setMinWidth(64);
            picked.setAlignment(Pos.CENTER);
            HBox row = new HBox(8, what, less, picked, more);
            row.setAlignment(Pos.CENTER_LEFT);
            return (Node) row;
        }).toList());
    }
}
