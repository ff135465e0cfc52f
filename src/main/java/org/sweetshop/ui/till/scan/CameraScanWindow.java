package org.sweetshop.ui.till.scan;

import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.sweetshop.scan.CodeDecoder;
import org.sweetshop.scan.FrameSource;
import org.sweetshop.scan.OpenPnpCameras;

/**
 * A window that scans a QR code or a pack's barcode held up to a camera: a live preview, a camera
 * picker when there are several, and a status line. The first code read goes to {@code onScan}
 * (once, on the FX thread: a QR code's text or a barcode's printed digits) and the window closes.
 * Esc or Close closes it; closing stops the camera and releases it. A scanner gun works in this
 * window too.
 *
 * <p>Threads: the camera and the decoding run on {@link CameraFeed}'s two threads, so the till never
 * waits on a camera; the preview shows only the newest frame.
 */
public final class CameraScanWindow {

    public static final String NO_CAMERA = "No camera found. Use 'Open image…' or a scanner gun.";
    public static final String LOOKING = "Looking for cameras…";
    public static final String HOLD_UP = "Hold the QR code or barcode up to the camera.";

    private final Consumer<String> onScan;
    private final CameraFeed feed;

    private final Stage stage = new Stage();
    private final Label status = new Label(LOOKING);
    private final ComboBox<String> cameras = new ComboBox<>();
    private final ImageView preview = new ImageView();
    private WritableImage image;

    /** The newest frame for the preview, not yet drawn; a frame replaces an undrawn one. */
    private final AtomicReference<CameraFeed.Pixels> undrawn = new AtomicReference<>();
    private boolean updatingChoice;

    /** The computer's cameras, frames decoded by a new {@link CodeDecoder}. Call on the FX thread, then {@link #show()}. */
    public static CameraScanWindow create(Window owner, Consumer<String> onScan) {
        return new CameraScanWindow(owner, new OpenPnpCameras(), new CodeDecoder()::decodeFrameText, onScan);
    }

    /**
     * @param owner   the till's window (the camera window stays above it and blocks it), or null
     * @param source  where frames come from; the window closes it
     * @param decoder a camera frame to its text, e.g. {@code new CodeDecoder()::decodeFrameText}
     * @param onScan  gets the first text read, on the FX thread
     */
    public CameraScanWindow(Window owner, FrameSource source, Function<BufferedImage, Optional<String>> decoder,
                            Consumer<String> onScan) {
        this.onScan = Objects.requireNonNull(onScan);
        this.feed = new CameraFeed(source, decoder, new CameraFeed.Listener() {
            @Override
            public void status(String text) {
                Platform.runLater(() -> status.setText(text));
            }

            @Override
            public void devices(List<String> devices) {
                Platform.runLater(() -> showDevices(devices));
            }

            @Override
            public void frame(CameraFeed.Pixels pixels) {
                if (undrawn.getAndSet(pixels) == null) {
                    Platform.runLater(CameraScanWindow.this::draw);
                }
            }

            @Override
            public void decoded(String text) {
                Platform.runLater(() -> deliver(text));
            }
        });

        status.setId("camera-status");
        status.setWrapText(true);
        status.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(status, Priority.ALWAYS);
        cameras.setId("camera-choice");
        cameras.setVisible(false);
        cameras.setManaged(false);
        cameras.valueProperty().addListener((obs, was, is) -> {
            if (!updatingChoice && is != null && !is.equals(was)) {
                status.setText("Starting " + is + "…");
                feed.switchTo(is);
            }
        });
        preview.setId("camera-preview");
        preview.setPreserveRatio(true);
        preview.setFitWidth(640);
        preview.setFitHeight(480);
        StackPane screen = new StackPane(preview);
        screen.setPrefSize(640, 480);
        screen.setStyle("-fx-background-color: #202020;");
        Button close = new Button("Close");
        close.setId("camera-close");
        close.setOnAction(e -> close());
        HBox bottom = new HBox(10, status, close);
        bottom.setAlignment(Pos.CENTER_LEFT);
        bottom.setPadding(new Insets(8));
        HBox top = new HBox(cameras);
        top.setPadding(new Insets(8, 8, 0, 8));
        BorderPane root = new BorderPane(screen, top, null, bottom, null);

        Scene scene = new Scene(root);
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                e.consume();
                close();
            }
        });
        ScannerInput.install(scene, this::deliver);
        stage.setScene(scene);
        stage.setTitle("Scan a code with the camera");
        if (owner != null) {
            stage.initOwner(owner);
            stage.initModality(Modality.WINDOW_MODAL);
        }
        stage.setOnHidden(e -> stop());
    }

    /** Shows the window and starts looking for cameras, in the background. Call on the FX thread. */
    public void show() {
        feed.start();
        stage.show();
    }

    /** Closes the window; the camera stops and is released in the background. Call on the FX thread. */
    public void close() {
        stage.hide();
        stop();
    }

    public Stage stage() {
        return stage;
    }

    /** What the status line says now. */
    public String status() {
        return status.getText();
    }

    private void stop() {
        feed.stop();
    }

    // ---- the FX thread

    private void showDevices(List<String> devices) {
        updatingChoice = true;
        try {
            cameras.getItems().setAll(devices);
            cameras.getSelectionModel().select(0);
        } finally {
            updatingChoice = false;
        }
        boolean several = devices.size() > 1;
        cameras.setVisible(several);
        cameras.setManaged(several);
    }

    private void draw() {
        CameraFeed.Pixels pixels = undrawn.getAndSet(null);
        if (pixels == null || !feed.running()) {
            return;
        }
        if (image == null || (int) image.getWidth() != pixels.width() || (int) image.getHeight() != pixels.height()) {
            image = new WritableImage(pixels.width(), pixels.height());
            preview.setImage(image);
        }
        image.getPixelWriter().setPixels(0, 0, pixels.width(), pixels.height(), PixelFormat.getIntArgbInstance(),
                pixels.argb(), 0, pixels.width());
    }

    /** The first text read, by the camera or a scanner gun: closes the window, then hands it on. */
    private void deliver(String text) {
        if (feed.firstScan()) {
            close();
            onScan.accept(text);
        }
    }
}
