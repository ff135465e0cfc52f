package org.sweetshop.ui.till.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import javafx.event.Event;
import javafx.scene.control.ComboBox;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sweetshop.scan.CameraException;
import org.sweetshop.scan.CodeDecoder;
import org.sweetshop.scan.CodeFormat;
import org.sweetshop.scan.FrameSource;
import org.sweetshop.scan.OpenPnpCameras;
import org.sweetshop.scan.ProductBarcodes;
import org.sweetshop.scan.QrCodes;
import org.sweetshop.scan.QrDecoder;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/** The camera window, headless, with a fake camera (and the real library, which finds no camera here). */
@ExtendWith(ApplicationExtension.class)
class CameraScanWindowTest {

    private static final String TOKEN = "SWC-0123456789ABCDEFGHJKMNPQRSTVWX";

    private final List<String> scans = new CopyOnWriteArrayList<>();
    private CameraScanWindow window;

    /** A camera that shows the same picture in every frame. */
    static final class FakeCamera implements FrameSource {
        final List<String> names;
        final BufferedImage frame;
        final List<String> opened = new CopyOnWriteArrayList<>();
        final AtomicInteger grabs = new AtomicInteger();
        final AtomicInteger closes = new AtomicInteger();
        final CountDownLatch listing = new CountDownLatch(1);
        volatile CountDownLatch gate;
        volatile Throwable failure;
        volatile Thread listedOn;

        FakeCamera(List<String> names, BufferedImage frame) {
            this.names = names;
            this.frame = frame;
        }

        @Override
        public List<String> devices() throws CameraException {
            listedOn = Thread.currentThread();
            listing.countDown();
            if (gate != null) {
                try {
                    gate.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            if (failure instanceof Error error) {
                throw error;
            }
            if (failure instanceof CameraException e) {
                throw e;
            }
            return names;
        }

        @Override
        public void open(String device) {
            opened.add(device);
        }

        @Override
        public BufferedImage grab() {
            grabs.incrementAndGet();
            return frame;
        }

        @Override
        public void close() {
            closes.incrementAndGet();
        }
    }

    private static BufferedImage frame(String code) {
        BufferedImage frame = new BufferedImage(640, 480, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = frame.createGraphics();
        g.setColor(new Color(200, 190, 180));
        g.fillRect(0, 0, 640, 480);
        if (code != null) {
            g.drawImage(QrCodes.render(code, 300), 170, 90, null);
        }
        g.dispose();
        return frame;
    }

    @BeforeEach
    void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @AfterEach
    void closeWindow() throws Exception {
        if (window != null) {
            fx(window::close);
        }
    }

    private static void fx(Runnable action) throws Exception {
        WaitForAsyncUtils.asyncFx(action).get(5, TimeUnit.SECONDS);
    }

    private void open(FrameSource source, Function<BufferedImage, Optional<String>> decoder) throws Exception {
        fx(() -> {
            window = new CameraScanWindow(null, source, decoder, scans::add);
            window.show();
        });
    }

    private static void waitFor(java.util.concurrent.Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void aCodeHeldUpToTheCameraIsHandedOnOnceAndTheCameraIsReleased() throws Exception {
        FakeCamera camera = new FakeCamera(List.of("Front"), frame(TOKEN));
        open(camera, new QrDecoder()::decodeFrame);

        waitFor(() -> !scans.isEmpty());
        waitFor(() -> camera.closes.get() > 0);

        assertThat(scans).containsExactly(TOKEN);
        assertThat(window.stage().isShowing()).isFalse();
        assertThat(camera.opened).containsExactly("Front");
        assertThat(camera.listedOn).isNotNull();
        assertThat(camera.listedOn.getName()).isEqualTo("sweetshop-camera");
    }

    @Test
    void aPacksBarcodeHeldUpToTheCameraIsHandedOnAsItsDigits() throws Exception {
        BufferedImage frame = frame(null);
        Graphics2D g = frame.createGraphics();
        g.drawImage(ProductBarcodes.render(CodeFormat.EAN_13, "4006381333931", 300, 150), 170, 165, null);
        g.dispose();
        FakeCamera camera = new FakeCamera(List.of("Front"), frame);
        open(camera, new CodeDecoder()::decodeFrameText);

        waitFor(() -> !scans.isEmpty());

        assertThat(scans).containsExactly("4006381333931");
    }

    @Test
    void framesThatComeWhileOneIsDecodedAreDroppedNotQueued() throws Exception {
        FakeCamera camera = new FakeCamera(List.of("Front"), frame(null));
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger decodes = new AtomicInteger();
        open(camera, f -> {
            decodes.incrementAndGet();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Optional.empty();
        });

        waitFor(() -> camera.grabs.get() >= 50);
        assertThat(decodes).hasValue(1);

        release.countDown();
        waitFor(() -> decodes.get() >= 2);
        fx(window::close);
        waitFor(() -> camera.closes.get() > 0);
        assertThat(scans).isEmpty();
    }

    @Test
    void findingCamerasRunsInTheBackgroundSoTheWindowShowsAtOnce() throws Exception {
        FakeCamera camera = new FakeCamera(List.of("Front"), frame(null));
        camera.gate = new CountDownLatch(1);
        open(camera, new QrDecoder()::decodeFrame);

        assertThat(camera.listing.await(10, TimeUnit.SECONDS)).isTrue();
        // the camera library is still "loading", and the FX thread is free
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(window.stage().isShowing()).isTrue();
        assertThat(window.status()).isEqualTo(CameraScanWindow.LOOKING);
        assertThat(camera.listedOn).isNotNull();
        assertThat(camera.listedOn.getName()).isEqualTo("sweetshop-camera");

        camera.gate.countDown();
        waitFor(() -> CameraScanWindow.HOLD_UP.equals(window.status()));
    }

    @Test
    void withoutACameraTheWindowSaysSoAndStaysUsable() throws Exception {
        boolean none;
        try (OpenPnpCameras cameras = new OpenPnpCameras()) {
            none = cameras.devices().isEmpty();
        } catch (CameraException e) {
            none = true;
        }
        assumeTrue(none, "this computer has a camera");

        fx(() -> {
            window = CameraScanWindow.create(null, scans::add);
            window.show();
        });
        waitFor(() -> CameraScanWindow.NO_CAMERA.equals(window.status()));

        assertThat(window.stage().isShowing()).isTrue();
        assertThat(scans).isEmpty();
        fx(window::close);
        assertThat(window.stage().isShowing()).isFalse();
    }

    @Test
    void aCameraLibraryThatCannotLoadSaysNoCamera() throws Exception {
        FakeCamera camera = new FakeCamera(List.of("Front"), frame(TOKEN));
        camera.failure = new UnsatisfiedLinkError("libopenpnp-capture.so: cannot open shared object file");
        open(camera, new QrDecoder()::decodeFrame);

        waitFor(() -> CameraScanWindow.NO_CAMERA.equals(window.status()));
        waitFor(() -> camera.closes.get() > 0);
        assertThat(window.stage().isShowing()).isTrue();
        assertThat(camera.opened).isEmpty();
        assertThat(scans).isEmpty();
    }

    @Test
    void aCameraExceptionWhileListingSaysNoCamera() throws Exception {
        FakeCamera camera = new FakeCamera(List.of("Front"), frame(TOKEN));
        camera.failure = new CameraException("Camera support could not start on this computer.");
        open(camera, new QrDecoder()::decodeFrame);

        waitFor(() -> CameraScanWindow.NO_CAMERA.equals(window.status()));
        assertThat(camera.opened).isEmpty();
    }

    @Test
    void escClosesTheWindowAndReleasesTheCamera() throws Exception {
        FakeCamera camera = new FakeCamera(List.of("Front"), frame(null));
        open(camera, new QrDecoder()::decodeFrame);
        waitFor(() -> camera.grabs.get() > 0);

        fx(() -> Event.fireEvent(window.stage().getScene().getRoot(), new KeyEvent(KeyEvent.KEY_PRESSED,
                KeyEvent.CHAR_UNDEFINED, "", KeyCode.ESCAPE, false, false, false, false)));

        assertThat(window.stage().isShowing()).isFalse();
        waitFor(() -> camera.closes.get() > 0);
        int grabs = camera.grabs.get();
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(camera.grabs).hasValue(grabs);
        assertThat(scans).isEmpty();
    }

    @Test
    void severalCamerasGiveAPickerAndPickingOneSwitchesToIt() throws Exception {
        FakeCamera camera = new FakeCamera(List.of("Front", "Back"), frame(null));
        open(camera, new QrDecoder()::decodeFrame);
        @SuppressWarnings("unchecked")
        ComboBox<String> choice = (ComboBox<String>) window.stage().getScene().lookup("#camera-choice");
        waitFor(() -> choice.getItems().size() == 2);

        assertThat(choice.isVisible()).isTrue();
        assertThat(choice.getValue()).isEqualTo("Front");
        fx(() -> choice.setValue("Back"));
        waitFor(() -> camera.opened.size() == 2);
        assertThat(camera.opened).containsExactly("Front", "Back");
    }

    @Test
    void oneCameraGivesNoPicker() throws Exception {
        FakeCamera camera = new FakeCamera(List.of("Front"), frame(null));
        open(camera, new QrDecoder()::decodeFrame);
        ComboBox<?> choice = (ComboBox<?>) window.stage().getScene().lookup("#camera-choice");
        waitFor(() -> choice.getItems().size() == 1);
        assertThat(choice.isVisible()).isFalse();
    }

    @Test
    void aScannerGunWorksInTheCameraWindowToo() throws Exception {
        FakeCamera camera = new FakeCamera(List.of("Front"), frame(null));
        open(camera, new QrDecoder()::decodeFrame);
        waitFor(() -> camera.grabs.get() > 0);

        // fired back to back on the FX thread: far faster than the 50 ms a scanner's keys may be apart
        fx(() -> {
            var target = window.stage().getScene().getRoot();
            for (char c : TOKEN.toCharArray()) {
                Event.fireEvent(target, new KeyEvent(KeyEvent.KEY_TYPED, String.valueOf(c), "", KeyCode.UNDEFINED,
                        false, false, false, false));
            }
            Event.fireEvent(target, new KeyEvent(KeyEvent.KEY_PRESSED, KeyEvent.CHAR_UNDEFINED, "", KeyCode.ENTER,
                    false, false, false, false));
        });

        assertThat(scans).containsExactly(TOKEN);
        assertThat(window.stage().isShowing()).isFalse();
        waitFor(() -> camera.closes.get() > 0);
    }
}
