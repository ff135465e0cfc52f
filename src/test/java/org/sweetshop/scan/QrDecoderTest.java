package org.sweetshop.scan;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

class QrDecoderTest {

    private final QrDecoder decoder = new QrDecoder();

    @Test
    void theCheapPassComesFirstAndTheCostlyOnesLast() {
        var passes = QrDecoder.passes(640, 480);

        assertThat(passes).hasSize(22);
        assertThat(passes.get(0)).isEqualTo("quick");
        assertThat(passes.subList(1, 5)).containsExactly("try-harder", "global-histogram", "inverted", "inverted global-histogram");
        assertThat(passes.get(passes.size() - 1)).isEqualTo("tilted 45°");
    }

    @Test
    void largePicturesAreNotEnlargedAndSmallOnesNotReduced() {
        assertThat(QrDecoder.passes(1280, 960)).noneMatch(p -> p.startsWith("enlarged")).contains("reduced ×0.5");
        assertThat(QrDecoder.passes(150, 150)).contains("enlarged ×3").noneMatch(p -> p.startsWith("reduced"));
    }

    @Test
    void aCleanCodeIsReadByTheCheapPass() {
        BufferedImage code = QrCodes.render(DistortedCodesTest.TOKEN, 300);

        assertThat(decoder.decodeFrame(code)).contains(DistortedCodesTest.TOKEN);
        assertThat(decoder.decodeDetailed(code)).contains(new QrDecoder.Decoded(DistortedCodesTest.TOKEN, "quick"));
    }

    @Test
    void aPictureOverTheWorkingSizeIsReducedFirstAndItsCodeStillRead() {
        // 4000 × 2000 = 8 megapixels, above the 6 the decoder works on
        BufferedImage photo = new BufferedImage(4000, 2000, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = photo.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 4000, 2000);
        g.drawImage(QrCodes.render(DistortedCodesTest.URL, 800), 2500, 600, null);
        g.dispose();

        assertThat(decoder.decode(photo)).contains(DistortedCodesTest.URL);
    }

    @Test
    void aOnePixelPictureHoldsNoCode() {
        assertThat(decoder.decode(new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB))).isEmpty();
        assertThat(decoder.decodeFrame(new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB))).isEmpty();
    }
}
