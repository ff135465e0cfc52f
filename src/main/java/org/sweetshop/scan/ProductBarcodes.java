package org.sweetshop.scan;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.MultiFormatWriter;
import com.google.zxing.WriterException;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import java.awt.image.BufferedImage;
import java.util.Map;

/** Drawing product barcodes with ZXing (reading them: {@link ProductBarcodeDecoder}), for tests, benchmarks and labels. */
public final class ProductBarcodes {

    private ProductBarcodes() {
    }

    /**
     * {@code text} (the digits printed under the bars, check digit included) as a {@code format}
     * barcode, at least {@code width} × {@code height} pixels, black on white, with the standard
     * quiet zones (nine modules each side).
     */
    public static BufferedImage render(CodeFormat format, String text, int width, int height) {
        if (!format.isProductBarcode()) {
            throw new IllegalArgumentException(format + " is not a product barcode");
        }
        try {
            return MatrixToImageWriter.toBufferedImage(new MultiFormatWriter().encode(text, BarcodeFormat.valueOf(format.name()),
                    width, height, Map.of(EncodeHintType.MARGIN, 9)));
        } catch (WriterException | IllegalArgumentException e) {
            throw new IllegalArgumentException("not a valid " + format.label() + ": " + text, e);
        }
    }
}
