package org.sweetshop.display;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The two command sets of 2×20 pole displays this till speaks, as bytes. The texts given are
 * already {@link PoleText} lines: 20 columns of printable ASCII.
 *
 * <p>Followed: the LCDproc project's serialPOS driver ({@code server/drivers/serialPOS_cd5220.c}
 * and {@code serialPOS_epson.c}, which name the CD5220 user's manual of Partner Tech and Epson's
 * ESC/POS display commands as theirs).
 * <ul>
 * <li>{@link #CD5220} (Partner Tech CD5220 and the many VFDs that copy it): {@code ESC @} (1B 40)
 *     initialises, {@code FF} (0C) clears, {@code ESC Q A} (1B 51 41) + up to 20 characters +
 *     {@code CR} (0D) writes the upper line, {@code ESC Q B} (1B 51 42) the lower one ("string
 *     mode": the line is replaced whole, the cursor does not move).</li>
 * <li>{@link #ESC_POS} (Epson DM-D and displays in "ESC/POS" or "Epson" mode): {@code ESC @}
 *     initialises, {@code FF} clears, {@code US $ x y} (1F 24 x y, both 1-based) puts the cursor on
 *     column x of row y, then the 20 characters overwrite that row. ESC/POS has no command that
 *     replaces one line, so each line is written from its first column, padded to 20.</li>
 * </ul>
 * Not used: brightness ({@code ESC *} / {@code US X}), the cursor's blink, scrolling, the clock and
 * the user-defined characters.
 */
public enum PoleCommands {

    CD5220 {
        @Override
        byte[] lines(String upper, String lower) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(2 * (3 + PoleText.COLUMNS + 1));
            write(out, ESC, 'Q', 'A');
            text(out, upper);
            write(out, CR);
            write(out, ESC, 'Q', 'B');
            text(out, lower);
            write(out, CR);
            return out.toByteArray();
        }
    },

    ESC_POS {
        @Override
        byte[] lines(String upper, String lower) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(2 * (4 + PoleText.COLUMNS));
            write(out, US, '$', 1, 1);
            text(out, upper);
            write(out, US, '$', 1, 2);
            text(out, lower);
            return out.toByteArray();
        }
    };

    static final int ESC = 0x1B;
    static final int US = 0x1F;
    static final int FF = 0x0C;
    static final int CR = 0x0D;

    /** {@code ESC @} then {@code FF}: the display as at power-on, empty. Sent each time the port is opened. */
    byte[] initialise() {
        return new byte[] {ESC, '@', FF};
    }

    /** Both lines, each exactly as given (20 columns). */
    abstract byte[] lines(String upper, String lower);

    private static void write(ByteArrayOutputStream out, int... bytes) {
        for (int b : bytes) {
            out.write(b);
        }
    }

    private static void text(ByteArrayOutputStream out, String line) {
        if (line.length() != PoleText.COLUMNS || !line.chars().allMatch(c -> c >= 0x20 && c <= 0x7E)) {
            throw new IllegalArgumentException("a pole display line is 20 printable ASCII characters: '" + line + "'");
        }
        out.writeBytes(line.getBytes(StandardCharsets.US_ASCII));
    }
}
