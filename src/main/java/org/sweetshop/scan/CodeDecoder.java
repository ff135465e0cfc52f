package org.sweetshop.scan;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The codes a till reads from pictures: QR codes (coupons; {@link QrDecoder}) and product barcodes
 * (EAN-13, EAN-8, UPC-A, UPC-E; {@link ProductBarcodeDecoder}). Two entry points, as for QR codes:
 * <ul>
 *   <li>{@link #decodeFrame} for camera frames: the QR quick pass, then the product barcode pass
 *       over the frame as it is. Both are cheap; ScanBenchmark measures them.</li>
 *   <li>{@link #decode} for a still image: the two cheap passes first, then the QR fallbacks, then
 *       the product barcode views: a picture of either kind is read by its own cheap pass at once.</li>
 * </ul>
 * A product barcode is reported only when its check digit is valid and the picture leaves no doubt
 * (see {@link ProductBarcodeDecoder}); a UPC-A is reported as UPC_A with its 12 digits, as printed.
 * No database, no UI, nothing printed. Immutable and safe to share between threads.
 */
public final class CodeDecoder {

    private static final Logger LOG = LoggerFactory.getLogger(CodeDecoder.class);

    private final QrDecoder qr = new QrDecoder();
    private final ProductBarcodeDecoder products = new ProductBarcodeDecoder();

    /** The cheap passes only: for camera frames, one after another. */
    public Optional<ScannedCode> decodeFrame(BufferedImage frame) {
        GrayImage picture = GrayImage.of(frame);
        Optional<String> text = qr.decodeFrame(picture);
        if (text.isPresent()) {
            return Optional.of(new ScannedCode(text.get(), CodeFormat.QR_CODE, "quick"));
        }
        return products.decode(picture, 0, ProductBarcodeDecoder.FRAME_VIEWS);
    }

    /** As {@link #decodeFrame}, the text alone: what the camera window hands on. */
    public Optional<String> decodeFrameText(BufferedImage frame) {
        return decodeFrame(frame).map(ScannedCode::text);
    }

    /** Every pass until one reads a code: for still images. */
    public Optional<ScannedCode> decode(BufferedImage image) {
        long start = System.nanoTime();
        GrayImage picture = QrDecoder.working(GrayImage.of(image));
        Optional<ScannedCode> code = qr.decodeFrame(picture).map(text -> new ScannedCode(text, CodeFormat.QR_CODE, "quick"))
                .or(() -> products.decode(picture, 0, ProductBarcodeDecoder.FRAME_VIEWS))
                .or(() -> qr.decodeDetailed(picture, 1).map(d -> new ScannedCode(d.text(), CodeFormat.QR_CODE, d.pass())))
                .or(() -> products.decode(picture, ProductBarcodeDecoder.FRAME_VIEWS, ProductBarcodeDecoder.VIEWS.size()));
        if (LOG.isDebugEnabled()) {
            LOG.debug("{} in a {}×{} picture, {} ms", code.map(c -> c.format().label() + " read by pass " + c.pass()).orElse("no code"),
                    image.getWidth(), image.getHeight(), (System.nanoTime() - start) / 1_000_000);
        }
        return code;
    }

    /** Reads {@code file} (see {@link ImageFiles#read}) and decodes it as a still image. */
    public Optional<ScannedCode> decode(Path file) throws UnreadableImageException {
        return decode(ImageFiles.read(file));
    }
}
