package org.sweetshop.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.sweetshop.common.BusyException;
import org.sweetshop.common.CouponRefusedException;
import org.sweetshop.common.DatabaseUnreachableException;
import org.sweetshop.common.InvalidInputException;
import org.sweetshop.common.OutOfStockException;

/** The one place a failure becomes the sentence a person reads on a screen. */
class MessagesTest {

    @Test
    void aSentenceStartsWithACapitalAndEndsWithOneFullStop() {
        assertThat(Messages.sentence("coupon already redeemed at T2")).isEqualTo("Coupon already redeemed at T2.");
        assertThat(Messages.sentence("done.")).isEqualTo("Done.");
        assertThat(Messages.sentence("")).isEmpty();
        assertThat(Messages.sentence(null)).isEmpty();
    }

    @Test
    void aRefusalIsSaidInItsOwnWords() {
        assertThat(Messages.of(new InvalidInputException("price", "price must be positive"))).isEqualTo("Price must be positive.");
        assertThat(Messages.of(new OutOfStockException("SL", "Sherbet Lemons", 2, 5)))
                .startsWith("Out of stock").contains("Sherbet Lemons").endsWith(".");
        assertThat(Messages.of(CouponRefusedException.alreadyRedeemed(Instant.parse("2026-12-01T10:00:00Z"), "T2")))
                .startsWith("Coupon already redeemed at T2");
    }

    @Test
    void busySaysWhatHoldsTheRowsWithoutTakingTheMessageApart() {
        BusyException busy = new BusyException("another till is selling JB-200", null);
        assertThat(busy.getMessage()).isEqualTo("busy: another till is selling JB-200, try again");
        assertThat(Messages.of(busy)).isEqualTo("Busy: another till is selling JB-200, try again.");
        assertThat(Messages.databaseBusy(busy)).isEqualTo("The database is busy: another till is selling JB-200, try again.");
    }

    @Test
    void faultsOfTheDatabaseAndOfFilesAreSaidPlainly() {
        assertThat(Messages.of(new DatabaseUnreachableException("connection refused", null)))
                .isEqualTo("The store database cannot be reached: nothing was changed, try again.");
        assertThat(Messages.of(new IOException("/media/usb is read-only")))
                .isEqualTo("Cannot read or write the file: /media/usb is read-only.");
        assertThat(Messages.of(new IllegalStateException("a bug"))).isEqualTo("That did not work (the error is in the log).");
    }

    @Test
    void aReasonIsLowerCaseForTheMiddleOfASentence() {
        assertThat(Messages.reason(new DatabaseUnreachableException("x", null))).isEqualTo("the store database cannot be reached");
        assertThat(Messages.reason(new BusyException("another till is selling SL", null)))
                .isEqualTo("busy: another till is selling SL, try again");
        assertThat(Messages.reason(new IllegalStateException("a bug"))).isEqualTo("an unexpected error (it is in the log)");
    }
}
