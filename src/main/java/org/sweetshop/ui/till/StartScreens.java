package org.sweetshop.ui.till;

import java.nio.file.Path;
import javafx.application.Platform;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import org.sweetshop.ui.common.Controls;

/** The screens before anyone sells: starting the database (and trying again), the first run, log-in. */
final class StartScreens {

    private final TillViewModel model;
    private final Path couponDir;

    /** @param couponDir where the first-run demo writes its coupon QR codes */
    StartScreens(TillViewModel model, Path couponDir) {
        this.model = model;
        this.couponDir = couponDir;
    }

    Node starting() {
        ProgressIndicator progress = new ProgressIndicator();
        progress.visibleProperty().bind(model.busyProperty());
        Label status = Forms.message(model);
        status.setId("status");
        Button again = Controls.button("Try again", "start-again", e -> model.start());
        again.visibleProperty().bind(model.screenProperty().isEqualTo(TillViewModel.Screen.FAILED));
        again.managedProperty().bind(again.visibleProperty());
        VBox box = new VBox(16, progress, status, again);
        box.setAlignment(Pos.CENTER);
        return box;
    }

    Node firstRun() {
        Label intro = Forms.text("This database has no staff yet. Create the owner's account: the owner can add managers and cashiers.");
        TextField username = Controls.field(new TextField(), "first-username", "Owner's username");
        PasswordField password = Controls.field(new PasswordField(), "first-password", "Password (at least 8 characters)");
        PasswordField repeated = Controls.field(new PasswordField(), "first-repeat", "Password again");
        CheckBox demo = new CheckBox("Load the demo store (sweets, a manager, a cashier, coupons, promo codes)");
        demo.setId("first-demo");
        demo.setSelected(true);
        demo.setWrapText(true);
        Button create = Forms.primary(Controls.button("Create the owner and start", "first-create",
                e -> model.createOwner(username.getText(), password.getText(), repeated.getText(), demo.isSelected(), couponDir)), model);
        return Forms.card(Forms.heading("Set up this shop"), intro, Forms.labelled("Owner's username", username),
                Forms.labelled("Password", password), Forms.labelled("Password again", repeated), demo, create, Forms.message(model));
    }

    Node login() {
        TextField username = Controls.field(new TextField(), "username", "Username");
        PasswordField password = Controls.field(new PasswordField(), "password", "Password");
        Button login = Forms.primary(Controls.button("Log in", "login", e -> {
            model.login(username.getText(), password.getText());
            password.clear();
        }), model);
        Node card = Forms.card(Forms.heading("Log in to till " + model.till()), Forms.labelled("Username", username),
                Forms.labelled("Password", password), login, Forms.message(model));
        username.requestFocus();
        Platform.runLater(username::requestFocus);
        return card;
    }
}
