package org.sweetshop.scan;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Reads picture files for scanning with the JDK's ImageIO (PNG, JPEG, GIF, BMP, WBMP, TIFF).
 * Every way a file can fail becomes an {@link UnreadableImageException} with a reason for a person.
 * A picture is measured before it is decoded: one of more than {@value #MAX_FILE_PIXELS} pixels
 * is refused (a few bytes of PNG can claim gigapixels), and one of more than
 * {@value #MAX_READ_PIXELS} is read with every n-th pixel only, which is more than a QR code needs.
 */
public final class ImageFiles {

    /** Larger pictures are refused: 250 megapixels (a 20 000 × 12 500 scan). */
    public static final long MAX_FILE_PIXELS = 250_000_000L;
    /** Larger pictures are subsampled while being read: 24 megapixels (a 6 000 × 4 000 photo). */
    public static final long MAX_READ_PIXELS = 24_000_000L;

    private static final String FORMATS = "PNG, JPEG, GIF, BMP or TIFF";

    private ImageFiles() {
    }

    /** The first picture in {@code file}. */
    public static BufferedImage read(Path file) throws UnreadableImageException {
        if (Files.isDirectory(file)) {
            throw new UnreadableImageException(file, "is a folder, not an image");
        }
        if (!Files.exists(file)) {
            throw new UnreadableImageException(file, "no such file");
        }
        if (!Files.isReadable(file)) {
            throw new UnreadableImageException(file, "permission denied");
        }
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            if (in == null) {
                throw new UnreadableImageException(file, "cannot be opened as an image");
            }
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new UnreadableImageException(file, in.length() == 0 ? "empty file" : "not an image (" + FORMATS + ")");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                return read(file, reader);
            } finally {
                reader.dispose();
            }
        } catch (IOException e) {
            throw new UnreadableImageException(file, "cannot be read (" + e.getClass().getSimpleName() + ")", e);
        }
    }

    private static BufferedImage read(Path file, ImageReader reader) throws UnreadableImageException {
        String format = formatName(reader);
        try {
            long width = reader.getWidth(0);
            long height = reader.getHeight(0);
            long pixels = width * height;
            if (width < 1 || height < 1) {
                throw new UnreadableImageException(file, "damaged " + format + " image (it claims " + width + "×" + height + " pixels)");
            }
            if (pixels > MAX_FILE_PIXELS) {
                throw new UnreadableImageException(file, "image too large (" + width + "×" + height + " pixels; at most "
                        + MAX_FILE_PIXELS / 1_000_000 + " megapixels)");
            }
            ImageReadParam param = reader.getDefaultReadParam();
            int step = (int) Math.ceil(Math.sqrt((double) pixels / MAX_READ_PIXELS));
            if (step > 1) {
                param.setSourceSubsampling(step, step, 0, 0);
            }
            BufferedImage image = reader.read(0, param);
            if (image == null) {
                throw new UnreadableImageException(file, "damaged " + format + " image");
            }
            return image;
        } catch (IOException e) {
            throw new UnreadableImageException(file, "damaged or unsupported " + format + " image"
                    + (e.getMessage() == null ? "" : " (" + oneLine(e.getMessage()) + ")"), e);
        } catch (IndexOutOfBoundsException | IllegalArgumentException | IllegalStateException | NegativeArraySizeException
                 | UnsupportedOperationException | ClassCastException e) {
            // the JDK's decoders throw these on some damaged files instead of an IIOException
            throw new UnreadableImageException(file, "damaged " + format + " image", e);
        }
    }

    private static String formatName(ImageReader reader) {
        try {
            String name = reader.getFormatName();
            return name == null ? "" : name.toUpperCase(Locale.ROOT);
        } catch (IOException e) {
            return "";
        }
    }

    private static String oneLine(String message) {
        String line = message.replaceAll("\\s+", " ").strip();
        return line.length() <= 120 ? line : line.substring(0, 117) + "...";
    }
}
