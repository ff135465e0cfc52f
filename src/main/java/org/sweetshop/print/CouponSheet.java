package org.sweetshop.print;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.function.IntConsumer;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.color.PDDeviceGray;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sweetshop.common.InvalidInputException;
import org.sweetshop.coupon.CouponTokens;
import org.sweetshop.coupon.IssuedCoupon;
import org.sweetshop.scan.QrCodes;

/**
 * Issued coupons as a printable A4 sheet: 3 × 8 labels of 70 × 36 mm (the common 24-up label
 * sheet; on plain paper the faint borders are the cutting lines). Each label holds the coupon's
 * QR code (the full token), its value ("10% off"), its expiry ("valid until 2027-02-23" or
 * "no expiry"), the short code the till and the receipts show ("code …ABCD", the token's
 * {@linkplain IssuedCoupon#hint() hint}) and, when given, the store's name.
 *
 * <p>The QR code is a one-bit image with a whole number of pixels per module, at least 300 dpi at
 * its printed size (30 mm, about 0.9 mm a module), so no viewer or printer has to smooth it; about
 * 1 kB a label. Text
 * is DejaVu Sans Mono, embedded as {@link TextPdf} does. No database, no JavaFX.
 */
public final class CouponSheet {

    private static final Logger log = LoggerFactory.getLogger(CouponSheet.class);

    /** Pixels of each coupon's QR code in {@link #writePngs}. */
    public static final int PNG_PIXELS = 300;

    static final int COLUMNS = 3;
    static final int ROWS = 8;
    public static final int LABELS_PER_PAGE = COLUMNS * ROWS;

    private static final float MM = 72f / 25.4f;
    static final PDRectangle PAGE = PDRectangle.A4;
    static final float LABEL_WIDTH = 70 * MM;
    static final float LABEL_HEIGHT = 36 * MM;
    /** The grid is centred on the page: 0 mm at the sides, 4.5 mm at the top and bottom. */
    static final float LEFT = (PAGE.getWidth() - COLUMNS * LABEL_WIDTH) / 2;
    static final float TOP = PAGE.getHeight() - (PAGE.getHeight() - ROWS * LABEL_HEIGHT) / 2;

    private static final float QR_SIZE = 30 * MM;
    /** Pixels of the code's image: at least 300 dpi at its printed size. */
    private static final int QR_PIXELS = (int) Math.ceil(QR_SIZE / 72f * 300);
    private static final float TEXT_LEFT = 33 * MM;
    private static final float TEXT_WIDTH = 34 * MM;
    /** Advance of one glyph of the monospaced font, in em. */
    private static final float ADVANCE = 0.602f;

    private CouponSheet() {
    }

    /** The sheet's PDF in memory; {@code progress} hears the number of labels drawn so far after each one. */
    public static byte[] toBytes(List<IssuedCoupon> coupons, String storeName, IntConsumer progress) {
        requireCoupons(coupons);
        IntConsumer onLabel = progress == null ? n -> { } : progress;
        String store = ReceiptText.clean(storeName);
        try (PDDocument document = new PDDocument()) {
            PDType0Font font = PDType0Font.load(document, new ByteArrayInputStream(TextPdf.Font.BYTES), true);
            TextPdf.Printable printable = new TextPdf.Printable(font);
            String storeLine = printable.of(store);
            PDPageContentStream content = null;
            try {
                for (int i = 0; i < coupons.size(); i++) {
                    int slot = i % LABELS_PER_PAGE;
                    if (slot == 0) {
                        if (content != null) {
                            content.close();
                        }
                        PDPage page = new PDPage(PAGE);
                        document.addPage(page);
                        content = new PDPageContentStream(document, page);
                    }
                    float x = LEFT + (slot % COLUMNS) * LABEL_WIDTH;
                    float y = TOP - (slot / COLUMNS + 1) * LABEL_HEIGHT;
                    drawLabel(document, content, font, coupons.get(i), storeLine, x, y);
                    onLabel.accept(i + 1);
                }
            } finally {
                if (content != null) {
                    content.close();
                }
            }
            document.getDocumentInformation().setProducer("Sweetshop POS");
            document.getDocumentInformation().setTitle(store.isEmpty() ? "Coupons" : "Coupons, " + store);
            ByteArrayOutputStream out = new ByteArrayOutputStream(coupons.size() * 2048);
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            // in memory, with a font shipped in the jar: a defect, not a user's problem
            throw new UncheckedIOException("could not make the coupon sheet", e);
        }
    }

    /**
     * Saves the sheet to {@code file}, replacing a file of that name, as {@link TextPdf#write}
     * does: a temporary file beside it, flushed, then moved into place, so a failure leaves the old
     * file or none, never half a sheet.
     *
     * @throws PdfSaveException the folder is missing or cannot be written, or the name is a folder
     */
    public static void write(List<IssuedCoupon> coupons, String storeName, Path file, IntConsumer progress) throws PdfSaveException {
        requireCoupons(coupons);
        Path target = TextPdf.checkTarget(file);
        byte[] pdf = toBytes(coupons, storeName, progress);
        TextPdf.save(pdf, target);
        log.info("coupon sheet of {} labels saved to {}", coupons.size(), target);
    }

    /**
     * Checks, before anything is issued, that a sheet can be saved as {@code file}: the name is a
     * file name, its folder exists, and a file can really be created there (a hidden empty file is
     * made and removed). Returns the absolute path the sheet will have.
     *
     * @throws PdfSaveException it could not be saved there
     */
    public static Path requireWritable(Path file) throws PdfSaveException {
        Path target = TextPdf.checkTarget(file);
        TextPdf.probeWritable(target);
        return target;
    }

    /**
     * Writes each coupon's QR code as {@code <token>.png} ({@value #PNG_PIXELS} pixels square) into
     * {@code folder}, which must exist; {@code progress} hears the number written so far.
     */
    public static void writePngs(List<IssuedCoupon> coupons, Path folder, IntConsumer progress) throws IOException {
        requireCoupons(coupons);
        Objects.requireNonNull(folder, "folder");
        IntConsumer onFile = progress == null ? n -> { } : progress;
        for (int i = 0; i < coupons.size(); i++) {
            String token = coupons.get(i).token();
            QrCodes.writePng(token, PNG_PIXELS, folder.resolve(token + ".png"));
            onFile.accept(i + 1);
        }
    }

    /** {@link #writePngs(List, Path, IntConsumer)} without progress. */
    public static void writePngs(List<IssuedCoupon> coupons, Path folder) throws IOException {
        writePngs(coupons, folder, null);
    }

    /** The label's expiry line: "valid until 2027-02-23" or "no expiry". */
    public static String expiryText(IssuedCoupon coupon) {
        return coupon.expiresOn() == null ? "no expiry" : "valid until " + coupon.expiresOn();
    }

    /** The label's short code, as the till and the receipts show a coupon: "code …ABCD". */
    public static String codeText(IssuedCoupon coupon) {
        return "code …" + coupon.hint();
    }

    private static void requireCoupons(List<IssuedCoupon> coupons) {
        if (coupons == null || coupons.isEmpty()) {
            throw new InvalidInputException("coupons", "there are no coupons to print");
        }
        for (IssuedCoupon coupon : coupons) {
            // the token also names a PNG file: only a real token's shape may get that far
            if (coupon == null || coupon.token() == null || !CouponTokens.SHAPE.matcher(coupon.token()).matches()) {
                throw new InvalidInputException("coupons", "not an issued coupon: " + coupon);
            }
        }
    }

    private static void drawLabel(PDDocument document, PDPageContentStream content, PDType0Font font, IssuedCoupon coupon,
                                  String store, float x, float y) throws IOException {
        // the cutting line, faint enough not to show much on a pre-cut label sheet
        content.setStrokingColor(0.85f);
        content.setLineWidth(0.3f);
        content.addRect(x, y, LABEL_WIDTH, LABEL_HEIGHT);
        content.stroke();

        BufferedImage qr = QrCodes.renderSharp(coupon.token(), QR_PIXELS);
        content.drawImage(oneBitImage(document, qr), x + 2 * MM, y + (LABEL_HEIGHT - QR_SIZE) / 2, QR_SIZE, QR_SIZE);

        float left = x + TEXT_LEFT;
        float top = y + LABEL_HEIGHT;
        content.setNonStrokingColor(0f);
        if (!store.isEmpty()) {
            text(content, font, ReceiptText.fit(store, (int) (TEXT_WIDTH / (ADVANCE * 8f))), 8f, left, top - 8 * MM);
        }
        text(content, font, coupon.discount().describe(), 16f, left, top - 17 * MM);
        text(content, font, expiryText(coupon), 8f, left, top - 24 * MM);
        text(content, font, codeText(coupon), 11f, left, top - 31 * MM);
    }

    /**
     * A one-bit image as a Flate-compressed DeviceGray XObject, from its packed raster as it is
     * (rows of whole bytes, most significant bit first, 0 black and 1 white: what a PDF's 1-bit
     * DeviceGray image is too). PDFBox's {@code LosslessFactory} sees a {@code TYPE_BYTE_BINARY}
     * image as indexed colour and tries every PNG predictor on it as RGB: about 7 ms a code against
     * well under 1 ms here, for the same lossless pixels.
     */
    static PDImageXObject oneBitImage(PDDocument document, BufferedImage image) throws IOException {
        if (image.getType() != BufferedImage.TYPE_BYTE_BINARY || image.getColorModel().getPixelSize() != 1) {
            return LosslessFactory.createFromImage(document, image);
        }
        byte[] packed = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
        ByteArrayOutputStream compressed = new ByteArrayOutputStream(packed.length / 8 + 64);
        Deflater deflater = new Deflater(Deflater.BEST_SPEED);
        try (DeflaterOutputStream out = new DeflaterOutputStream(compressed, deflater)) {
            out.write(packed, 0, (image.getWidth() + 7) / 8 * image.getHeight());
        } finally {
            deflater.end();
        }
        return new PDImageXObject(document, new ByteArrayInputStream(compressed.toByteArray()), COSName.FLATE_DECODE,
                image.getWidth(), image.getHeight(), 1, PDDeviceGray.INSTANCE);
    }

    /** One line at up to {@code size} points, smaller when needed to stay inside the label's text column. */
    private static void text(PDPageContentStream content, PDType0Font font, String line, float size, float x, float baseline)
            throws IOException {
        int columns = line.codePointCount(0, line.length());
        float fitted = Math.min(size, TEXT_WIDTH / (Math.max(1, columns) * ADVANCE));
        content.beginText();
        content.setFont(font, fitted);
        content.newLineAtOffset(x, baseline);
        content.showText(line);
        content.endText();
    }

    /** How many pages a sheet of {@code count} coupons takes. */
    public static int pages(int count) {
        return (count + LABELS_PER_PAGE - 1) / LABELS_PER_PAGE;
    }
}
