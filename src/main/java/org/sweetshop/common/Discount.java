package org.sweetshop.common;

import java.math.BigDecimal;

/** A coupon's or promo code's value: a percentage off or a fixed amount off. */
public record Discount(Kind kind, BigDecimal value) {

    public enum Kind { PERCENT, AMOUNT }

    private static final BigDecimal HUNDRED = new BigDecimal("100");

    public Discount {
        if (kind == null) {
            throw new InvalidInputException("discount", "a discount needs a percent or an amount");
        }
        value = Money.check(kind == Kind.PERCENT ? "percent" : "amount", value);
        if (value.signum() == 0) {
            throw new InvalidInputException("discount", "a discount must be more than zero");
        }
        if (kind == Kind.PERCENT && value.compareTo(HUNDRED) > 0) {
            throw new InvalidInputException("percent", "percent must be at most 100");
        }
    }

    public static Discount percent(BigDecimal value) {
        return new Discount(Kind.PERCENT, value);
    }

    public static Discount amount(BigDecimal value) {
        return new Discount(Kind.AMOUNT, value);
    }

    /** The discount on {@code base}, exact (not rounded) and never more than {@code base}. */
    public BigDecimal applyTo(BigDecimal base) {
        if (base.signum() <= 0) {
            return BigDecimal.ZERO;
        }
        BigDecimal off = kind == Kind.PERCENT ? base.multiply(value).divide(HUNDRED) : value;
        return off.min(base);
    }

    /** For people: {@code 10% off} or {@code 2.50 off}. */
    public String describe() {
        return kind == Kind.PERCENT ? value.stripTrailingZeros().toPlainString() + "% off" : Money.format(value) + " off";
    }
}
