package org.sweetshop.ui.till;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.sweetshop.shift.ShiftView;
import org.sweetshop.staff.Caller;

/**
 * The bar under every screen: the database's state (a green or red dot and where it is), the sales made
 * offline still waiting to be sent ("offline: N sales waiting"), the cashier, the shift, the till.
 */
final class StatusBar {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private StatusBar() {
    }

    static Node of(TillViewModel model) {
        Label dot = new Label("●");
        dot.setId("connection");
        Runnable paint = () -> dot.getStyleClass().setAll("label", model.connectedProperty().get() ? "status-ok" : "status-down");
        model.connectedProperty().addListener((obs, was, now) -> paint.run());
        paint.run();
        Label db = new Label();
        db.setId("database");
        db.textProperty().bind(model.databaseProperty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Label cashier = new Label();
        cashier.setId("cashier");
        cashier.textProperty().bind(Bindings.createStringBinding(() -> {
            Caller caller = model.cashierProperty().get();
            return caller == null ? "not logged in" : caller.username() + " (" + caller.role().name().toLowerCase(Locale.ROOT) + ")";
        }, model.cashierProperty()));
        Label tillLabel = new Label("Till " + model.till());
        tillLabel.setId("till-name");
        tillLabel.getStyleClass().add("status-till");
        Label shiftLabel = new Label();
        shiftLabel.setId("shift");
        shiftLabel.textProperty().bind(Bindings.createStringBinding(() -> {
            ShiftView shift = model.shiftProperty().get();
            return shift == null ? "no shift open" : "shift since " + TIME.format(shift.openedAt().atZone(ZoneId.systemDefault()))
                    + " (" + shift.openedBy() + ")";
        }, model.shiftProperty()));
        Label offline = new Label();
        offline.setId("offline-waiting");
        offline.getStyleClass().add("status-down");
        offline.textProperty().bind(Bindings.createStringBinding(
                () -> offlineText(model.offlineWaitingProperty().get(), model.offlineUnsentProperty().get()),
                model.offlineWaitingProperty(), model.offlineUnsentProperty()));
        offline.visibleProperty().bind(model.offlineWaitingProperty().greaterThan(0));
        offline.managedProperty().bind(offline.visibleProperty());
        HBox bar = new HBox(10, dot, db, offline, spacer, cashier, new Label("·"), shiftLabel, new Label("·"), tillLabel);
        bar.getStyleClass().add("status-bar");
        bar.setAlignment(Pos.CENTER_LEFT);
        return bar;
    }

    /**
     * Adds a device's trouble after the database's state: shown while {@code text} is not empty,
     * in the colour of trouble ("Customer display: ... stopped answering: check its cable ...").
     */
    static void addDevice(Node bar, String id, javafx.beans.value.ObservableStringValue text) {
        Label device = new Label();
        device.setId(id);
        device.getStyleClass().add("status-down");
        device.textProperty().bind(text);
        device.visibleProperty().bind(Bindings.createBooleanBinding(() -> !text.get().isEmpty(), text));
        device.managedProperty().bind(device.visibleProperty());
        HBox box = (HBox) bar;
        box.getChildren().add(box.getChildren().indexOf(box.lookup("#offline-waiting")) + 1, device);
    }

    /** "offline: N sales waiting", and ", K could not be sent (see journal replay)" when a replay left some. */
    static String offlineText(int waiting, int unsent) {
        if (waiting == 0) {
            return "";
        }
        return "offline: " + waiting + (waiting == 1 ? " sale waiting" : " sales waiting")
                + (unsent == 0 ? "" : ", " + unsent + " could not be sent (see journal replay)");
    }
}
