package org.sweetshop.ui;

import java.io.File;
import java.nio.file.Path;
import java.util.concurrent.Executor;
import javafx.application.Platform;
import javafx.scene.control.Label;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sweetshop.sale.Receipt;
import org.sweetshop.scan.QrDecoder;
import org.sweetshop.scan.UnreadableImageException;

/**
 * Ties the till window to the things around it: the buttons that open other windows (camera,
 * files, printing), the receipt shown after each sale, and the scanner gun on the scene.
 */
public final class TillController implements SellView.Actions, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TillController.class);

    private final TillViewModel model;
    private final Executor background;
    private final TillWindow window;
    private Stage stage;

    public TillController(TillViewModel model, Executor background, Path couponDir) {
        this.model = model;
        this.background = background;
        this.window = new TillWindow(model, this::sellModel, this, couponDir);
    }

    private SellViewModel sellModel(org.sweetshop.staff.Caller cashier) {
        SellViewModel selling = SellViewModel.of(model.context(), model.till(), cashier, background, Platform::runLater);
        selling.lastReceiptProperty().addListener((obs, old, receipt) -> {
            if (receipt != null) {
                showReceipt(receipt);
            }
        });
        return selling;
    }

    public TillWindow window() {
        return window;
    }

    /** Called once the window's stage exists. */
    public void attach(Stage owner) {
        this.stage = owner;
    }

    @Override
    public void camera() {
        SellViewModel selling = window.selling();
        if (selling != null) {
            say("No camera support yet: use 'Open image…' or a scanner gun.");
        }
    }

    @Override
    public void openImage() {
        SellViewModel selling = window.selling();
        if (selling == null) {
            return;
        }
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Open a photo or screenshot of a QR code");
        chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("Images", "*.png", "*.jpg", "*.jpeg", "*.gif", "*.bmp"),
                new FileChooser.ExtensionFilter("All files", "*.*"));
        File file = chooser.showOpenDialog(stage);
        if (file != null) {
            decodeImage(file.toPath(), selling);
        }
    }

    /** Decodes a QR code from an image file off the UI thread and hands its text to the basket. */
    public void decodeImage(Path file, SellViewModel selling) {
        background.execute(() -> {
            try {
                var text = new QrDecoder().decode(file);
                Platform.runLater(() -> {
                    if (text.isPresent()) {
                        selling.scanned(text.get());
                    } else {
                        say("No QR code found in " + file.getFileName() + ".");
                    }
                });
            } catch (UnreadableImageException e) {
                Platform.runLater(() -> say(TillViewModel.capitalise(e.getMessage()) + "."));
            } catch (RuntimeException e) {
                LOG.warn("cannot decode {}", file, e);
                Platform.runLater(() -> say("Could not read " + file.getFileName() + "."));
            }
        });
    }

    @Override
    public void reprintLast() {
        SellViewModel selling = window.selling();
        if (selling != null && selling.lastReceiptProperty().get() != null) {
            showReceipt(selling.lastReceiptProperty().get());
        }
    }

    @Override
    public void logout() {
        model.logout();
    }

    @Override
    public void showReceipt(Receipt receipt) {
        SellView view = window.sellView();
        if (view == null) {
            return;
        }
        Label text = new Label(String.join("\n", ReceiptLines.of(receipt)));
        text.setId("receipt-text");
        text.getStyleClass().add("receipt");
        view.showOverlay("Receipt " + receipt.receiptNo(), "receipt-overlay", text);
    }

    private void say(String text) {
        SellViewModel selling = window.selling();
        if (selling != null) {
            selling.notice(text);
        }
    }

    @Override
    public void close() {
        // nothing held yet
    }
}
