package org.sweetshop.scan;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openpnp.capture.CaptureDevice;
import org.openpnp.capture.CaptureFormat;
import org.openpnp.capture.CaptureStream;
import org.openpnp.capture.OpenPnpCapture;
import org.openpnp.capture.library.CapFormatInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The computer's cameras through openpnp-capture (V4L2 on Linux, DirectShow on Windows,
 * AVFoundation on macOS; its natives for Linux x86-64/aarch64, Windows x86-64 and macOS
 * x86-64/arm64 come inside its jar and are loaded by JNA). Nothing native is touched until
 * {@link #devices()}: a computer where the library cannot load gets a {@link CameraException}
 * there, never an error thrown out of a constructor or a class initializer.
 *
 * <p>Each camera is started in the format closest to 640×480, the size the frame decoder is
 * measured at (`sweetshop bench scan`): enough for a coupon held up to the till, and cheap to decode.
 * Not thread-safe: use from one thread.
 */
public final class OpenPnpCameras implements FrameSource {

    private static final Logger LOG = LoggerFactory.getLogger(OpenPnpCameras.class);
    private static final long WANTED_PIXELS = 640L * 480;

    private OpenPnpCapture capture;
    private Map<String, CaptureDevice> byName = Map.of();
    private CaptureStream stream;

    @Override
    public List<String> devices() throws CameraException {
        OpenPnpCapture context = context();
        List<CaptureDevice> found;
        try {
            found = context.getDevices();
        } catch (RuntimeException | LinkageError e) {
            LOG.warn("listing cameras failed", e);
            throw new CameraException("The cameras could not be listed (" + e.getClass().getSimpleName() + ").", e);
        }
        Map<String, CaptureDevice> names = new LinkedHashMap<>();
        for (CaptureDevice device : found) {
            String base = device.getName() == null || device.getName().isBlank() ? "Camera" : device.getName().strip();
            String name = base;
            for (int n = 2; names.containsKey(name); n++) {
                name = base + " (" + n + ")";
            }
            names.put(name, device);
        }
        byName = names;
        LOG.debug("cameras found: {}", names.keySet());
        return List.copyOf(names.keySet());
    }

    @Override
    public void open(String device) throws CameraException {
        closeStream();
        if (!byName.containsKey(device)) {
            devices();
        }
        CaptureDevice camera = byName.get(device);
        if (camera == null) {
            throw new CameraException("The camera \"" + device + "\" is not connected any more.");
        }
        try {
            CaptureFormat format = bestFormat(camera.getFormats());
            if (format == null) {
                throw new CameraException("The camera \"" + device + "\" offers no picture format.");
            }
            CapFormatInfo info = format.getFormatInfo();
            stream = camera.openStream(format);
            if (stream == null) {
                throw new CameraException("The camera \"" + device + "\" could not be started (is another program using it?).");
            }
            LOG.info("camera {} started at {}×{}, {} fps", device, info.width, info.height, info.fps);
        } catch (RuntimeException | LinkageError e) {
            LOG.warn("starting camera {} failed", device, e);
            throw new CameraException("The camera \"" + device + "\" could not be started.", e);
        }
    }

    @Override
    public BufferedImage grab() throws CameraException {
        if (stream == null) {
            throw new IllegalStateException("no camera open");
        }
        try {
            return stream.hasNewFrame() ? stream.capture() : null;
        } catch (Exception | LinkageError e) {
            LOG.warn("reading a camera frame failed", e);
            throw new CameraException("The camera stopped sending pictures.", e);
        }
    }

    @Override
    public void close() {
        closeStream();
        if (capture != null) {
            try {
                capture.close();
            } catch (RuntimeException | LinkageError e) {
                LOG.warn("closing the camera library failed", e);
            }
            capture = null;
            byName = Map.of();
        }
    }

    private void closeStream() {
        if (stream != null) {
            try {
                stream.close();
            } catch (RuntimeException | LinkageError e) {
                LOG.warn("stopping the camera failed", e);
            }
            stream = null;
        }
    }

    private OpenPnpCapture context() throws CameraException {
        if (capture == null) {
            try {
                capture = new OpenPnpCapture();
                LOG.debug("camera library {}", capture.getLibraryVersion());
            } catch (VirtualMachineError e) {
                throw e;
            } catch (Throwable e) {
                // UnsatisfiedLinkError (no native for this system, a missing system library),
                // NoClassDefFoundError after a failed first load, JNA's own errors
                LOG.warn("camera support could not start", e);
                throw new CameraException("Camera support could not start on this computer.", e);
            }
        }
        return capture;
    }

    /** The format nearest 640×480 in pixels; of equals, the highest frame rate. */
    static CaptureFormat bestFormat(List<CaptureFormat> formats) {
        List<CaptureFormat> usable = new ArrayList<>();
        for (CaptureFormat format : formats) {
            CapFormatInfo info = format.getFormatInfo();
            if (info != null && info.width > 0 && info.height > 0) {
                usable.add(format);
            }
        }
        return usable.stream()
                .min(Comparator.<CaptureFormat>comparingLong(f -> Math.abs((long) f.getFormatInfo().width * f.getFormatInfo().height - WANTED_PIXELS))
                        .thenComparing(Comparator.<CaptureFormat>comparingInt(f -> f.getFormatInfo().fps).reversed()))
                .orElse(null);
    }
}
