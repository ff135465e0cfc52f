package org.sweetshop.ui;

import java.util.List;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.sweetshop.catalog.SweetView;
import org.sweetshop.common.Money;

/** The till's window content: progress while the database starts, then the catalogue as tiles, and a status bar. */
public final class TillView {

    public static final String STYLESHEET = TillView.class.getResource("till.css").toExternalForm();

    private final BorderPane root = new BorderPane();
    private final FlowPane tiles = new FlowPane(12, 12);

    public TillView(String till, StartupViewModel model) {
        root.getStyleClass().add("till");

        ProgressIndicator progress = new ProgressIndicator();
        progress.visibleProperty().bind(model.busyProperty());
        progress.managedProperty().bind(progress.visibleProperty());
        Label status = new Label();
        status.setId("status");
        status.setWrapText(true);
        status.textProperty().bind(model.statusProperty());
        VBox header = new VBox(8, status);
        header.setPadding(new Insets(12, 16, 0, 16));

        tiles.setPadding(new Insets(16));
        ScrollPane scroll = new ScrollPane(tiles);
        scroll.setFitToWidth(true);
        VBox center = new VBox(header, progress, scroll);
        center.setAlignment(Pos.TOP_CENTER);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        root.setCenter(center);

        Label dot = new Label("●");
        dot.setId("connection");
        model.connectedProperty().addListener((obs, was, now) -> dot.getStyleClass().setAll("label", now ? "status-ok" : "status-down"));
        dot.getStyleClass().add("status-down");
        Label db = new Label();
        db.textProperty().bind(model.databaseProperty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Label tillLabel = new Label("Till " + till);
        tillLabel.setId("till-name");
        tillLabel.getStyleClass().add("status-till");
        HBox bar = new HBox(8, dot, db, spacer, tillLabel);
        bar.getStyleClass().add("status-bar");
        bar.setAlignment(Pos.CENTER_LEFT);
        root.setBottom(bar);

        model.sweetsProperty().addListener((obs, old, sweets) -> showTiles(sweets));
    }

    public Parent root() {
        return root;
    }

    private void showTiles(List<SweetView> sweets) {
        tiles.getChildren().clear();
        for (SweetView sweet : sweets) {
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
    }
}
