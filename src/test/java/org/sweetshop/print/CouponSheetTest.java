package org.sweetshop.print;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sweetshop.common.Discount;
import org.sweetshop.common.InvalidInputException;
import org.sweetshop.coupon.IssuedCoupon;
import org.sweetshop.scan.QrDecoder;
import org.sweetshop.testing.DatabaseTest;

class CouponSheetTest extends DatabaseTest {

    @TempDir
    Path dir;

    @Test
    void aBatchOf24IssuedCouponsPrintsAsOnePageWhoseCodesDecodeToExactlyTheIssuedTokens() throws IOException, PdfSaveException {
        LocalDate expiry = LocalDate.now().plusMonths(3);
        List<IssuedCoupon> issued = app.coupons().issue(manager, 24, Discount.percent(new BigDecimal("10")), expiry);
        Path file = dir.resolve("coupons.pdf");
        List<Integer> progress = new ArrayList<>();

        CouponSheet.write(issued, "Sweetshop on the Corner", file, progress::add);

        assertThat(progress).hasSize(24).first().isEqualTo(1);
        assertThat(progress).last().isEqualTo(24);
        List<String> tokens = issued.stream().map(IssuedCoupon::token).toList();
        try (PDDocument document = Loader.loadPDF(file.toFile())) {
            assertThat(document.getNumberOfPages()).isEqualTo(1);
            BufferedImage page = new PDFRenderer(document).renderImageWithDPI(0, SheetCodes.DPI, ImageType.GRAY);
            // read by the layout, label by label, with the app's own decoder ...
            assertThat(SheetCodes.labels(page)).containsExactlyElementsOf(tokens);
            // ... and by ZXing's multi-code reader over the whole page, which knows nothing of the layout
            assertThat(SheetCodes.wholePage(page)).containsExactlyInAnyOrderElementsOf(tokens);
        }
    }

    @Test
    void everyLabelShowsItsValueExpiryShortCodeAndTheStore() throws IOException {
        LocalDate expiry = LocalDate.of(2099, 2, 23);
        List<IssuedCoupon> coupons = new ArrayList<>(app.coupons().issue(manager, 2, Discount.percent(new BigDecimal("12.5")), expiry));
        coupons.addAll(app.coupons().issue(manager, 1, Discount.amount(new BigDecimal("1.00")), null));

        String text = textOf(CouponSheet.toBytes(coupons, "Łódź Sweets", null));

        assertThat(count(text, "Łódź Sweets")).isEqualTo(3);
        assertThat(count(text, "12.5% off")).isEqualTo(2);
        assertThat(count(text, "valid until 2099-02-23")).isEqualTo(2);
        assertThat(count(text, "1.00 off")).isEqualTo(1);
        assertThat(count(text, "no expiry")).isEqualTo(1);
        for (IssuedCoupon coupon : coupons) {
            assertThat(text).contains("code …" + coupon.hint());
            assertThat(coupon.token()).endsWith(coupon.hint());
            // the token itself is only in the QR code, never as text
            assertThat(text).doesNotContain(coupon.token());
        }
    }

    @Test
    void withoutAStoreNameTheLabelsHaveNoStoreLine() throws IOException {
        List<IssuedCoupon> coupons = app.coupons().issue(manager, 1, Discount.amount(new BigDecimal("2.50")), null);

        assertThat(lines(textOf(CouponSheet.toBytes(coupons, null, null))))
                .containsExactly("2.50 off", "no expiry", "code …" + coupons.get(0).hint());
    }

    @Test
    void aSheetOfNoCouponsIsRefusedAndNoFileIsWritten() {
        Path file = dir.resolve("none.pdf");

        assertThatThrownBy(() -> CouponSheet.write(List.of(), "Shop", file, null))
                .isInstanceOf(InvalidInputException.class).hasMessage("there are no coupons to print");
        assertThatThrownBy(() -> CouponSheet.toBytes(null, "Shop", null)).isInstanceOf(InvalidInputException.class);
        assertThat(file).doesNotExist();
    }

    @Test
    void aThousandCouponsMake42PagesAndEveryLabelIsDrawnOnce() throws IOException, PdfSaveException {
        List<IssuedCoupon> issued = app.coupons().issue(manager, 1000, Discount.amount(new BigDecimal("1.00")), null);
        Path file = dir.resolve("thousand.pdf");
        AtomicInteger last = new AtomicInteger();

        CouponSheet.write(issued, "Shop", file, last::set);

        assertThat(last.get()).isEqualTo(1000);
        try (PDDocument document = Loader.loadPDF(file.toFile())) {
            assertThat(document.getNumberOfPages()).isEqualTo(42).isEqualTo(CouponSheet.pages(1000));
            assertThat(count(new PDFTextStripper().getText(document), "1.00 off")).isEqualTo(1000);
            // the last page holds the last 16 (1000 = 41 × 24 + 16), and its codes are the last 16 tokens
            BufferedImage page = new PDFRenderer(document).renderImageWithDPI(41, SheetCodes.DPI, ImageType.GRAY);
            assertThat(SheetCodes.labels(page)).containsExactlyElementsOf(issued.subList(984, 1000).stream().map(IssuedCoupon::token).toList());
        }
    }

    @Test
    void aSheetThatCannotBeSavedLeavesNothingBehind() throws IOException, PdfSaveException {
        List<IssuedCoupon> coupons = app.coupons().issue(manager, 1, Discount.amount(BigDecimal.ONE), null);
        Path missing = dir.resolve("no-such-folder").resolve("coupons.pdf");
        Files.createDirectory(dir.resolve("a-folder"));

        assertThatThrownBy(() -> CouponSheet.write(coupons, null, missing, null))
                .isInstanceOf(PdfSaveException.class).hasMessageContaining("does not exist");
        assertThatThrownBy(() -> CouponSheet.requireWritable(missing)).isInstanceOf(PdfSaveException.class);
        assertThatThrownBy(() -> CouponSheet.requireWritable(dir.resolve("a-folder")))
                .isInstanceOf(PdfSaveException.class).hasMessageContaining("is a folder");
        assertThat(CouponSheet.requireWritable(dir.resolve("fine.pdf"))).isEqualTo(dir.resolve("fine.pdf").toAbsolutePath());
        try (Stream<Path> left = Files.list(dir)) {
            assertThat(left).containsExactly(dir.resolve("a-folder"));
        }
    }

    @Test
    void thePngsAreOnePerCouponNamedByTokenAndDecodeBack() throws Exception {
        List<IssuedCoupon> coupons = app.coupons().issue(manager, 3, Discount.amount(BigDecimal.ONE), null);
        List<Integer> progress = new ArrayList<>();

        CouponSheet.writePngs(coupons, dir, progress::add);

        assertThat(progress).containsExactly(1, 2, 3);
        QrDecoder decoder = new QrDecoder();
        for (IssuedCoupon coupon : coupons) {
            assertThat(decoder.decode(dir.resolve(coupon.token() + ".png"))).contains(coupon.token());
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).hasSize(3);
        }
    }

    @Test
    void aTokenOfTheWrongShapeIsNeverUsedAsAFileName() {
        var fake = new IssuedCoupon("../../etc/passwd", "sswd", Discount.amount(BigDecimal.ONE), null);

        assertThatThrownBy(() -> CouponSheet.writePngs(List.of(fake), dir)).isInstanceOf(InvalidInputException.class);
        assertThat(dir).isEmptyDirectory();
    }

    private static String textOf(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

    private static List<String> lines(String text) {
        return Arrays.stream(text.split("\\R")).map(String::strip).filter(l -> !l.isEmpty()).toList();
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + part.length())) {
            n++;
        }
        return n;
    }
}
