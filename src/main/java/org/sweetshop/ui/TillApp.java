package org.sweetshop.ui;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sweetshop.AppContext;
import org.sweetshop.catalog.SweetView;
import org.sweetshop.common.Money;
import org.sweetshop.config.AppConfig;

/**
 * The till window. For now: it starts the store database off the UI thread with a progress
 * indication, then shows the catalogue as tiles with the till's name and the database in a status
 * bar. The selling screen builds on this.
 */
public final class TillApp {

    private static final Logger LOG = LoggerFactory.getLogger(TillApp.class);

    private TillApp() {
    }

    /** Opens the window and returns when it is closed; the exit code for the launcher. */
    public static int run(AppConfig config) {
        CountDownLatch closed = new CountDownLatch(1);
        AtomicReference<AppContext> context = new AtomicReference<>();
        String till = config.terminal() == null ? "T1" : config.terminal();
        Platform.setImplicitExit(false);
        Platform.startup(() -> {
            Stage stage = new Stage();
            BorderPane root = new BorderPane();
            root.getStyleClass().add("till");
            Label status = new Label("Starting the store database…");
            ProgressIndicator progress = new ProgressIndicator();
            VBox starting = new VBox(16, progress, status);
            starting.setAlignment(Pos.CENTER);
            root.setCenter(starting);
            root.setBottom(statusBar(till, "connecting…", false));
            Scene scene = new Scene(root, 1024, 700);
            scene.getStylesheets().add(TillApp.class.getResource("till.css").toExternalForm());
            stage.setScene(scene);
            stage.setTitle("Sweetshop POS — till " + till);
            stage.setOnHidden(e -> closed.countDown());
            stage.show();

            Thread startup = new Thread(() -> {
                try {
                    AppContext opened = AppContext.open(config);
                    context.set(opened);
                    List<SweetView> sweets = opened.catalog().list();
                    String where = opened.describeDatabase();
                    Platform.runLater(() -> {
                        root.setCenter(catalogue(sweets));
                        root.setBottom(statusBar(till, where, true));
                    });
                } catch (RuntimeException e) {
                    LOG.error("start-up failed", e);
                    Platform.runLater(() -> {
                        progress.setVisible(false);
                        status.setText("The store database could not be opened: " + e.getMessage());
                        status.getStyleClass().add("error");
                        root.setBottom(statusBar(till, "not connected", false));
                    });
                }
            }, "till-startup");
            startup.setDaemon(true);
            startup.start();
        });
        try {
            closed.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        AppContext opened = context.get();
        if (opened != null) {
            opened.close();
        }
        Platform.exit();
        return 0;
    }

    private static ScrollPane catalogue(List<SweetView> sweets) {
        FlowPane tiles = new FlowPane(12, 12);
        tiles.setPadding(new Insets(16));
        for (SweetView sweet : sweets) {
            if (!sweet.active()) {
                continue;
            }
            Label name = new Label(sweet.name());
            name.getStyleClass().add("tile-name");
            name.setWrapText(true);
            Label price = new Label(Money.format(sweet.price()));
            price.getStyleClass().add("tile-price");
            Label stock = new Label(sweet.stock() + " left");
            stock.getStyleClass().add(sweet.stock() == 0 ? "tile-stock-out" : "tile-stock");
            VBox tile = new VBox(6, name, price, stock);
            tile.getStyleClass().add("tile");
            tile.setDisable(sweet.stock() == 0);
            tiles.getChildren().add(tile);
        }
        if (tiles.getChildren().isEmpty()) {
            tiles.getChildren().add(new Label("The catalogue is empty: add sweets from the back office or run `sweetshop demo`."));
        }
        ScrollPane scroll = new ScrollPane(tiles);
        scroll.setFitToWidth(true);
        return scroll;
    }

    private static HBox statusBar(String till, String database, boolean connected) {
        Label dot = new Label("●");
        dot.getStyleClass().add(connected ? "status-ok" : "status-down");
        Label db = new Label(database);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Label tillLabel = new Label("Till " + till);
        tillLabel.getStyleClass().add("status-till");
        HBox bar = new HBox(8, dot, db, spacer, tillLabel);
        bar.getStyleClass().add("status-bar");
        bar.setAlignment(Pos.CENTER_LEFT);
        return bar;
    }
}
