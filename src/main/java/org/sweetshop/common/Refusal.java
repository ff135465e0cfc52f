package org.sweetshop.common;

import java.util.Map;

/**
 * A business refusal: the request was understood and said no to. It carries a message written
 * for a cashier, a stable machine code and details for scripts. Nothing was changed.
 *
 * <p>The hierarchy is sealed (all in this package, as sealed classes on the class path must be), so
 * each consumer maps it in one place: {@code ui.common.Messages} to the screen's sentence,
 * {@code Cli.exitCode} to the exit code.
 */
public abstract sealed class Refusal extends RuntimeException
        permits InvalidInputException, NotFoundException, NotPermittedException, AlreadyExistsException,
        OutOfStockException, NotForSaleException, CouponRefusedException, PromoRefusedException,
        RefundRefusedException, ShiftRefusedException, ReportExportException, OfflineRefusedException,
        ScaleRefusedException {

    protected Refusal(String message) {
        super(message, null, false, false);
    }

    /** A stable, upper-case code for scripts and JSON output, e.g. {@code OUT_OF_STOCK}. */
    public abstract String code();

    /** Facts a script may want (sku, quantity left, when and where a coupon was redeemed). */
    public Map<String, Object> details() {
        return Map.of();
    }
}
