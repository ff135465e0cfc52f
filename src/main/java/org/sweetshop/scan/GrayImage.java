package org.sweetshop.scan;

import com.google.zxing.LuminanceSource;
import com.google.zxing.PlanarYUVLuminanceSource;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentSampleModel;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferInt;
import java.awt.image.Raster;
import java.awt.image.SinglePixelPackedSampleModel;
import java.util.Arrays;

/**
 * An 8-bit grey picture (0 black, 255 white) and the few transformations the decoder's fallbacks
 * need. Converting once and transforming grey bytes is cheaper than redrawing a
 * {@link BufferedImage} for every attempt. Immutable: every transformation returns a new image.
 */
final class GrayImage {

    private final int width;
    private final int height;
    private final byte[] pixels;

    GrayImage(int width, int height, byte[] pixels) {
        if (width < 1 || height < 1 || pixels.length != width * height) {
            throw new IllegalArgumentException("a " + width + "×" + height + " image needs " + width * height + " pixels");
        }
        this.width = width;
        this.height = height;
        this.pixels = pixels;
    }

    /** The luminance of {@code image}, weighted as ZXing weighs it; transparent pixels count as white. */
    static GrayImage of(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        byte[] grey = new byte[w * h];
        Raster raster = image.getRaster();
        boolean whole = raster.getSampleModelTranslateX() == 0 && raster.getSampleModelTranslateY() == 0
                && raster.getDataBuffer().getNumBanks() == 1;
        // camera frames come as one of the first three: read their pixels directly, several times faster than getRGB
        if (whole && image.getType() == BufferedImage.TYPE_BYTE_GRAY && raster.getSampleModel() instanceof ComponentSampleModel model
                && model.getPixelStride() == 1 && model.getScanlineStride() == w) {
            System.arraycopy(((DataBufferByte) raster.getDataBuffer()).getData(), 0, grey, 0, grey.length);
        } else if (whole && (image.getType() == BufferedImage.TYPE_INT_RGB || image.getType() == BufferedImage.TYPE_INT_ARGB)
                && raster.getSampleModel() instanceof SinglePixelPackedSampleModel model && model.getScanlineStride() == w) {
            int[] argb = ((DataBufferInt) raster.getDataBuffer()).getData();
            boolean alpha = image.getType() == BufferedImage.TYPE_INT_ARGB;
            for (int i = 0; i < grey.length; i++) {
                grey[i] = (byte) luminance(alpha ? argb[i] : argb[i] | 0xFF000000);
            }
        } else if (whole && image.getType() == BufferedImage.TYPE_3BYTE_BGR
                && raster.getSampleModel() instanceof ComponentSampleModel model
                && model.getPixelStride() == 3 && model.getScanlineStride() == 3 * w) {
            byte[] bgr = ((DataBufferByte) raster.getDataBuffer()).getData();
            for (int i = 0, j = 0; i < grey.length; i++, j += 3) {
                grey[i] = (byte) ((306 * (bgr[j + 2] & 0xFF) + 601 * (bgr[j + 1] & 0xFF) + 117 * (bgr[j] & 0xFF) + 0x200) >> 10);
            }
        } else if (image.getType() == BufferedImage.TYPE_BYTE_GRAY) {
            // its samples, as ZXing reads them (getRGB would convert them from linear grey to sRGB)
            int[] row = new int[w];
            for (int y = 0; y < h; y++) {
                raster.getSamples(0, y, w, 1, 0, row);
                for (int x = 0; x < w; x++) {
                    grey[y * w + x] = (byte) row[x];
                }
            }
        } else {
            int[] row = new int[w];
            for (int y = 0; y < h; y++) {
                image.getRGB(0, y, w, 1, row, 0, w);
                for (int x = 0; x < w; x++) {
                    grey[y * w + x] = (byte) luminance(row[x]);
                }
            }
        }
        return new GrayImage(w, h, grey);
    }

    private static int luminance(int argb) {
        if ((argb >>> 24) == 0) {
            return 0xFF;
        }
        int r = (argb >> 16) & 0xFF;
        int g = (argb >> 8) & 0xFF;
        int b = argb & 0xFF;
        return (306 * r + 601 * g + 117 * b + 0x200) >> 10;
    }

    int width() {
        return width;
    }

    int height() {
        return height;
    }

    int pixels() {
        return width * height;
    }

    int at(int x, int y) {
        return pixels[y * width + x] & 0xFF;
    }

    /** What ZXing reads. */
    LuminanceSource source() {
        return new PlanarYUVLuminanceSource(pixels, width, height, 0, 0, width, height, false);
    }

    BufferedImage toBufferedImage() {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        byte[] target = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
        System.arraycopy(pixels, 0, target, 0, pixels.length);
        return image;
    }

    /** Turned by a quarter turn clockwise, {@code quarters} times (0–3). */
    GrayImage rotateQuarters(int quarters) {
        int q = Math.floorMod(quarters, 4);
        if (q == 0) {
            return this;
        }
        int w = q == 2 ? width : height;
        int h = q == 2 ? height : width;
        byte[] out = new byte[pixels.length];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int nx;
                int ny;
                switch (q) {
                    case 1 -> {
                        nx = height - 1 - y;
                        ny = x;
                    }
                    case 2 -> {
                        nx = width - 1 - x;
                        ny = height - 1 - y;
                    }
                    default -> {
                        nx = y;
                        ny = width - 1 - x;
                    }
                }
                out[ny * w + nx] = pixels[y * width + x];
            }
        }
        return new GrayImage(w, h, out);
    }

    /**
     * Turned clockwise by {@code degrees} about its centre, on a canvas big enough for the whole
     * picture; the corners brought in are filled with the picture's median grey, so they add no edges.
     */
    GrayImage rotate(double degrees) {
        double radians = Math.toRadians(degrees);
        double cos = Math.cos(radians);
        double sin = Math.sin(radians);
        int w = (int) Math.ceil(Math.abs(width * cos) + Math.abs(height * sin));
        int h = (int) Math.ceil(Math.abs(width * sin) + Math.abs(height * cos));
        double cx = (width - 1) / 2.0;
        double cy = (height - 1) / 2.0;
        double ncx = (w - 1) / 2.0;
        double ncy = (h - 1) / 2.0;
        int fill = percentile(histogram(), pixels.length / 2);
        byte[] out = new byte[w * h];
        for (int y = 0; y < h; y++) {
            double dy = y - ncy;
            for (int x = 0; x < w; x++) {
                double dx = x - ncx;
                // inverse mapping: where in the source this target pixel comes from
                double sx = cx + dx * cos + dy * sin;
                double sy = cy - dx * sin + dy * cos;
                out[y * w + x] = (byte) bilinear(sx, sy, fill);
            }
        }
        return new GrayImage(w, h, out);
    }

    /**
     * Resized by {@code factor}: smaller by averaging the pixels each target pixel covers (no
     * aliasing of fine modules), larger by bilinear interpolation.
     */
    GrayImage scale(double factor) {
        int w = Math.max(1, (int) Math.round(width * factor));
        int h = Math.max(1, (int) Math.round(height * factor));
        if (w == width && h == height) {
            return this;
        }
        byte[] out = new byte[w * h];
        if (factor < 1) {
            for (int y = 0; y < h; y++) {
                int y0 = (int) ((long) y * height / h);
                int y1 = Math.max(y0 + 1, (int) ((long) (y + 1) * height / h));
                for (int x = 0; x < w; x++) {
                    int x0 = (int) ((long) x * width / w);
                    int x1 = Math.max(x0 + 1, (int) ((long) (x + 1) * width / w));
                    int sum = 0;
                    for (int sy = y0; sy < y1; sy++) {
                        int base = sy * width;
                        for (int sx = x0; sx < x1; sx++) {
                            sum += pixels[base + sx] & 0xFF;
                        }
                    }
                    out[y * w + x] = (byte) (sum / ((y1 - y0) * (x1 - x0)));
                }
            }
        } else {
            double sxFactor = (double) width / w;
            double syFactor = (double) height / h;
            for (int y = 0; y < h; y++) {
                double sy = (y + 0.5) * syFactor - 0.5;
                for (int x = 0; x < w; x++) {
                    out[y * w + x] = (byte) bilinear((x + 0.5) * sxFactor - 0.5, sy, 255);
                }
            }
        }
        return new GrayImage(w, h, out);
    }

    /**
     * Its greys stretched so that the darkest 1 % become black and the lightest 1 % white: a faded
     * print or a dim photo gets the contrast the binarizers expect.
     */
    GrayImage stretchContrast() {
        int[] histogram = histogram();
        int low = percentile(histogram, pixels.length / 100);
        int high = percentile(histogram, pixels.length - 1 - pixels.length / 100);
        if (high - low < 2) {
            return this;
        }
        byte[] lut = new byte[256];
        for (int v = 0; v < 256; v++) {
            lut[v] = (byte) Math.max(0, Math.min(255, (v - low) * 255 / (high - low)));
        }
        byte[] out = new byte[pixels.length];
        for (int i = 0; i < pixels.length; i++) {
            out[i] = lut[pixels[i] & 0xFF];
        }
        return new GrayImage(width, height, out);
    }

    /** Each pixel replaced by the median of its 3×3 neighbourhood: removes salt-and-pepper noise, keeps edges. */
    GrayImage median3() {
        byte[] out = new byte[pixels.length];
        int[] window = new int[9];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int n = 0;
                for (int dy = -1; dy <= 1; dy++) {
                    int yy = Math.min(height - 1, Math.max(0, y + dy));
                    for (int dx = -1; dx <= 1; dx++) {
                        int xx = Math.min(width - 1, Math.max(0, x + dx));
                        window[n++] = pixels[yy * width + xx] & 0xFF;
                    }
                }
                out[y * width + x] = (byte) median9(window);
            }
        }
        return new GrayImage(width, height, out);
    }

    /**
     * Every {@code n} rows averaged into one (the last, shorter band too): sensor noise falls by
     * about the square root of {@code n}, and bars, which run down the picture, stay as sharp.
     */
    GrayImage averageRows(int n) {
        if (n <= 1) {
            return this;
        }
        int h = (height + n - 1) / n;
        byte[] out = new byte[width * h];
        int[] sum = new int[width];
        for (int band = 0; band < h; band++) {
            Arrays.fill(sum, 0);
            int y0 = band * n;
            int y1 = Math.min(height, y0 + n);
            for (int y = y0; y < y1; y++) {
                int base = y * width;
                for (int x = 0; x < width; x++) {
                    sum[x] += pixels[base + x] & 0xFF;
                }
            }
            int rows = y1 - y0;
            for (int x = 0; x < width; x++) {
                out[band * width + x] = (byte) (sum[x] / rows);
            }
        }
        return new GrayImage(width, h, out);
    }

    /**
     * Sharpened by an unsharp mask: each pixel pushed away from the mean of its 3×3 neighbourhood
     * by as much as it differs from it. Bars blurred together by focus or motion part again.
     */
    GrayImage sharpen() {
        byte[] out = new byte[pixels.length];
        for (int y = 0; y < height; y++) {
            int up = Math.max(0, y - 1) * width;
            int row = y * width;
            int down = Math.min(height - 1, y + 1) * width;
            for (int x = 0; x < width; x++) {
                int left = Math.max(0, x - 1);
                int right = Math.min(width - 1, x + 1);
                int sum = (pixels[up + left] & 0xFF) + (pixels[up + x] & 0xFF) + (pixels[up + right] & 0xFF)
                        + (pixels[row + left] & 0xFF) + (pixels[row + x] & 0xFF) + (pixels[row + right] & 0xFF)
                        + (pixels[down + left] & 0xFF) + (pixels[down + x] & 0xFF) + (pixels[down + right] & 0xFF);
                int p = pixels[row + x] & 0xFF;
                out[row + x] = (byte) Math.max(0, Math.min(255, 2 * p - sum / 9));
            }
        }
        return new GrayImage(width, height, out);
    }

    private static int median9(int[] v) {
        // insertion sort of nine values: cheaper than anything cleverer at this size
        for (int i = 1; i < 9; i++) {
            int key = v[i];
            int j = i - 1;
            while (j >= 0 && v[j] > key) {
                v[j + 1] = v[j];
                j--;
            }
            v[j + 1] = key;
        }
        return v[4];
    }

    private int bilinear(double sx, double sy, int outside) {
        if (sx < -0.5 || sy < -0.5 || sx > width - 0.5 || sy > height - 0.5) {
            return outside;
        }
        double cx = Math.max(0, Math.min(width - 1, sx));
        double cy = Math.max(0, Math.min(height - 1, sy));
        int x0 = (int) cx;
        int y0 = (int) cy;
        int x1 = Math.min(width - 1, x0 + 1);
        int y1 = Math.min(height - 1, y0 + 1);
        double fx = cx - x0;
        double fy = cy - y0;
        double top = (pixels[y0 * width + x0] & 0xFF) * (1 - fx) + (pixels[y0 * width + x1] & 0xFF) * fx;
        double bottom = (pixels[y1 * width + x0] & 0xFF) * (1 - fx) + (pixels[y1 * width + x1] & 0xFF) * fx;
        return (int) Math.round(top * (1 - fy) + bottom * fy);
    }

    private int[] histogram() {
        int[] histogram = new int[256];
        for (byte p : pixels) {
            histogram[p & 0xFF]++;
        }
        return histogram;
    }

    /** The grey below which {@code rank} pixels lie. */
    private static int percentile(int[] histogram, int rank) {
        int seen = 0;
        for (int v = 0; v < 256; v++) {
            seen += histogram[v];
            if (seen > rank) {
                return v;
            }
        }
        return 255;
    }
}
