package org.sweetshop.cli;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.sweetshop.catalog.ImportError;
import org.sweetshop.catalog.ImportPreview;
import org.sweetshop.common.InvalidInputException;
import org.sweetshop.common.Texts;

/** Opening an import file, and printing an import's per-row report the same way for every import. */
final class ImportFiles {

    private ImportFiles() {
    }

    /** Reads {@code file} as UTF-8 (malformed bytes are refused by the import, not replaced) into {@code preview}. */
    static <T> T preview(String file, Function<Reader, T> preview) {
        Path path;
        try {
            path = Path.of(file);
        } catch (InvalidPathException e) {
            throw new InvalidInputException("file", "not a file name: '" + Texts.shorten(file) + "'");
        }
        if (!Files.isRegularFile(path)) {
            throw new InvalidInputException("file", "no file " + Texts.shorten(file));
        }
        try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            return preview.apply(reader);
        } catch (IOException e) {
            throw new InvalidInputException("file", "cannot read " + Texts.shorten(file) + ": " + e.getClass().getSimpleName());
        }
    }

    /**
     * Prints a refused preview: every error on stdout (or one JSON object), and returns the one-line
     * message for stderr.
     */
    static String report(CliCommand command, boolean json, ImportPreview<?> preview, String nothing) {
        int rows = preview.rows();
        List<ImportError> errors = preview.errors();
        String message = nothing + ": " + preview.badRows() + " of " + rows + " rows have errors";
        if (json) {
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("ok", false);
            result.put("exitCode", Cli.INVALID);
            result.put("error", "INVALID_INPUT");
            result.put("message", message);
            result.put("rows", rows);
            result.put("errors", errors);
            command.out().println(Json.write(result));
        } else {
            errors.forEach(e -> command.out().println(e));
        }
        return message;
    }
}
