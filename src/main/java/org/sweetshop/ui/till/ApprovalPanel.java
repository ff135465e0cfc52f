package org.sweetshop.ui.till;

import java.util.List;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.sweetshop.staff.PinHolder;

/**
 * The content of a "Manager approval: …" panel over the selling screen: what is asked (a reason,
 * the items of a return), the managers' and owners' names as big buttons, a PIN keypad whose OK is
 * Approve. The keyboard's digits go to the keypad unless a text field has the focus.
 */
final class ApprovalPanel {

    private final ManagerApproval model;
    private final FlowPane names = new FlowPane(8, 8);
    private final VBox content;
    private final Button approve;

    /** @param approveAction what Approve does (asks the model, then does the approved action) */
    ApprovalPanel(ManagerApproval model, Node asked, Runnable approveAction) {
        this.model = model;
        names.setId("approver-names");
        names.setPrefWrapLength(220);
        names.setMaxWidth(240);
        model.approvers().addListener((ListChangeListener<PinHolder>) change -> showNames());
        model.chosenProperty().addListener((obs, old, now) -> markChosen());
        PinPad pad = new PinPad(model.pin(), approveAction, "Approve");
        approve = (Button) pad.node().lookup("#pin-ok");
        approve.setId("approve");
        approve.disableProperty().bind(model.busyProperty());
        Label message = new Label();
        message.setId("approval-message");
        message.setWrapText(true);
        message.setMaxWidth(500);
        message.textProperty().bind(model.messageProperty());
        HBox who = new HBox(16, names, pad.node());
        who.setAlignment(Pos.TOP_LEFT);
        content = new VBox(10, asked, who, message);
        content.setId("approval-content");
        content.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (!(e.getTarget() instanceof TextInputControl) && pad.pressed(e)) {
                e.consume();
            }
        });
        showNames();
    }

    Node content() {
        return content;
    }

    /** After the panel is shown: the focus on Approve, so that the keyboard's digits reach the keypad. */
    void focus() {
        approve.setFocusTraversable(true);
        approve.requestFocus();
    }

    private void showNames() {
        PinNames.show(names, model.approvers(), "approver-", List.of("staff-name"), username -> {
            model.choose(username);
            focus();   // the keyboard's digits go on reaching the keypad
        }, model.chosenProperty().get());
    }

    private void markChosen() {
        PinNames.markChosen(names, model.chosenProperty().get());
    }
}
