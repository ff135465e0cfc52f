package org.sweetshop.ui.till;

import java.util.List;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.sweetshop.staff.PinHolder;
import org.sweetshop.ui.common.Controls;

/**
 * The till locked: nothing of the basket shows, only the staff who have a PIN as big buttons
 * (their names) beside a PIN keypad; the keyboard's digits, Backspace and Enter work too. "Use a
 * password" is the way in for someone without a PIN or whose PIN is locked. Fits a 1024×768
 * screen: names scroll when there are many.
 */
final class LockScreen {

    private final TillLock lock;
    private final StackPane root = new StackPane();
    private final FlowPane names = new FlowPane(10, 10);
    private final Button unlock;

    LockScreen(TillLock lock, String till) {
        this.lock = lock;
        Label title = Forms.heading("Till " + till + " is locked");
        title.setId("lock-title");
        Label hint = Forms.text("The basket is kept for whoever unlocks the till.");
        Label message = new Label();
        message.setId("lock-message");
        message.setWrapText(true);
        message.getStyleClass().add("lock-message");
        message.textProperty().bind(lock.messageProperty());
        names.setId("lock-names");
        names.setPrefWrapLength(380);
        ScrollPane scroll = new ScrollPane(names);
        scroll.setFitToWidth(true);
        scroll.setPrefViewportWidth(400);
        scroll.setPrefViewportHeight(320);
        scroll.getStyleClass().add("edge-to-edge");
        lock.holders().addListener((ListChangeListener<PinHolder>) change -> showNames());
        lock.chosenProperty().addListener((obs, old, now) -> markChosen());
        showNames();
        PinPad pad = new PinPad(lock.pin(), lock::unlock, "OK");
        Button ok = (Button) pad.node().lookup("#pin-ok");
        unlock = ok;
        ok.setId("unlock");
        ok.setText("Unlock");
        ok.disableProperty().bind(lock.busyProperty());
        HBox body = new HBox(28, new VBox(10, Forms.text("Who are you?"), scroll), pad.node());
        body.setAlignment(Pos.CENTER);
        VBox card = new VBox(14, title, hint, body, message, passwordRow());
        card.getStyleClass().add("card-form");
        card.setPadding(new Insets(24));
        card.setMaxSize(VBox.USE_PREF_SIZE, VBox.USE_PREF_SIZE);
        root.setId("lock-screen");
        root.getChildren().add(card);
        root.setPadding(new Insets(16));
        root.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (!(e.getTarget() instanceof TextInputControl) && pad.pressed(e)) {
                e.consume();
            }
        });
    }

    /**
     * For whoever has no PIN, or whose PIN is locked: "Use a password" shows a username and a
     * password field; the basket is kept all the same.
     */
    private Node passwordRow() {
        TextField username = Controls.field("lock-username", "Username");
        PasswordField password = Controls.field(new PasswordField(), "lock-password", "Password");
        Button login = Controls.button("Unlock", "lock-password-unlock", e -> {
            lock.unlockWithPassword(username.getText(), password.getText());
            password.clear();
        });
        login.disableProperty().bind(lock.busyProperty());
        password.setOnAction(e -> login.fire());
        HBox fields = new HBox(8, username, password, login);
        fields.setAlignment(Pos.CENTER_LEFT);
        fields.setVisible(false);
        fields.setManaged(false);
        Button show = Controls.button("Use a password", "lock-use-password", e -> {
            fields.setVisible(true);
            fields.setManaged(true);
            username.setText(lock.chosenProperty().get() == null ? "" : lock.chosenProperty().get());
            (username.getText().isEmpty() ? username : password).requestFocus();
        });
        show.getStyleClass().add("flat");
        lock.holders().addListener((ListChangeListener<PinHolder>) change -> {   // each lock starts with the keypad
            fields.setVisible(false);
            fields.setManaged(false);
            password.clear();
        });
        return new VBox(6, show, fields);
    }

    /** The screen, with the focus on it so that the keyboard's digits reach the keypad. */
    Node view() {
        lock.pin().clear();
        javafx.application.Platform.runLater(() -> {
            unlock.setFocusTraversable(true);
            unlock.requestFocus();
        });
        return root;
    }

    private void showNames() {
        PinNames.show(names, lock.holders(), "lock-name-", List.of("staff-name", "lock-name"), lock::choose,
                lock.chosenProperty().get());
    }

    private void markChosen() {
        PinNames.markChosen(names, lock.chosenProperty().get());
    }
}
