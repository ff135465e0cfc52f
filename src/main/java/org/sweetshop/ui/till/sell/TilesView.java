package org.sweetshop.ui.till.sell;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.sweetshop.catalog.SweetView;
import org.sweetshop.ui.common.CatalogueFilter;

/**
 * The sweets as tiles (name, price, stock, SKU; a weighed sweet's price per 100 g or per kg and its
 * stock in g or kg; a sold-out sweet's tile is disabled) and the
 * category chips above them. A tile's colour follows its category's place among the chips. A
 * live change replaces one sweet: only its tile is made again.
 */
final class TilesView {

    private static final int CATEGORY_COLOURS = 8;

    private final SellViewModel model;
    private final FlowPane tiles = new FlowPane(10, 10);
    // the chips wrap onto another row rather than shrink to "…" (a till at 1024 px has room for few)
    private final FlowPane chips = new FlowPane(6, 6);
    private final ScrollPane grid = new ScrollPane(tiles);
    private final List<String> categoryOrder = new ArrayList<>();
    private final Map<Long, Tile> tileCache = new HashMap<>();

    private record Tile(SweetView sweet, Node node) {
    }

    TilesView(SellViewModel model) {
        this.model = model;
        tiles.setId("tiles");
        tiles.setPadding(new Insets(12));
        grid.setFitToWidth(true);
        grid.getStyleClass().add("tiles-scroll");
        chips.setId("category-chips");
        chips.setAlignment(Pos.CENTER_LEFT);
        model.tiles().addListener((ListChangeListener<SweetView>) change -> showTiles());
        model.categories().addListener((ListChangeListener<String>) change -> showChips());
        model.categoryProperty().addListener((obs, old, now) -> showChips());
        showChips();
        showTiles();
    }

    /** The tiles, scrolling. */
    Node grid() {
        return grid;
    }

    /** One chip per category, "All" first. */
    Node chips() {
        return chips;
    }

    private void showChips() {
        chips.getChildren().clear();
        categoryOrder.clear();
        tileCache.clear();  // a tile's colour follows its category's place
        ToggleGroup group = new ToggleGroup();
        for (String category : model.categories()) {
            if (!CatalogueFilter.ALL.equals(category)) {
                categoryOrder.add(category);
            }
            ToggleButton chip = new ToggleButton(category);
            chip.getStyleClass().add("chip");
            chip.setMinWidth(Region.USE_PREF_SIZE);   // its whole name, never "Cho…"
            chip.setToggleGroup(group);
            chip.setSelected(category.equals(model.categoryProperty().get()));
            chip.setOnAction(e -> model.categoryProperty().set(category));
            chips.getChildren().add(chip);
        }
    }

    private void showTiles() {
        List<Node> nodes = new ArrayList<>();
        Map<Long, Tile> kept = new HashMap<>();
        for (SweetView sweet : model.tiles()) {
            Tile cached = tileCache.get(sweet.id());
            Tile tile = cached != null && cached.sweet().equals(sweet) ? cached : new Tile(sweet, tile(sweet));
            kept.put(sweet.id(), tile);
            nodes.add(tile.node());
        }
        tileCache.clear();
        tileCache.putAll(kept);
        if (!tiles.getChildren().equals(nodes)) {
            tiles.getChildren().setAll(nodes);
        }
    }

    private Node tile(SweetView sweet) {
        Label name = new Label(sweet.name());
        name.getStyleClass().add("tile-name");
        name.setWrapText(true);
        Label price = new Label(Weights.price(sweet, model.pricePer100g()));
        price.getStyleClass().add("tile-price");
        Label stock = new Label(Weights.stock(sweet));
        stock.getStyleClass().add(sweet.stock() == 0 ? "tile-stock-out" : sweet.low() ? "tile-stock-low" : "tile-stock");
        Label sku = new Label(sweet.sku());
        sku.getStyleClass().add("tile-sku");
        // what is left matters to the cashier, the SKU does not: the SKU is the one that gives way
        stock.setMinWidth(Region.USE_PREF_SIZE);
        sku.setMinWidth(0);
        Region spacer = new Region();
        VBox.setVgrow(spacer, Priority.ALWAYS);
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        VBox body = new VBox(4, name, spacer, price, new HBox(8, stock, gap, sku));
        body.setFillWidth(true);
        Button tile = new Button();
        tile.setGraphic(body);
        tile.setId("tile-" + sweet.sku());
        tile.getStyleClass().addAll("tile", "cat-" + Math.floorMod(categoryOrder.indexOf(sweet.category()), CATEGORY_COLOURS));
        tile.setDisable(sweet.stock() == 0);
        tile.setFocusTraversable(false);
        tile.setOnAction(e -> model.add(sweet.sku()));
        return tile;
    }
}
