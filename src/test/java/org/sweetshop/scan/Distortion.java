package org.sweetshop.scan;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Random;
import java.util.function.UnaryOperator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * What a camera and a crumpled print do to a QR code, on a grey picture (0 black, 255 white),
 * written here independently of the decoder's own image code. Every random step takes its seed.
 */
final class Distortion {

    final int width;
    final int height;
    final double[] grey;

    private Distortion(int width, int height, double[] grey) {
        this.width = width;
        this.height = height;
        this.grey = grey;
    }

    static Distortion of(BufferedImage image) {
        double[] grey = new double[image.getWidth() * image.getHeight()];
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                grey[y * image.getWidth() + x] = 0.299 * ((rgb >> 16) & 0xFF) + 0.587 * ((rgb >> 8) & 0xFF) + 0.114 * (rgb & 0xFF);
            }
        }
        return new Distortion(image.getWidth(), image.getHeight(), grey);
    }

    /** A blank picture of one grey. */
    static Distortion blank(int width, int height, double value) {
        double[] grey = new double[width * height];
        java.util.Arrays.fill(grey, value);
        return new Distortion(width, height, grey);
    }

    BufferedImage image() {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int v = clamp(grey[y * width + x]);
                image.setRGB(x, y, (v << 16) | (v << 8) | v);
            }
        }
        return image;
    }

    Distortion apply(UnaryOperator<Distortion> step) {
        return step.apply(this);
    }

    double at(double x, double y, double outside) {
        if (x < 0 || y < 0 || x > width - 1 || y > height - 1) {
            return outside;
        }
        int x0 = (int) x;
        int y0 = (int) y;
        int x1 = Math.min(width - 1, x0 + 1);
        int y1 = Math.min(height - 1, y0 + 1);
        double fx = x - x0;
        double fy = y - y0;
        return (grey[y0 * width + x0] * (1 - fx) + grey[y0 * width + x1] * fx) * (1 - fy)
                + (grey[y1 * width + x0] * (1 - fx) + grey[y1 * width + x1] * fx) * fy;
    }

    // ---- the distortions ----

    /** Gaussian blur of standard deviation {@code sigma} pixels (separable, edges repeated). */
    static UnaryOperator<Distortion> blur(double sigma) {
        return d -> {
            int radius = (int) Math.ceil(3 * sigma);
            double[] kernel = new double[2 * radius + 1];
            double sum = 0;
            for (int i = -radius; i <= radius; i++) {
                kernel[i + radius] = Math.exp(-(i * i) / (2 * sigma * sigma));
                sum += kernel[i + radius];
            }
            for (int i = 0; i < kernel.length; i++) {
                kernel[i] /= sum;
            }
            double[] rows = new double[d.grey.length];
            for (int y = 0; y < d.height; y++) {
                for (int x = 0; x < d.width; x++) {
                    double v = 0;
                    for (int i = -radius; i <= radius; i++) {
                        v += kernel[i + radius] * d.grey[y * d.width + Math.min(d.width - 1, Math.max(0, x + i))];
                    }
                    rows[y * d.width + x] = v;
                }
            }
            double[] out = new double[d.grey.length];
            for (int y = 0; y < d.height; y++) {
                for (int x = 0; x < d.width; x++) {
                    double v = 0;
                    for (int i = -radius; i <= radius; i++) {
                        v += kernel[i + radius] * rows[Math.min(d.height - 1, Math.max(0, y + i)) * d.width + x];
                    }
                    out[y * d.width + x] = v;
                }
            }
            return new Distortion(d.width, d.height, out);
        };
    }

    /** Sensor noise: each pixel plus a normal value of standard deviation {@code sigma}. */
    static UnaryOperator<Distortion> gaussianNoise(double sigma, long seed) {
        return d -> {
            Random random = new Random(seed);
            double[] out = d.grey.clone();
            for (int i = 0; i < out.length; i++) {
                out[i] += random.nextGaussian() * sigma;
            }
            return new Distortion(d.width, d.height, out);
        };
    }

    /** A share {@code fraction} of the pixels turned black or white at random. */
    static UnaryOperator<Distortion> saltAndPepper(double fraction, long seed) {
        return d -> {
            Random random = new Random(seed);
            double[] out = d.grey.clone();
            for (int i = 0; i < out.length; i++) {
                if (random.nextDouble() < fraction) {
                    out[i] = random.nextBoolean() ? 255 : 0;
                }
            }
            return new Distortion(d.width, d.height, out);
        };
    }

    /** Black becomes {@code dark}, white becomes {@code light}: a faded print, a dim room. */
    static UnaryOperator<Distortion> contrast(double dark, double light) {
        return d -> {
            double[] out = new double[d.grey.length];
            for (int i = 0; i < out.length; i++) {
                out[i] = dark + d.grey[i] / 255 * (light - dark);
            }
            return new Distortion(d.width, d.height, out);
        };
    }

    /** Light code on a dark ground. */
    static UnaryOperator<Distortion> invert() {
        return d -> {
            double[] out = new double[d.grey.length];
            for (int i = 0; i < out.length; i++) {
                out[i] = 255 - d.grey[i];
            }
            return new Distortion(d.width, d.height, out);
        };
    }

    /** Turned clockwise by {@code degrees} on a canvas that holds it all, the new corners white. */
    static UnaryOperator<Distortion> rotate(double degrees) {
        return d -> {
            double r = Math.toRadians(degrees);
            double cos = Math.cos(r);
            double sin = Math.sin(r);
            int w = (int) Math.ceil(Math.abs(d.width * cos) + Math.abs(d.height * sin));
            int h = (int) Math.ceil(Math.abs(d.width * sin) + Math.abs(d.height * cos));
            double[] out = new double[w * h];
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    double dx = x - (w - 1) / 2.0;
                    double dy = y - (h - 1) / 2.0;
                    out[y * w + x] = d.at((d.width - 1) / 2.0 + dx * cos + dy * sin, (d.height - 1) / 2.0 - dx * sin + dy * cos, 255);
                }
            }
            return new Distortion(w, h, out);
        };
    }

    /** Resized by {@code factor}, each target pixel the mean of the source pixels it covers (as a camera's sensor does). */
    static UnaryOperator<Distortion> shrink(double factor) {
        return d -> {
            int w = (int) Math.round(d.width * factor);
            int h = (int) Math.round(d.height * factor);
            double[] out = new double[w * h];
            for (int y = 0; y < h; y++) {
                int y0 = y * d.height / h;
                int y1 = Math.max(y0 + 1, (y + 1) * d.height / h);
                for (int x = 0; x < w; x++) {
                    int x0 = x * d.width / w;
                    int x1 = Math.max(x0 + 1, (x + 1) * d.width / w);
                    double sum = 0;
                    for (int sy = y0; sy < y1; sy++) {
                        for (int sx = x0; sx < x1; sx++) {
                            sum += d.grey[sy * d.width + sx];
                        }
                    }
                    out[y * w + x] = sum / ((y1 - y0) * (x1 - x0));
                }
            }
            return new Distortion(w, h, out);
        };
    }

    /**
     * Seen at an angle: the picture's corners (top-left, top-right, bottom-right, bottom-left) land
     * on the given points, given as fractions of the picture's size, with white around.
     */
    static UnaryOperator<Distortion> perspective(double[][] corners) {
        return d -> {
            double[][] target = new double[4][2];
            for (int i = 0; i < 4; i++) {
                target[i][0] = corners[i][0] * (d.width - 1);
                target[i][1] = corners[i][1] * (d.height - 1);
            }
            double[][] source = {{0, 0}, {d.width - 1, 0}, {d.width - 1, d.height - 1}, {0, d.height - 1}};
            double[] h = homography(target, source); // maps target pixels back to source pixels
            double[] out = new double[d.grey.length];
            for (int y = 0; y < d.height; y++) {
                for (int x = 0; x < d.width; x++) {
                    double z = h[6] * x + h[7] * y + 1;
                    out[y * d.width + x] = d.at((h[0] * x + h[1] * y + h[2]) / z, (h[3] * x + h[4] * y + h[5]) / z, 255);
                }
            }
            return new Distortion(d.width, d.height, out);
        };
    }

    /** The picture placed at ({@code left}, {@code top}) on a {@code width}×{@code height} ground shaded from one grey to another. */
    static UnaryOperator<Distortion> onGround(int width, int height, int left, int top, double fromGrey, double toGrey) {
        return d -> {
            double[] out = new double[width * height];
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    int sx = x - left;
                    int sy = y - top;
                    out[y * width + x] = sx >= 0 && sy >= 0 && sx < d.width && sy < d.height
                            ? d.grey[sy * d.width + sx]
                            : fromGrey + (toGrey - fromGrey) * (x + y) / (double) (width + height);
                }
            }
            return new Distortion(width, height, out);
        };
    }

    /** Saved as a JPEG of the given quality (0–1) and read back: block artefacts and ringing. */
    static UnaryOperator<Distortion> jpeg(float quality) {
        return d -> {
            try {
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
                ImageWriteParam param = writer.getDefaultWriteParam();
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                param.setCompressionQuality(quality);
                try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
                    writer.setOutput(out);
                    writer.write(null, new IIOImage(d.image(), null, null), param);
                } finally {
                    writer.dispose();
                }
                return of(ImageIO.read(new ByteArrayInputStream(bytes.toByteArray())));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
    }

    private static int clamp(double v) {
        return (int) Math.max(0, Math.min(255, Math.round(v)));
    }

    /** The projective map taking the four points {@code from} to {@code to}, as h0..h7 (h8 = 1). */
    private static double[] homography(double[][] from, double[][] to) {
        double[][] a = new double[8][9];
        for (int i = 0; i < 4; i++) {
            double x = from[i][0];
            double y = from[i][1];
            double u = to[i][0];
            double v = to[i][1];
            a[2 * i] = new double[] {x, y, 1, 0, 0, 0, -u * x, -u * y, u};
            a[2 * i + 1] = new double[] {0, 0, 0, x, y, 1, -v * x, -v * y, v};
        }
        // Gauss-Jordan elimination with partial pivoting
        for (int col = 0; col < 8; col++) {
            int pivot = col;
            for (int row = col + 1; row < 8; row++) {
                if (Math.abs(a[row][col]) > Math.abs(a[pivot][col])) {
                    pivot = row;
                }
            }
            double[] swap = a[col];
            a[col] = a[pivot];
            a[pivot] = swap;
            for (int row = 0; row < 8; row++) {
                if (row != col) {
                    double f = a[row][col] / a[col][col];
                    for (int k = col; k < 9; k++) {
                        a[row][k] -= f * a[col][k];
                    }
                }
            }
        }
        double[] h = new double[8];
        for (int i = 0; i < 8; i++) {
            h[i] = a[i][8] / a[i][i];
        }
        return h;
    }
}
