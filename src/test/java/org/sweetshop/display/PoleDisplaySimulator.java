package org.sweetshop.display;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.sweetshop.testing.Poll;

/**
 * A 2×20 pole display on the simulator's end of a {@link org.sweetshop.testing.PtyPair}: it reads
 * the bytes the till sends, takes them apart as a CD5220 or an ESC/POS display would, and keeps the
 * two lines it would show. Any byte neither command set of {@link PoleCommands} sends (or a line
 * longer than 20 columns) is recorded as an error, which {@link #lines()} then fails on. Tests wait
 * until the lines are what they expect ({@link #awaitLines}), never on time.
 */
public final class PoleDisplaySimulator implements AutoCloseable {

    private final InputStream in;
    private final Thread thread;
    private final char[][] screen = {blank(), blank()};
    private final List<String> errors = new ArrayList<>();
    private int initialised;
    private int row;
    private int column;
    private byte[] buffer = new byte[0];

    public PoleDisplaySimulator(Path simEnd) throws IOException {
        this.in = new FileInputStream(simEnd.toFile());
        this.thread = new Thread(this::read, "pole-display-simulator");
        thread.setDaemon(true);
        thread.start();
    }

    private static char[] blank() {
        char[] line = new char[PoleText.COLUMNS];
        Arrays.fill(line, ' ');
        return line;
    }

    private void read() {
        byte[] chunk = new byte[256];
        try (in) {
            int n;
            while ((n = in.read(chunk)) > 0) {
                synchronized (this) {
                    byte[] joined = Arrays.copyOf(buffer, buffer.length + n);
                    System.arraycopy(chunk, 0, joined, buffer.length, n);
                    buffer = decode(joined);
                    notifyAll();
                }
            }
        } catch (IOException e) {
            // the cable was pulled
        }
    }

    /** Takes whole commands off the front of {@code bytes}; returns what is left (a command not complete yet). */
    private byte[] decode(byte[] bytes) {
        int i = 0;
        while (i < bytes.length) {
            int b = bytes[i] & 0xFF;
            int used;
            if (b == PoleCommands.ESC) {
                used = escape(bytes, i);
            } else if (b == PoleCommands.US) {
                used = unit(bytes, i);
            } else if (b == PoleCommands.FF) {
                screen[0] = blank();
                screen[1] = blank();
                row = 0;
                column = 0;
                used = 1;
            } else if (b >= 0x20 && b <= 0x7E) {
                if (column >= PoleText.COLUMNS) {
                    errors.add("a character past column 20 of row " + (row + 1));
                } else {
                    screen[row][column++] = (char) b;
                }
                used = 1;
            } else {
                errors.add(String.format("an unknown byte %02X", b));
                used = 1;
            }
            if (used == 0) {
                break;   // wait for the rest of the command
            }
            i += used;
        }
        return Arrays.copyOfRange(bytes, i, bytes.length);
    }

    private int escape(byte[] bytes, int at) {
        if (at + 1 >= bytes.length) {
            return 0;
        }
        int command = bytes[at + 1] & 0xFF;
        if (command == '@') {
            initialised++;
            screen[0] = blank();
            screen[1] = blank();
            row = 0;
            column = 0;
            return 2;
        }
        if (command != 'Q') {
            errors.add(String.format("an unknown command ESC %02X", command));
            return 2;
        }
        if (at + 2 >= bytes.length) {
            return 0;
        }
        int which = bytes[at + 2] & 0xFF;
        int end = at + 3;
        while (end < bytes.length && bytes[end] != PoleCommands.CR) {
            end++;
        }
        if (end == bytes.length) {
            return 0;
        }
        String text = new String(bytes, at + 3, end - at - 3, java.nio.charset.StandardCharsets.US_ASCII);
        if (which != 'A' && which != 'B') {
            errors.add("ESC Q " + (char) which + ": only A (upper) and B (lower) are lines");
        } else if (text.length() > PoleText.COLUMNS || !text.chars().allMatch(c -> c >= 0x20 && c <= 0x7E)) {
            errors.add("ESC Q " + (char) which + " with " + text.length() + " characters: '" + text + "'");
        } else {
            // string mode: the line is replaced whole, padded with spaces
            char[] line = blank();
            text.getChars(0, text.length(), line, 0);
            screen[which == 'A' ? 0 : 1] = line;
        }
        return end - at + 1;
    }

    private int unit(byte[] bytes, int at) {
        if (at + 1 >= bytes.length) {
            return 0;
        }
        if ((bytes[at + 1] & 0xFF) != '$') {
            errors.add(String.format("an unknown command US %02X", bytes[at + 1] & 0xFF));
            return 2;
        }
        if (at + 3 >= bytes.length) {
            return 0;
        }
        int x = bytes[at + 2] & 0xFF;
        int y = bytes[at + 3] & 0xFF;
        if (x < 1 || x > PoleText.COLUMNS || y < 1 || y > 2) {
            errors.add("US $ " + x + " " + y + ": outside the 20 x 2 display");
        } else {
            column = x - 1;
            row = y - 1;
        }
        return 4;
    }

    /** The two lines shown now, exactly 20 characters each. */
    public synchronized List<String> lines() {
        if (!errors.isEmpty()) {
            throw new AssertionError("the display was sent what it does not take: " + errors);
        }
        return List.of(new String(screen[0]), new String(screen[1]));
    }

    /** How many times the display was initialised ({@code ESC @}). */
    public synchronized int initialised() {
        return initialised;
    }

    /** Waits (at most 10 s) until the display shows these two lines (each fitted to 20 columns). */
    public void awaitLines(String upper, String lower) {
        List<String> expected = List.of(pad(upper), pad(lower));
        Poll.until(java.time.Duration.ofSeconds(10), () -> lines().equals(expected),
                () -> "the pole display shows " + lines() + ", not " + expected);
    }

    private static String pad(String line) {
        return line + " ".repeat(Math.max(0, PoleText.COLUMNS - line.length()));
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
