package org.sweetshop.catalog;

import java.util.List;
import java.util.function.Supplier;
import org.sweetshop.common.InvalidInputException;
import org.sweetshop.common.Texts;

/**
 * One row's values being checked: each check that refuses adds an {@link ImportError} for its
 * column and gives null, so one pass reports every bad value of the row. Public for the delivery
 * import in {@code stock}.
 */
public final class ImportValues {

    private final CsvTable.Row row;
    private final List<String> header;
    private final List<ImportError> errors;
    private boolean failed;

    public ImportValues(CsvTable.Row row, List<String> header, List<ImportError> errors) {
        this.row = row;
        this.header = header;
        this.errors = errors;
        if (row.values().size() != header.size()) {
            fail("row", "the row has " + row.values().size() + " values, the header " + header.size()
                    + " (" + String.join(",", header) + ")");
        }
    }

    /** False when any check of this row refused (or its number of values is wrong). */
    public boolean ok() {
        return !failed;
    }

    public int number() {
        return row.number();
    }

    /** The raw value under {@code column}, or null when the row is too short to have one. */
    public String raw(String column) {
        int i = header.indexOf(column);
        return i < row.values().size() ? row.values().get(i) : null;
    }

    /** Runs {@code check}; an {@link InvalidInputException} becomes this column's error. Null when the row is malformed. */
    public <T> T check(String column, Supplier<T> check) {
        if (row.values().size() != header.size()) {
            return null;
        }
        try {
            return check.get();
        } catch (InvalidInputException e) {
            fail(column, e.getMessage());
            return null;
        }
    }

    public void fail(String column, String reason) {
        failed = true;
        errors.add(new ImportError(row.number(), column, reason));
    }

    /** A whole number from {@code min} to {@code max}; blank is {@code blank} (or missing when that is null). */
    public static int wholeNumber(String field, String text, Integer blank, int min, int max) {
        if (text == null || text.isBlank()) {
            if (blank != null) {
                return blank;
            }
            throw new InvalidInputException(field, field + " is missing");
        }
        String trimmed = text.strip();
        if (!trimmed.matches("-?\\d{1,12}")) {
            throw new InvalidInputException(field, field + " must be a whole number, not '" + Texts.shorten(trimmed) + "'");
        }
        return Texts.requireRange(field, Long.parseLong(trimmed), min, max);
    }
}
