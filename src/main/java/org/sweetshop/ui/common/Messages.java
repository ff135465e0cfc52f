package org.sweetshop.ui.common;

import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sweetshop.common.BusyException;
import org.sweetshop.common.CouponRefusedException;
import org.sweetshop.common.DatabaseUnreachableException;
import org.sweetshop.common.PromoRefusedException;
import org.sweetshop.common.OfflineRefusedException;
import org.sweetshop.common.Refusal;
import org.sweetshop.print.PdfSaveException;

/**
 * How the screens word what went wrong: the one place where a failure becomes the sentence a
 * person reads (the command line's counterpart is {@code Cli.exitCode}). Refusals carry their
 * cashier-worded message and fields; nothing here takes our own messages apart.
 */
public final class Messages {

    private static final Logger LOG = LoggerFactory.getLogger(Messages.class);

    /** What a screen says when the store database cannot be reached. */
    public static final String UNREACHABLE = "The store database cannot be reached";

    private Messages() {
    }

    /** "coupon already redeemed at T2" → "Coupon already redeemed at T2." */
    public static String sentence(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        String capitalised = Character.toUpperCase(text.charAt(0)) + text.substring(1);
        return capitalised.endsWith(".") ? capitalised : capitalised + ".";
    }

    /**
     * The sentence for a step that did not happen: a refusal's own words, a busy or unreachable
     * database, a file that cannot be read or written; anything else is logged and said so.
     */
    public static String of(Throwable e) {
        if (e instanceof Refusal || e instanceof PdfSaveException) {
            return sentence(e.getMessage());
        }
        if (e instanceof BusyException busy) {
            return busy(busy);
        }
        if (e instanceof DatabaseUnreachableException) {
            return UNREACHABLE + ": nothing was changed, try again.";
        }
        if (e instanceof IOException) {
            return sentence("cannot read or write the file: " + e.getMessage());
        }
        LOG.error("a step failed", e);
        return "That did not work (the error is in the log).";
    }

    /** "Busy: another till is selling JB-200, try again." */
    public static String busy(BusyException e) {
        return sentence("busy: " + e.holder() + ", try again");
    }

    /** The same, after a checkout: "The database is busy: another till is selling JB-200, try again." */
    public static String databaseBusy(BusyException e) {
        return sentence("the database is busy: " + e.holder() + ", try again");
    }

    /**
     * A coupon or promo code could not go on the basket: "Coupon refused: coupon already redeemed
     * at T2 on …." for a refusal of that code, else "The coupon could not be checked: <why>.".
     */
    public static String codeNotChecked(boolean coupon, Throwable e) {
        if (coupon && e instanceof CouponRefusedException || !coupon && e instanceof PromoRefusedException) {
            return (coupon ? "Coupon" : "Promo") + " refused: " + e.getMessage() + ".";
        }
        return "The " + (coupon ? "coupon" : "promo code") + " could not be checked: " + reason(e) + ".";
    }

    /** A checkout refused: a refused coupon or promo says it was taken off the basket (the till takes it off). */
    public static String checkoutRefused(Refusal e) {
        if (e instanceof CouponRefusedException) {
            return "Coupon refused: " + e.getMessage() + ". It was taken off the basket.";
        }
        if (e instanceof PromoRefusedException) {
            return "Promo refused: " + e.getMessage() + ". It was taken off the basket.";
        }
        if (e instanceof OfflineRefusedException offline) {
            return sentence("offline: " + e.getMessage()) + " The " + (offline.what().equals("coupon") ? "coupon" : "promo code")
                    + " was taken off the basket.";
        }
        return of(e);
    }

    /** A payment whose answer did not come: why, and that the basket waits for Try again. */
    public static String paymentNotConfirmed(Throwable e) {
        String why = e instanceof BusyException busy ? databaseBusy(busy)
                : e instanceof DatabaseUnreachableException ? UNREACHABLE + "."
                : "The payment could not be confirmed (the error is in the log).";
        return why + " The basket is kept: press Try again (no sale is made twice).";
    }

    /** A file that could not be saved: a refusal of the save in its own words, anything else logged. */
    public static String notSaved(String fileName, Throwable e) {
        if (e instanceof PdfSaveException) {
            return of(e);
        }
        LOG.error("cannot save {}", fileName, e);
        return "Could not save " + fileName + " (the error is in the log).";
    }

    /** What part of a sentence says why ("…could not be checked: <reason>."), in lower case. */
    public static String reason(Throwable e) {
        if (e instanceof Refusal || e instanceof BusyException) {
            return e.getMessage();
        }
        if (e instanceof DatabaseUnreachableException) {
            return "the store database cannot be reached";
        }
        LOG.warn("unexpected failure", e);
        return "an unexpected error (it is in the log)";
    }
}
