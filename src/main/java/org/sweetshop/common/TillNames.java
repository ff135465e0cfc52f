package org.sweetshop.common;

import java.util.regex.Pattern;

/** A till's name, as used in receipt numbers ({@code T1-000001}) and recorded on stock movements. */
public final class TillNames {

    public static final Pattern TILL = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,15}");

    private TillNames() {
    }

    public static String require(String till) {
        return Texts.requireCode("till", till, TILL, "1 to 16 letters, digits, dashes or underscores");
    }

    /** A till name where one is optional (a change made from the back office or a script); null stays null. */
    public static String optional(String till) {
        return till == null ? null : require(till);
    }
}
