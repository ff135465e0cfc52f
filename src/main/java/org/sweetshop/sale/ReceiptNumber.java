package org.sweetshop.sale;

import java.util.regex.Pattern;
import org.sweetshop.common.Texts;

/** A receipt number such as {@code T1-000001}: the till's name and its sequence number there. */
public record ReceiptNumber(String till, long seq) {

    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,15}-\\d{6,12}");

    /** Parses a typed receipt number; refuses anything not shaped like {@code T1-000001}. */
    public static ReceiptNumber parse(String text) {
        String number = Texts.requireCode("receipt", text, SHAPE, "a receipt number such as T1-000001");
        int dash = number.lastIndexOf('-');
        return new ReceiptNumber(number.substring(0, dash), Long.parseLong(number.substring(dash + 1)));
    }

    @Override
    public String toString() {
        return Sale.receiptNumber(till, seq);
    }
}
