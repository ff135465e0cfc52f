package org.sweetshop.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageFilesTest {

    @TempDir
    Path tmp;

    private final QrDecoder decoder = new QrDecoder();

    @Test
    void aPngOfACodeIsReadAndDecoded() throws Exception {
        Path png = tmp.resolve("coupon.png");
        QrCodes.writePng(DistortedCodesTest.TOKEN, 300, png);

        assertThat(decoder.decode(png)).contains(DistortedCodesTest.TOKEN);
    }

    @Test
    void aJpegOfACodeIsReadAndDecoded() throws Exception {
        Path jpeg = tmp.resolve("photo.jpg");
        BufferedImage rgb = new BufferedImage(300, 300, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = rgb.createGraphics();
        g.drawImage(QrCodes.render(DistortedCodesTest.URL, 300), 0, 0, null);
        g.dispose();
        ImageIO.write(rgb, "jpeg", jpeg.toFile());

        assertThat(decoder.decode(jpeg)).contains(DistortedCodesTest.URL);
    }

    @Test
    void aMissingFileIsUnreadableWithItsReason() {
        assertUnreadable(tmp.resolve("nowhere.png"), "no such file");
    }

    @Test
    void aFolderIsUnreadable() {
        assertUnreadable(tmp, "is a folder, not an image");
    }

    @Test
    void anEmptyFileIsUnreadable() throws IOException {
        Path empty = Files.createFile(tmp.resolve("empty.png"));

        assertUnreadable(empty, "empty file");
    }

    @Test
    void aTextFileIsNotAnImage() throws IOException {
        Path text = Files.writeString(tmp.resolve("notes.png"), "SWC-not-a-picture\n");

        assertUnreadable(text, "not an image (PNG, JPEG, GIF, BMP or TIFF)");
    }

    @Test
    void aTruncatedPngIsDamaged() throws IOException {
        Path whole = tmp.resolve("whole.png");
        QrCodes.writePng(DistortedCodesTest.LONG, 600, whole);
        byte[] bytes = Files.readAllBytes(whole);
        Path cut = Files.write(tmp.resolve("cut.png"), Arrays.copyOf(bytes, bytes.length / 2));

        assertThatThrownBy(() -> ImageFiles.read(cut))
                .isInstanceOf(UnreadableImageException.class)
                .hasMessageStartingWith("damaged or unsupported PNG image");
    }

    @Test
    void aPngClaimingTenGigapixelsIsRefusedBeforeAnythingIsDecoded() throws IOException {
        Path bomb = Files.write(tmp.resolve("bomb.png"), pngHeaderOnly(100_000, 100_000));

        assertUnreadable(bomb, "image too large (100000×100000 pixels; at most 250 megapixels)");
    }

    @Test
    void aPhotoOverTheReadLimitIsSubsampledAndItsCodeStillDecodes() throws Exception {
        // 6000 × 4500 = 27 megapixels: read with every second pixel of every second row
        BufferedImage photo = new BufferedImage(6000, 4500, BufferedImage.TYPE_BYTE_BINARY);
        Graphics2D g = photo.createGraphics();
        g.setColor(java.awt.Color.WHITE);
        g.fillRect(0, 0, 6000, 4500);
        g.drawImage(QrCodes.render(DistortedCodesTest.TOKEN, 1200), 2400, 1600, null);
        g.dispose();
        Path file = tmp.resolve("big.png");
        ImageIO.write(photo, "png", file.toFile());

        BufferedImage read = ImageFiles.read(file);

        assertThat(read.getWidth()).isEqualTo(3000);
        assertThat(read.getHeight()).isEqualTo(2250);
        assertThat(decoder.decode(read)).contains(DistortedCodesTest.TOKEN);
    }

    private static void assertUnreadable(Path file, String reason) {
        assertThatThrownBy(() -> ImageFiles.read(file))
                .isInstanceOfSatisfying(UnreadableImageException.class, e -> {
                    assertThat(e.reason()).isEqualTo(reason);
                    assertThat(e.file()).isEqualTo(file);
                });
    }

    /** A PNG signature and header announcing {@code width}×{@code height} grey pixels, then an empty image. */
    private static byte[] pngHeaderOnly(int width, int height) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
        ByteArrayOutputStream header = new ByteArrayOutputStream();
        DataOutputStream h = new DataOutputStream(header);
        h.writeInt(width);
        h.writeInt(height);
        h.write(new byte[] {8, 0, 0, 0, 0}); // 8-bit grey, deflate, no filter, no interlace
        chunk(out, "IHDR", header.toByteArray());
        chunk(out, "IEND", new byte[0]);
        return bytes.toByteArray();
    }

    private static void chunk(DataOutputStream out, String type, byte[] data) throws IOException {
        byte[] name = type.getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(name);
        crc.update(data);
        out.writeInt(data.length);
        out.write(name);
        out.write(data);
        out.writeInt((int) crc.getValue());
    }
}
