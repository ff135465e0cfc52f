package org.sweetshop.ui;

import org.sweetshop.ui.common.Controls;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.sweetshop.catalog.SweetView;
import org.sweetshop.common.Money;

/**
 * The selling screen: search and category chips on top, the sweet tiles, the basket with its
 * discounts, totals and payment on the right. Keyboard: F1 help, F2 search, F4 coupon or promo
 * code, F12 pay, Esc cancel, Delete remove line, + and − quantity.
 */
public final class SellView {

    public static final String STYLESHEET = SellView.class.getResource("sell.css").toExternalForm();

    /** Quick cash buttons: common notes. */
    private static final List<String> NOTES = List.of("5", "10", "20", "50");
    private static final int CATEGORY_COLOURS = 8;

    private final SellViewModel model;
    private final Actions actions;
    private final StackPane root = new StackPane();
    private final BorderPane main = new BorderPane();
    private final FlowPane tiles = new FlowPane(10, 10);
    private final HBox chips = new HBox(6);
    private final TextField search = new TextField();
    private final TextField code = new TextField();
    private final TextField tendered = new TextField();
    private final ListView<SellViewModel.Item> basket = new ListView<>();
    private final Label message = new Label();
    private final VBox overlay = new VBox(12);
    private final List<String> categoryOrder = new ArrayList<>();
    private final java.util.Map<Long, Tile> tileCache = new java.util.HashMap<>();

    public SellView(SellViewModel model, Actions actions) {
        this.model = model;
        this.actions = actions;
        root.getStyleClass().add("sell");
        root.getStylesheets().add(STYLESHEET);
        root.getChildren().addAll(main, overlay);
        overlay.getStyleClass().add("overlay");
        overlay.setVisible(false);
        overlay.setMaxSize(560, Region.USE_PREF_SIZE);
        StackPane.setAlignment(overlay, Pos.CENTER);

        main.setTop(toolbar(actions));
        main.setCenter(grid());
        main.setRight(basketPanel());

        model.tiles().addListener((ListChangeListener<SweetView>) change -> showTiles());
        model.categories().addListener((ListChangeListener<String>) change -> showChips());
        model.categoryProperty().addListener((obs, old, now) -> showChips());
        showChips();
        showTiles();

        root.addEventFilter(KeyEvent.KEY_PRESSED, this::shortcut);
    }

    /** What the buttons outside selling do; the window supplies them. */
    public interface Actions {
        void camera();

        void openImage();

        void reprintLast();

        void logout();

        void closeShift();

        void showReceipt(org.sweetshop.sale.Receipt receipt);

        /** Prints this node through the system printer. */
        void print(Node document);

        /** Asks where, then saves these lines as a PDF. */
        void savePdf(List<String> lines, String suggestedName);

        /** To the back office (managers and owners only). */
        void backOffice();

        /** True while a scanner gun's keys are coming: its '-' is not the quantity key. */
        boolean scanning();
    }

    public Parent root() {
        return root;
    }

    private Node toolbar(Actions actions) {
        search.setId("search");
        search.setPromptText("Search name or SKU  (F2)");
        search.textProperty().bindBidirectional(model.searchProperty());
        search.setOnAction(e -> addTheOnlyMatch());
        HBox.setHgrow(search, Priority.ALWAYS);

        code.setId("code");
        code.setPromptText("Coupon or promo code  (F4)");
        code.setPrefColumnCount(16);
        code.setOnAction(e -> applyCode());
        Button apply = Controls.button("Apply", "apply-code", e -> applyCode());

        Button camera = Controls.button("Camera", "camera", e -> actions.camera());
        camera.setTooltip(new Tooltip("Scan a QR coupon with the camera"));
        Button image = Controls.button("Open image…", "open-image", e -> actions.openImage());
        Button reprint = Controls.button("Reprint last", "reprint", e -> actions.reprintLast());
        reprint.disableProperty().bind(model.lastReceiptProperty().isNull());
        Button help = Controls.button("Keys (F1)", "help", e -> toggleHelp());
        Button logout = Controls.button("Log out", "logout", e -> actions.logout());
        Button closeShift = Controls.button("Close shift", "close-shift", e -> actions.closeShift());
        Button office = Controls.button("Back office", "back-office", e -> actions.backOffice());
        office.setVisible(org.sweetshop.ui.office.BackOffice.allowed(model.cashier()));
        office.setManaged(office.isVisible());

        HBox row = new HBox(8, search, code, apply, camera, image);
        row.setAlignment(Pos.CENTER_LEFT);
        chips.setAlignment(Pos.CENTER_LEFT);
        HBox session = new HBox(8, reprint, help, office, closeShift, logout);
        session.setAlignment(Pos.CENTER_RIGHT);
        session.setMinWidth(Region.USE_PREF_SIZE);
        HBox.setHgrow(chips, Priority.ALWAYS);
        VBox top = new VBox(8, row, new HBox(8, chips, session));
        top.getStyleClass().add("toolbar-area");
        return top;
    }

    private Node grid() {
        tiles.setId("tiles");
        tiles.setPadding(new Insets(12));
        ScrollPane scroll = new ScrollPane(tiles);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("tiles-scroll");
        return scroll;
    }

    private Node basketPanel() {
        Label title = new Label("Basket");
        title.getStyleClass().add("panel-title");

        basket.setId("basket");
        basket.setItems(model.basket());
        basket.setCellFactory(list -> new ItemCell());
        basket.setPlaceholder(new Label("Tap a sweet or scan to start a sale"));
        VBox.setVgrow(basket, Priority.ALWAYS);

        VBox discounts = new VBox(4);
        discounts.setId("discounts");
        model.discounts().addListener((ListChangeListener<SellViewModel.DiscountLine>) change -> showDiscounts(discounts));

        Label subtotal = amount("subtotal");
        Label discount = amount("discount");
        Label total = amount("total");
        total.getStyleClass().add("total");
        subtotal.textProperty().bind(Bindings.createStringBinding(() -> Money.format(model.pricingProperty().get().subtotal()),
                model.pricingProperty()));
        discount.textProperty().bind(Bindings.createStringBinding(() -> minus(model.pricingProperty().get().discount()),
                model.pricingProperty()));
        total.textProperty().bind(Bindings.createStringBinding(() -> Money.format(model.pricingProperty().get().total()),
                model.pricingProperty()));
        GridPane totals = new GridPane();
        totals.getStyleClass().add("totals");
        totals.addRow(0, new Label("Subtotal"), subtotal);
        totals.addRow(1, new Label("Discount"), discount);
        Label totalLabel = new Label("Total");
        totalLabel.getStyleClass().add("total");
        totals.addRow(2, totalLabel, total);
        totals.setHgap(12);
        for (Node amountLabel : List.of(subtotal, discount, total)) {
            GridPane.setHgrow(amountLabel, Priority.ALWAYS);
            GridPane.setHalignment(amountLabel, javafx.geometry.HPos.RIGHT);
        }

        tendered.setId("tendered");
        tendered.setPromptText("Cash tendered  (F12)");
        tendered.setOnAction(e -> payCash());
        Label change = new Label();
        change.setId("change-preview");
        change.getStyleClass().add("change-preview");
        change.textProperty().bind(Bindings.createStringBinding(() -> changePreview(tendered.getText()),
                tendered.textProperty(), model.pricingProperty()));
        model.lastReceiptProperty().addListener((obs, old, now) -> tendered.clear());
        HBox notes = new HBox(6);
        Button exact = Controls.button("Exact", "note-exact", e -> tendered.setText(model.pricingProperty().get().total().toPlainString()));
        notes.getChildren().add(exact);
        for (String note : NOTES) {
            notes.getChildren().add(Controls.button(note, "note-" + note, e -> tendered.setText(addNote(note))));
        }
        for (Node n : notes.getChildren()) {
            HBox.setHgrow(n, Priority.ALWAYS);
            ((Button) n).setMaxWidth(Double.MAX_VALUE);
        }
        Button cash = Controls.button("Cash", "pay-cash", e -> payCash());
        Button card = Controls.button("Card", "pay-card", e -> model.payCard());
        cash.getStyleClass().addAll("pay", "accent");
        card.getStyleClass().addAll("pay", "accent");
        for (Button b : List.of(cash, card)) {
            b.setMaxWidth(Double.MAX_VALUE);
            HBox.setHgrow(b, Priority.ALWAYS);
            b.disableProperty().bind(model.payingProperty().or(Bindings.isEmpty(model.basket())).or(model.retryableProperty()));
        }
        HBox pay = new HBox(8, cash, card);

        Button retry = Controls.button("Try again", "retry", e -> model.retry());
        retry.getStyleClass().add("danger");
        retry.setMaxWidth(Double.MAX_VALUE);
        retry.visibleProperty().bind(model.retryableProperty());
        retry.managedProperty().bind(retry.visibleProperty());
        Button clear = Controls.button("Clear basket", "clear", e -> model.clear());
        clear.setMaxWidth(Double.MAX_VALUE);
        clear.disableProperty().bind(model.payingProperty());

        message.setId("message");
        message.setWrapText(true);
        message.textProperty().bind(model.messageProperty());
        model.toneProperty().addListener((obs, old, now) -> tone(now));
        tone(model.toneProperty().get());

        VBox panel = new VBox(10, title, basket, discounts, totals, tendered, change, notes, pay, retry, clear, message);
        panel.getStyleClass().add("basket-panel");
        panel.setPrefWidth(430);
        return panel;
    }

    /** "Change 1.75" while the amount typed covers the total; nothing otherwise. */
    private String changePreview(String typed) {
        BigDecimal total = model.pricingProperty().get().total();
        if (typed == null || typed.isBlank() || model.basket().isEmpty()) {
            return "";
        }
        try {
            BigDecimal amount = new BigDecimal(typed.strip());
            return amount.compareTo(total) >= 0 ? "Change " + Money.format(amount.subtract(total).setScale(Money.SCALE, Money.ROUNDING))
                    : "Short by " + Money.format(total.subtract(amount).setScale(Money.SCALE, Money.ROUNDING));
        } catch (NumberFormatException | ArithmeticException e) {
            return "";
        }
    }

    private String addNote(String note) {
        BigDecimal current;
        try {
            current = tendered.getText().isBlank() ? BigDecimal.ZERO : new BigDecimal(tendered.getText().strip());
        } catch (NumberFormatException e) {
            current = BigDecimal.ZERO;
        }
        return current.add(new BigDecimal(note)).toPlainString();
    }

    private void tone(SellViewModel.Tone tone) {
        message.getStyleClass().removeAll("msg-info", "msg-ok", "msg-error");
        message.getStyleClass().add(switch (tone) {
            case INFO -> "msg-info";
            case OK -> "msg-ok";
            case ERROR -> "msg-error";
        });
    }

    private void showDiscounts(VBox box) {
        box.getChildren().clear();
        for (SellViewModel.DiscountLine line : model.discounts()) {
            box.getChildren().add(line.coupon()
                    ? discountRow("coupon-line", line.label(), line.amount(), model::detachCoupon)
                    : discountRow("promo-line", line.label(), line.amount(), model::detachPromo));
        }
    }

    private HBox discountRow(String id, String text, BigDecimal amount, Runnable remove) {
        Label what = new Label(text);
        what.setWrapText(true);
        Label value = new Label(minus(amount));
        value.setMinWidth(Region.USE_PREF_SIZE);
        what.setMinWidth(0);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button x = Controls.button("✕", id + "-remove", e -> remove.run());
        x.getStyleClass().add("flat");
        x.disableProperty().bind(model.lockedBinding());
        HBox row = new HBox(8, what, spacer, value, x);
        row.setId(id);
        row.setAlignment(Pos.CENTER_LEFT);
        row.getStyleClass().add("discount-line");
        return row;
    }

    private void showChips() {
        chips.getChildren().clear();
        categoryOrder.clear();
        tileCache.clear();  // a tile's colour follows its category's place
        ToggleGroup group = new ToggleGroup();
        for (String category : model.categories()) {
            if (!SellViewModel.ALL.equals(category)) {
                categoryOrder.add(category);
            }
            ToggleButton chip = new ToggleButton(category);
            chip.getStyleClass().add("chip");
            chip.setToggleGroup(group);
            chip.setSelected(category.equals(model.categoryProperty().get()));
            chip.setOnAction(e -> model.categoryProperty().set(category));
            chips.getChildren().add(chip);
        }
    }

    private void showTiles() {
        List<Node> nodes = new ArrayList<>();
        java.util.Map<Long, Tile> kept = new java.util.HashMap<>();
        for (SweetView sweet : model.tiles()) {
            Tile cached = tileCache.get(sweet.id());
            // a live change replaces one sweet: only its tile is made again
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

    private record Tile(SweetView sweet, Node node) {
    }

    private Node tile(SweetView sweet) {
        Label name = new Label(sweet.name());
        name.getStyleClass().add("tile-name");
        name.setWrapText(true);
        Label price = new Label(Money.format(sweet.price()));
        price.getStyleClass().add("tile-price");
        Label stock = new Label(sweet.stock() == 0 ? "sold out" : sweet.stock() + " left");
        stock.getStyleClass().add(sweet.stock() == 0 ? "tile-stock-out" : sweet.low() ? "tile-stock-low" : "tile-stock");
        Label sku = new Label(sweet.sku());
        sku.getStyleClass().add("tile-sku");
        Region spacer = new Region();
        VBox.setVgrow(spacer, Priority.ALWAYS);
        VBox body = new VBox(4, name, spacer, price, new HBox(8, stock, grow(), sku));
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

    private static String minus(BigDecimal amount) {
        return amount.signum() == 0 ? Money.format(amount) : "−" + Money.format(amount);
    }

    private static Region grow() {
        Region r = new Region();
        HBox.setHgrow(r, Priority.ALWAYS);
        return r;
    }

    private static Label amount(String id) {
        Label label = new Label();
        label.setId(id);
        label.getStyleClass().add("amount");
        return label;
    }

    private void addTheOnlyMatch() {
        String text = search.getText() == null ? "" : search.getText().strip();
        if (model.sweet(text).isPresent()) {
            model.add(text);
            search.clear();
        } else if (model.tiles().size() == 1 && model.tiles().get(0).stock() > 0) {
            model.add(model.tiles().get(0).sku());
            search.clear();
        } else if (!text.isEmpty()) {
            model.notice(model.tiles().isEmpty() ? "No sweet matches \"" + text + "\"."
                    : model.tiles().size() + " sweets match \"" + text + "\": tap the one you want.");
        }
    }

    private void applyCode() {
        String text = code.getText();
        code.clear();
        model.scanned(text);
    }

    private void payCash() {
        String text = tendered.getText();
        if (text == null || text.isBlank()) {
            tendered.requestFocus();
            return;
        }
        model.payCash(text);
    }

    // ---- overlays: help and receipt -------------------------------------------------------

    private void toggleHelp() {
        if (overlay.isVisible()) {
            closeOverlay();
            return;
        }
        GridPane keys = new GridPane();
        keys.setHgap(16);
        keys.setVgap(6);
        String[][] rows = {
            {"F1", "this list of keys"}, {"F2", "search sweets by name or SKU"}, {"F4", "type a coupon or promo code"},
            {"F12", "pay: cash tendered, Enter to take it"}, {"Esc", "cancel: close this, clear the field"},
            {"Delete", "remove the selected basket line"}, {"+ / −", "quantity of the selected line"},
            {"Scanner gun", "scan anywhere: sweets, coupons, promo codes"}};
        for (int i = 0; i < rows.length; i++) {
            Label key = new Label(rows[i][0]);
            key.getStyleClass().add("key");
            keys.addRow(i, key, new Label(rows[i][1]));
        }
        showOverlay("Keyboard shortcuts", "help-overlay", keys);
    }

    /** Shows a panel over the screen (receipt, help); Esc or Close hides it. */
    public void showOverlay(String title, String id, Node content, Button... extra) {
        showOverlay(title, id, content, "Close", extra);
    }

    /** The same, with the closing button named for what it does there ("Cancel" beside an action). */
    public void showOverlay(String title, String id, Node content, String closeText, Button... extra) {
        Label heading = new Label(title);
        heading.getStyleClass().add("panel-title");
        Button close = Controls.button(closeText, "overlay-close", e -> closeOverlay());
        close.setDefaultButton(true);
        HBox buttons = new HBox(8);
        buttons.getChildren().addAll(extra);
        buttons.getChildren().add(close);
        buttons.setAlignment(Pos.CENTER_RIGHT);
        overlay.setId(id);
        overlay.getChildren().setAll(heading, content, buttons);
        overlay.setVisible(true);
        close.requestFocus();
    }

    public void closeOverlay() {
        overlay.setVisible(false);
        overlay.getChildren().clear();
        search.requestFocus();
    }

    public boolean overlayIs(String id) {
        return overlay.isVisible() && id.equals(overlay.getId());
    }

    public boolean overlayShown() {
        return overlay.isVisible();
    }

    // ---- keyboard ---------------------------------------------------------------------------

    private void shortcut(KeyEvent e) {
        KeyCode key = e.getCode();
        boolean typing = e.getTarget() instanceof TextInputControl;
        // line keys act on the basket only when it has the focus: '-' is also in every scanned SKU
        boolean onBasket = basket.isFocused() && !overlay.isVisible() && !actions.scanning();
        if (overlay.isVisible() && key != KeyCode.ESCAPE && key != KeyCode.F1) {
            return;
        }
        switch (key) {
            case F1 -> toggleHelp();
            case F2 -> focus(search);
            case F4 -> focus(code);
            case F12 -> {
                if (tendered.isFocused() && !tendered.getText().isBlank()) {
                    payCash();
                } else {
                    focus(tendered);
                }
            }
            case ESCAPE -> escape();
            case DELETE -> {
                if (typing || !onBasket) {
                    return;
                }
                selected(model::remove);
            }
            case PLUS, ADD, EQUALS -> {
                if (typing || !onBasket) {
                    return;
                }
                selected(model::increment);
            }
            case MINUS, SUBTRACT -> {
                if (typing || !onBasket) {
                    return;
                }
                selected(model::decrement);
            }
            default -> {
                return;
            }
        }
        e.consume();
    }

    private void selected(Consumer<String> action) {
        SellViewModel.Item item = basket.getSelectionModel().getSelectedItem();
        if (item == null && !model.basket().isEmpty()) {
            item = model.basket().get(model.basket().size() - 1);
        }
        if (item != null) {
            String sku = item.sku();
            action.accept(sku);
            model.basket().stream().filter(i -> i.sku().equals(sku)).findFirst().ifPresent(i -> basket.getSelectionModel().select(i));
        }
    }

    private void escape() {
        if (overlay.isVisible()) {
            closeOverlay();
        } else if (!search.getText().isEmpty()) {
            search.clear();
            focus(search);
        } else if (!code.getText().isEmpty()) {
            code.clear();
        } else if (!tendered.getText().isEmpty()) {
            tendered.clear();
        }
    }

    private static void focus(TextField field) {
        field.requestFocus();
        field.selectAll();
    }

    public void focusSearch() {
        focus(search);
    }

    /** A basket line: name, − quantity +, line total, remove. */
    private final class ItemCell extends ListCell<SellViewModel.Item> {
        @Override
        protected void updateItem(SellViewModel.Item item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null) {
                setGraphic(null);
                setText(null);
                return;
            }
            Label name = new Label(item.name());
            name.getStyleClass().add("line-name");
            name.setMinWidth(0);
            name.setWrapText(true);
            Label unit = new Label(Money.format(item.unitPrice()) + " each");
            unit.getStyleClass().add("line-unit");
            VBox what = new VBox(2, name, unit);
            what.setMinWidth(0);
            HBox.setHgrow(what, Priority.ALWAYS);
            Button minus = Controls.button("−", "minus-" + item.sku(), e -> model.decrement(item.sku()));
            Label quantity = new Label(Integer.toString(item.quantity()));
            quantity.setId("qty-" + item.sku());
            quantity.getStyleClass().add("line-qty");
            Button plus = Controls.button("+", "plus-" + item.sku(), e -> model.increment(item.sku()));
            Label total = new Label(Money.format(item.total()));
            total.getStyleClass().add("line-total");
            Button remove = Controls.button("✕", "remove-" + item.sku(), e -> model.remove(item.sku()));
            for (Button b : List.of(minus, plus, remove)) {
                b.getStyleClass().add("line-button");
                b.setFocusTraversable(false);
            }
            remove.getStyleClass().add("flat");
            HBox row = new HBox(6, what, minus, quantity, plus, total, remove);
            row.setAlignment(Pos.CENTER_LEFT);
            row.setMinWidth(0);
            row.prefWidthProperty().bind(getListView().widthProperty().subtract(28));
            row.maxWidthProperty().bind(row.prefWidthProperty());
            setText(null);
            setGraphic(row);
        }
    }
}
