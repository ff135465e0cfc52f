package org.sweetshop.scale;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sweetshop.common.ScaleRefusedException;

/**
 * One line of a continuous-output scale, taken apart (see {@link StreamScale}). Pure, so it is
 * tested without a port.
 */
final class StreamLines {

    /** ST stable, US unstable (motion), OL overload, QT counting mode. */
    enum Status {
        STABLE, MOTION, OVERLOAD, COUNTING
    }

    /** GS gross, NT net, TR the tare weight itself; NONE for the three-field form {@code ST,+0.250kg}. */
    enum Kind {
        GROSS, NET, TARE, NONE
    }

    /** A recognised line; {@code number} and {@code unit} are null on an overload line. */
    record Line(Status status, Kind kind, boolean negative, String number, String unit) {

        /**
         * The grams this line may be sold at: stable, above zero, in kg or g.
         *
         * @throws ScaleRefusedException saying why not
         */
        int grams() {
            switch (status) {
                case OVERLOAD -> throw ScaleRefusals.overload();
                case MOTION -> throw ScaleRefusals.motion();
                case COUNTING -> throw ScaleRefusals.units("pieces (counting mode)");
                case STABLE -> {
                }
            }
            int grams = switch (unit) {
                case "kg" -> Grams.fromKg(number);
                case "g" -> Grams.fromG(number);
                case "lb" -> throw ScaleRefusals.units("pounds");
                case "oz" -> throw ScaleRefusals.units("ounces");
                default -> throw ScaleRefusals.units(unit);
            };
            if (negative && grams != 0) {
                throw ScaleRefusals.negative();
            }
            if (grams == 0) {
                throw ScaleRefusals.zero();
            }
            return grams;
        }

        boolean isZero() {
            return number != null && number.chars().allMatch(c -> c == '0' || c == '.');
        }
    }

    private static final Pattern LINE = Pattern.compile("(ST|US|OL|QT)\\s*,\\s*(?:(GS|NT|TR)\\s*,\\s*)?(.*)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern EDGES = Pattern.compile("^[\\p{Cntrl}\\s]+|[\\p{Cntrl}\\s]+$");
    private static final Pattern VALUE = Pattern.compile("([+-])?\\s*(\\d+(?:\\.\\d+)?|\\.\\d+)\\s*(kg|g|lb|oz|pcs|pc|%)",
            Pattern.CASE_INSENSITIVE);

    private StreamLines() {
    }

    /** The line's reading, or empty for what is not a reading line (noise, a half line, a banner). */
    static Optional<Line> parse(String text) {
        // some scales frame each line with STX ... ETX as well as CR LF
        Matcher m = LINE.matcher(EDGES.matcher(text).replaceAll(""));
        if (!m.matches()) {
            return Optional.empty();
        }
        Status status = switch (m.group(1).toUpperCase(Locale.ROOT)) {
            case "ST" -> Status.STABLE;
            case "US" -> Status.MOTION;
            case "OL" -> Status.OVERLOAD;
            default -> Status.COUNTING;
        };
        Kind kind = m.group(2) == null ? Kind.NONE : switch (m.group(2).toUpperCase(Locale.ROOT)) {
            case "GS" -> Kind.GROSS;
            case "NT" -> Kind.NET;
            default -> Kind.TARE;
        };
        if (status == Status.OVERLOAD) {
            // the value of an overload line is the scale's own placeholder (+OL, 9999999 E): not read
            return Optional.of(new Line(status, kind, false, null, null));
        }
        Matcher v = VALUE.matcher(m.group(3).strip());
        if (!v.matches()) {
            return Optional.empty();
        }
        return Optional.of(new Line(status, kind, "-".equals(v.group(1)), v.group(2), v.group(3).toLowerCase(Locale.ROOT)));
    }
}
