package org.sweetshop.printer;

import java.io.IOException;
import java.net.UnknownHostException;
import java.nio.file.AccessDeniedException;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sweetshop.common.DeviceUnavailableException;
import org.sweetshop.print.ReceiptText;
import org.sweetshop.sale.Receipt;

/**
 * A till's ESC/POS receipt printer, and the cash drawer plugged into its drawer port. Each job
 * (a receipt, a drawer pulse) is built whole in memory ({@link EscPosCommands}), then sent over one
 * connection opened for it and closed after it.
 *
 * <p>A job never hangs the caller: it runs on a thread of its own and the caller waits at most the
 * connect timeout plus the write timeout. A printer that is not there, refuses the connection, does
 * not answer, stops taking data part-way (paper out, cover open, cable pulled) or takes too long
 * ends the job with a {@link DeviceUnavailableException} worded for the cashier; a job given up
 * at its deadline is closed (which ends a socket or serial write at once). Jobs of one printer are
 * sent one at a time, so two receipts never interleave on a device file. A serial port stays open
 * from its first job until {@link #close()} (or a failure), as the scale's does.
 */
public final class ReceiptPrinter implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ReceiptPrinter.class);
    private static final String PRINTER = "receipt printer";
    private static final String DRAWER = "cash drawer";

    private final PrinterSettings settings;
    private final ReentrantLock oneJobAtATime = new ReentrantLock(true);
    /** The serial port kept open between jobs; null when none is. */
    private volatile PrinterLink kept;

    public ReceiptPrinter(PrinterSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    public PrinterSettings settings() {
        return settings;
    }

    /**
     * Prints a receipt: the lines of {@link ReceiptText} at the paper's width (weighed lines as
     * {@code 253 g x 14.99/kg}, the total, the payment and change), a QR code of the receipt number
     * (the till's Return button scans it), then feeds and cuts.
     *
     * @param storeName the store's name, at the top in bold
     * @param currency  the store's currency code, on the TOTAL line
     * @param zone      the zone the sale's time is printed in
     * @param reprint   true for a copy asked for later: it says {@code REPRINT}
     * @throws DeviceUnavailableException when the printer did not take the whole receipt
     */
    public void print(Receipt receipt, String storeName, String currency, ZoneId zone, boolean reprint) {
        print(receipt, ReceiptText.Head.named(storeName), currency, zone, reprint);
    }

    /**
     * As {@link #print(Receipt, String, String, ZoneId, boolean)}, headed with the store's address
     * and tax number where set; the tax table is {@link ReceiptText}'s.
     */
    public void print(Receipt receipt, ReceiptText.Head head, String currency, ZoneId zone, boolean reprint) {
        List<String> lines = ReceiptText.render(receipt, head, currency, zone, reprint, settings.paper().columns());
        send(PRINTER, "Receipt " + receipt.receiptNo(), EscPosCommands.receipt(lines, receipt.receiptNo()));
        LOG.info("receipt {} printed on {}", receipt.receiptNo(), settings.uri());
    }

    /**
     * Opens the cash drawer: the ESC/POS kick pulse on pin 2 of the printer's drawer port.
     *
     * @throws DeviceUnavailableException when the printer did not take the pulse
     */
    public void openDrawer() {
        send(DRAWER, "Open the cash drawer", EscPosCommands.drawerPulse());
        LOG.info("cash drawer opened through {}", settings.uri());
    }

    private void send(String device, String jobName, byte[] bytes) {
        long budgetNanos = settings.connectTimeout().toNanos() + settings.writeTimeout().toNanos();
        long deadline = System.nanoTime() + budgetNanos;
        try {
            if (!oneJobAtATime.tryLock(budgetNanos, TimeUnit.NANOSECONDS)) {
                throw unavailable(device, "is still busy with the last job: wait a moment and try again", null);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable(device, "was not reached: the till was interrupted", e);
        }
        try {
            run(device, jobName, bytes, deadline);
        } finally {
            oneJobAtATime.unlock();
        }
    }

    private void run(String device, String jobName, byte[] bytes, long deadline) {
        AtomicReference<PrinterLink> opened = new AtomicReference<>();
        CompletableFuture<Void> done = new CompletableFuture<>();
        Thread worker = new Thread(() -> {
            PrinterLink link = null;
            try {
                link = kept != null ? kept : PrinterLink.open(settings.uri(), settings.connectTimeout(), settings.writeTimeout());
                opened.set(link);
                link.send(bytes, jobName);
                kept = link.keptOpen() ? link : null;
                if (!link.keptOpen()) {
                    link.close();
                }
                if (!done.complete(null) && link.keptOpen()) {
                    // given up meanwhile: the caller has already said so
                    kept = null;
                    link.close();
                }
            } catch (Throwable t) {
                kept = null;
                if (link != null) {
                    link.close();
                }
                done.completeExceptionally(t);
            }
        }, "receipt-printer " + settings.uri());
        worker.setDaemon(true);
        worker.start();
        try {
            done.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            // a second completion is ignored: a job that finishes now is still reported as given up
            done.completeExceptionally(e);
            PrinterLink link = opened.get();
            kept = null;
            if (link != null) {
                link.abandon();
            }
            worker.interrupt();
            LOG.warn("{} {}: gave up {} after {} + {}", device, settings.uri(), jobName, settings.connectTimeout(), settings.writeTimeout());
            throw link == null ? unavailable(device, "does not answer: check it is on and its cable", e)
                    : unavailable(device, "stopped taking the " + what(device) + ": check its paper, its cover and its cable, then try again", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            LOG.warn("{} {}: {} failed: {}", device, settings.uri(), jobName, cause.toString());
            throw unavailable(device, why(cause, opened.get() != null, device), cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            done.completeExceptionally(e);
            PrinterLink link = opened.get();
            kept = null;
            if (link != null) {
                link.abandon();
            }
            throw unavailable(device, "was not reached: the till was interrupted", e);
        }
    }

    /** Closes the serial port kept open, if any. */
    @Override
    public void close() {
        PrinterLink link = kept;
        kept = null;
        if (link != null) {
            link.close();
        }
    }

    /** What the cashier reads after "The receipt printer at 127.0.0.1:9100 ". */
    private String why(Throwable cause, boolean wasOpen, String device) {
        if (wasOpen) {
            return "stopped answering during the " + what(device) + ": check its paper, its cover and its cable, then try again";
        }
        if (cause instanceof UnknownHostException) {
            return "is not known on the network: check the printer's address in the till's settings (printer.uri)";
        }
        if (cause instanceof AccessDeniedException) {
            return "may not be used by this till's user: on Linux add it to the group lp (device files) or dialout (serial ports)";
        }
        if (cause instanceof PrinterLink.Missing missing) {
            return "is not there (" + missing.getMessage() + "): check it is on and plugged in, and the till's printer setting";
        }
        if (cause instanceof IOException) {
            return "does not answer: check it is on and its cable";
        }
        return "failed (" + cause.getClass().getSimpleName() + "): check it is on and its cable";
    }

    private static String what(String device) {
        return device.equals(DRAWER) ? "drawer pulse" : "receipt";
    }

    private DeviceUnavailableException unavailable(String device, String what, Throwable cause) {
        String subject = device.equals(DRAWER) ? "The cash drawer cannot be opened: the receipt printer " : "The receipt printer ";
        return new DeviceUnavailableException(device, subject + settings.uri().where() + " " + what, cause);
    }
}
