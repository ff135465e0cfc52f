package org.sweetshop.ui.till.sell;

import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.sweetshop.catalog.ScannedItem;
import org.sweetshop.common.NotFoundException;
import org.sweetshop.common.ProductCode;
import org.sweetshop.promo.PromoService;
import org.sweetshop.ui.common.BackgroundTask;
import org.sweetshop.ui.common.Messages;
import org.sweetshop.ui.common.TaskExecutor;

/**
 * Product barcodes and scale labels, from the scanner gun, the camera, "Open image…" or the code
 * field: 8, 12 or 13 digits (EAN-8 or UPC-E, UPC-A, EAN-13) are looked up in the background
 * ({@link SellServices#resolveCode}) and what they stand for goes on the basket: one pack (a count
 * of a counted sweet, or the pack's grams), or a label's weighed line. The catalogue's refusals
 * (unknown barcode, wrong check digit, unknown PLU, a PLU of a counted sweet) are said as they are.
 * Coupon tokens are never all digits ({@code SWC-…}); a promo code may be, so digits no sweet
 * carries are tried as a promo code before they are refused. As with {@link CodeChecks}, an answer
 * counts only for the basket it was asked for, and Pay waits while one is on its way.
 */
final class CodeLookup {

    private final SellServices services;
    private final TaskExecutor tasks;
    private final Notice notice;
    private final BooleanSupplier open;
    private final Consumer<ScannedItem> found;
    private final CodeChecks codes;
    private int generation;
    private int pending;

    CodeLookup(SellServices services, TaskExecutor tasks, Notice notice, BooleanSupplier open, Consumer<ScannedItem> found,
               CodeChecks codes) {
        this.services = services;
        this.tasks = tasks;
        this.notice = notice;
        this.open = open;
        this.found = found;
        this.codes = codes;
    }

    /** True for what a product barcode or a scale label reads as: 8, 12 or 13 digits. */
    static boolean looksLikeCode(String text) {
        return ProductCode.hasCodeShape(text);
    }

    void lookUp(String code) {
        notice.info("Looking up " + code + "…");
        pending++;
        int asked = generation;
        BackgroundTask.of(() -> services.resolveCode(code))
                .onSuccess(item -> {
                    if (answered(asked)) {
                        found.accept(item);
                    }
                })
                .onFailure(e -> {
                    if (!answered(asked)) {
                        return;
                    }
                    if (e instanceof NotFoundException && PromoService.looksLikeCode(code)) {
                        codes.promo(code, Messages.of(e));
                    } else {
                        notice.error(Messages.of(e));
                    }
                })
                .executeWith(tasks);
    }

    /** The basket was paid or cleared: answers still on their way are for a basket that is gone. */
    void newBasket() {
        generation++;
    }

    boolean pending() {
        return pending > 0;
    }

    private boolean answered(int asked) {
        pending--;
        return asked == generation && open.getAsBoolean();
    }
}
