package org.sweetshop.cli;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.sweetshop.scan.CodeDecoder;
import org.sweetshop.scan.ScannedCode;
import org.sweetshop.scan.UnreadableImageException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code sweetshop scan [--json] IMAGE...}: the till's still-image decoder on the command line.
 * A pure image command: it never opens the database.
 */
@Command(name = "scan", description = {"Reads the QR code or product barcode (EAN-13, EAN-8, UPC-A, UPC-E) in each image",
        "(PNG, JPEG, GIF, BMP or TIFF) and prints FILE: TEXT for a QR code, FILE: DIGITS (EAN-13)",
        "for a barcode, or FILE: no QR code or barcode found; with --json one object a line,",
        "{\"file\": ..., \"text\": ..., \"format\": ...}, format QR_CODE, EAN_13, EAN_8, UPC_A or UPC_E,",
        "text and format null where no code was found. A barcode's text is the digits printed under it",
        "(a UPC-A its 12), its check digit valid. A file that cannot be read also gets a line on stderr.",
        "Exit 0 when every image held a code, 3 when any did not or could not be read."})
final class ScanCommand extends JsonCommand {

    @Parameters(paramLabel = "IMAGE", arity = "1..*", description = "image files")
    List<String> images;

    /** What one file gave: its code, or none; {@code readable} false when the file was not a picture at all. */
    private record Outcome(Optional<ScannedCode> code, boolean readable) {
    }

    @Override
    public Integer call() {
        CodeDecoder decoder = new CodeDecoder();
        boolean allRead = true;
        for (String image : images) {
            Outcome outcome = scan(decoder, image);
            allRead &= outcome.code().isPresent();
            if (json) {
                Map<String, Object> line = new LinkedHashMap<>();
                line.put("file", image);
                line.put("text", outcome.code().map(ScannedCode::text).orElse(null));
                line.put("format", outcome.code().map(c -> c.format().name()).orElse(null));
                out().println(Json.write(line));
            } else if (outcome.code().isPresent()) {
                ScannedCode code = outcome.code().get();
                out().println(code.format().isProductBarcode()
                        ? visible(image) + ": " + code.text() + " (" + code.format().label() + ")"
                        : human(image, code.text()));
            } else if (outcome.readable()) {
                out().println(visible(image) + ": no QR code or barcode found");
            }
        }
        return allRead ? Cli.OK : Cli.REFUSED;
    }

    /** Decodes one file; a file that cannot be read gets its one line on stderr. */
    private Outcome scan(CodeDecoder decoder, String image) {
        try {
            return new Outcome(decoder.decode(Path.of(image)), true);
        } catch (InvalidPathException e) {
            cli().err.println(Cli.oneLine(visible(image) + ": not a valid file name"));
        } catch (UnreadableImageException e) {
            cli().err.println(Cli.oneLine(visible(image) + ": " + e.reason()));
        }
        return new Outcome(Optional.empty(), false);
    }

    /**
     * {@code FILE: TEXT} on one line; a text of several lines starts under the name, each of its
     * lines indented by two spaces. Control characters are shown escaped, never sent to the terminal.
     */
    static String human(String file, String text) {
        String[] lines = text.split("\r\n|\r|\n", -1);
        if (lines.length == 1) {
            return visible(file) + ": " + visible(text);
        }
        StringBuilder out = new StringBuilder(visible(file)).append(':');
        for (String line : lines) {
            out.append(System.lineSeparator()).append("  ").append(visible(line));
        }
        return out.toString();
    }

    /** Control characters (but tabs) as \\uXXXX: a QR code must not be able to drive the terminal. */
    static String visible(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            if (c != '\t' && (Character.getType(c) == Character.CONTROL || isBidiControl(c))) {
                out.append(String.format("\\u%04x", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }

    /** Bidirectional overrides and isolates, which can make a text read differently from what it holds. */
    private static boolean isBidiControl(int c) {
        return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
    }
}
