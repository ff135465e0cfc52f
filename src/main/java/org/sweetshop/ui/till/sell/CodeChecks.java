package org.sweetshop.ui.till.sell;

import java.util.function.BooleanSupplier;
import org.sweetshop.common.NotFoundException;
import org.sweetshop.common.PromoRefusedException;
import org.sweetshop.common.Texts;
import org.sweetshop.ui.common.BackgroundTask;
import org.sweetshop.ui.common.Messages;
import org.sweetshop.ui.common.TaskExecutor;

/**
 * Coupon and promo codes checked before they go on the basket: a coupon is previewed, a promo
 * looked up, in the background. An answer is used only for the basket it was asked for (each new
 * basket is a new generation) while that basket is still open to changes; Pay waits while checks
 * are on their way.
 */
final class CodeChecks {

    private final SellServices services;
    private final TaskExecutor tasks;
    private final Notice notice;
    private final Basket basket;
    /** True while the basket may change (no payment on its way or unconfirmed). */
    private final BooleanSupplier open;
    private final Runnable basketChanged;
    /** Bumped whenever the basket is started afresh: a check answered for an older basket is dropped. */
    private int generation;
    /** Checks on their way. */
    private int pending;

    CodeChecks(SellServices services, TaskExecutor tasks, Notice notice, Basket basket, BooleanSupplier open, Runnable basketChanged) {
        this.services = services;
        this.tasks = tasks;
        this.notice = notice;
        this.basket = basket;
        this.open = open;
        this.basketChanged = basketChanged;
    }

    /** The basket was paid or cleared: answers still on their way are for a basket that is gone. */
    void newBasket() {
        generation++;
    }

    /** True while a coupon or promo code is being checked. */
    boolean pending() {
        return pending > 0;
    }

    void coupon(String token) {
        notice.info("Checking the coupon…");
        int asked = asked();
        BackgroundTask.of(() -> services.previewCoupon(token))
                .onSuccess(preview -> {
                    if (!answered(asked)) {
                        return;
                    }
                    if (preview.usable()) {
                        basket.attachCoupon(token, preview);
                        basketChanged.run();
                        notice.ok("Coupon " + preview.message() + ".");
                    } else {
                        notice.error("Coupon refused: " + preview.message() + ".");
                    }
                })
                .onFailure(e -> {
                    if (answered(asked)) {
                        notice.error(Messages.codeNotChecked(true, e));
                    }
                })
                .executeWith(tasks);
    }

    void promo(String code) {
        promo(code, notRecognised(code));
    }

    /** As {@link #promo(String)}, saying {@code unknownMessage} when there is no such promo code. */
    void promo(String code, String unknownMessage) {
        int asked = asked();
        BackgroundTask.of(() -> services.findPromo(code))
                .onSuccess(found -> {
                    if (!answered(asked)) {
                        return;
                    }
                    if (!found.active()) {
                        notice.error("Promo " + found.code() + " is no longer active.");
                    } else if (found.remaining() != null && found.remaining() <= 0) {
                        notice.error("Promo " + found.code() + " has been used up (" + found.uses() + " of " + found.maxUses() + ").");
                    } else {
                        basket.attachPromo(found);
                        basketChanged.run();
                        notice.ok("Promo " + Basket.describe(found) + ".");
                    }
                })
                .onFailure(e -> {
                    if (!answered(asked)) {
                        return;
                    }
                    if (unknown(e)) {
                        notice.error(unknownMessage);
                    } else {
                        notice.error(Messages.codeNotChecked(false, e));
                    }
                })
                .executeWith(tasks);
    }

    /** "Not recognised: … is not a sweet, a coupon or a promo code." */
    static String notRecognised(String value) {
        return "Not recognised: " + Texts.shorten(value) + " is not a sweet, a coupon or a promo code.";
    }

    private static boolean unknown(Exception e) {
        return e instanceof NotFoundException
                || e instanceof PromoRefusedException refused && refused.reason() == PromoRefusedException.Reason.UNKNOWN;
    }

    private int asked() {
        pending++;
        return generation;
    }

    /** A check came back: true when its answer is for this basket and the basket is still open to changes. */
    private boolean answered(int asked) {
        pending--;
        return asked == generation && open.getAsBoolean();
    }
}
