package org.sweetshop.ui.till.sell;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.sweetshop.sale.Receipt;
import org.sweetshop.ui.common.Controls;

/**
 * The selling screen: search, code and the session's buttons with the category chips on top
 * ({@link TilesView}), the sweet tiles, the basket ({@link BasketView}) with totals and payment
 * ({@link PaymentPanel}) on the right, and panels over it all ({@link Overlay}). Its keys are
 * {@link SellShortcuts}'. It binds and forwards: what the buttons do is the model's or the
 * {@link Actions}'.
 */
public final class SellView {

    public static final String STYLESHEET = SellView.class.getResource("sell.css").toExternalForm();

    /** What the buttons outside selling do; the till supplies them. */
    public interface Actions {
        void camera();

        void openImage();

        void reprintLast();

        void logout();

        void closeShift();

        void showReceipt(Receipt receipt);

        /** Prints this node through the system printer. */
        void print(Node document);

        /** Asks where, then saves these lines as a PDF. */
        void savePdf(List<String> lines, String suggestedName);

        /** To the back office (managers and owners only). */
        void backOffice();

        /** True while a scanner gun's keys are coming: its '-' is not the quantity key. */
        boolean scanning();
    }

    private final SellViewModel model;
    private final StackPane root = new StackPane();
    private final TextField search = Controls.field("search", "Search name or SKU  (F2)");
    private final TextField code = Controls.field("code", "Coupon or promo code  (F4)");
    private final TilesView tiles;
    private final Overlay overlay = new Overlay(() -> search.requestFocus());
    /** The session's buttons (Reprint last … Log out), where the till adds its own. */
    private final HBox session = new HBox(8);
    private Button office;

    /** @param mayUseBackOffice whether this cashier sees the back office's button */
    public SellView(SellViewModel model, Actions actions, boolean mayUseBackOffice) {
        this.model = model;
        this.tiles = new TilesView(model);
        BasketView basket = new BasketView(model);
        PaymentPanel payment = new PaymentPanel(model);
        BorderPane main = new BorderPane();
        main.setTop(toolbar(actions, mayUseBackOffice));
        main.setCenter(tiles.grid());
        List<Node> panelNodes = new ArrayList<>(basket.nodes());
        panelNodes.addAll(payment.nodes());
        VBox panel = new VBox(10, panelNodes.toArray(Node[]::new));
        panel.getStyleClass().add("basket-panel");
        panel.setPrefWidth(430);
        main.setRight(panel);

        root.getStyleClass().add("sell");
        root.getStylesheets().add(STYLESHEET);
        root.getChildren().addAll(main, overlay.node());
        GramsKeypad keypad = new GramsKeypad(model.weighing(), overlay, model.pricePer100g());
        SellShortcuts keys = new SellShortcuts(model, overlay, keypad, search, code, payment, basket.list(), actions::scanning);
        root.addEventFilter(KeyEvent.KEY_PRESSED, keys::pressed);
    }

    public Parent root() {
        return root;
    }

    private Node toolbar(Actions actions, boolean mayUseBackOffice) {
        search.textProperty().bindBidirectional(model.searchProperty());
        search.setOnAction(e -> addTheOnlyMatch());
        HBox.setHgrow(search, Priority.ALWAYS);
        code.setPrefColumnCount(16);
        code.setOnAction(e -> applyCode());
        Button apply = Controls.button("Apply", "apply-code", e -> applyCode());
        Button camera = Controls.button("Camera", "camera", e -> actions.camera());
        camera.setTooltip(new Tooltip("Scan a QR coupon with the camera"));
        Button image = Controls.button("Open image…", "open-image", e -> actions.openImage());
        Button reprint = Controls.button("Reprint last", "reprint", e -> actions.reprintLast());
        reprint.disableProperty().bind(model.lastReceiptProperty().isNull());
        Button help = Controls.button("Keys (F1)", "help", e -> overlay.toggleHelp());
        Button logout = Controls.button("Log out", "logout", e -> actions.logout());
        Button closeShift = Controls.button("Close shift", "close-shift", e -> actions.closeShift());
        office = Controls.button("Back office", "back-office", e -> actions.backOffice());
        office.setVisible(mayUseBackOffice);
        office.setManaged(office.isVisible());

        Button tare = Controls.button("Tare (F6)", "tare", e -> model.tare());
        tare.setTooltip(new Tooltip("Tare the scale with what is on it now (an empty jar or bag)"));
        tare.setVisible(model.weighing().scalePresent());
        tare.setManaged(tare.isVisible());
        tare.disableProperty().bind(model.weighing().busyProperty());
        Label weighing = new Label("Weighing…");
        weighing.setId("weighing");
        weighing.getStyleClass().add("weighing");
        weighing.visibleProperty().bind(model.weighing().busyProperty());
        weighing.managedProperty().bind(weighing.visibleProperty());
        HBox row = new HBox(8, search, code, apply, camera, image, tare, weighing);
        row.setAlignment(Pos.CENTER_LEFT);
        session.getChildren().setAll(reprint, help, office, closeShift, logout);
        session.setAlignment(Pos.CENTER_RIGHT);
        session.setMinWidth(Region.USE_PREF_SIZE);
        // the session's buttons on their own row, the category chips under them, wrapping
        HBox sessionRow = new HBox(session);
        sessionRow.setAlignment(Pos.CENTER_RIGHT);
        VBox top = new VBox(8, row, sessionRow, tiles.chips());
        top.getStyleClass().add("toolbar-area");
        return top;
    }

    /** Buttons of the till's own (lock, no sale, return), put before Reprint last. */
    public void addSessionButtons(Button... buttons) {
        session.getChildren().addAll(0, List.of(buttons));
    }

    /** Shows or hides the back office's button (another member of staff now sells here). */
    public void showBackOffice(boolean shown) {
        office.setVisible(shown);
        office.setManaged(shown);
    }

    /** Enter in the search field: the sweet with that SKU, or the only one that matches, goes in the basket. */
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

    /** Shows a panel over the screen (receipt, help); Esc or Close hides it. */
    public void showOverlay(String title, String id, Node content, Button... extra) {
        overlay.show(title, id, content, "Close", extra);
    }

    /** The same, with the closing button named for what it does there ("Cancel" beside an action). */
    public void showOverlay(String title, String id, Node content, String closeText, Button... extra) {
        overlay.show(title, id, content, closeText, extra);
    }

    public void closeOverlay() {
        overlay.close();
    }

    public boolean overlayIs(String id) {
        return overlay.is(id);
    }

    public boolean overlayShown() {
        return overlay.shown();
    }

    public void focusSearch() {
        SellShortcuts.focus(search);
    }
}
