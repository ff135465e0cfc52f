package org.sweetshop.scale;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sweetshop.common.ScaleRefusedException;
import org.sweetshop.common.ScaleRefusedException.Reason;

/**
 * A scale speaking the Mettler Toledo 8217 host protocol (the request/response protocol most
 * POS scales and scanner-scales offer, often as "8217" or "Toledo" mode).
 *
 * <p>What is implemented, after the command table, status byte table and line settings of the
 * "METTLER TOLEDO DIVA Service Manual" (72191202, 05/2012; the edition for the Datalogic/PSC Magellan
 * 8500 scanner-scale), section 6.1.4 (headed "8213 Mettler Toledo", its text is about the 8217):
 * 6.1.4.1 Host Communications, 6.1.4.2 Command Descriptions, 6.1.4.3 Status Byte Format:
 * <ul>
 * <li>Line: 7 data bits, even parity, 1 stop bit; 1200, 2400, 9600 or 19200 baud (the defaults of
 *     {@link ScaleSettings} for this protocol: 7E1, 9600). Bytes are read with bit 7 cleared, so a
 *     port left at 8N1 still reads the 7-bit characters.</li>
 * <li>Weight: the host sends an upper-case {@code W} (no CR). The scale answers {@code STX WW.WWW CR}
 *     (gross kg), {@code STX WW.WWWN CR} (net kg), {@code STX WW.WW CR} / {@code STX 0WW.WW CR}
 *     (pounds: refused, the till sells by kg), or {@code STX ? status CR} when it is in motion,
 *     negative or over capacity. Scales of the family that add a unit, as the ECR format of the same
 *     manual's section 6.1.3 does ({@code 0.250KG}, {@code 00250G}), are read by their unit; without
 *     one, 3 decimals are kg and 2 are pounds.</li>
 * <li>Status byte: bit 0 motion, bit 1 over capacity, bit 2 under zero, bit 3 outside the zero capture
 *     range, bit 4 centre of zero, bit 5 net, bit 6 always 1, bit 7 parity. In reply to {@code W} it
 *     is refused as overload, negative, motion, not zeroed, zero (in that order).</li>
 * <li>Tare: {@code T CR} tares what is on the platter if it is stable and not zero; about 150 ms later
 *     the scale answers {@code STX ? status CR}: the tare was taken when the status says net. The
 *     manual notes that a scale with taring disabled does not answer at all: that silence is
 *     "did not take the tare", not "stopped answering". Later {@code W} answers are net.</li>
 * <li>Pacing: at least 200 ms between two commands, as the manual asks.</li>
 * </ul>
 * Not implemented: Z (zero: a cashier zeroes on the scale), digital tare {@code TWWWWW}, C (clear
 * tare), the A/B confidence test and E echo mode.
 *
 * <p>Faults: bytes before the STX are skipped (line noise, a half answer to an earlier request);
 * an answer that is neither a weight nor a status is asked for again, three times in all, then
 * refused as unreadable; no answer by the timeout, or the port gone, is "stopped answering".
 */
final class ToledoScale implements Scale {

    private static final Logger LOG = LoggerFactory.getLogger(ToledoScale.class);

    static final int STX = 0x02;
    static final int CR = 0x0D;
    static final long COMMAND_GAP_NANOS = TimeUnit.MILLISECONDS.toNanos(200);
    private static final int ATTEMPTS = 3;
    private static final int MAX_BODY = 24;

    private final SerialLink link;
    private final long timeoutNanos;
    private final ReentrantLock lock = new ReentrantLock();
    private long lastCommand = System.nanoTime() - COMMAND_GAP_NANOS;

    ToledoScale(SerialLink link, Duration timeout) {
        this.link = link;
        this.timeoutNanos = timeout.toNanos();
    }

    @Override
    public int readGrams() {
        lock.lock();
        try {
            for (int attempt = 1; ; attempt++) {
                String body = exchange("W");
                if (body == null) {
                    throw ScaleRefusals.notAnswering();
                }
                try {
                    int grams = ToledoFrames.weight(body);
                    LOG.debug("scale: {} g", grams);
                    return grams;
                } catch (ScaleRefusedException e) {
                    if (e.reason() != Reason.UNREADABLE || attempt == ATTEMPTS) {
                        LOG.info("scale refused a reading: {} (answer '{}')", e.code(), printable(body));
                        throw e;
                    }
                    LOG.info("scale answer '{}' cannot be read; asking again", printable(body));
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
            String body = exchange("T\r");
            if (body == null) {
                throw ScaleRefusals.tareNotTaken("it did not answer: check that taring is enabled in its set-up, and its cable");
            }
            ToledoFrames.tareTaken(body);
            LOG.info("scale tared");
        } finally {
            lock.unlock();
        }
    }

    /** Sends a command and returns the answer between STX and CR, or null when none came in time. */
    private String exchange(String command) {
        long wait = lastCommand + COMMAND_GAP_NANOS - System.nanoTime();
        if (wait > 0) {
            LockSupport.parkNanos(wait);
        }
        link.discardInput();
        link.write(command);
        lastCommand = System.nanoTime();
        return readFrame(lastCommand + timeoutNanos);
    }

    private String readFrame(long deadline) {
        StringBuilder body = null;
        boolean sawBytes = false;
        while (true) {
            int b = link.read(deadline);
            if (b < 0) {
                if (sawBytes) {
                    throw ScaleRefusals.unreadable();
                }
                return null;
            }
            sawBytes = true;
            int c = b & 0x7F;
            if (c == STX) {
                body = new StringBuilder();
            } else if (body != null && c == CR) {
                return body.toString();
            } else if (body != null) {
                body.append((char) c);
                if (body.length() > MAX_BODY) {
                    body = null;
                }
            }
        }
    }

    private static String printable(String text) {
        return text.replaceAll("\\p{Cntrl}", "?");
    }

    @Override
    public void close() {
        link.close();
    }
}
