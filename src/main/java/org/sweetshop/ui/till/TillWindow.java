package org.sweetshop.ui.till;

import java.nio.file.Path;
import java.util.function.Function;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import org.sweetshop.staff.Caller;
import org.sweetshop.ui.office.BackOffice;

/**
 * The till window: the screen of the moment (starting, first run, log-in, open shift, selling,
 * Z report, back office) above a status bar that always shows the database state, the till, the
 * cashier and the shift.
 */
public final class TillWindow {

    public static final String STYLESHEET = TillWindow.class.getResource("till.css").toExternalForm();

    private final TillViewModel model;
    private final Function<Caller, SellScreen> sellScreens;
    private final Function<Caller, BackOffice> offices;
    private final StartScreens start;
    private final ShiftScreens shifts;
    private final LockScreen lock;
    private final BorderPane root = new BorderPane();
    private final Node statusBar;
    private SellScreen selling;
    private BackOffice office;

    /**
     * @param sellScreens makes the selling screen for a logged-in cashier
     * @param offices     makes the back office for a manager
     * @param couponDir   where the first-run demo writes its coupon QR codes
     */
    TillWindow(TillViewModel model, Function<Caller, SellScreen> sellScreens, Function<Caller, BackOffice> offices, Printing printing,
               Path couponDir, String storeName) {
        this.model = model;
        this.sellScreens = sellScreens;
        this.offices = offices;
        this.start = new StartScreens(model, couponDir);
        this.shifts = new ShiftScreens(model, printing, storeName);
        this.lock = new LockScreen(model.tillLock(), model.till());
        root.getStyleClass().add("till");
        statusBar = StatusBar.of(model);
        root.setBottom(statusBar);
        model.screenProperty().addListener((obs, old, now) -> show(now));
        show(model.screenProperty().get());
    }

    public Parent root() {
        return root;
    }

    /** The selling screen while someone is selling, else null. */
    SellScreen selling() {
        return selling;
    }

    /** The back office while it is shown, else null. */
    public BackOffice office() {
        return office;
    }

    /** A device's trouble on the status bar while {@code text} is not empty (the pole display's, say). */
    public void showDeviceStatus(String id, javafx.beans.value.ObservableStringValue text) {
        StatusBar.addDevice(statusBar, id, text);
    }

    ShiftScreens shifts() {
        return shifts;
    }

    private void show(TillViewModel.Screen screen) {
        if (screen != TillViewModel.Screen.SELLING && screen != TillViewModel.Screen.LOCKED) {
            selling = null;   // locked, the selling screen (and its basket) is kept for whoever unlocks
        }
        if (screen != TillViewModel.Screen.BACK_OFFICE) {
            office = null;
        }
        root.setCenter(switch (screen) {
            case STARTING, FAILED -> start.starting();
            case FIRST_RUN -> start.firstRun();
            case LOGIN -> start.login();
            case OPEN_SHIFT -> shifts.openShift();
            case SELLING -> sell();
            case LOCKED -> lock.view();
            case Z_REPORT -> shifts.zReport();
            case BACK_OFFICE -> backOffice();
        });
    }

    private Node sell() {
        if (selling != null) {   // unlocked: the same screen and basket, for whoever unlocked
            selling.handOver(model.cashierProperty().get());
            return selling.view().root();
        }
        selling = sellScreens.apply(model.cashierProperty().get());
        selling.model().reload();
        if (!model.welcomeProperty().get().isEmpty()) {
            Label note = Forms.text(model.welcomeProperty().get());
            note.setId("welcome-note");
            selling.view().showOverlay("Your shop is ready", "welcome-overlay", note);
        } else {
            selling.view().focusSearch();
        }
        return selling.view().root();
    }

    private Node backOffice() {
        office = offices.apply(model.cashierProperty().get());
        office.reload();
        return office.root();
    }
}
