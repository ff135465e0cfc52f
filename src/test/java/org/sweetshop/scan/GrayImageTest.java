package org.sweetshop.scan;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GrayImageTest {

    @ParameterizedTest
    @ValueSource(ints = {BufferedImage.TYPE_INT_RGB, BufferedImage.TYPE_INT_ARGB, BufferedImage.TYPE_3BYTE_BGR,
            BufferedImage.TYPE_INT_BGR, BufferedImage.TYPE_4BYTE_ABGR})
    void everyColourLayoutGivesZxingsLuminance(int type) {
        BufferedImage colour = randomColours(37, 23, type);

        GrayImage grey = GrayImage.of(colour);

        for (int y = 0; y < 23; y++) {
            for (int x = 0; x < 37; x++) {
                assertThat(grey.at(x, y)).as("(%d, %d)", x, y).isEqualTo(zxingLuminance(colour.getRGB(x, y)));
            }
        }
    }

    @Test
    void averagingRowsGivesEachBandsMeanAndKeepsTheShorterLastBand() {
        byte[] pixels = new byte[2 * 5];
        int[] column0 = {0, 40, 80, 120, 250};
        for (int y = 0; y < 5; y++) {
            pixels[y * 2] = (byte) column0[y];
            pixels[y * 2 + 1] = (byte) 200;
        }

        GrayImage bands = new GrayImage(2, 5, pixels).averageRows(2);

        assertThat(bands.width()).isEqualTo(2);
        assertThat(bands.height()).isEqualTo(3);
        assertThat(new int[] {bands.at(0, 0), bands.at(0, 1), bands.at(0, 2)}).containsExactly(20, 100, 250);
        assertThat(new int[] {bands.at(1, 0), bands.at(1, 1), bands.at(1, 2)}).containsExactly(200, 200, 200);
    }

    @Test
    void sharpeningLeavesFlatGreyAloneAndSteepensAnEdge() {
        byte[] pixels = new byte[6 * 3];
        for (int y = 0; y < 3; y++) {
            for (int x = 0; x < 6; x++) {
                pixels[y * 6 + x] = (byte) (x < 3 ? 100 : 160);
            }
        }

        GrayImage sharp = new GrayImage(6, 3, pixels).sharpen();

        assertThat(sharp.at(0, 1)).isEqualTo(100);
        assertThat(sharp.at(5, 1)).isEqualTo(160);
        assertThat(sharp.at(2, 1)).isEqualTo(80); // 2 × 100 − (6 × 100 + 3 × 160) / 9
        assertThat(sharp.at(3, 1)).isEqualTo(180); // 2 × 160 − (3 × 100 + 6 × 160) / 9
    }

    @Test
    void aSubImageIsReadFromItsOwnCorner() {
        BufferedImage colour = randomColours(40, 30, BufferedImage.TYPE_INT_RGB);
        BufferedImage part = colour.getSubimage(5, 7, 20, 10);

        GrayImage grey = GrayImage.of(part);

        assertThat(grey.width()).isEqualTo(20);
        assertThat(grey.at(0, 0)).isEqualTo(zxingLuminance(colour.getRGB(5, 7)));
        assertThat(grey.at(19, 9)).isEqualTo(zxingLuminance(colour.getRGB(24, 16)));
    }

    @Test
    void greySamplesAreTakenAsTheyAreWholeOrInPart() {
        BufferedImage grey = new BufferedImage(16, 16, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < 16; y++) {
            for (int x = 0; x < 16; x++) {
                grey.getRaster().setSample(x, y, 0, y * 16 + x);
            }
        }

        assertThat(GrayImage.of(grey).at(3, 2)).isEqualTo(35);
        assertThat(GrayImage.of(grey.getSubimage(1, 1, 4, 4)).at(2, 1)).isEqualTo(35);
    }

    @Test
    void transparentPixelsCountAsWhite() {
        BufferedImage clear = new BufferedImage(4, 4, BufferedImage.TYPE_INT_ARGB);

        assertThat(GrayImage.of(clear).at(2, 2)).isEqualTo(255);
    }

    @Test
    void aQuarterTurnClockwiseTakesTheTopLeftCornerToTheTopRight() {
        GrayImage image = numbered(3, 2);

        GrayImage turned = image.rotateQuarters(1);

        assertThat(turned.width()).isEqualTo(2);
        assertThat(turned.height()).isEqualTo(3);
        assertThat(turned.at(1, 0)).isEqualTo(image.at(0, 0));
        assertThat(turned.at(0, 2)).isEqualTo(image.at(2, 1));
        assertThat(image.rotateQuarters(2).at(0, 0)).isEqualTo(image.at(2, 1));
        assertThat(image.rotateQuarters(3).at(0, 2)).isEqualTo(image.at(0, 0));
    }

    @Test
    void fourQuarterTurnsGiveThePictureBack() {
        GrayImage image = numbered(5, 3);

        GrayImage back = image.rotateQuarters(1).rotateQuarters(1).rotateQuarters(1).rotateQuarters(1);

        assertThat(back.toBufferedImage().getRaster().getPixels(0, 0, 5, 3, (int[]) null))
                .containsExactly(image.toBufferedImage().getRaster().getPixels(0, 0, 5, 3, (int[]) null));
    }

    @Test
    void halvingAveragesEachTwoByTwoBlock() {
        GrayImage image = new GrayImage(2, 2, new byte[] {0, 100, (byte) 200, (byte) 255});

        GrayImage half = image.scale(0.5);

        assertThat(half.width()).isEqualTo(1);
        assertThat(half.at(0, 0)).isEqualTo((0 + 100 + 200 + 255) / 4);
    }

    @Test
    void enlargingKeepsFlatAreasFlat() {
        GrayImage image = new GrayImage(4, 4, filled(16, 77));

        GrayImage big = image.scale(3);

        assertThat(big.width()).isEqualTo(12);
        assertThat(big.at(0, 0)).isEqualTo(77);
        assertThat(big.at(11, 11)).isEqualTo(77);
    }

    @Test
    void contrastIsStretchedToBlackAndWhite() {
        byte[] pixels = new byte[200];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (byte) (i < 100 ? 120 : 135);
        }

        GrayImage stretched = new GrayImage(20, 10, pixels).stretchContrast();

        assertThat(stretched.at(0, 0)).isZero();
        assertThat(stretched.at(19, 9)).isEqualTo(255);
    }

    @Test
    void theMedianRemovesALonePixel() {
        byte[] pixels = filled(25, 255);
        pixels[12] = 0;

        GrayImage denoised = new GrayImage(5, 5, pixels).median3();

        assertThat(denoised.at(2, 2)).isEqualTo(255);
    }

    @Test
    void aTiltFillsTheNewCornersWithTheMedianGrey() {
        GrayImage image = new GrayImage(10, 10, filled(100, 90));

        GrayImage tilted = image.rotate(45);

        assertThat(tilted.width()).isEqualTo(15);
        assertThat(tilted.at(0, 0)).isEqualTo(90);
        assertThat(tilted.at(7, 7)).isEqualTo(90);
    }

    private static GrayImage numbered(int width, int height) {
        byte[] pixels = new byte[width * height];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (byte) (i * 10);
        }
        return new GrayImage(width, height, pixels);
    }

    private static byte[] filled(int length, int value) {
        byte[] pixels = new byte[length];
        java.util.Arrays.fill(pixels, (byte) value);
        return pixels;
    }

    private static BufferedImage randomColours(int width, int height, int type) {
        Random random = new Random(width * 31L + type);
        BufferedImage argb = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                argb.setRGB(x, y, 0xFF000000 | random.nextInt(0x1000000));
            }
        }
        BufferedImage converted = new BufferedImage(width, height, type);
        Graphics2D g = converted.createGraphics();
        g.drawImage(argb, 0, 0, null);
        g.dispose();
        return converted;
    }

    private static int zxingLuminance(int argb) {
        return (306 * ((argb >> 16) & 0xFF) + 601 * ((argb >> 8) & 0xFF) + 117 * (argb & 0xFF) + 0x200) >> 10;
    }
}
