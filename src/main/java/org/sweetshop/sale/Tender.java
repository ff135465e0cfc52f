package org.sweetshop.sale;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import org.sweetshop.common.InvalidInputException;
import org.sweetshop.common.Money;

/**
 * How a sale's total is settled by its payments: the rule, written once, that checkout, the
 * offline till and the selling screen's preview all follow (DESIGN.md, "Split tender").
 * <ol>
 *   <li>One to {@value #MAX_PARTS} parts: at most one cash part and at most one card for "the rest".</li>
 *   <li>Card parts with an amount are taken in the order given; each may be at most what is left
 *       to pay, so a card never pays more than the sale.</li>
 *   <li>With a card for the rest, the cash pays exactly what was handed over (no change) and the
 *       card the rest, which must be more than nothing.</li>
 *   <li>Otherwise the cash pays what is left, rounded to the store's cash rounding (0.05 or 0.10,
 *       half up; none by default): the difference is the sale's cash rounding, recorded as its own
 *       line. The cash must cover it; what it covers beyond is the change, which only cash gives.</li>
 *   <li>With neither, the card parts must add up to the total exactly.</li>
 * </ol>
 * The parts then add up to the total plus the cash rounding, exactly.
 *
 * @param parts        the payments in the order given
 * @param cashRounding what the cash rounding added to the total (negative when it took off)
 * @param change       the change given (0.00 without cash)
 */
public record Tender(List<PaymentPart> parts, BigDecimal cashRounding, BigDecimal change) {

    public static final int MAX_PARTS = 8;

    public Tender {
        parts = List.copyOf(parts);
    }

    /**
     * A sale paid one way, as every sale was before split tender: a card for the whole, or cash
     * with {@code tendered} handed over (no rounding).
     */
    public static Tender single(PaymentMethod method, BigDecimal total, BigDecimal tendered) {
        if (method == PaymentMethod.CASH) {
            return new Tender(List.of(new PaymentPart(PaymentMethod.CASH, total, tendered)), Money.ZERO, tendered.subtract(total));
        }
        return new Tender(List.of(new PaymentPart(PaymentMethod.CARD, total, null)), Money.ZERO, Money.ZERO);
    }

    /** Settles {@code total} with {@code payments}, the store's cash rounding being {@code cashStep} (0 for none). */
    public static Tender settle(BigDecimal total, List<Payment> payments, BigDecimal cashStep) {
        check(payments);
        BigDecimal left = total;
        for (Payment card : payments) {
            if (card.method() == PaymentMethod.CARD && !card.rest()) {
                if (card.amount().compareTo(left) > 0) {
                    throw new InvalidInputException("card amount", "a card part of " + Money.format(card.amount())
                            + " is more than the " + Money.format(left) + " left to pay");
                }
                left = left.subtract(card.amount());
            }
        }
        Payment cash = payments.stream().filter(p -> p.method() == PaymentMethod.CASH).findFirst().orElse(null);
        boolean rest = payments.stream().anyMatch(Payment::rest);
        BigDecimal rounding = Money.ZERO;
        BigDecimal cashPaid = null;
        BigDecimal restPaid = null;
        if (rest) {
            BigDecimal cashGiven = cash == null ? Money.ZERO : cash.amount();
            restPaid = left.subtract(cashGiven);
            if (restPaid.signum() < 0 || restPaid.signum() == 0 && payments.size() > 1) {
                throw new InvalidInputException("pay", "nothing is left for the card: the other payments already cover "
                        + Money.format(total) + (cash == null ? "" : "; take the cash alone to give change"));
            }
            cashPaid = cashGiven;
        } else if (cash != null) {
            if (left.signum() == 0) {
                throw new InvalidInputException("cash tendered", "nothing is left for the cash: the cards already pay "
                        + Money.format(total));
            }
            BigDecimal due = roundCash(left, cashStep);
            rounding = due.subtract(left);
            if (cash.amount().compareTo(due) < 0) {
                throw new InvalidInputException("cash tendered", "cash tendered " + Money.format(cash.amount()) + " is less than "
                        + (left.compareTo(total) == 0 ? "the total " + Money.format(due) : "the " + Money.format(due) + " left to pay"));
            }
            cashPaid = due;
        } else if (left.signum() != 0) {
            throw new InvalidInputException("card amount", "the card parts pay " + Money.format(total.subtract(left)) + " of "
                    + Money.format(total) + ": " + Money.format(left) + " is still to pay");
        }
        List<PaymentPart> parts = new ArrayList<>();
        BigDecimal change = Money.ZERO;
        for (Payment payment : payments) {
            if (payment.method() == PaymentMethod.CASH) {
                parts.add(new PaymentPart(PaymentMethod.CASH, cashPaid, payment.amount()));
                change = payment.amount().subtract(cashPaid);
            } else {
                parts.add(new PaymentPart(PaymentMethod.CARD, payment.rest() ? restPaid : payment.amount(), null));
            }
        }
        return new Tender(parts, rounding, change);
    }

    /**
     * The payments' shape, before any amount is known: one to {@value #MAX_PARTS}, none missing, at
     * most one cash and at most one card for the rest. Checkout checks it before its transaction;
     * {@link #settle} checks it again for every other caller. Returns {@code payments}.
     */
    public static List<Payment> check(List<Payment> payments) {
        if (payments == null || payments.isEmpty()) {
            throw new InvalidInputException("pay", "payment is missing: cash or card");
        }
        if (payments.stream().anyMatch(java.util.Objects::isNull)) {
            throw new InvalidInputException("pay", "a payment is missing: cash or card");
        }
        if (payments.size() > MAX_PARTS) {
            throw new InvalidInputException("pay", "a sale takes at most " + MAX_PARTS + " payments, not " + payments.size());
        }
        if (payments.stream().filter(p -> p.method() == PaymentMethod.CASH).count() > 1) {
            throw new InvalidInputException("pay", "take the cash as one amount: a sale has at most one cash payment");
        }
        if (payments.stream().filter(Payment::rest).count() > 1) {
            throw new InvalidInputException("pay", "only one card can pay the rest: give the other cards their amounts");
        }
        return payments;
    }

    /**
     * What {@code amount} comes to when paid in cash with the store's rounding {@code step}: the
     * nearest multiple of the step, half up (0.05: 3.22 to 3.20, 3.23 to 3.25); the amount itself
     * when the step is 0.
     */
    public static BigDecimal roundCash(BigDecimal amount, BigDecimal step) {
        if (step == null || step.signum() == 0) {
            return amount.setScale(Money.SCALE, RoundingMode.UNNECESSARY);
        }
        return amount.divide(step, 0, RoundingMode.HALF_UP).multiply(step).setScale(Money.SCALE, RoundingMode.UNNECESSARY);
    }

    /** What the cash paid toward the sale (0.00 without cash). */
    public BigDecimal cashPaid() {
        return paidBy(PaymentMethod.CASH);
    }

    /** What the cards paid. */
    public BigDecimal cardPaid() {
        return paidBy(PaymentMethod.CARD);
    }

    /** The cash handed over; null without cash. */
    public BigDecimal cashTendered() {
        return parts.stream().filter(PaymentPart::cash).map(PaymentPart::tendered).findFirst().orElse(null);
    }

    /** The one method of a sale paid one way; null for a split sale. */
    public PaymentMethod method() {
        return parts.stream().map(PaymentPart::method).distinct().count() == 1 ? parts.get(0).method() : null;
    }

    private BigDecimal paidBy(PaymentMethod method) {
        return parts.stream().filter(p -> p.method() == method).map(PaymentPart::amount).reduce(Money.ZERO, BigDecimal::add);
    }
}
