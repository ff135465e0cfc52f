package org.sweetshop.catalog;

/**
 * What is wrong with one value of an import file: the row as a spreadsheet numbers it (the header
 * is row 1), the column's header name ({@code row} for the row as a whole) and why, for a person.
 */
public record ImportError(int row, String column, String reason) {

    @Override
    public String toString() {
        return "row " + row + ", " + column + ": " + reason;
    }
}
