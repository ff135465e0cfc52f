package org.sweetshop.print;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.NotFoundException;
import com.google.zxing.Result;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.multi.qrcode.QRCodeMultiReader;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.sweetshop.scan.QrDecoder;

/** Reads a coupon sheet back the way a person would: pages printed (rendered at 200 dpi), then scanned. */
public final class SheetCodes {

    public static final int DPI = 200;

    private SheetCodes() {
    }

    /** Every code on every page of the sheet, label by label, page by page. */
    public static List<String> read(Path pdf) throws IOException {
        List<String> found = new ArrayList<>();
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            PDFRenderer renderer = new PDFRenderer(document);
            for (int i = 0; i < document.getNumberOfPages(); i++) {
                found.addAll(labels(renderer.renderImageWithDPI(i, DPI, ImageType.GRAY)));
            }
        }
        return found;
    }

    /** Each label cell of a page rendered at {@link #DPI}, cut out and read with the app's decoder; empty cells add nothing. */
    public static List<String> labels(BufferedImage page) {
        float scale = DPI / 72f;
        QrDecoder decoder = new QrDecoder();
        List<String> found = new ArrayList<>();
        for (int slot = 0; slot < CouponSheet.LABELS_PER_PAGE; slot++) {
            int x = Math.round((CouponSheet.LEFT + (slot % CouponSheet.COLUMNS) * CouponSheet.LABEL_WIDTH) * scale);
            int top = Math.round((CouponSheet.PAGE.getHeight() - CouponSheet.TOP + (slot / CouponSheet.COLUMNS) * CouponSheet.LABEL_HEIGHT) * scale);
            int w = Math.min(Math.round(CouponSheet.LABEL_WIDTH * scale), page.getWidth() - x);
            int h = Math.min(Math.round(CouponSheet.LABEL_HEIGHT * scale), page.getHeight() - top);
            decoder.decode(page.getSubimage(x, top, w, h)).ifPresent(found::add);
        }
        return found;
    }

    /** Every code ZXing's multi-code reader finds on the whole page, knowing nothing of the layout. */
    public static List<String> wholePage(BufferedImage page) {
        try {
            Result[] results = new QRCodeMultiReader().decodeMultiple(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(page))),
                    Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE));
            return Arrays.stream(results).map(Result::getText).toList();
        } catch (NotFoundException e) {
            return List.of();
        }
    }
}
