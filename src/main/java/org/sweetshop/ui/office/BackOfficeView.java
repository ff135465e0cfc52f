package org.sweetshop.ui.office;

import org.sweetshop.ui.office.shared.OfficeStatus;
import org.sweetshop.ui.office.shared.OfficeTab;
import java.util.List;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.sweetshop.staff.Caller;
import org.sweetshop.ui.common.Controls;

/**
 * The back office's shell: the title bar with "Back to the till", the tabs (each built by its own
 * package under {@code ui.office}), and the message line under them that every tab writes to.
 * Choosing a tab empties the message line and lets the tab read its lists again.
 */
public final class BackOfficeView {

    /** The back office's one stylesheet; the tabs are inside this root, so it styles them too. */
    public static final String STYLESHEET = BackOfficeView.class.getResource("office.css").toExternalForm();

    private final BorderPane root = new BorderPane();

    public BackOfficeView(Caller manager, OfficeStatus status, List<OfficeTab> tabs, Runnable backToTill) {
        root.getStyleClass().add("office");
        root.getStylesheets().add(STYLESHEET);
        root.setTop(top(manager, backToTill));

        TabPane pane = new TabPane();
        tabs.forEach(t -> pane.getTabs().add(t.tab()));
        pane.getSelectionModel().selectedIndexProperty().addListener((obs, old, now) -> {
            if (now.intValue() >= 0) {
                status.clear();   // a message belongs to the tab it came from
                tabs.get(now.intValue()).shown();
            }
        });
        pane.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        root.setCenter(pane);

        Label message = new Label();
        message.setId("office-message");
        message.setWrapText(true);
        message.textProperty().bind(status.messageProperty());
        status.errorProperty().addListener((obs, was, now) -> tone(message, now));
        tone(message, status.errorProperty().get());
        message.getStyleClass().add("office-message");
        root.setBottom(message);
        BorderPane.setMargin(message, new Insets(6, 16, 10, 16));
    }

    private static HBox top(Caller manager, Runnable backToTill) {
        Label title = new Label("Back office");
        title.getStyleClass().add("office-title");
        Label who = new Label(manager.username() + " (" + manager.role().label() + ")");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button back = Controls.button("Back to the till", "back-to-till", e -> backToTill.run());
        back.getStyleClass().add("accent");
        HBox top = new HBox(12, title, who, spacer, back);
        top.setAlignment(Pos.CENTER_LEFT);
        top.getStyleClass().add("office-top");
        return top;
    }

    public Parent root() {
        return root;
    }

    private static void tone(Label message, boolean error) {
        message.getStyleClass().removeAll("msg-ok", "msg-error");
        message.getStyleClass().add(error ? "msg-error" : "msg-ok");
    }
}
