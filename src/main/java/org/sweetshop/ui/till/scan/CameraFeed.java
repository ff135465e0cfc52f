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
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sweetshop.scan.CameraException;
import org.sweetshop.scan.FrameSource;

/**
 * The camera window's two threads. Every call to the {@link FrameSource} (finding cameras,
 * starting one, grabbing frames, closing) runs on one "camera" thread, so a slow driver or a camera
 * library that fails to load never freezes the till. Frames are decoded on a second thread, one at
 * a time: a frame that comes while one is being decoded is shown but not decoded (never queued).
 * What happens is told to a {@link Listener}, on these threads.
 */
final class CameraFeed {

    private static final Logger LOG = LoggerFactory.getLogger(CameraFeed.class);

    /** Between polls of a camera that has no new frame yet. */
    private static final long POLL_MILLIS = 5;

    /** A frame's pixels, for the preview. */
    record Pixels(int width, int height, int[] argb) {
    }

    /** Told on the feed's threads: hand on to the FX thread. */
    interface Listener {
        void status(String text);

        void devices(List<String> devices);

        void frame(Pixels pixels);

        void decoded(String text);
    }

    private final FrameSource source;
    private final Function<BufferedImage, Optional<String>> decoder;
    private final Listener listener;
    private final ExecutorService cameraThread = Executors.newSingleThreadExecutor(daemon("sweetshop-camera"));
    private final ExecutorService decodeThread = Executors.newSingleThreadExecutor(daemon("sweetshop-camera-decode"));
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean decoding = new AtomicBoolean();
    private final AtomicBoolean scanned = new AtomicBoolean();
    /** A camera picked in the window, for the camera thread to switch to. */
    private final AtomicReference<String> switchTo = new AtomicReference<>();

    CameraFeed(FrameSource source, Function<BufferedImage, Optional<String>> decoder, Listener listener) {
        this.source = Objects.requireNonNull(source);
        this.decoder = Objects.requireNonNull(decoder);
        this.listener = listener;
    }

    /** Starts looking for cameras, then shows and decodes frames of the first. A feed runs once. */
    void start() {
        if (cameraThread.isShutdown()) {
            throw new IllegalStateException("a camera window is used once: make a new one");
        }
        if (running.compareAndSet(false, true)) {
            cameraThread.execute(this::run);
        }
    }

    /** The camera to use from now on. */
    void switchTo(String device) {
        switchTo.set(device);
    }

    /** True for the first text read only (by the camera or a scanner gun); no frame is decoded after it. */
    boolean firstScan() {
        return scanned.compareAndSet(false, true);
    }

    boolean running() {
        return running.get();
    }

    /** Stops; the camera is released on its thread. */
    void stop() {
        running.set(false);
        cameraThread.shutdown();
        decodeThread.shutdown();
    }

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
                listener.status(CameraScanWindow.NO_CAMERA);
                return;
            }
            if (devices.isEmpty()) {
                listener.status(CameraScanWindow.NO_CAMERA);
                return;
            }
            listener.devices(devices);
            String current = devices.get(0);
            listener.status("Starting " + current + "…");
            if (!open(current)) {
                current = null;
            }
            boolean seen = false;
            while (running.get()) {
                String wanted = switchTo.getAndSet(null);
                if (wanted != null) {
                    current = open(wanted) ? wanted : null;
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
                    listener.status(e.getMessage());
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
                    listener.status(CameraScanWindow.HOLD_UP);
                }
                int w = frame.getWidth();
                int h = frame.getHeight();
                listener.frame(new Pixels(w, h, frame.getRGB(0, 0, w, h, null, 0, w)));
                offerDecode(frame);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (VirtualMachineError e) {
            throw e;
        } catch (Throwable e) {
            // a camera library that fails to load throws errors, not exceptions: the till goes on
            LOG.warn("camera failed", e);
            listener.status(CameraScanWindow.NO_CAMERA);
        } finally {
            try {
                source.close();
            } catch (RuntimeException e) {
                LOG.warn("releasing the camera failed", e);
            }
        }
    }

    private boolean open(String device) {
        try {
            source.open(device);
            return true;
        } catch (CameraException e) {
            listener.status(e.getMessage());
            return false;
        }
    }

    private void offerDecode(BufferedImage frame) {
        if (scanned.get() || !decoding.compareAndSet(false, true)) {
            return;
        }
        try {
            decodeThread.execute(() -> {
                try {
                    decoder.apply(frame).ifPresent(listener::decoded);
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

    private static ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
