package org.sweetshop.scan;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.Binarizer;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.LuminanceSource;
import com.google.zxing.ReaderException;
import com.google.zxing.common.GlobalHistogramBinarizer;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the QR code in a picture. Two entry points:
 * <ul>
 *   <li>{@link #decodeFrame} for camera frames: one cheap pass (QR only, hybrid binarizer, no
 *       TRY_HARDER). A frame that fails is followed by the next one a few milliseconds later, and a
 *       frame with no code, most of them, must cost little.</li>
 *   <li>{@link #decode} for a still image (a photo, a scan, "Open image…"): the same cheap pass
 *       first, then fallbacks that each rescue photos the others miss, stopping at the first that
 *       reads a code: TRY_HARDER; the global-histogram binarizer; the inverted picture (light code
 *       on a dark ground); the picture turned by quarter turns; resized (small or blurred codes read
 *       better enlarged, noisy ones reduced); contrast stretched; denoised with a 3×3 median; tilted
 *       by 45°. docs/DESIGN.md ("Scanning") says what each pass rescues.</li>
 * </ul>
 * No database, no UI, nothing printed. Immutable and safe to share between threads.
 */
public final class QrDecoder {

    private static final Logger LOG = LoggerFactory.getLogger(QrDecoder.class);

    /** Pictures larger than this are reduced before decoding: a code in them is big enough, and time grows with pixels. */
    static final int MAX_WORKING_PIXELS = 6_000_000;
    /** Enlarged attempts stop at this size. */
    static final int MAX_ENLARGED_PIXELS = 4_000_000;

    private static final Map<DecodeHintType, Object> QUICK = hints(false);
    private static final Map<DecodeHintType, Object> HARDER = hints(true);

    /** A decoded text and the pass that found it (for logs and the scan report). */
    public record Decoded(String text, String pass) {
    }

    private enum Binarization { HYBRID, GLOBAL_HISTOGRAM }

    /** One decoding attempt: a view of the picture, a binarizer, hints. Views are made only when an attempt needs them. */
    private record Attempt(String name, Supplier<GrayImage> view, Binarization binarization, boolean inverted,
                           Map<DecodeHintType, Object> hints) {
    }

    /** The cheap pass only: for camera frames, one after another. */
    public Optional<String> decodeFrame(BufferedImage frame) {
        return decodeFrame(GrayImage.of(frame));
    }

    Optional<String> decodeFrame(GrayImage frame) {
        return read(frame.source(), Binarization.HYBRID, QUICK);
    }

    /** Every pass until one reads a code: for still images. */
    public Optional<String> decode(BufferedImage image) {
        return decodeDetailed(image).map(Decoded::text);
    }

    /** Reads {@code file} (see {@link ImageFiles#read}) and decodes it as a still image. */
    public Optional<String> decode(Path file) throws UnreadableImageException {
        return decode(ImageFiles.read(file));
    }

    /** As {@link #decode(BufferedImage)}, saying which pass found the code. */
    public Optional<Decoded> decodeDetailed(BufferedImage image) {
        return decodeDetailed(working(GrayImage.of(image)), 0);
    }

    /** {@code picture} reduced to {@link #MAX_WORKING_PIXELS} if it is larger. */
    static GrayImage working(GrayImage picture) {
        return picture.pixels() > MAX_WORKING_PIXELS ? picture.scale(Math.sqrt((double) MAX_WORKING_PIXELS / picture.pixels())) : picture;
    }

    /** The passes from {@code firstPass} on (0: all; 1: all but the quick one, which the caller has tried). */
    Optional<Decoded> decodeDetailed(GrayImage picture, int firstPass) {
        long start = System.nanoTime();
        List<Attempt> attempts = plan(picture);
        for (int i = firstPass; i < attempts.size(); i++) {
            Attempt attempt = attempts.get(i);
            LuminanceSource source = attempt.view().get().source();
            Optional<String> text = read(attempt.inverted() ? source.invert() : source, attempt.binarization(), attempt.hints());
            if (text.isPresent()) {
                LOG.debug("QR code read by pass {} ({} of {}) in {} ms", attempt.name(), i + 1, attempts.size(),
                        (System.nanoTime() - start) / 1_000_000);
                return Optional.of(new Decoded(text.get(), attempt.name()));
            }
        }
        LOG.debug("no QR code in a {}×{} picture after {} passes, {} ms", picture.width(), picture.height(), attempts.size(),
                (System.nanoTime() - start) / 1_000_000);
        return Optional.empty();
    }

    /** The names of the passes a still image of this size goes through, in order. */
    static List<String> passes(int width, int height) {
        return plan(new GrayImage(width, height, new byte[width * height])).stream().map(Attempt::name).toList();
    }

    private static List<Attempt> plan(GrayImage picture) {
        List<Attempt> plan = new ArrayList<>();
        Supplier<GrayImage> same = () -> picture;
        plan.add(new Attempt("quick", same, Binarization.HYBRID, false, QUICK));
        plan.add(new Attempt("try-harder", same, Binarization.HYBRID, false, HARDER));
        plan.add(new Attempt("global-histogram", same, Binarization.GLOBAL_HISTOGRAM, false, HARDER));
        plan.add(new Attempt("inverted", same, Binarization.HYBRID, true, HARDER));
        plan.add(new Attempt("inverted global-histogram", same, Binarization.GLOBAL_HISTOGRAM, true, HARDER));
        for (int quarters = 1; quarters <= 3; quarters++) {
            int q = quarters;
            bothBinarizers(plan, "rotated " + 90 * q, lazy(() -> picture.rotateQuarters(q)));
        }
        int shortSide = Math.min(picture.width(), picture.height());
        for (int factor = 2; factor <= 3; factor++) {
            if ((long) picture.pixels() * factor * factor <= MAX_ENLARGED_PIXELS) {
                int f = factor;
                bothBinarizers(plan, "enlarged ×" + f, lazy(() -> picture.scale(f)));
            }
        }
        if (shortSide >= 200) {
            bothBinarizers(plan, "reduced ×0.5", lazy(() -> picture.scale(0.5)));
        }
        bothBinarizers(plan, "contrast stretched", lazy(picture::stretchContrast));
        bothBinarizers(plan, "denoised", lazy(picture::median3));
        // tilts of ±15° and ±30° were tried too: they read nothing that the passes above had not
        plan.add(new Attempt("tilted 45°", lazy(() -> picture.rotate(45)), Binarization.HYBRID, false, HARDER));
        return Collections.unmodifiableList(plan);
    }

    private static void bothBinarizers(List<Attempt> plan, String name, Supplier<GrayImage> view) {
        plan.add(new Attempt(name, view, Binarization.HYBRID, false, HARDER));
        plan.add(new Attempt(name + " global-histogram", view, Binarization.GLOBAL_HISTOGRAM, false, HARDER));
    }

    private static Optional<String> read(LuminanceSource source, Binarization binarization, Map<DecodeHintType, Object> hints) {
        Binarizer binarizer = binarization == Binarization.HYBRID ? new HybridBinarizer(source) : new GlobalHistogramBinarizer(source);
        try {
            return Optional.of(new QRCodeReader().decode(new BinaryBitmap(binarizer), hints).getText());
        } catch (ReaderException e) {
            return Optional.empty();
        } catch (RuntimeException e) {
            // ZXing has thrown index and argument exceptions on odd pictures before: a picture it
            // cannot handle holds no readable code, it must not stop the scan
            LOG.debug("ZXing failed on a {}×{} picture", source.getWidth(), source.getHeight(), e);
            return Optional.empty();
        }
    }

    private static Map<DecodeHintType, Object> hints(boolean tryHarder) {
        Map<DecodeHintType, Object> hints = new EnumMap<>(DecodeHintType.class);
        hints.put(DecodeHintType.POSSIBLE_FORMATS, List.of(BarcodeFormat.QR_CODE));
        if (tryHarder) {
            hints.put(DecodeHintType.TRY_HARDER, Boolean.TRUE);
        }
        return Collections.unmodifiableMap(hints);
    }

    /** A view computed once, the first time an attempt asks for it. */
    private static Supplier<GrayImage> lazy(Supplier<GrayImage> make) {
        return new Supplier<>() {
            private GrayImage made;

            @Override
            public GrayImage get() {
                if (made == null) {
                    made = make.get();
                }
                return made;
            }
        };
    }
}
