package org.sweetshop.ui.till;

import java.time.ZoneId;
import java.util.List;
import javafx.application.Platform;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.sweetshop.shift.ZReport;
import org.sweetshop.ui.common.Controls;
import org.sweetshop.ui.office.BackOffice;

/**
 * A shift's screens: opening it with the cash float, closing it with the cash counted, and its Z
 * report. The Z report (and the open-shift screen, where the day's first log-in lands) also say
 * how the scheduled backup went, which runs behind them.
 */
final class ShiftScreens {

    /** What closing the shift asks, shown over the selling screen: the form, its button, and the field to focus. */
    record CloseShiftForm(Node content, Button confirm, TextField counted) {
    }

    private final TillViewModel model;
    private final Printing printing;
    private final String storeName;

    ShiftScreens(TillViewModel model, Printing printing, String storeName) {
        this.model = model;
        this.printing = printing;
        this.storeName = storeName;
    }

    Node openShift() {
        Label intro = Forms.text("Put the cash float in the drawer and type how much it is.");
        TextField amount = Controls.field(new TextField(), "float", "Cash float, e.g. 50.00");
        Button open = Forms.primary(Controls.button("Open shift", "open-shift", e -> model.openShift(amount.getText())), model);
        Button logout = Controls.button("Log out", "open-shift-logout", e -> model.logout());
        logout.disableProperty().bind(model.busyProperty());
        Button office = Controls.button("Back office (no shift needed)", "open-shift-office", e -> model.openBackOffice());
        office.setVisible(BackOffice.allowed(model.cashierProperty().get()));
        office.setManaged(office.isVisible());
        Platform.runLater(amount::requestFocus);
        return Forms.card(Forms.heading("Open the shift at till " + model.till()), intro, Forms.labelled("Cash float", amount), open,
                office, logout, Forms.message(model), backupStatus());
    }

    CloseShiftForm closeShift() {
        Label intro = Forms.text("Count the cash in the drawer (float included) and type the total.");
        TextField counted = Controls.field("counted-cash", "Cash counted");
        Button close = Controls.button("Close shift and print Z report", "close-shift-confirm", e -> model.closeShift(counted.getText()));
        close.getStyleClass().add("danger");
        counted.setOnAction(e -> close.fire());
        Label message = Forms.text("");
        message.setId("close-shift-message");
        message.textProperty().bind(model.messageProperty());
        return new CloseShiftForm(new VBox(10, intro, counted, message), close, counted);
    }

    Node zReport() {
        ZReport report = model.zReportProperty().get();
        List<String> lines = report.lines(storeName, ZoneId.systemDefault());
        PrintedText printed = new PrintedText(lines, "z-report-text", 440);
        Button print = Controls.button("Print", "z-print", e -> printing.print(printed.text()));
        Button save = Controls.button("Save PDF…", "z-pdf",
                e -> printing.savePdf(lines, "z-report-" + report.till() + "-" + report.shiftId() + ".pdf"));
        Button done = Controls.button("Done", "z-done", e -> model.logout());
        done.setDefaultButton(true);
        done.getStyleClass().add("accent");
        HBox buttons = new HBox(8, print, save, done);
        buttons.setAlignment(Pos.CENTER_RIGHT);
        return Forms.card(Forms.heading("Shift closed: Z report"), printed.view(), buttons, Forms.message(model), backupStatus());
    }

    /** "Backup saved to …" or "Backup failed: …" (red); hidden while there is none. */
    private Label backupStatus() {
        Label status = new Label();
        status.setId("backup-status");
        status.setWrapText(true);
        status.textProperty().bind(model.backupProperty());
        status.visibleProperty().bind(model.backupProperty().isNotEmpty());
        status.managedProperty().bind(status.visibleProperty());
        Runnable paint = () -> status.getStyleClass().setAll("label", model.backupProperty().get().contains(" failed: ")
                ? "status-down" : "status-ok");
        model.backupProperty().addListener((obs, was, now) -> paint.run());
        paint.run();
        return status;
    }
}
