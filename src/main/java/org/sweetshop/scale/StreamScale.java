package org.sweetshop.scale;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sweetshop.common.ScaleRefusedException;
import org.sweetshop.common.ScaleRefusedException.Reason;
import org.sweetshop.scale.StreamLines.Kind;
import org.sweetshop.scale.StreamLines.Line;
import org.sweetshop.scale.StreamLines.Status;

/**
 * A scale that sends its reading continuously as ASCII lines (A&amp;D's "stream mode" data format, and
 * the many indicators that copy it): {@code HEADER1,HEADER2,VALUE UNIT} ended by CR LF, e.g.
 * {@code ST,GS,+0000.250kg}. HEADER1 is ST (stable), US (unstable: motion), OL (overload) or QT
 * (counting); HEADER2 is GS (gross), NT (net) or TR (the tare weight); the three-field form without
 * HEADER2 ({@code ST,+00250.0  g}) is read as well, and so is a line its scale also frames with STX ... ETX.
 * Units kg and g are taken; lb, oz and pieces are refused.
 *
 * <p>A reading forgets what was sent before it was asked for and takes the first reading line that
 * comes after: a stable, positive gross or net weight is sold; US, OL, a negative or a zero weight is
 * refused at once (the cashier sees why and tries again). TR lines and lines that are not readings
 * (noise, a half line) are skipped. No reading line by the timeout: "stopped answering" when nothing
 * at all came, "cannot be read" when only noise came (wrong speed or parity); the port gone is
 * "stopped answering" at once.
 *
 * <p>Tare: the till sends {@code T CR LF} (the tare command of A&amp;D's command set, taken by most stream
 * scales; the scale's own tare key does the same). The tare counts as taken when the scale then sends
 * net lines (HEADER2 NT), or, in the three-field form that does not say net or gross, a stable zero;
 * still gross by the timeout is "did not take the tare". After a tare the NT lines are read as above:
 * the net weight is what is sold.
 */
final class StreamScale implements Scale {

    private static final Logger LOG = LoggerFactory.getLogger(StreamScale.class);

    private static final int MAX_LINE = 80;

    private final SerialLink link;
    private final long timeoutNanos;
    private final Runnable listening;
    private final ReentrantLock lock = new ReentrantLock();
    private boolean sawBytes;

    StreamScale(SerialLink link, Duration timeout, Runnable listening) {
        this.link = link;
        this.timeoutNanos = timeout.toNanos();
        this.listening = listening;
    }

    @Override
    public int readGrams() {
        lock.lock();
        try {
            long deadline = start();
            while (true) {
                Line line = nextReading(deadline);
                if (line.kind() != Kind.TARE) {
                    try {
                        return line.grams();
                    } catch (RuntimeException e) {
                        LOG.info("scale refused a reading: {} ({})", e.getMessage(), line);
                        throw e;
                    }
                }
            }
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void tare() {
        lock.lock();
        try {
            long deadline = start();
            link.write("T\r\n");
            boolean sawReading = false;
            while (true) {
                Line line;
                try {
                    line = nextReading(deadline);
                } catch (ScaleRefusedException e) {
                    if (sawReading && e.reason() == Reason.UNREADABLE) {
                        throw ScaleRefusals.tareNotTaken("it still sends gross weights: press the scale's own tare key");
                    }
                    throw e;
                }
                sawReading = true;
                if (line.status() == Status.OVERLOAD) {
                    throw ScaleRefusals.overload();
                }
                if (line.kind() == Kind.NET || line.kind() == Kind.NONE && line.status() == Status.STABLE && line.isZero()) {
                    LOG.info("scale tared ({})", line);
                    return;
                }
            }
        } finally {
            lock.unlock();
        }
    }

    private long start() {
        link.discardInput();
        sawBytes = false;
        listening.run();
        return System.nanoTime() + timeoutNanos;
    }

    /** The next reading line by the deadline. */
    private Line nextReading(long deadline) {
        while (true) {
            String text = readLine(deadline);
            if (text == null) {
                throw sawBytes ? ScaleRefusals.unreadable() : ScaleRefusals.notAnswering();
            }
            Optional<Line> line = StreamLines.parse(text);
            if (line.isPresent()) {
                return line.get();
            }
            LOG.debug("scale: skipped a line that is not a reading ({} chars)", text.length());
        }
    }

    /** The next non-empty line (without its CR/LF), or null at the deadline. */
    private String readLine(long deadline) {
        StringBuilder line = new StringBuilder();
        boolean tooLong = false;
        while (true) {
            int b = link.read(deadline);
            if (b < 0) {
                return null;
            }
            sawBytes = true;
            char c = (char) (b & 0x7F);
            if (c == '\r' || c == '\n') {
                if (!tooLong && !line.isEmpty()) {
                    return line.toString();
                }
                line.setLength(0);
                tooLong = false;
            } else if (!tooLong) {
                line.append(c);
                if (line.length() > MAX_LINE) {
                    tooLong = true;
                    line.setLength(0);
                }
            }
        }
    }

    @Override
    public void close() {
        link.close();
    }
}
