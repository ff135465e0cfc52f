package org.sweetshop.ui.till;

import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.sweetshop.staff.StaffService;

/**
 * The digits of a PIN being typed, shown only as dots: at most {@link StaffService#MAX_PIN}, digits
 * only. Taken once ({@link #take}), then gone: a PIN is never kept after it was sent.
 */
final class PinEntry {

    private final StringBuilder digits = new StringBuilder();
    private final ReadOnlyStringWrapper dots = new ReadOnlyStringWrapper("");

    void digit(char digit) {
        if (digit >= '0' && digit <= '9' && digits.length() < StaffService.MAX_PIN) {
            digits.append(digit);
            show();
        }
    }

    void back() {
        if (digits.length() > 0) {
            digits.setLength(digits.length() - 1);
            show();
        }
    }

    void clear() {
        digits.setLength(0);
        show();
    }

    boolean isEmpty() {
        return digits.length() == 0;
    }

    /** The digits typed, and the entry cleared. */
    String take() {
        String typed = digits.toString();
        clear();
        return typed;
    }

    /** One dot a digit. */
    ReadOnlyStringProperty dotsProperty() {
        return dots.getReadOnlyProperty();
    }

    private void show() {
        dots.set("●".repeat(digits.length()));
    }
}
