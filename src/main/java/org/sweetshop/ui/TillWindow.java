package org.sweetshop.ui;

import org.sweetshop.ui.common.Controls;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Function;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.sweetshop.shift.ShiftView;
import org.sweetshop.shift.ZReport;
import org.sweetshop.staff.Caller;
import org.sweetshop.ui.office.BackOffice;

/**
 * The till window: the screen of the moment (starting, first run, log-in, selling) above a
 * status bar that always shows the database state, the till, the cashier and the shift.
 */
public final class TillWindow {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    public static final String STYLESHEET = TillWindow.class.getResource("till.css").toExternalForm();

    private final TillViewModel model;
    private final Function<Caller, SellViewModel> sellModels;
    private final SellView.Actions actions;
    private final Path couponDir;
    private final String storeName;
    private final BorderPane root = new BorderPane();
    private final Label cashierLabel = new Label();
    private final Function<Caller, BackOffice> offices;
    private BackOffice office;
    private SellViewModel selling;
    private SellView sellView;

    /**
     * @param sellModels makes the selling screen's model for a logged-in cashier
     * @param couponDir  where the first-run demo writes its coupon QR codes
     */
    public TillWindow(TillViewModel model, Function<Caller, SellViewModel> sellModels, SellView.Actions actions, Path couponDir,
                      String storeName, Function<Caller, BackOffice> offices) {
        this.offices = offices;
        this.storeName = storeName;
        this.model = model;
        this.sellModels = sellModels;
        this.actions = actions;
        this.couponDir = couponDir;
        root.getStyleClass().add("till");
        root.setBottom(statusBar());
        model.screenProperty().addListener((obs, old, now) -> show(now));
        show(model.screenProperty().get());
    }

    public Parent root() {
        return root;
    }

    /** The selling screen's model while someone is logged in, else null. */
    public SellViewModel selling() {
        return selling;
    }

    public SellView sellView() {
        return sellView;
    }

    private void show(TillViewModel.Screen screen) {
        if (screen != TillViewModel.Screen.SELLING) {
            selling = null;
            sellView = null;
        }
        if (screen != TillViewModel.Screen.BACK_OFFICE) {
            office = null;
        }
        root.setCenter(switch (screen) {
            case STARTING, FAILED -> starting();
            case FIRST_RUN -> firstRun();
            case LOGIN -> login();
            case OPEN_SHIFT -> openShift();
            case SELLING -> sell();
            case Z_REPORT -> zReport();
            case BACK_OFFICE -> backOffice();
        });
    }

    private Node sell() {
        selling = sellModels.apply(model.cashierProperty().get());
        sellView = new SellView(selling, actions);
        selling.reload();
        if (!model.welcomeProperty().get().isEmpty()) {
            Label note = new Label(model.welcomeProperty().get());
            note.setWrapText(true);
            note.setId("welcome-note");
            sellView.showOverlay("Your shop is ready", "welcome-overlay", note);
        } else {
            sellView.focusSearch();
        }
        return sellView.root();
    }

    private Node backOffice() {
        office = offices.apply(this.model.cashierProperty().get());
        office.reload();
        return office.root();
    }

    /** The back office while it is shown, else null. */
    public BackOffice office() {
        return office;
    }

    private Node starting() {
        ProgressIndicator progress = new ProgressIndicator();
        progress.visibleProperty().bind(model.busyProperty());
        Label status = message();
        status.setId("status");
        Button again = Controls.button("Try again", "start-again", e -> model.start());
        again.visibleProperty().bind(model.screenProperty().isEqualTo(TillViewModel.Screen.FAILED));
        again.managedProperty().bind(again.visibleProperty());
        VBox box = new VBox(16, progress, status, again);
        box.setAlignment(Pos.CENTER);
        return box;
    }

    private Node firstRun() {
        Label title = heading("Set up this shop");
        Label intro = new Label("This database has no staff yet. Create the owner's account: the owner can add managers and cashiers.");
        intro.setWrapText(true);
        TextField username = Controls.field(new TextField(), "first-username", "Owner's username");
        PasswordField password = Controls.field(new PasswordField(), "first-password", "Password (at least 8 characters)");
        PasswordField repeated = Controls.field(new PasswordField(), "first-repeat", "Password again");
        CheckBox demo = new CheckBox("Load the demo store (sweets, a manager, a cashier, coupons, promo codes)");
        demo.setId("first-demo");
        demo.setSelected(true);
        demo.setWrapText(true);
        Button create = Controls.button("Create the owner and start", "first-create",
                e -> model.createOwner(username.getText(), password.getText(), repeated.getText(), demo.isSelected(), couponDir));
        create.setDefaultButton(true);
        create.getStyleClass().add("accent");
        create.disableProperty().bind(model.busyProperty());
        return card(title, intro, labelled("Owner's username", username), labelled("Password", password),
                labelled("Password again", repeated), demo, create, message());
    }

    private Node login() {
        Label title = heading("Log in to till " + model.till());
        TextField username = Controls.field(new TextField(), "username", "Username");
        PasswordField password = Controls.field(new PasswordField(), "password", "Password");
        Button login = Controls.button("Log in", "login", e -> {
            model.login(username.getText(), password.getText());
            password.clear();
        });
        login.setDefaultButton(true);
        login.getStyleClass().add("accent");
        login.disableProperty().bind(model.busyProperty());
        Node card = card(title, labelled("Username", username), labelled("Password", password), login, message());
        username.requestFocus();
        javafx.application.Platform.runLater(username::requestFocus);
        return card;
    }

    private Node openShift() {
        Label title = heading("Open the shift at till " + model.till());
        Label intro = new Label("Put the cash float in the drawer and type how much it is.");
        intro.setWrapText(true);
        TextField amount = Controls.field(new TextField(), "float", "Cash float, e.g. 50.00");
        Button open = Controls.button("Open shift", "open-shift", e -> model.openShift(amount.getText()));
        open.setDefaultButton(true);
        open.getStyleClass().add("accent");
        open.disableProperty().bind(model.busyProperty());
        Button logout = Controls.button("Log out", "open-shift-logout", e -> model.logout());
        logout.disableProperty().bind(model.busyProperty());
        Button office = Controls.button("Back office (no shift needed)", "open-shift-office", e -> model.openBackOffice());
        office.setVisible(BackOffice.allowed(model.cashierProperty().get()));
        office.setManaged(office.isVisible());
        javafx.application.Platform.runLater(amount::requestFocus);
        return card(title, intro, labelled("Cash float", amount), open, office, logout, message());
    }

    private Node zReport() {
        ZReport report = model.zReportProperty().get();
        Label title = heading("Shift closed: Z report");
        List<String> lines = report.lines(storeName, ZoneId.systemDefault());
        PrintedText printed = new PrintedText(lines, "z-report-text", 440);
        Button print = Controls.button("Print", "z-print", e -> actions.print(printed.text()));
        Button save = Controls.button("Save PDF…", "z-pdf", e -> actions.savePdf(lines, "z-report-" + report.till() + "-" + report.shiftId() + ".pdf"));
        Button done = Controls.button("Done", "z-done", e -> model.logout());
        done.setDefaultButton(true);
        done.getStyleClass().add("accent");
        HBox buttons = new HBox(8, print, save, done);
        buttons.setAlignment(Pos.CENTER_RIGHT);
        return card(title, printed.view(), buttons, message());
    }

    private Label message() {
        Label message = new Label();
        message.setId("screen-message");
        message.setWrapText(true);
        message.textProperty().bind(model.messageProperty());
        return message;
    }

    private static Label heading(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("title-2");
        return label;
    }

    /** A field with its name above it: the prompt text disappears once the field has the focus. */
    private static Node labelled(String name, TextField field) {
        Label label = new Label(name);
        label.setLabelFor(field);
        label.getStyleClass().add("field-name");
        return new VBox(4, label, field);
    }

    private static Node card(Node... children) {
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

    private Node statusBar() {
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
        cashierLabel.setId("cashier");
        cashierLabel.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> {
            Caller caller = model.cashierProperty().get();
            return caller == null ? "not logged in" : caller.username() + " (" + caller.role().name().toLowerCase(java.util.Locale.ROOT) + ")";
        }, model.cashierProperty()));
        Label tillLabel = new Label("Till " + model.till());
        tillLabel.setId("till-name");
        tillLabel.getStyleClass().add("status-till");
        Label shiftLabel = new Label();
        shiftLabel.setId("shift");
        shiftLabel.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> {
            ShiftView shift = model.shiftProperty().get();
            return shift == null ? "no shift open" : "shift since " + TIME.format(shift.openedAt().atZone(ZoneId.systemDefault()))
                    + " (" + shift.openedBy() + ")";
        }, model.shiftProperty()));
        HBox bar = new HBox(10, dot, db, spacer, cashierLabel, new Label("·"), shiftLabel, new Label("·"), tillLabel);
        bar.getStyleClass().add("status-bar");
        bar.setAlignment(Pos.CENTER_LEFT);
        return bar;
    }

    /** Same-thread executor, for tests and for work already on the right thread. */
    public static final Executor DIRECT = Runnable::run;
}
