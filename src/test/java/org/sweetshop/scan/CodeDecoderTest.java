package org.sweetshop.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** QR codes and product barcodes through the one decoder the till uses. */
class CodeDecoderTest {

    private static final String TOKEN = "SWC-0123456789ABCDEFGHJKMNPQRSTVWX";

    private final CodeDecoder decoder = new CodeDecoder();

    @TempDir
    Path dir;

    @Test
    void aCouponsQrCodeIsAQrCodeInAFrameAndAStill() {
        BufferedImage frame = frame(QrCodes.render(TOKEN, 300));

        assertThat(decoder.decodeFrame(frame)).contains(new ScannedCode(TOKEN, CodeFormat.QR_CODE, "quick"));
        assertThat(decoder.decode(frame).map(ScannedCode::format)).contains(CodeFormat.QR_CODE);
        assertThat(decoder.decodeFrameText(frame)).contains(TOKEN);
    }

    @Test
    void aPacksBarcodeIsItsDigitsAndFormatInAFrameAndAStill() {
        BufferedImage frame = frame(ProductBarcodes.render(CodeFormat.EAN_8, "96385074", 240, 150));

        Optional<ScannedCode> fromFrame = decoder.decodeFrame(frame);
        Optional<ScannedCode> fromStill = decoder.decode(frame);

        assertThat(fromFrame.map(ScannedCode::text)).contains("96385074");
        assertThat(fromFrame.map(ScannedCode::format)).contains(CodeFormat.EAN_8);
        assertThat(fromStill.map(ScannedCode::text)).contains("96385074");
        assertThat(decoder.decodeFrameText(frame)).contains("96385074");
    }

    @Test
    void aFileIsReadAndAnUnreadableOneRefusedWithItsReason() throws Exception {
        Path pack = dir.resolve("pack.png");
        ImageIO.write(frame(ProductBarcodes.render(CodeFormat.UPC_E, "01234565", 240, 150)), "png", pack.toFile());

        assertThat(decoder.decode(pack).map(ScannedCode::text)).contains("01234565");
        assertThatThrownBy(() -> decoder.decode(dir.resolve("missing.png")))
                .isInstanceOf(UnreadableImageException.class).hasMessage("no such file");
    }

    @Test
    void anEmptyFrameGivesNothing() {
        BufferedImage empty = frame(null);

        assertThat(decoder.decodeFrame(empty)).isEmpty();
        assertThat(decoder.decode(empty)).isEmpty();
    }

    /** A 640×480 camera frame, as a webcam gives it, with {@code code} near the middle. */
    private static BufferedImage frame(BufferedImage code) {
        BufferedImage frame = new BufferedImage(640, 480, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = frame.createGraphics();
        g.setColor(new Color(200, 190, 180));
        g.fillRect(0, 0, 640, 480);
        if (code != null) {
            g.drawImage(code, 170, 90, null);
        }
        g.dispose();
        return frame;
    }
}
