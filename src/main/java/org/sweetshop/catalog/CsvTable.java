package org.sweetshop.catalog;

import java.io.IOException;
import java.io.PushbackReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.sweetshop.common.InvalidInputException;
import org.sweetshop.common.Texts;

/**
 * Reads a CSV file for an import (RFC 4180, Apache Commons CSV): a header line that must be
 * exactly the one expected, then rows. What is wrong with the file as a whole (too large, not
 * UTF-8, not CSV, separated by semicolons, the wrong header, no rows) is refused here with one
 * clear {@link InvalidInputException} on field {@code file}; what is wrong with a row is the
 * caller's to report, row by row.
 *
 * <p>Rows are numbered as a spreadsheet shows them: the header is row 1, the first sweet row 2
 * (blank lines count, and are skipped). A UTF-8 byte order mark before the header is dropped.
 */
public final class CsvTable {

    public static final int MAX_ROWS = 10_000;
    /** Characters read at most: 5 MB of plain text is far beyond any sweet shop's catalogue. */
    public static final long MAX_CHARS = 5L * 1024 * 1024;

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(false).get();

    /** One data row: its number as a spreadsheet shows it and its values as written. */
    public record Row(int number, List<String> values) {
    }

    private CsvTable() {
    }

    /** A file's header as written (the required columns, then any optional ones) and its rows. */
    public record Table(List<String> header, List<Row> rows) {
    }

    /** The rows under {@code header}; refuses the file as a whole as described above. */
    public static List<Row> read(Reader csv, List<String> header) {
        return read(csv, header, List.of()).rows();
    }

    /**
     * As {@link #read(Reader, List)}, where the header may go on with any of {@code optional}'s
     * columns, each at most once, in any order, after the required ones.
     */
    public static Table read(Reader csv, List<String> header, List<String> optional) {
        if (csv == null) {
            throw new InvalidInputException("file", "no file to import");
        }
        String expected = String.join(",", header);
        List<Row> rows = new ArrayList<>();
        List<String> names = header;
        try (CSVParser parser = CSVParser.parse(withoutBom(new LimitedReader(csv, MAX_CHARS)), FORMAT)) {
            boolean headerSeen = false;
            for (CSVRecord record : parser) {
                List<String> values = record.toList();
                if (values.size() == 1 && values.get(0).isBlank()) {
                    continue; // a blank line
                }
                if (!headerSeen) {
                    names = checkHeader(values, header, optional, expected);
                    headerSeen = true;
                    continue;
                }
                if (rows.size() == MAX_ROWS) {
                    throw new InvalidInputException("file", "the file has more than " + MAX_ROWS + " rows: split it into smaller files");
                }
                rows.add(new Row((int) record.getRecordNumber(), values));
            }
            if (!headerSeen) {
                throw new InvalidInputException("file", "the file is empty: its first line must be the header " + expected);
            }
        } catch (UncheckedIOException e) {
            throw unreadable(e.getCause());
        } catch (IOException e) {
            throw unreadable(e);
        }
        if (rows.isEmpty()) {
            throw new InvalidInputException("file", "the file has a header but no rows");
        }
        return new Table(names, rows);
    }

    private static List<String> checkHeader(List<String> values, List<String> header, List<String> optional, String expected) {
        List<String> names = values.stream().map(v -> v.strip().toLowerCase(Locale.ROOT)).toList();
        if (names.size() >= header.size() && names.subList(0, header.size()).equals(header)) {
            List<String> extra = names.subList(header.size(), names.size());
            if (extra.stream().allMatch(optional::contains) && extra.stream().distinct().count() == extra.size()) {
                return names;
            }
        }
        String first = String.join(",", values);
        if (values.size() == 1 && (first.contains(";") || first.contains("\t"))) {
            throw new InvalidInputException("file", "the file is separated by " + (first.contains(";") ? "semicolons" : "tabs")
                    + ": save it as CSV with commas, header " + expected);
        }
        throw new InvalidInputException("file", "the first line must be the header " + expected + ", not '" + Texts.shorten(first) + "'"
                + (optional.isEmpty() ? "" : " (it may go on with any of " + String.join(", ", optional) + ")"));
    }

    private static InvalidInputException unreadable(Throwable cause) {
        if (cause instanceof TooLarge) {
            return new InvalidInputException("file", "the file is larger than 5 MB: split it into smaller files");
        }
        if (cause instanceof CharacterCodingException) {
            return new InvalidInputException("file", "the file is not UTF-8 text: save it as \"CSV UTF-8\"");
        }
        String message = cause == null || cause.getMessage() == null ? "unreadable" : cause.getMessage();
        message = message.replaceAll("[\\r\\n\\t]+", " ");
        if (message.length() > 120) {
            message = message.substring(0, 117) + "...";
        }
        return new InvalidInputException("file", "the file is not valid CSV: " + message);
    }

    private static Reader withoutBom(Reader reader) throws IOException {
        PushbackReader pushback = new PushbackReader(reader, 1);
        int first = pushback.read();
        if (first != -1 && first != '\uFEFF') {
            pushback.unread(first);
        }
        return pushback;
    }

    private static final class TooLarge extends IOException {
        TooLarge() {
            super("too large", null);
        }
    }

    /** Fails once more than {@code max} characters have been read. */
    private static final class LimitedReader extends Reader {
        private final Reader in;
        private final long max;
        private long read;

        LimitedReader(Reader in, long max) {
            this.in = in;
            this.max = max;
        }

        @Override
        public int read(char[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n > 0) {
                read += n;
                if (read > max) {
                    throw new TooLarge();
                }
            }
            return n;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
