package org.sweetshop.ui.till.scan;

import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicBoolean;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sweetshop.scan.CameraException;
import org.sweetshop.scan.FrameSource;
import org.sweetshop.scan.OpenPnpCameras;
import org.sweetshop.scan.QrDecoder;

/**
 * A window that scans a QR code held up to a camera: a live preview, a camera picker when there
 * are several, and a status line. The first code read goes to {@code onScan} (once, on the FX
 * thread) and the window closes. Esc or Close closes it; closing stops the camera and releases it.
 * A scanner gun works in this window too.
 *
 * <p>Threads: every call to the {@link FrameSource} (finding cameras, starting one, grabbing
 * frames, closing) runs on one "camera" thread, so a slow driver or a camera library that fails
 * to load never freezes the till. Frames are decoded with {@link QrDecoder#decodeFrame} on a second
 * thread, one at a time: a frame that comes while one is being decoded is shown but not decoded
 * (never queued), and the preview likewise shows only the newest frame.
 */
public final class CameraScanWindow {

    private static final Logger LOG = LoggerFactory.getLogger(CameraScanWindow.class);

    public static final String NO_CAMERA = "No camera found. Use 'Open image…' or a scanner gun.";
    public static final String LOOKING = "Looking for cameras…";
    public static final String HOLD_UP = "Hold the QR code up to the camera.";
    /** Between polls of a camera that has no new frame yet. */
    private static final long POLL_MILLIS = 5;

    private final FrameSource source;
    private final Function<BufferedImage, Optional<String>> decoder;
    private final Consumer<String> onScan;

    private final Stage stage = new Stage();
    private final Label status = new Label(LOOKING);
    private final ComboBox<String> cameras = new ComboBox<>();
    private final ImageView preview = new ImageView();
    private WritableImage image;

    private final ExecutorService cameraThread = Executors.newSingleThreadExecutor(daemon("sweetshop-camera"));
    private final ExecutorService decodeThread = Executors.newSingleThreadExecutor(daemon("sweetshop-camera-decode"));
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean decoding = new AtomicBoolean();
    private final AtomicBoolean scanned = new AtomicBoolean();
    /** A camera picked in the combo, for the camera thread to switch to. */
    private final AtomicReference<String> switchTo = new AtomicReference<>();
    /** The newest frame for the preview, not yet drawn; a frame replaces an undrawn one. */
    private final AtomicReference<Pixels> undrawn = new AtomicReference<>();
    private boolean updatingChoice;

    private record Pixels(int width, int height, int[] argb) {
    }

    /** The computer's cameras, frames decoded by a new {@link QrDecoder}. Call on the FX thread, then {@link #show()}. */
    public static CameraScanWindow create(Window owner, Consumer<String> onScan) {
        return new CameraScanWindow(owner, new OpenPnpCameras(), new QrDecoder()::decodeFrame, onScan);
    }

    /**
     * @param owner   the till's window (the camera window stays above it and blocks it), or null
     * @param source  where frames come from; the window closes it
     * @param decoder a camera frame to its text, e.g. {@code new QrDecoder()::decodeFrame}
     * @param onScan  gets the first text read, on the FX thread
     */
    public CameraScanWindow(Window owner, FrameSource source, Function<BufferedImage, Optional<String>> decoder,
                            Consumer<String> onScan) {
        this.source = Objects.requireNonNull(source);
        this.decoder = Objects.requireNonNull(decoder);
        this.onScan = Objects.requireNonNull(onScan);

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
                switchTo.set(is);
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
        stage.setTitle("Scan a QR code with the camera");
        if (owner != null) {
            stage.initOwner(owner);
            stage.initModality(Modality.WINDOW_MODAL);
        }
        stage.setOnHidden(e -> stop());
    }

    /** Shows the window and starts looking for cameras, in the background. Call on the FX thread. */
    public void show() {
        if (cameraThread.isShutdown()) {
            throw new IllegalStateException("a camera window is used once: make a new one");
        }
        if (running.compareAndSet(false, true)) {
            cameraThread.execute(this::run);
        }
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
        running.set(false);
        cameraThread.shutdown();
        decodeThread.shutdown();
    }

    // ---- the camera thread

    private void run() {
        try {
            if (!running.get()) {
                return;
            }
            List<String> devices;
            try {
                devices = source.devices();
            } catch (CameraException e) {
                LOG.warn("no camera: {}", e.getMessage(), e.getCause());
                say(NO_CAMERA);
                return;
            }
            if (devices.isEmpty()) {
                say(NO_CAMERA);
                return;
            }
            Platform.runLater(() -> showDevices(devices));
            String current = devices.get(0);
            say("Starting " + current + "…");
            if (!start(current)) {
                current = null;
            }
            boolean seen = false;
            while (running.get()) {
                String wanted = switchTo.getAndSet(null);
                if (wanted != null) {
                    current = start(wanted) ? wanted : null;
                    seen = false;
                }
                if (current == null) {
                    Thread.sleep(POLL_MILLIS * 10);
                    continue;
                }
                BufferedImage frame;
                try {
                    frame = source.grab();
                } catch (CameraException e) {
                    say(e.getMessage());
                    source.close();
                    current = null;
                    continue;
                }
                if (frame == null) {
                    Thread.sleep(POLL_MILLIS);
                    continue;
                }
                if (!seen) {
                    seen = true;
                    say(HOLD_UP);
                }
                offerPreview(frame);
                offerDecode(frame);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (VirtualMachineError e) {
            throw e;
        } catch (Throwable e) {
            // a camera library that fails to load throws errors, not exceptions: the till goes on
            LOG.warn("camera failed", e);
            say(NO_CAMERA);
        } finally {
            try {
                source.close();
            } catch (RuntimeException e) {
                LOG.warn("releasing the camera failed", e);
            }
        }
    }

    private boolean start(String device) {
        try {
            source.open(device);
            return true;
        } catch (CameraException e) {
            say(e.getMessage());
            return false;
        }
    }

    private void offerPreview(BufferedImage frame) {
        int w = frame.getWidth();
        int h = frame.getHeight();
        int[] argb = frame.getRGB(0, 0, w, h, null, 0, w);
        if (undrawn.getAndSet(new Pixels(w, h, argb)) == null) {
            Platform.runLater(this::draw);
        }
    }

    private void offerDecode(BufferedImage frame) {
        if (scanned.get() || !decoding.compareAndSet(false, true)) {
            return;
        }
        try {
            decodeThread.execute(() -> {
                try {
                    decoder.apply(frame).ifPresent(text -> Platform.runLater(() -> deliver(text)));
                } catch (RuntimeException e) {
                    LOG.debug("decoding a camera frame failed", e);
                } finally {
                    decoding.set(false);
                }
            });
        } catch (RejectedExecutionException e) {
            decoding.set(false);
        }
    }

    private void say(String text) {
        Platform.runLater(() -> status.setText(text));
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
        Pixels pixels = undrawn.getAndSet(null);
        if (pixels == null || !running.get()) {
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
        if (scanned.compareAndSet(false, true)) {
            close();
            onScan.accept(text);
        }
    }

    private static ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
