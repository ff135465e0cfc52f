package org.sweetshop.promo;

import org.sweetshop.common.PromoRefusedException;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import org.sweetshop.common.Discount;
import org.sweetshop.common.InvalidInputException;

/** A promo code: a discount anyone can type, optionally limited in uses and dates. */
@Entity
@Table(name = "promo")
public class Promo {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "promo_seq")
    @SequenceGenerator(name = "promo_seq", sequenceName = "promo_seq", allocationSize = 50)
    private Long id;

    @Column(nullable = false, length = 32)
    private String code;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 8)
    private Discount.Kind kind;

    @Column(nullable = false, precision = 10, scale = 2)
    private BigDecimal amount;

    @Column(name = "max_uses")
    private Integer maxUses;

    @Column(nullable = false)
    private int uses;

    @Column(name = "valid_from")
    private LocalDate validFrom;

    @Column(name = "valid_until")
    private LocalDate validUntil;

    @Column(nullable = false)
    private boolean active = true;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "created_by", nullable = false)
    private long createdBy;

    protected Promo() {
    }

    Promo(String code, Discount discount, Integer maxUses, LocalDate validFrom, LocalDate validUntil, long createdBy, Instant now) {
        this.code = code;
        this.kind = discount.kind();
        this.amount = discount.value();
        this.maxUses = maxUses;
        this.validFrom = validFrom;
        this.validUntil = validUntil;
        this.createdBy = createdBy;
        this.createdAt = now;
    }

    void requireUsable(LocalDate today) {
        if (!active) {
            throw new PromoRefusedException(PromoRefusedException.Reason.INACTIVE, code, "promo " + code + " is switched off");
        }
        if (validFrom != null && today.isBefore(validFrom)) {
            throw new PromoRefusedException(PromoRefusedException.Reason.NOT_YET_VALID, code,
                    "promo " + code + " is not valid before " + validFrom);
        }
        if (validUntil != null && today.isAfter(validUntil)) {
            throw new PromoRefusedException(PromoRefusedException.Reason.EXPIRED, code,
                    "promo " + code + " expired on " + validUntil);
        }
        if (maxUses != null && uses >= maxUses) {
            throw PromoRefusedException.exhausted(code);
        }
    }

    /** Counts one use; called by checkout with the promo locked. */
    public void use(LocalDate today) {
        requireUsable(today);
        uses++;
    }

    void deactivate() {
        active = false;
    }

    /**
     * New limits: the maximum can go down, but never below the uses already made; the end date
     * never before the start date.
     */
    void edit(Integer newMaxUses, LocalDate newValidUntil, boolean newActive) {
        if (newMaxUses != null && newMaxUses < uses) {
            throw new InvalidInputException("max uses", "promo " + code + " has been used " + uses
                    + " times already: the maximum cannot be less than that");
        }
        if (newValidUntil != null && validFrom != null && newValidUntil.isBefore(validFrom)) {
            throw new InvalidInputException("valid until", "the end date " + newValidUntil + " is before the start date " + validFrom);
        }
        maxUses = newMaxUses;
        validUntil = newValidUntil;
        active = newActive;
    }

    public Long getId() {
        return id;
    }

    public String getCode() {
        return code;
    }

    public Discount discount() {
        return new Discount(kind, amount);
    }

    PromoView view() {
        return new PromoView(code, discount(), maxUses, uses, maxUses == null ? null : Math.max(0, maxUses - uses),
                validFrom, validUntil, active);
    }
}
