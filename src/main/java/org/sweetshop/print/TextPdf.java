package org.sweetshop.print;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lines of monospaced text (a {@link ReceiptText receipt}) as a PDF the shape of a till roll:
 * 80 mm wide and as tall as the text, so it looks like the printed receipt, prints as it is on a
 * receipt printer and sits centred on an A4 sheet in any viewer. Text longer than the tallest page
 * a PDF reader is sure to open (200 inches) continues on a next page.
 *
 * <p>The font is DejaVu Sans Mono, shipped inside the application (a resource beside this class,
 * with its licence), never looked up on the machine: the PDF is the same on every till. Only the
 * glyphs used are embedded, so a receipt is a few kilobytes. It covers Latin-1, Latin Extended,
 * Greek, Cyrillic and symbols such as € £ — …; a character it lacks (an emoji) is written as
 * {@code ?}, never an error, and a control character as a space.
 */
public final class TextPdf {

    private static final Logger log = LoggerFactory.getLogger(TextPdf.class);

    private static final String FONT_RESOURCE = "DejaVuSansMono.ttf";
    private static final float MM = 72f / 25.4f;
    static final float PAGE_WIDTH = 80 * MM;
    static final float FONT_SIZE = 8f;
    private static final float LEADING = FONT_SIZE * 1.2f;
    private static final float MARGIN_Y = 5 * MM;
    /** 200 inches: the largest page size PDF readers are required to handle. */
    private static final float MAX_PAGE_HEIGHT = 14_400f;
    static final int MAX_ROWS_PER_PAGE = (int) ((MAX_PAGE_HEIGHT - 2 * MARGIN_Y) / LEADING);

    private TextPdf() {
    }

    /** The PDF of {@code lines}, one text line each; nothing is cut or wrapped. */
    public static byte[] toBytes(List<String> lines) {
        Objects.requireNonNull(lines, "lines");
        try (PDDocument document = new PDDocument()) {
            PDType0Font font = PDType0Font.load(document, new ByteArrayInputStream(Font.BYTES), true);
            Printable printable = new Printable(font);
            int longest = 1;
            List<String> safe = new ArrayList<>(lines.size());
            for (String line : lines) {
                String text = printable.of(line);
                safe.add(text);
                longest = Math.max(longest, text.codePointCount(0, text.length()));
            }
            // the advance of a monospaced glyph; a line wider than the roll gets a wider page
            float advance = font.getStringWidth("0") / 1000f * FONT_SIZE;
            float textWidth = Math.max(ReceiptText.WIDTH, longest) * advance;
            float width = Math.max(PAGE_WIDTH, textWidth + 2 * 4 * MM);
            float x = (width - textWidth) / 2;
            int start = 0;
            do {
                int end = Math.min(safe.size(), start + MAX_ROWS_PER_PAGE);
                List<String> rows = safe.subList(start, end);
                float height = Math.max(1, rows.size()) * LEADING + 2 * MARGIN_Y;
                PDPage page = new PDPage(new PDRectangle(width, height));
                document.addPage(page);
                try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                    content.beginText();
                    content.setFont(font, FONT_SIZE);
                    content.setLeading(LEADING);
                    content.newLineAtOffset(x, height - MARGIN_Y - FONT_SIZE);
                    for (String row : rows) {
                        if (!row.isEmpty()) {
                            content.showText(row);
                        }
                        content.newLine();
                    }
                    content.endText();
                }
                start = end;
            } while (start < safe.size());
            document.getDocumentInformation().setProducer("Sweetshop POS");
            ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            // everything happens in memory with a font shipped in the jar: this is a defect, not a user's problem
            throw new UncheckedIOException("could not make a PDF", e);
        }
    }

    /**
     * Saves the PDF of {@code lines} to {@code file}, replacing a file of that name. It is written
     * to a hidden temporary file in the same folder, flushed to disk and then moved into place, so
     * a failure (disk full, USB stick pulled) leaves either the old file or none, never half a PDF.
     *
     * @throws PdfSaveException the folder is missing or cannot be written, or the name is a folder
     */
    public static void write(List<String> lines, Path file) throws PdfSaveException {
        Objects.requireNonNull(lines, "lines");
        Path target = checkTarget(file);
        save(toBytes(lines), target);
    }

    /**
     * Where a PDF named {@code file} would go, as an absolute path, after checking what can be
     * checked without writing it: the name is a file name, not a folder, and its folder exists.
     *
     * @throws PdfSaveException it cannot go there
     */
    static Path checkTarget(Path file) throws PdfSaveException {
        Objects.requireNonNull(file, "file");
        Path target = file.toAbsolutePath().normalize();
        Path folder = target.getParent();
        if (folder == null || target.getFileName() == null) {
            throw new PdfSaveException(target, "that is not a file name", null);
        }
        if (Files.isDirectory(target)) {
            throw new PdfSaveException(target, target + " is a folder", null);
        }
        if (!Files.isDirectory(folder)) {
            throw new PdfSaveException(target, Files.exists(folder) ? folder + " is not a folder" : "the folder " + folder + " does not exist", null);
        }
        return target;
    }

    /**
     * Proves that a file can be created in the folder of {@code target} by creating and removing
     * an empty hidden temporary file there (a permission check alone does not see a read-only mount).
     */
    static void probeWritable(Path target) throws PdfSaveException {
        save(null, target);
    }

    /**
     * Writes {@code pdf} to a hidden temporary file beside {@code target}, flushes it to disk and
     * moves it into place; with {@code pdf == null} only creates and removes the temporary file.
     */
    static void save(byte[] pdf, Path target) throws PdfSaveException {
        Path folder = target.getParent();
        Path temp = folder.resolve(".sweetshop-" + UUID.randomUUID() + ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                if (pdf == null) {
                    return;
                }
                ByteBuffer buffer = ByteBuffer.wrap(pdf);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            log.info("saved {} ({} bytes)", target, pdf.length);
        } catch (AccessDeniedException e) {
            throw new PdfSaveException(target, "no permission to write in " + folder, e);
        } catch (NoSuchFileException e) {
            throw new PdfSaveException(target, "the folder " + folder + " does not exist", e);
        } catch (FileSystemException e) {
            throw new PdfSaveException(target, e.getReason() == null ? "could not write in " + folder : lowerFirst(e.getReason()), e);
        } catch (IOException e) {
            throw new PdfSaveException(target, "could not write in " + folder + (e.getMessage() == null ? "" : ": " + e.getMessage()), e);
        } finally {
            deleteQuietly(temp);
        }
    }

    private static void deleteQuietly(Path temp) {
        try {
            Files.deleteIfExists(temp);
        } catch (IOException e) {
            log.warn("could not remove the temporary file {}", temp, e);
        }
    }

    private static String lowerFirst(String text) {
        return text.isEmpty() ? text : Character.toLowerCase(text.charAt(0)) + text.substring(1);
    }

    /** Replaces what the font cannot show; remembers each answer for the document. */
    static final class Printable {
        private final PDType0Font font;
        private final Map<Integer, Boolean> known = new HashMap<>();

        Printable(PDType0Font font) {
            this.font = font;
        }

        String of(String line) {
            if (line == null) {
                return "";
            }
            StringBuilder sb = new StringBuilder(line.length());
            line.codePoints().forEach(cp -> {
                if (Character.isISOControl(cp)) {
                    sb.append(' ');
                } else if (known.computeIfAbsent(cp, this::canShow)) {
                    sb.appendCodePoint(cp);
                } else {
                    sb.append('?');
                }
            });
            return sb.toString().stripTrailing();
        }

        private boolean canShow(int codePoint) {
            try {
                font.encode(new String(Character.toChars(codePoint)));
                return true;
            } catch (IOException | IllegalArgumentException e) {
                return false;
            }
        }
    }

    /** The font's bytes, read once from the jar. */
    static final class Font {
        static final byte[] BYTES = read();

        private static byte[] read() {
            try (InputStream in = TextPdf.class.getResourceAsStream(FONT_RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("the font " + FONT_RESOURCE + " is missing from the application");
                }
                return in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException("could not read the font " + FONT_RESOURCE, e);
            }
        }
    }
}
