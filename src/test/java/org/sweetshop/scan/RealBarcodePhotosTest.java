package org.sweetshop.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.ReaderException;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The till's decoder on real photos of product barcodes: ZXing's black-box sets ean13-1/2,
 * upca-1/2 and ean8-1, kept outside the repository in {@code ../shared/testdata/barcode-photos}
 * (each image with the digits printed on the pack in {@code N.txt}). Every image is decoded as
 * ImageIO reads it and turned by 180 degrees, by plain ZXing (MultiFormatReader, TRY_HARDER, the
 * set's one format: the baseline, run here rather than copied) and by {@link CodeDecoder#decode},
 * which looks for every format and QR codes at once. Ours must read at least as many as plain
 * ZXing, and read none wrongly: a misread is any code reported whose text or format is not the
 * expected one (a misread product barcode sells the wrong sweet). A fresh clone without that
 * folder skips this test.
 *
 * <p>The table goes to {@code target/barcode-photos-report.md} and the test log, with which pass
 * read each image and which images were not read.
 */
class RealBarcodePhotosTest {

    private static final Logger LOG = LoggerFactory.getLogger(RealBarcodePhotosTest.class);

    private static final Path PHOTOS = Path.of("../shared/testdata/barcode-photos");
    private static final int[] ROTATIONS = {0, 180};

    private static final Map<String, List<String>> REPORT = new TreeMap<>();
    private static final Map<String, List<String>> DETAILS = new TreeMap<>();

    private final CodeDecoder decoder = new CodeDecoder();

    @ParameterizedTest(name = "{0}")
    @CsvSource({"ean13-1, EAN_13", "ean13-2, EAN_13", "upca-1, UPC_A", "upca-2, UPC_A", "ean8-1, EAN_8"})
    void readsAtLeastWhatPlainZxingReadsAndNothingWrong(String set, CodeFormat format) throws IOException {
        Path folder = PHOTOS.resolve(set);
        assumeTrue(Files.isDirectory(folder), "no " + folder.toAbsolutePath().normalize()
                + ": the barcode photo sets live beside the project, in ../shared/testdata/barcode-photos");

        List<Path> images = images(folder);
        assertThat(images).as("images in %s", folder).isNotEmpty();
        int[] plain = new int[ROTATIONS.length];
        int[] ours = new int[ROTATIONS.length];
        int[] misreads = new int[ROTATIONS.length];
        Map<String, Integer> readBy = new TreeMap<>();
        List<String> notRead = new ArrayList<>();
        List<String> misread = new ArrayList<>();
        List<String> plainMisread = new ArrayList<>();
        for (Path file : images) {
            String name = file.getFileName().toString();
            String expected = Files.readString(file.resolveSibling(name.substring(0, name.lastIndexOf('.')) + ".txt"),
                    StandardCharsets.UTF_8).strip();
            BufferedImage image = ImageIO.read(file.toFile());
            for (int r = 0; r < ROTATIONS.length; r++) {
                BufferedImage turned = ROTATIONS[r] == 0 ? image : RealPhotosTest.turn(image, ROTATIONS[r] / 90);
                Optional<String> baseline = plainZxing(turned, format);
                if (baseline.filter(expected::equals).isPresent()) {
                    plain[r]++;
                } else if (baseline.isPresent()) {
                    plainMisread.add(name + "@" + ROTATIONS[r] + " as " + baseline.get());
                }
                Optional<ScannedCode> code = decoder.decode(turned);
                if (code.isEmpty()) {
                    notRead.add(name + "@" + ROTATIONS[r]);
                } else if (code.get().text().equals(expected) && code.get().format() == format) {
                    ours[r]++;
                    readBy.merge(code.get().pass(), 1, Integer::sum);
                } else {
                    misreads[r]++;
                    misread.add(name + "@" + ROTATIONS[r] + " as " + code.get().format() + " " + code.get().text()
                            + " by " + code.get().pass());
                }
            }
        }
        report(set, images.size(), plain, ours, misreads, readBy, notRead, misread, plainMisread);

        for (int r = 0; r < ROTATIONS.length; r++) {
            assertThat(ours[r]).as("%s at %d°: read by our pipeline (plain ZXing read %d)", set, ROTATIONS[r], plain[r])
                    .isGreaterThanOrEqualTo(plain[r]);
            assertThat(misreads[r]).as("%s at %d°: misread %s", set, ROTATIONS[r], misread).isZero();
        }
    }

    /** ZXing as its own black-box tests run it: MultiFormatReader, hybrid binarizer, TRY_HARDER, the one format. */
    static Optional<String> plainZxing(BufferedImage image, CodeFormat format) {
        Map<DecodeHintType, Object> hints = Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE,
                DecodeHintType.POSSIBLE_FORMATS, List.of(BarcodeFormat.valueOf(format.name())));
        try {
            return Optional.of(new MultiFormatReader().decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image))),
                    hints).getText());
        } catch (ReaderException e) {
            return Optional.empty();
        }
    }

    @AfterAll
    static void writeReport() throws IOException {
        if (REPORT.isEmpty()) {
            return;
        }
        List<String> lines = new ArrayList<>();
        lines.add("# Product barcodes from real photos");
        lines.add("");
        lines.add("`../shared/testdata/barcode-photos`: images read exactly (text and format) by plain ZXing"
                + " (TRY_HARDER, the set's one format) and by the till's pipeline (every format and QR at once).");
        lines.add("");
        lines.add("| set | rotation | images | plain | ours | misreads |");
        lines.add("|---|---|---|---|---|---|");
        REPORT.values().forEach(lines::addAll);
        lines.add("");
        DETAILS.values().forEach(lines::addAll);
        Files.createDirectories(Path.of("target"));
        Files.write(Path.of("target", "barcode-photos-report.md"), lines);
        LOG.info("real barcode photos:\n{}", String.join("\n", lines));
    }

    private static synchronized void report(String set, int images, int[] plain, int[] ours, int[] misreads,
                                            Map<String, Integer> readBy, List<String> notRead, List<String> misread,
                                            List<String> plainMisread) {
        List<String> rows = new ArrayList<>();
        for (int r = 0; r < ROTATIONS.length; r++) {
            rows.add(String.format("| %s | %d° | %d | %d | %d | %d |", set, ROTATIONS[r], images, plain[r], ours[r], misreads[r]));
        }
        REPORT.put(set, rows);
        DETAILS.put(set, List.of(
                "- " + set + ": read by pass " + readBy,
                "- " + set + ": not read: " + (notRead.isEmpty() ? "none" : String.join(", ", notRead)),
                "- " + set + ": misread: " + (misread.isEmpty() ? "none" : String.join(", ", misread)),
                "- " + set + ": misread by plain ZXing: " + (plainMisread.isEmpty() ? "none" : String.join(", ", plainMisread))));
    }

    private static List<Path> images(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(p -> p.getFileName().toString().matches("[^.]+\\.(png|jpg|jpeg|gif)")).sorted().toList();
        }
    }
}
