package org.sweetshop.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sweetshop.scan.CodeFormat;
import org.sweetshop.scan.ProductBarcodes;
import org.sweetshop.scan.QrCodes;
import org.sweetshop.testing.CliRunner;

/** {@code sweetshop scan}: outputs and exit codes. It needs no database, and these tests start none. */
class ScanCommandTest {

    private static final String TOKEN = "SWC-7K3M9QXR2D5T8VWZ0B4N6P1HJACEFGXY";
    private static final String VCARD = "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Lemon Drop\r\nNOTE:Crème brûlée\r\nEND:VCARD";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    private final CliRunner cli = new CliRunner().withoutDatabase();
    private String coupon;
    private String card;
    private String blank;

    @BeforeEach
    void images() throws IOException {
        coupon = png("coupon.png", QrCodes.render(TOKEN, 300));
        card = png("card.png", QrCodes.render(VCARD, 300));
        blank = png("blank.png", new BufferedImage(200, 200, BufferedImage.TYPE_BYTE_GRAY));
    }

    @Test
    void aCodePrintsTheFileAndItsTextAndExitsZero() {
        var result = cli.run("scan", coupon);

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).isEqualTo(coupon + ": " + TOKEN + "\n");
        assertThat(result.err()).isEmpty();
    }

    @Test
    void anImageWithoutACodeSaysSoAndExitsThree() {
        var result = cli.run("scan", coupon, blank);

        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.out()).isEqualTo(coupon + ": " + TOKEN + "\n" + blank + ": no QR code or barcode found\n");
        assertThat(result.err()).isEmpty();
    }

    @Test
    void jsonPrintsOneObjectALineWithTheExactTextOrNull() throws IOException {
        var result = cli.run("scan", "--json", coupon, card, blank);

        assertThat(result.exitCode()).isEqualTo(3);
        List<String> lines = result.out().lines().toList();
        assertThat(lines).hasSize(3);
        assertThat(JSON.readTree(lines.get(0)).get("file").asText()).isEqualTo(coupon);
        assertThat(JSON.readTree(lines.get(0)).get("text").asText()).isEqualTo(TOKEN);
        assertThat(JSON.readTree(lines.get(0)).get("format").asText()).isEqualTo("QR_CODE");
        assertThat(JSON.readTree(lines.get(1)).get("text").asText()).isEqualTo(VCARD);
        JsonNode none = JSON.readTree(lines.get(2));
        assertThat(none.get("file").asText()).isEqualTo(blank);
        assertThat(none.get("text").isNull()).isTrue();
        assertThat(none.get("format").isNull()).isTrue();
        assertThat(lines.get(2)).isEqualTo("{\"file\":" + JSON.writeValueAsString(blank) + ",\"text\":null,\"format\":null}");
        assertThat(result.err()).isEmpty();
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"EAN_13, 4006381333931, EAN-13", "UPC_A, 036000291452, UPC-A", "EAN_8, 96385074, EAN-8", "UPC_E, 01234565, UPC-E"})
    void aProductBarcodePrintsItsPrintedDigitsAndFormat(CodeFormat format, String digits, String label) throws IOException {
        String pack = png("pack.png", ProductBarcodes.render(format, digits, 300, 120));

        var human = cli.run("scan", pack);
        var json = cli.run("scan", "--json", pack);

        assertThat(human.exitCode()).isZero();
        assertThat(human.out()).isEqualTo(pack + ": " + digits + " (" + label + ")\n");
        assertThat(json.exitCode()).isZero();
        assertThat(json.out()).isEqualTo("{\"file\":" + JSON.writeValueAsString(pack) + ",\"text\":\"" + digits + "\",\"format\":\""
                + format.name() + "\"}\n");
        assertThat(json.err()).isEmpty();
    }

    @Test
    void aCouponAndAPackInOneRunAreEachReadWithTheirFormat() throws IOException {
        String pack = png("pack.png", ProductBarcodes.render(CodeFormat.EAN_13, "5901234123457", 300, 120));

        var result = cli.run("scan", "--json", coupon, pack);

        assertThat(result.exitCode()).isZero();
        List<String> lines = result.out().lines().toList();
        assertThat(JSON.readTree(lines.get(0)).get("format").asText()).isEqualTo("QR_CODE");
        assertThat(JSON.readTree(lines.get(1)).get("text").asText()).isEqualTo("5901234123457");
        assertThat(JSON.readTree(lines.get(1)).get("format").asText()).isEqualTo("EAN_13");
    }

    @Test
    void everyImageReadExitsZeroWithJson() {
        var result = cli.run("scan", "--json", coupon, card);

        assertThat(result.exitCode()).isZero();
        assertThat(result.out().lines()).hasSize(2);
    }

    @Test
    void aTextOfSeveralLinesStartsUnderTheFileNameIndented() {
        var result = cli.run("scan", card);

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).isEqualTo(card + ":\n  BEGIN:VCARD\n  VERSION:3.0\n  FN:Lemon Drop\n  NOTE:Crème brûlée\n  END:VCARD\n");
    }

    @Test
    void controlCharactersInATextAreShownEscapedNotSentToTheTerminal() throws IOException {
        String sneaky = png("sneaky.png", QrCodes.render("SWC-\u001b[2J\u202eKCATTA", 300));

        var result = cli.run("scan", sneaky);

        assertThat(result.out()).isEqualTo(sneaky + ": SWC-\\u001b[2J\\u202eKCATTA\n");
    }

    @Test
    void aFileThatCannotBeReadCountsAsNotDecodedWithOneLineOnStderr() throws IOException {
        String missing = tmp.resolve("missing.png").toString();
        String text = Files.writeString(tmp.resolve("notes.png"), "not a picture").toString();

        var human = cli.run("scan", missing, text, coupon);
        var json = cli.run("scan", "--json", missing, coupon);

        assertThat(human.exitCode()).isEqualTo(3);
        assertThat(human.out()).isEqualTo(coupon + ": " + TOKEN + "\n");
        assertThat(human.err()).isEqualTo(missing + ": no such file\n" + text + ": not an image (PNG, JPEG, GIF, BMP or TIFF)\n");
        assertThat(json.exitCode()).isEqualTo(3);
        assertThat(json.out().lines().toList()).hasSize(2);
        assertThat(JSON.readTree(json.out().lines().findFirst().orElseThrow()).get("text").isNull()).isTrue();
        assertThat(json.err()).isEqualTo(missing + ": no such file\n");
    }

    @Test
    void aLightCodeOnADarkPhotoIsReadThroughTheFallbacks() throws IOException {
        BufferedImage code = QrCodes.render(TOKEN, 300);
        BufferedImage inverted = new BufferedImage(300, 300, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 300; y++) {
            for (int x = 0; x < 300; x++) {
                inverted.setRGB(x, y, ~code.getRGB(x, y) & 0xFFFFFF);
            }
        }
        String dark = png("dark.png", inverted);

        var result = cli.run("scan", dark);

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).isEqualTo(dark + ": " + TOKEN + "\n");
    }

    @Test
    void aTenKilobyteFileNameGetsAShortMessage() {
        var result = cli.run("scan", "x".repeat(10_000) + ".png");

        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.err()).endsWith("...\n").hasSizeLessThanOrEqualTo(201);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "scan --bogus a.png         | Unknown option: '--bogus'",
            "bench scan --frames 0      | frames must be between 1 and 1000000",
            "bench scan --stills -1     | stills must be between 0 and 10000",
            "bench scan --warmup x      | Invalid value for option '--warmup'"})
    void badOptionsAreUsageErrors(String args, String message) {
        var result = cli.run(args.split(" "));

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains(message);
        assertThat(result.out()).isEmpty();
    }

    @Test
    void withoutAnImageItIsAUsageError() {
        var result = cli.run("scan");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).startsWith("Missing required parameter: 'IMAGE'");
    }

    @Test
    void benchScanTimesFramesWithACouponAPackOrNothingAndReadsEveryCode() {
        var result = cli.run("bench", "scan", "--frames", "8", "--stills", "2", "--warmup", "0");

        assertThat(result.exitCode()).as(result.err()).isZero();
        List<List<String>> rows = result.out().lines()
                .filter(l -> l.startsWith("camera frame") || l.startsWith("still image"))
                .map(l -> List.of(l.substring(0, 24).strip(), l.substring(24).strip().split("\\s+")[0], l.substring(24).strip().split("\\s+")[1]))
                .toList();
        assertThat(rows).containsExactly(
                List.of("camera frame, QR code", "8", "8"),
                List.of("camera frame, EAN-13", "8", "8"),
                List.of("camera frame, no code", "8", "0"),
                List.of("still image, QR code", "2", "2"),
                List.of("still image, EAN-13", "2", "2"),
                List.of("still image, no code", "2", "0"));
    }

    private String png(String name, BufferedImage image) throws IOException {
        Path file = tmp.resolve(name);
        ImageIO.write(image, "png", file.toFile());
        return file.toString();
    }
}
