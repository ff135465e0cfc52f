package org.sweetshop.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sweetshop.common.ProductCode;

/** Product barcodes on generated pictures: each format, the form reported, and what is never reported. */
class ProductBarcodeDecoderTest {

    private final ProductBarcodeDecoder decoder = new ProductBarcodeDecoder();

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
            "EAN_13, 4006381333931, 4006381333931",
            "UPC_A,  036000291452,  0036000291452",
            "EAN_8,  96385074,      96385074",
            "UPC_E,  01234565,      0012345000065"})
    void eachFormatIsReadAsPrintedWithItsFormatAndItsProductCode(CodeFormat format, String printed, String product) {
        BufferedImage pack = onGround(ProductBarcodes.render(format, printed, 300, 120), 480, 320, 90, 100);

        Optional<ScannedCode> still = decoder.decode(pack);
        Optional<ScannedCode> frame = decoder.decodeFrame(pack);

        assertThat(still).isPresent();
        assertThat(still.get().text()).isEqualTo(printed);
        assertThat(still.get().format()).isEqualTo(format);
        assertThat(still.get().productCode()).contains(new ProductCode(product));
        assertThat(frame.map(ScannedCode::text)).contains(printed);
    }

    @Test
    void aUpcAIsReportedAsUpcANeverAsTheEan13ItAlsoIs() {
        // the same bars: an EAN-13 starting with 0 is a UPC-A, and a UPC-A pack prints 12 digits
        BufferedImage pack = ProductBarcodes.render(CodeFormat.EAN_13, "0036000291452", 300, 120);

        ScannedCode code = decoder.decode(pack).orElseThrow();

        assertThat(code.format()).isEqualTo(CodeFormat.UPC_A);
        assertThat(code.text()).isEqualTo("036000291452");
        assertThat(code.productCode()).contains(new ProductCode("0036000291452"));
    }

    @Test
    void barsWhoseCheckDigitIsWrongAreNeverReported() {
        BufferedImage right = ean13Bars("4006381333931");
        BufferedImage wrong = ean13Bars("4006381333932");

        assertThat(decoder.decode(right).map(ScannedCode::text)).as("the test's own drawing").contains("4006381333931");
        assertThat(decoder.decode(wrong)).isEmpty();
    }

    @Test
    void twoDifferentPacksInOnePictureAreNotGuessedBetween() {
        BufferedImage both = new BufferedImage(700, 300, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = both.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 700, 300);
        g.drawImage(ProductBarcodes.render(CodeFormat.EAN_13, "4006381333931", 300, 200), 20, 50, null);
        g.drawImage(ProductBarcodes.render(CodeFormat.EAN_13, "5901234123457", 300, 200), 380, 50, null);
        g.dispose();

        assertThat(decoder.decode(both)).isEmpty();
        assertThat(decoder.decodeFrame(both)).isEmpty();
    }

    @Test
    void aPictureWithoutABarcodeGivesNothing() {
        BufferedImage blank = new BufferedImage(320, 240, BufferedImage.TYPE_BYTE_GRAY);
        BufferedImage noise = new BufferedImage(320, 240, BufferedImage.TYPE_INT_RGB);
        Random random = new Random(7);
        for (int y = 0; y < 240; y++) {
            for (int x = 0; x < 320; x++) {
                int v = random.nextInt(256);
                noise.setRGB(x, y, v << 16 | v << 8 | v);
            }
        }

        assertThat(decoder.decode(blank)).isEmpty();
        assertThat(decoder.decode(noise)).isEmpty();
        assertThat(decoder.decode(QrCodes.render("4006381333931", 300))).as("a QR code holding digits").isEmpty();
    }

    @Test
    void aBarcodeTurnedOnItsSideIsReadByTheStillPipelineNotTheFramePass() {
        BufferedImage upright = GrayImage.of(ProductBarcodes.render(CodeFormat.EAN_13, "4006381333931", 300, 120))
                .rotateQuarters(1).toBufferedImage();

        assertThat(decoder.decode(upright).map(ScannedCode::pass)).contains("barcode rotated 90");
        assertThat(decoder.decodeFrame(upright)).isEmpty();
    }

    @Test
    void aScannedCodeRefusesDigitsItsFormatCannotHave() {
        assertThatThrownBy(() -> new ScannedCode("4006381333932", CodeFormat.EAN_13, "test"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ScannedCode("4006381333931", CodeFormat.UPC_A, "test"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(new ScannedCode("SWC-anything", CodeFormat.QR_CODE, "test").productCode()).isEmpty();
    }

    /** {@code code} on a light grey ground of {@code width} × {@code height}, at ({@code left}, {@code top}). */
    private static BufferedImage onGround(BufferedImage code, int width, int height, int left, int top) {
        BufferedImage picture = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = picture.createGraphics();
        g.setColor(new Color(235, 235, 230));
        g.fillRect(0, 0, width, height);
        g.drawImage(code, left, top, null);
        g.dispose();
        return picture;
    }

    private static final String[] L = {"0001101", "0011001", "0010011", "0111101", "0100011", "0110001", "0101111", "0111011",
            "0110111", "0001011"};
    private static final String[] G = {"0100111", "0110011", "0011011", "0100001", "0011101", "0111001", "0000101", "0010001",
            "0001001", "0010111"};
    private static final String[] R = {"1110010", "1100110", "1101100", "1000010", "1011100", "1001110", "1010000", "1000100",
            "1001000", "1110100"};
    private static final String[] PARITY = {"LLLLLL", "LLGLGG", "LLGGLG", "LLGGGL", "LGLLGG", "LGGLLG", "LGGGLL", "LGLGLG",
            "LGLGGL", "LGGLGL"};

    /** The EAN-13 symbol of 13 digits drawn module by module, whatever its check digit (ZXing's writer refuses a wrong one). */
    private static BufferedImage ean13Bars(String digits) {
        StringBuilder modules = new StringBuilder("000000000101");
        String parity = PARITY[digits.charAt(0) - '0'];
        for (int i = 1; i <= 6; i++) {
            int d = digits.charAt(i) - '0';
            modules.append(parity.charAt(i - 1) == 'L' ? L[d] : G[d]);
        }
        modules.append("01010");
        for (int i = 7; i <= 12; i++) {
            modules.append(R[digits.charAt(i) - '0']);
        }
        modules.append("101000000000");
        int scale = 3;
        BufferedImage image = new BufferedImage(modules.length() * scale, 120, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < image.getWidth(); x++) {
            int rgb = modules.charAt(x / scale) == '1' ? 0x000000 : 0xFFFFFF;
            for (int y = 0; y < image.getHeight(); y++) {
                image.setRGB(x, y, rgb);
            }
        }
        return image;
    }
}
