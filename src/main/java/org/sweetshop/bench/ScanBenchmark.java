package org.sweetshop.bench;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.function.Consumer;
import java.util.function.Function;
import org.sweetshop.scan.QrCodes;
import org.sweetshop.scan.QrDecoder;

/**
 * How long the decoder takes on a camera's frames: 640×480, a shaded ground with sensor noise,
 * half of them holding a coupon's QR code somewhere (as a cashier holds it up), half holding
 * nothing (most frames a till's camera sees). Times the camera-frame pass on every frame and the
 * whole still-image pipeline on a few. Frames are generated from a fixed seed, before timing.
 */
public final class ScanBenchmark {

    public static final int WIDTH = 640;
    public static final int HEIGHT = 480;
    private static final String TOKEN = "SWC-7K3M9QXR2D5T8VWZ0B4N6P1HJACEFGXY";
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

    private final QrDecoder decoder = new QrDecoder();
    private final Consumer<String> progress;

    public ScanBenchmark(Consumer<String> progress) {
        this.progress = progress;
    }

    public Report run(Options options) {
        Random random = new Random(options.seed());
        List<BufferedImage> withCode = new ArrayList<>();
        List<BufferedImage> withoutCode = new ArrayList<>();
        for (int i = 0; i < DISTINCT; i++) {
            withCode.add(frame(random, true));
            withoutCode.add(frame(random, false));
        }
        progress.accept("warming up (" + options.warmup() + " decodes of each kind)");
        time(withCode, options.warmup(), decoder::decodeFrame, "warm-up");
        time(withoutCode, options.warmup(), decoder::decodeFrame, "warm-up");
        time(withCode, Math.min(options.warmup(), options.stills()), decoder::decode, "warm-up");
        progress.accept("timing");
        List<Timing> timings = List.of(
                time(withCode, options.frames(), decoder::decodeFrame, "camera frame, code"),
                time(withoutCode, options.frames(), decoder::decodeFrame, "camera frame, no code"),
                time(withCode, options.stills(), decoder::decode, "still image, code"),
                time(withoutCode, options.stills(), decoder::decode, "still image, no code"));
        return new Report(options, timings);
    }

    private static Timing time(List<BufferedImage> frames, int decodes, Function<BufferedImage, Optional<String>> decode, String name) {
        long[] nanos = new long[decodes];
        int read = 0;
        for (int i = 0; i < decodes; i++) {
            BufferedImage frame = frames.get(i % frames.size());
            long start = System.nanoTime();
            Optional<String> text = decode.apply(frame);
            nanos[i] = System.nanoTime() - start;
            if (text.filter(TOKEN::equals).isPresent()) {
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
     * A frame: light shaded from one corner to the other, a coupon's code (180–260 pixels, printed
     * black on white, lit unevenly) at a random place if asked, and sensor noise over everything.
     */
    static BufferedImage frame(Random random, boolean withCode) {
        double[] grey = new double[WIDTH * HEIGHT];
        double from = 40 + random.nextInt(60);
        double to = 150 + random.nextInt(80);
        for (int y = 0; y < HEIGHT; y++) {
            for (int x = 0; x < WIDTH; x++) {
                grey[y * WIDTH + x] = from + (to - from) * (x + y) / (double) (WIDTH + HEIGHT);
            }
        }
        if (withCode) {
            int size = 180 + random.nextInt(81);
            BufferedImage code = QrCodes.render(TOKEN, size);
            int left = random.nextInt(WIDTH - size);
            int top = random.nextInt(HEIGHT - size);
            double black = 20 + random.nextInt(40);
            double white = 170 + random.nextInt(70);
            for (int y = 0; y < size; y++) {
                for (int x = 0; x < size; x++) {
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
