package org.sweetshop.ui.till.customer;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.sweetshop.common.Quantity;
import org.sweetshop.sale.Receipt;
import org.sweetshop.sale.ReceiptLine;

/**
 * What the customer is shown, as plain data: the store's welcome, the basket being sold, or the
 * sale just paid. Only what the customer may see is in it: lines, discounts, amounts, the store's
 * name; never a cashier's message, a refusal or anything of the back office.
 */
public sealed interface CustomerShow {

    /** A line as the customer reads it: "Fudge Bar", "2" or "253 g", "1.70". */
    record Line(String name, String quantity, BigDecimal amount) {
    }

    /** A discount under the lines: "Coupon" or "Promo WELCOME10", and what it takes off. */
    record Discount(String label, BigDecimal amount) {
    }

    /** Nothing being sold: "Welcome to" the store. */
    record Idle(String storeName) implements CustomerShow {
    }

    /** A basket being sold; {@code last} is the line added or changed last (the pole display's upper line). */
    record Selling(List<Line> lines, List<Discount> discounts, Line last, BigDecimal total) implements CustomerShow {
        public Selling {
            lines = List.copyOf(lines);
            discounts = List.copyOf(discounts);
        }
    }

    /**
     * A sale just made: its lines and total, what was paid and the change.
     *
     * @param change the change given in cash; null when no cash was taken (nothing to give back)
     */
    record Paid(List<Line> lines, List<Discount> discounts, BigDecimal total, BigDecimal paid, BigDecimal change) implements CustomerShow {
        public Paid {
            lines = List.copyOf(lines);
            discounts = List.copyOf(discounts);
        }

        /**
         * The one place the customer's "paid" and "change" are read from a receipt: what was handed
         * over (every card part, and the cash tendered) and the change, which only cash gives (none
         * without cash).
         */
        public static Paid of(Receipt receipt) {
            List<Line> lines = receipt.lines().stream()
                    .map((ReceiptLine l) -> new Line(l.name(), Quantity.format(l.quantity(), l.soldBy()), l.lineTotal())).toList();
            List<Discount> discounts = new ArrayList<>();
            if (receipt.couponDiscount().signum() != 0) {
                discounts.add(new Discount("Coupon", receipt.couponDiscount()));
            }
            if (receipt.promoDiscount().signum() != 0) {
                discounts.add(new Discount(receipt.promoCode() == null ? "Promo" : "Promo " + receipt.promoCode(), receipt.promoDiscount()));
            }
            // what was handed over: each card part, and the cash tendered (which carries the change)
            BigDecimal change = receipt.change();
            BigDecimal paid = change == null ? receipt.paid() : receipt.paid().add(change);
            return new Paid(lines, discounts, receipt.total(), paid, change);
        }
    }
}
