package org.sweetshop.catalog;

import java.util.List;

/**
 * What checking an import file found: the rows that are valid and an error per bad value. Each
 * import has its own subclass whose constructor only its {@code preview} calls, so its
 * {@code apply} gets rows that were checked.
 *
 * @param <R> a valid row, as it will be applied
 */
public abstract class ImportPreview<R> {

    private final int rows;
    private final List<R> valid;
    private final List<ImportError> errors;

    protected ImportPreview(int rows, List<R> valid, List<ImportError> errors) {
        this.rows = rows;
        this.valid = List.copyOf(valid);
        this.errors = List.copyOf(errors);
    }

    /** Rows in the file under the header. */
    public final int rows() {
        return rows;
    }

    public final List<R> valid() {
        return valid;
    }

    public final List<ImportError> errors() {
        return errors;
    }

    /** True when every row is valid: only then can it be applied. */
    public final boolean ok() {
        return errors.isEmpty();
    }

    /** How many rows have at least one error. */
    public final long badRows() {
        return errors.stream().mapToInt(ImportError::row).distinct().count();
    }
}
