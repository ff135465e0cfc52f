package org.sweetshop.scan;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * QR codes rendered by {@link QrCodes#render} and then damaged the ways cameras and prints damage
 * them. Within reasonable limits every case must decode to its exact text through the still-image
 * pipeline; past them nothing may be misread. The table of which pass read each case goes to
 * {@code target/scan-distortions.txt} and the test log. Deterministic: every random step has a
 * fixed seed.
 */
class DistortedCodesTest {

    private static final Logger LOG = LoggerFactory.getLogger(DistortedCodesTest.class);

    static final String TOKEN = "SWC-7K3M9QXR2D5T8VWZ0B4N6P1HJACEFGXY";
    static final String URL = "https://sweetshop.example/offers/spring?store=42&utm_source=qr";
    static final String VCARD = "BEGIN:VCARD\r\nVERSION:3.0\r\nN:Drop;Lemon\r\nFN:Lemon Drop\r\nORG:Sweetshop\r\n"
            + "TEL;TYPE=WORK:+44 20 7946 0000\r\nEMAIL:lemon@sweetshop.example\r\nNOTE:Crème brûlée fudge\r\nEND:VCARD";
    static final String LONG = longText(300);

    /** Observed: how many of the distorted codes the camera-frame pass reads on its own. */
    private static final int FRAME_PASS_READS = 30;
    /** Observed: how many of the codes past the limits the pipeline still reads (correctly). */
    private static final int BEYOND_LIMITS_READS = 7;

    private static final Map<String, String> TEXTS = new LinkedHashMap<>();

    static {
        TEXTS.put("token", TOKEN);
        TEXTS.put("url", URL);
        TEXTS.put("vcard", VCARD);
        TEXTS.put("300 chars", LONG);
    }

    private static final double[][] MILD_PERSPECTIVE = {{0.08, 0.04}, {0.92, 0.10}, {0.96, 0.93}, {0.04, 0.96}};
    private static final double[][] STEEP_PERSPECTIVE = {{0.05, 0.1}, {0.95, 0.02}, {0.9, 0.98}, {0.1, 0.88}};

    /** Damage a till's camera or a shop's printer can be expected to do: every code must read. */
    private static final Map<String, UnaryOperator<Distortion>> DISTORTIONS = new LinkedHashMap<>();

    static {
        DISTORTIONS.put("clean", d -> d);
        DISTORTIONS.put("blur σ2.5", Distortion.blur(2.5));
        DISTORTIONS.put("noise σ70", Distortion.gaussianNoise(70, 11));
        DISTORTIONS.put("salt-and-pepper 15%", Distortion.saltAndPepper(0.15, 12));
        DISTORTIONS.put("low contrast 120-135", Distortion.contrast(120, 135));
        DISTORTIONS.put("dim 60-90, noise σ8", d -> d.apply(Distortion.contrast(60, 90)).apply(Distortion.gaussianNoise(8, 3)));
        DISTORTIONS.put("rotated 20°", Distortion.rotate(20));
        DISTORTIONS.put("rotated 45°", Distortion.rotate(45));
        DISTORTIONS.put("perspective", Distortion.perspective(MILD_PERSPECTIVE));
        DISTORTIONS.put("shrunk to 40%", Distortion.shrink(0.4));
        DISTORTIONS.put("inverted", Distortion.invert());
        DISTORTIONS.put("jpeg quality 0.15", Distortion.jpeg(0.15f));
        DISTORTIONS.put("photo: small, dim, blurred, noisy, jpeg", d -> d
                .apply(Distortion.shrink(0.8))
                .apply(Distortion.perspective(MILD_PERSPECTIVE))
                .apply(Distortion.onGround(640, 480, 140, 60, 40, 170))
                .apply(Distortion.contrast(30, 190))
                .apply(Distortion.blur(1.0))
                .apply(Distortion.gaussianNoise(12, 13))
                .apply(Distortion.jpeg(0.5f)));
        DISTORTIONS.put("photo: steep angle, noisy, jpeg", d -> d
                .apply(Distortion.shrink(0.8))
                .apply(Distortion.perspective(STEEP_PERSPECTIVE))
                .apply(Distortion.onGround(640, 480, 140, 60, 40, 170))
                .apply(Distortion.contrast(30, 190))
                .apply(Distortion.gaussianNoise(12, 13))
                .apply(Distortion.jpeg(0.5f)));
        DISTORTIONS.put("light code on a dark ground", d -> d
                .apply(Distortion.invert())
                .apply(Distortion.shrink(0.7))
                .apply(Distortion.onGround(640, 480, 150, 90, 20, 60))
                .apply(Distortion.gaussianNoise(10, 14)));
    }

    /**
     * Past what the pipeline reads (modules under 1.5 pixels, blur wider than a module, salt and
     * pepper over a quarter of the pixels): the count read is pinned, and none may be misread.
     */
    private static final Map<String, UnaryOperator<Distortion>> BEYOND_LIMITS = new LinkedHashMap<>();

    static {
        BEYOND_LIMITS.put("shrunk to 25%", Distortion.shrink(0.25));
        BEYOND_LIMITS.put("blur σ3", Distortion.blur(3));
        BEYOND_LIMITS.put("salt-and-pepper 25%", Distortion.saltAndPepper(0.25, 5));
    }

    private static final List<String> REPORT = new ArrayList<>();

    private final QrDecoder decoder = new QrDecoder();

    /** What happened to each text under each distortion. */
    private record Outcome(int cases, int read, int misread, int readByFramePass, List<String> notRead) {
    }

    @Test
    void everyDistortedCodeDecodesToItsExactText() {
        Outcome outcome = decodeAll("within the limits", DISTORTIONS);

        assertThat(outcome.cases()).isEqualTo(60);
        assertThat(outcome.notRead()).isEmpty();
        assertThat(outcome.read()).isEqualTo(60);
        // the camera-frame pass alone reads fewer: the fallbacks are what read the rest
        assertThat(outcome.readByFramePass()).isEqualTo(FRAME_PASS_READS);
    }

    @Test
    void pastItsLimitsTheDecoderReadsWhatItCanAndMisreadsNothing() {
        Outcome outcome = decodeAll("beyond the limits", BEYOND_LIMITS);

        assertThat(outcome.cases()).isEqualTo(12);
        assertThat(outcome.misread()).isZero();
        assertThat(outcome.read()).isEqualTo(BEYOND_LIMITS_READS);
    }

    @Test
    void picturesWithoutACodeDecodeToNothing() {
        Map<String, BufferedImage> pictures = new LinkedHashMap<>();
        pictures.put("white", Distortion.blank(640, 480, 255).image());
        pictures.put("grey noise", Distortion.blank(640, 480, 128).apply(Distortion.gaussianNoise(60, 21)).image());
        pictures.put("random blocks", randomBlocks(640, 480, 12, 22));

        for (var picture : pictures.entrySet()) {
            assertThat(decoder.decode(picture.getValue())).as(picture.getKey()).isEmpty();
            assertThat(decoder.decodeFrame(picture.getValue())).as(picture.getKey()).isEmpty();
        }
    }

    @AfterAll
    static void writeReport() throws IOException {
        Files.createDirectories(Path.of("target"));
        Files.write(Path.of("target", "scan-distortions.txt"), REPORT);
        LOG.info("distorted codes:\n{}", String.join("\n", REPORT));
    }

    private Outcome decodeAll(String title, Map<String, UnaryOperator<Distortion>> distortions) {
        int cases = 0;
        int read = 0;
        int misread = 0;
        int framePass = 0;
        List<String> notRead = new ArrayList<>();
        List<String> table = new ArrayList<>();
        table.add(String.format("%-40s %-10s %-6s %s", title, "text", "frame", "still image"));
        for (var distortion : distortions.entrySet()) {
            for (var text : TEXTS.entrySet()) {
                cases++;
                BufferedImage image = Distortion.of(QrCodes.render(text.getValue(), 400)).apply(distortion.getValue()).image();
                boolean frameRead = decoder.decodeFrame(image).filter(text.getValue()::equals).isPresent();
                Optional<QrDecoder.Decoded> still = decoder.decodeDetailed(image);
                String result;
                if (still.isEmpty()) {
                    result = "not read";
                    notRead.add(distortion.getKey() + " / " + text.getKey());
                } else if (still.get().text().equals(text.getValue())) {
                    result = "read by " + still.get().pass();
                    read++;
                } else {
                    result = "MISREAD by " + still.get().pass();
                    misread++;
                    notRead.add(distortion.getKey() + " / " + text.getKey() + " (misread)");
                }
                framePass += frameRead ? 1 : 0;
                table.add(String.format("%-40s %-10s %-6s %s", distortion.getKey(), text.getKey(), frameRead ? "read" : "-", result));
            }
        }
        table.add(String.format("%d cases: %d read by the still-image pipeline, %d misread, %d read by the camera-frame pass alone",
                cases, read, misread, framePass));
        table.add("");
        synchronized (REPORT) {
            REPORT.addAll(table);
        }
        return new Outcome(cases, read, misread, framePass, notRead);
    }

    /** Square blocks of random black and white: texture like a QR code's, without finder patterns. */
    private static BufferedImage randomBlocks(int width, int height, int block, long seed) {
        Random random = new Random(seed);
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int by = 0; by < height; by += block) {
            for (int bx = 0; bx < width; bx += block) {
                int rgb = random.nextBoolean() ? 0xFFFFFF : 0;
                for (int y = by; y < Math.min(height, by + block); y++) {
                    for (int x = bx; x < Math.min(width, bx + block); x++) {
                        image.setRGB(x, y, rgb);
                    }
                }
            }
        }
        return image;
    }

    private static String longText(int length) {
        StringBuilder text = new StringBuilder();
        String[] words = {"sherbet", "lemons", "fudge", "toffee", "humbugs", "liquorice", "bonbons", "jellies", "cola", "cubes"};
        for (int i = 0; text.length() < length; i++) {
            text.append(words[(i * 7) % words.length]).append(i % 9 == 8 ? ". " : " ");
        }
        return text.substring(0, length);
    }
}
