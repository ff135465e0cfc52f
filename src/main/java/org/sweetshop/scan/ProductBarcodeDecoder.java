package org.sweetshop.scan;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.DecodeHintType;
import com.google.zxing.NotFoundException;
import com.google.zxing.ReaderException;
import com.google.zxing.Result;
import com.google.zxing.ResultPoint;
import com.google.zxing.common.BitArray;
import com.google.zxing.common.GlobalHistogramBinarizer;
import com.google.zxing.oned.MultiFormatUPCEANReader;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sweetshop.common.ProductCode;

/**
 * Finds the product barcode (EAN-13, EAN-8, UPC-A, UPC-E) in a picture, and reports one only when
 * the picture leaves no doubt: a misread barcode sells the wrong sweet, a missed one is scanned again.
 *
 * <p>ZXing's own one-dimensional reader returns the first scan line that decodes, and on photos a
 * single line decodes wrongly now and then (a valid check digit is one chance in ten): an EAN-8
 * found inside a UPC-A's bars, a digit misjudged on a blurred edge, the second code on a book's
 * back. Here every scan line of a view is decoded, both ways, and a code is taken only when
 * <ul>
 *   <li>at least {@value #MIN_LINES} lines read it,</li>
 *   <li>it has at least {@value #DOMINANCE} times the lines of any other code read in that view
 *       (two codes in sight, neither dominant: none is reported), and</li>
 *   <li>each line that counts for it saw at least {@value #MIN_QUIET_MODULES} modules of white on
 *       both sides of the symbol (a short symbol read inside a longer one has bars beside it).</li>
 * </ul>
 * Views are tried in turn until one gives a code; docs/DESIGN.md ("Scanning") says why each is
 * there. The thresholds were measured on ZXing's photo sets (see RealBarcodePhotosTest): any
 * minimum from 6 to 10 lines, dominance 5 and quiet zone 1–3 modules read the same and misread none.
 *
 * <p>Rows are binarized with ZXing's global-histogram row threshold: its hybrid binarizer
 * inherits the same row method, so for bar codes the two are one. No database, no UI, nothing
 * printed. Immutable and safe to share between threads.
 */
public final class ProductBarcodeDecoder {

    private static final Logger LOG = LoggerFactory.getLogger(ProductBarcodeDecoder.class);

    static final int MIN_LINES = 8;
    static final int DOMINANCE = 5;
    static final int MIN_QUIET_MODULES = 2;
    /** Every row of a picture up to this high is a scan line; a higher one has this many to twice as many. */
    static final int ALL_ROWS_UP_TO = 511;
    /** The most codes read from one scan line. */
    static final int MAX_CODES_A_LINE = 3;

    private static final Map<DecodeHintType, Object> HINTS;

    static {
        Map<DecodeHintType, Object> hints = new EnumMap<>(DecodeHintType.class);
        hints.put(DecodeHintType.POSSIBLE_FORMATS,
                List.of(BarcodeFormat.EAN_13, BarcodeFormat.EAN_8, BarcodeFormat.UPC_A, BarcodeFormat.UPC_E));
        HINTS = Collections.unmodifiableMap(hints);
    }

    /** One way of looking at the picture; {@code make} returns null when the view does not apply (too large). */
    record View(String name, UnaryOperator<GrayImage> make) {
    }

    /** The views a camera frame gets: the first {@value} of {@link #VIEWS}. */
    static final int FRAME_VIEWS = 2;

    /** The views, cheapest and most fruitful first; the first {@link #FRAME_VIEWS} are the camera-frame pass. */
    static final List<View> VIEWS = List.of(
            new View("barcode rows averaged ×4", g -> g.averageRows(4)),
            new View("barcode", g -> g),
            new View("barcode contrast stretched", GrayImage::stretchContrast),
            new View("barcode sharpened", GrayImage::sharpen),
            new View("barcode enlarged ×2", g -> enlarged(g, 2)),
            new View("barcode enlarged ×1.5", g -> enlarged(g, 1.5)),
            new View("barcode reduced ×0.75", g -> g.scale(0.75)),
            new View("barcode reduced ×0.5", g -> Math.min(g.width(), g.height()) >= 200 ? g.scale(0.5) : null),
            new View("barcode tilted 5°", g -> g.rotate(5)),
            new View("barcode tilted -5°", g -> g.rotate(-5)),
            new View("barcode tilted 10°", g -> g.rotate(10)),
            new View("barcode tilted -10°", g -> g.rotate(-10)),
            new View("barcode rotated 90", g -> g.rotateQuarters(1)),
            new View("barcode rotated 90 enlarged ×2", g -> enlarged(g.rotateQuarters(1), 2)));

    /** The camera-frame pass only: bands of four rows averaged (sensor noise halved), then every row as it is. */
    public Optional<ScannedCode> decodeFrame(BufferedImage frame) {
        return decode(GrayImage.of(frame), 0, FRAME_VIEWS);
    }

    /** Every view until one gives a code: for still images. */
    public Optional<ScannedCode> decode(BufferedImage image) {
        return decode(QrDecoder.working(GrayImage.of(image)), 0, VIEWS.size());
    }

    /** The names of the passes, in order. */
    static List<String> passes() {
        return VIEWS.stream().map(View::name).toList();
    }

    /** Views {@code from} (inclusive) to {@code to} (exclusive) of {@code picture}, until one gives a code. */
    Optional<ScannedCode> decode(GrayImage picture, int from, int to) {
        for (int i = from; i < to; i++) {
            View view = VIEWS.get(i);
            GrayImage seen = view.make().apply(picture);
            if (seen == null) {
                continue;
            }
            Optional<ScannedCode> code = read(seen, view.name());
            if (code.isPresent()) {
                return code;
            }
        }
        return Optional.empty();
    }

    private record Key(CodeFormat format, String text) {
    }

    /** The code this view shows beyond doubt, by the lines that read it. */
    static Optional<ScannedCode> read(GrayImage view, String pass) {
        Map<Key, Integer> lines = votes(view);
        Key best = null;
        int bestLines = 0;
        int secondLines = 0;
        for (Map.Entry<Key, Integer> e : lines.entrySet()) {
            if (e.getValue() > bestLines) {
                secondLines = bestLines;
                best = e.getKey();
                bestLines = e.getValue();
            } else if (e.getValue() > secondLines) {
                secondLines = e.getValue();
            }
        }
        if (best == null || bestLines < MIN_LINES || bestLines < DOMINANCE * secondLines) {
            if (best != null) {
                LOG.debug("{}: no code beyond doubt ({} lines of {} {}, {} of another)", pass, bestLines, best.format(), best.text(),
                        secondLines);
            }
            return Optional.empty();
        }
        return Optional.of(new ScannedCode(best.text(), best.format(), pass));
    }

    /** How many scan lines read each valid code, with its quiet zones. */
    static Map<Key, Integer> votes(GrayImage view) {
        GlobalHistogramBinarizer binarizer = new GlobalHistogramBinarizer(view.source());
        MultiFormatUPCEANReader reader = new MultiFormatUPCEANReader(HINTS);
        int height = view.height();
        int step = height <= ALL_ROWS_UP_TO ? 1 : height >> 8;
        BitArray row = new BitArray(view.width());
        Map<Key, Integer> lines = new HashMap<>();
        for (int y = 0; y < height; y += step) {
            try {
                row = binarizer.getBlackRow(y, row);
            } catch (NotFoundException e) {
                continue; // a flat row
            }
            // both ways (a pack held upside down); decoding whitens what it read, so the reverse is taken first
            BitArray reversed = row.clone();
            reversed.reverse();
            for (BitArray line : List.of(row, reversed)) {
                for (Key key : decodeLine(reader, y, line)) {
                    lines.merge(key, 1, Integer::sum);
                }
            }
        }
        return lines;
    }

    /**
     * The codes on one line, left to right: ZXing decodes the first symbol from the left only, so
     * the bars it read are whitened out and the rest of the line is decoded again (two packs side
     * by side are two codes, and then neither is taken). A line that already gave
     * {@value #MAX_CODES_A_LINE} codes is not read further.
     */
    private static List<Key> decodeLine(MultiFormatUPCEANReader reader, int y, BitArray row) {
        List<Key> codes = new ArrayList<>(1);
        while (codes.size() < MAX_CODES_A_LINE) {
            Result result;
            try {
                result = reader.decodeRow(y, row, HINTS);
            } catch (ReaderException e) {
                break;
            } catch (RuntimeException e) {
                // ZXing has thrown index exceptions on odd rows before: such a row holds no code
                LOG.debug("ZXing failed on a scan line", e);
                break;
            }
            Symbol symbol = Symbol.of(result);
            if (symbol == null) {
                break;
            }
            CodeFormat format = formatOf(result.getBarcodeFormat());
            if (format != null && symbol.quietModules(row) >= MIN_QUIET_MODULES
                    && !ProductCode.of(format.productFormat().orElseThrow(), result.getText()).isEmpty()) {
                codes.add(new Key(format, result.getText()));
            }
            for (int x = 0; x <= Math.min(symbol.end(), row.getSize() - 1); x++) {
                if (row.get(x)) {
                    row.flip(x);
                }
            }
        }
        return codes;
    }

    private static CodeFormat formatOf(BarcodeFormat format) {
        return switch (format) {
            case EAN_13 -> CodeFormat.EAN_13;
            case EAN_8 -> CodeFormat.EAN_8;
            case UPC_A -> CodeFormat.UPC_A;
            case UPC_E -> CodeFormat.UPC_E;
            default -> null;
        };
    }

    /**
     * Where a decoded symbol lies on its line, from ZXing's result points (the centres of its start
     * and end guards) and the modules between them for its format: EAN-13 and UPC-A 92, EAN-8 64,
     * UPC-E 46.5 (its end guard is six modules wide).
     */
    record Symbol(int start, int end, double module) {

        static Symbol of(Result result) {
            ResultPoint[] points = result.getResultPoints();
            if (points == null || points.length < 2) {
                return null;
            }
            float left = points[0].getX();
            float right = points[1].getX();
            double between = switch (result.getBarcodeFormat()) {
                case EAN_8 -> 64;
                case UPC_E -> 46.5;
                default -> 92;
            };
            double module = (right - left) / between;
            if (!(module > 0)) {
                return null;
            }
            double endGuardHalf = result.getBarcodeFormat() == BarcodeFormat.UPC_E ? 3 : 1.5;
            return new Symbol((int) Math.floor(left - 1.5 * module), (int) Math.ceil(right + endGuardHalf * module), module);
        }

        /** The white modules on the narrower side of the symbol on this line, as far as the line goes. */
        int quietModules(BitArray row) {
            int whiteBefore = 0;
            for (int x = start - 1; x >= 0 && !row.get(x); x--) {
                whiteBefore++;
            }
            int whiteAfter = 0;
            for (int x = end + 1; x < row.getSize() && !row.get(x); x++) {
                whiteAfter++;
            }
            return (int) Math.floor(Math.min(whiteBefore, whiteAfter) / module);
        }
    }

    /** Enlarged by {@code factor}, or null when that would pass {@link QrDecoder#MAX_ENLARGED_PIXELS}. */
    private static GrayImage enlarged(GrayImage picture, double factor) {
        return picture.pixels() * factor * factor <= QrDecoder.MAX_ENLARGED_PIXELS ? picture.scale(factor) : null;
    }
}
