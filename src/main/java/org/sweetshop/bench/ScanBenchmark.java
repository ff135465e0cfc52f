package org.sweetshop.bench;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.function.Consumer;
import java.util.function.Function;
import org.sweetshop.scan.CodeDecoder;
import org.sweetshop.scan.CodeFormat;
import org.sweetshop.scan.ProductBarcodes;
import org.sweetshop.scan.QrCodes;
import org.sweetshop.scan.ScannedCode;

/**
 * How long the till's decoder ({@link CodeDecoder}: QR codes and product barcodes) takes on a
 * camera's frames: 640×480, a shaded ground with sensor noise, holding a coupon's QR code somewhere
 * (as a cashier holds it up), a pack's EAN-13, or nothing (most frames a till's camera sees). Times
 * the camera-frame passes on every frame (the per-frame cost: a frame with nothing in it pays for
 * both the QR and the barcode pass) and the whole still-image pipeline on a few. Frames are
 * generated from a fixed seed, before timing.
 */
public final class ScanBenchmark {

    public static final int WIDTH = 640;
    public static final int HEIGHT = 480;
    private static final String TOKEN = "SWC-7K3M9QXR2D5T8VWZ0B4N6P1HJACEFGXY";
    private static final String EAN_13 = "4006381333931";
    /** Distinct frames of each kind; the timed runs go round them. */
    private static final int DISTINCT = 16;

    /**
     * @param frames decodes timed per kind of frame with the camera-frame pass
     * @param stills decodes timed per kind of frame with the still-image pipeline (slow without a code)
     * @param warmup untimed decodes first, so that the JIT has compiled the decoder
     */
    public record Options(int frames, int stills, int warmup, long seed) {
    }

    /** One row: which decoder on which frames, how many it read, and the times. */
    public record Timing(String name, int decodes, int read, double medianMillis, double p90Millis, double maxMillis) {
    }

    public record Report(Options options, List<Timing> timings) {
    }

    private final CodeDecoder decoder = new CodeDecoder();

    private enum Content { QR, EAN_13, NOTHING }
    private final Consumer<String> progress;

    public ScanBenchmark(Consumer<String> progress) {
        this.progress = progress;
    }

    public Report run(Options options) {
        Random random = new Random(options.seed());
        List<BufferedImage> qr = new ArrayList<>();
        List<BufferedImage> ean = new ArrayList<>();
        List<BufferedImage> nothing = new ArrayList<>();
        for (int i = 0; i < DISTINCT; i++) {
            qr.add(frame(random, Content.QR));
            ean.add(frame(random, Content.EAN_13));
            nothing.add(frame(random, Content.NOTHING));
        }
        progress.accept("warming up (" + options.warmup() + " decodes of each kind)");
        for (List<BufferedImage> frames : List.of(qr, ean, nothing)) {
            time(frames, options.warmup(), decoder::decodeFrame, null, "warm-up");
        }
        time(qr, Math.min(options.warmup(), options.stills()), decoder::decode, TOKEN, "warm-up");
        time(ean, Math.min(options.warmup(), options.stills()), decoder::decode, EAN_13, "warm-up");
        progress.accept("timing");
        List<Timing> timings = List.of(
                time(qr, options.frames(), decoder::decodeFrame, TOKEN, "camera frame, QR code"),
                time(ean, options.frames(), decoder::decodeFrame, EAN_13, "camera frame, EAN-13"),
                time(nothing, options.frames(), decoder::decodeFrame, null, "camera frame, no code"),
                time(qr, options.stills(), decoder::decode, TOKEN, "still image, QR code"),
                time(ean, options.stills(), decoder::decode, EAN_13, "still image, EAN-13"),
                time(nothing, options.stills(), decoder::decode, null, "still image, no code"));
        return new Report(options, timings);
    }

    /** Times {@code decodes} decodes; {@code read} counts those that gave {@code expected} (and any code where none is expected). */
    private static Timing time(List<BufferedImage> frames, int decodes, Function<BufferedImage, Optional<ScannedCode>> decode,
                               String expected, String name) {
        long[] nanos = new long[decodes];
        int read = 0;
        for (int i = 0; i < decodes; i++) {
            BufferedImage frame = frames.get(i % frames.size());
            long start = System.nanoTime();
            Optional<ScannedCode> code = decode.apply(frame);
            nanos[i] = System.nanoTime() - start;
            if (code.isPresent() && (expected == null || expected.equals(code.get().text()))) {
                read++;
            }
        }
        if (decodes == 0) {
            return new Timing(name, 0, 0, 0, 0, 0);
        }
        Arrays.sort(nanos);
        return new Timing(name, decodes, read, millis(nanos[(decodes - 1) / 2]), millis(nanos[(int) Math.ceil(decodes * 0.9) - 1]),
                millis(nanos[decodes - 1]));
    }

    private static double millis(long nanos) {
        return nanos / 1e6;
    }

    /**
     * A frame: light shaded from one corner to the other, a coupon's QR code (180–260 pixels) or a
     * pack's EAN-13 (240–320 pixels wide, 2–3 pixels a module) at a random place if asked, printed
     * black on white and lit unevenly, and sensor noise over everything.
     */
    static BufferedImage frame(Random random, Content content) {
        double[] grey = new double[WIDTH * HEIGHT];
        double from = 40 + random.nextInt(60);
        double to = 150 + random.nextInt(80);
        for (int y = 0; y < HEIGHT; y++) {
            for (int x = 0; x < WIDTH; x++) {
                grey[y * WIDTH + x] = from + (to - from) * (x + y) / (double) (WIDTH + HEIGHT);
            }
        }
        BufferedImage code = switch (content) {
            case QR -> QrCodes.render(TOKEN, 180 + random.nextInt(81));
            case EAN_13 -> ProductBarcodes.render(CodeFormat.EAN_13, EAN_13, 240 + random.nextInt(81), 120 + random.nextInt(61));
            case NOTHING -> null;
        };
        if (code != null) {
            int w = code.getWidth();
            int h = code.getHeight();
            int left = random.nextInt(WIDTH - w);
            int top = random.nextInt(HEIGHT - h);
            double black = 20 + random.nextInt(40);
            double white = 170 + random.nextInt(70);
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    boolean dark = (code.getRGB(x, y) & 0xFF) < 128;
                    grey[(top + y) * WIDTH + left + x] = dark ? black : white;
                }
            }
        }
        BufferedImage frame = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        for (int i = 0; i < grey.length; i++) {
            int v = (int) Math.max(0, Math.min(255, Math.round(grey[i] + random.nextGaussian() * 12)));
            frame.setRGB(i % WIDTH, i / WIDTH, (v << 16) | (v << 8) | v);
        }
        return frame;
    }
}
