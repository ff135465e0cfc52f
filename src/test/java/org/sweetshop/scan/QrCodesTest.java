package org.sweetshop.scan;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

class QrCodesTest {

    private static final String TOKEN = "SWC-0123456789ABCDEFGHJKMNPQRSTVWX";

    @Test
    void aSharpCodeHasAWholeNumberOfPixelsPerModuleAndReadsBack() {
        BufferedImage natural = QrCodes.renderSharp(TOKEN, 0);
        BufferedImage sharp = QrCodes.renderSharp(TOKEN, 354);

        // a 36-character token is a version 2 code: 25 modules and a quiet zone of 4 on each side
        assertThat(natural.getWidth()).isEqualTo(33);
        assertThat(sharp.getWidth()).isEqualTo(33 * 11).isEqualTo(sharp.getHeight());
        assertThat(sharp.getType()).isEqualTo(BufferedImage.TYPE_BYTE_BINARY);
        assertThat(new QrDecoder().decode(sharp)).contains(TOKEN);
    }

    @Test
    void aSharpCodeIsTheSamePictureAsZxingsOwnRendering() {
        BufferedImage sharp = QrCodes.renderSharp(TOKEN, 330);
        BufferedImage zxing = QrCodes.render(TOKEN, 330);

        assertThat(sharp.getWidth()).isEqualTo(zxing.getWidth());
        for (int y = 0; y < sharp.getHeight(); y++) {
            for (int x = 0; x < sharp.getWidth(); x++) {
                assertThat(sharp.getRGB(x, y)).as("pixel %d,%d", x, y).isEqualTo(zxing.getRGB(x, y));
            }
        }
    }
}
