package org.sweetshop.printer;

import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;

/**
 * What a receipt printer would make of the bytes it got: the commands in order. Style settings
 * (bold, size, justification, underline, line spacing, font) are not commands of their own here:
 * they are the style a text line is printed in. Bytes of any other command fail the test, so a
 * command the printer code did not mean to send is seen.
 */
public final class EscPosDecoder {

    private static final int ESC = 0x1B;
    private static final int GS = 0x1D;
    private static final int LF = 0x0A;

    /** One thing the printer does. */
    public sealed interface Command permits Initialise, CodePage, Line, Qr, Cut, Pulse {
    }

    /** {@code ESC @}: back to the power-on settings. */
    public record Initialise() implements Command {
    }

    /** {@code ESC t n}: the character code table. */
    public record CodePage(int table) implements Command {
    }

    /**
     * A line of text ended by {@code LF}, decoded in the code page set, with the style it is printed in.
     *
     * @param width        character width multiplier (1 normal)
     * @param height       character height multiplier (1 normal)
     * @param justification 0 left, 1 centre, 2 right
     */
    public record Line(String text, boolean bold, int width, int height, int justification) implements Command {

        /** A plain line: normal size, left-aligned, not bold. */
        public static Line plain(String text) {
            return new Line(text, false, 1, 1, 0);
        }
    }

    /** {@code GS ( k}: a QR code stored ({@code fn 80}) then printed ({@code fn 81}), with its module size and error level. */
    public record Qr(String data, int moduleSize, char errorLevel, int justification) implements Command {
    }

    /** {@code GS V m}: 0/48 full cut, 1/49 partial cut. */
    public record Cut(int mode) implements Command {
    }

    /** {@code ESC p m t1 t2}: the drawer kick pulse on pin 2 (m 0 or 48) or pin 5 (1 or 49), on/off in 2 ms units. */
    public record Pulse(int pin, int onMillis, int offMillis) implements Command {
    }

    private final byte[] bytes;
    private int at;
    private Charset charset = Charset.forName("cp437");
    private boolean bold;
    private int width = 1;
    private int height = 1;
    private int justification;
    private String qrData;
    private int qrSize = 3;
    private char qrLevel = 'L';
    private final StringBuilder text = new StringBuilder();
    private final List<Command> commands = new ArrayList<>();

    private EscPosDecoder(byte[] bytes) {
        this.bytes = bytes;
    }

    /** The commands in {@code bytes}; fails on an unknown command or text not ended by LF. */
    public static List<Command> decode(byte[] bytes) {
        EscPosDecoder decoder = new EscPosDecoder(bytes);
        decoder.run();
        return List.copyOf(decoder.commands);
    }

    /** Only the text lines' texts, in order. */
    public static List<String> lines(List<Command> commands) {
        return commands.stream().filter(Line.class::isInstance).map(c -> ((Line) c).text()).toList();
    }

    private void run() {
        while (at < bytes.length) {
            int b = next();
            if (b == ESC) {
                esc();
            } else if (b == GS) {
                gs();
            } else if (b == LF) {
                commands.add(new Line(text.toString(), bold, width, height, justification));
                text.setLength(0);
            } else if (b < 0x20) {
                throw fail("control byte 0x" + Integer.toHexString(b));
            } else {
                text.append(new String(new byte[] {(byte) b}, charset));
            }
        }
        if (!text.isEmpty()) {
            throw new AssertionError("text not ended by LF at the end: '" + text + "'");
        }
    }

    private void esc() {
        int c = next();
        switch (c) {
            case '@' -> {
                commands.add(new Initialise());
                charset = Charset.forName("cp437");
                bold = false;
                width = 1;
                height = 1;
                justification = 0;
            }
            case 't' -> {
                int table = next();
                commands.add(new CodePage(table));
                charset = switch (table) {
                    case 0 -> Charset.forName("cp437");
                    case 2 -> Charset.forName("cp850");
                    case 19 -> Charset.forName("cp858");
                    default -> throw fail("code table " + table);
                };
            }
            case 'E' -> bold = (next() & 1) == 1;
            case 'a' -> justification = next() % 48 % 3;
            case 'M', '-' -> next(); // font, underline: not asserted
            case '2' -> { } // default line spacing
            case '3' -> next(); // line spacing
            case 'p' -> {
                int m = next();
                commands.add(new Pulse(m == 0 || m == 48 ? 2 : 5, next() * 2, next() * 2));
            }
            default -> throw fail("ESC " + printable(c));
        }
    }

    private void gs() {
        int c = next();
        switch (c) {
            case '!' -> {
                int size = next();
                width = (size >> 4) + 1;
                height = (size & 0x0F) + 1;
            }
            case 'B' -> next(); // reverse colours: not asserted
            case 'V' -> {
                int mode = next();
                if (mode == 65 || mode == 66) {
                    next(); // feed before the cut
                }
                commands.add(new Cut(mode));
            }
            case '(' -> {
                if (next() != 'k') {
                    throw fail("GS ( other than k");
                }
                int length = next() + 256 * next();
                int end = at + length;
                int cn = next();
                int fn = next();
                if (cn != 49) {
                    throw fail("GS ( k for symbol " + cn);
                }
                switch (fn) {
                    case 65 -> at = end; // model
                    case 67 -> qrSize = next();
                    case 69 -> qrLevel = "LMQH".charAt(next() - 48);
                    case 80 -> {
                        next(); // m = 48
                        qrData = new String(bytes, at, end - at, charset);
                    }
                    case 81 -> {
                        if (qrData == null) {
                            throw fail("QR printed before its data was stored");
                        }
                        commands.add(new Qr(qrData, qrSize, qrLevel, justification));
                        qrData = null;
                    }
                    default -> throw fail("GS ( k fn " + fn);
                }
                at = end;
            }
            default -> throw fail("GS " + printable(c));
        }
    }

    private int next() {
        if (at >= bytes.length) {
            throw new AssertionError("the bytes end inside a command at " + at);
        }
        return bytes[at++] & 0xFF;
    }

    private AssertionError fail(String what) {
        return new AssertionError("unexpected " + what + " at byte " + (at - 1) + " of " + bytes.length);
    }

    private static String printable(int c) {
        return c >= 0x20 && c < 0x7F ? "'" + (char) c + "' (" + c + ")" : "0x" + Integer.toHexString(c);
    }
}
