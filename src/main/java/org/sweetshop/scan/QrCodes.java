package org.sweetshop.scan;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/** Making QR codes with ZXing (reading them: {@link QrDecoder}). No database here. */
public final class QrCodes {


    private QrCodes() {
    }

    /** A QR code of {@code text}, {@code size} pixels square, with the standard quiet zone. */
    public static BufferedImage render(String text, int size) {
        return MatrixToImageWriter.toBufferedImage(encode(text, size));
    }

    /**
     * A QR code of {@code text} drawn with exactly {@code pixelsPerModule} pixels per module, quiet
     * zone included, one bit per pixel: its edges stay sharp when a page scales it to any size.
     */
    public static BufferedImage renderModules(String text, int pixelsPerModule) {
        if (pixelsPerModule < 1) {
            throw new IllegalArgumentException("pixelsPerModule must be at least 1");
        }
        return render(text, modules(text) * pixelsPerModule);
    }

    /** How many modules wide the QR code of {@code text} is, quiet zone included. */
    public static int modules(String text) {
        return encode(text, 0).getWidth();
    }

    public static void writePng(String text, int size, Path file) throws IOException {
        MatrixToImageWriter.writeToPath(encode(text, size), "PNG", file);
    }

    private static BitMatrix encode(String text, int size) {
        try {
            return new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, size, size,
                    Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 4,
                            EncodeHintType.CHARACTER_SET, "UTF-8"));
        } catch (WriterException e) {
            throw new IllegalArgumentException("text too long for a QR code", e);
        }
    }

}
