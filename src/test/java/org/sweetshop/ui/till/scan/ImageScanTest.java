package org.sweetshop.ui.till.scan;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sweetshop.scan.QrCodes;
import org.sweetshop.scan.CodeDecoder;
import org.sweetshop.scan.CodeFormat;
import org.sweetshop.scan.ProductBarcodes;

/** "Open image…" on generated files; no UI needed. */
class ImageScanTest {

    private static final String TOKEN = "SWC-0123456789ABCDEFGHJKMNPQRSTVWX";

    @TempDir
    Path dir;

    private final List<String> threads = new CopyOnWriteArrayList<>();
    private final Executor background = command -> {
        Thread thread = new Thread(() -> {
            threads.add(Thread.currentThread().getName());
            command.run();
        }, "test-background");
        thread.start();
    };
    private final ImageScan scan = new ImageScan(new CodeDecoder(), background);

    @Test
    void aPictureOfACodeGivesItsTextInTheBackground() throws Exception {
        Path photo = dir.resolve("coupon.png");
        QrCodes.writePng(TOKEN, 400, photo);

        ImageScan.Result result = scan.scan(photo).get(10, TimeUnit.SECONDS);

        assertThat(result.found()).isTrue();
        assertThat(result.text()).isEqualTo(TOKEN);
        assertThat(result.problem()).isNull();
        assertThat(threads).containsExactly("test-background");
    }

    @Test
    void aPictureOfAPacksBarcodeGivesTheDigitsPrintedUnderIt() throws Exception {
        Path ean = dir.resolve("pack.png");
        ImageIO.write(ProductBarcodes.render(CodeFormat.EAN_13, "4006381333931", 320, 140), "png", ean.toFile());
        Path upc = dir.resolve("can.png");
        ImageIO.write(ProductBarcodes.render(CodeFormat.UPC_A, "036000291452", 320, 140), "png", upc.toFile());

        assertThat(scan.scan(ean).get(10, TimeUnit.SECONDS).text()).isEqualTo("4006381333931");
        // a UPC-A is handed on as printed, 12 digits; the catalogue keeps it as the EAN-13 it also is
        assertThat(scan.scan(upc).get(10, TimeUnit.SECONDS).text()).isEqualTo("036000291452");
    }

    @Test
    void aPictureWithoutACodeSaysSoByName() throws Exception {
        Path photo = dir.resolve("photo.jpg");
        BufferedImage blank = new BufferedImage(320, 240, BufferedImage.TYPE_INT_RGB);
        ImageIO.write(blank, "jpg", photo.toFile());

        ImageScan.Result result = scan.scan(photo).get(30, TimeUnit.SECONDS);

        assertThat(result.found()).isFalse();
        assertThat(result.text()).isNull();
        assertThat(result.problem()).isEqualTo("No QR code or barcode found in photo.jpg");
    }

    @Test
    void aFileThatIsNotAPictureSaysWhy() throws Exception {
        Path notes = Files.writeString(dir.resolve("notes.txt"), "SWC-not a picture\n");

        ImageScan.Result result = scan.scan(notes).get(10, TimeUnit.SECONDS);

        assertThat(result.found()).isFalse();
        assertThat(result.problem()).isEqualTo("Cannot read notes.txt: not an image (PNG, JPEG, GIF, BMP or TIFF)");
    }

    @Test
    void aMissingFileAndAFolderSayWhy() {
        assertThat(scan.scanNow(dir.resolve("gone.png")).problem()).isEqualTo("Cannot read gone.png: no such file");
        Path folder = dir.resolve("pictures");
        assertThat(folder.toFile().mkdir()).isTrue();
        assertThat(scan.scanNow(folder).problem()).isEqualTo("Cannot read pictures: is a folder, not an image");
    }

    @Test
    void aDamagedPictureSaysWhy() throws Exception {
        Path photo = dir.resolve("coupon.png");
        QrCodes.writePng(TOKEN, 400, photo);
        byte[] bytes = Files.readAllBytes(photo);
        Path cut = Files.write(dir.resolve("cut.png"), Arrays.copyOf(bytes, 60));

        ImageScan.Result result = scan.scanNow(cut);

        assertThat(result.found()).isFalse();
        assertThat(result.problem()).startsWith("Cannot read cut.png: ");
    }
}
