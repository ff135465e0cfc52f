package org.sweetshop.scan;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
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
     * A QR code of {@code text} at least {@code minSize} pixels square, drawn with a whole number of
     * pixels per module (quiet zone included) so its edges stay sharp however a page scales it.
     * One bit per pixel ({@code TYPE_BYTE_BINARY}, 0 black, 1 white), written straight into the
     * packed raster: ZXing's {@code MatrixToImageWriter} sets pixels one by one through the colour
     * model, several times slower, which a sheet of a thousand codes notices.
     */
    public static BufferedImage renderSharp(String text, int minSize) {
        BitMatrix matrix = encode(text, 0); // one pixel per module
        int modules = matrix.getWidth();
        int scale = Math.max(1, (minSize + modules - 1) / modules);
        int size = modules * scale;
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_BYTE_BINARY);
        byte[] packed = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
        int stride = (size + 7) / 8;
        byte[] row = new byte[stride];
        for (int y = 0; y < modules; y++) {
            Arrays.fill(row, (byte) 0);
            for (int x = 0; x < size; x++) {
                if (!matrix.get(x / scale, y)) {
                    row[x >> 3] |= (byte) (0x80 >>> (x & 7));
                }
            }
            for (int i = 0; i < scale; i++) {
                System.arraycopy(row, 0, packed, (y * scale + i) * stride, stride);
            }
        }
        return image;
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
