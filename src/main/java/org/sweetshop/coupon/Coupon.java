package org.sweetshop.coupon;

import org.sweetshop.common.CouponRefusedException;
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
import java.util.UUID;
import org.sweetshop.common.Discount;

/** A coupon: a discount behind a secret token, redeemed at most once, inside a checkout. */
@Entity
@Table(name = "coupon")
public class Coupon {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "coupon_seq")
    @SequenceGenerator(name = "coupon_seq", sequenceName = "coupon_seq", allocationSize = 50)
    private Long id;

    @Column(name = "token_hash", nullable = false, length = 64)
    private String tokenHash;

    @Column(nullable = false, length = 8)
    private String hint;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 8)
    private Discount.Kind kind;

    @Column(nullable = false, precision = 10, scale = 2)
    private BigDecimal amount;

    @Column(name = "expires_on")
    private LocalDate expiresOn;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    private CouponStatus status = CouponStatus.ISSUED;

    @Column(name = "issued_at", nullable = false)
    private Instant issuedAt;

    @Column(name = "issued_by", nullable = false)
    private long issuedBy;

    @Column(name = "redeemed_at")
    private Instant redeemedAt;

    @Column(name = "redeemed_till", length = 32)
    private String redeemedTill;

    @Column(name = "redeemed_sale_id")
    private UUID redeemedSaleId;

    @Column(name = "voided_at")
    private Instant voidedAt;

    protected Coupon() {
    }

    Coupon(String token, Discount discount, LocalDate expiresOn, long issuedBy, Instant now) {
        this.tokenHash = CouponTokens.hash(token);
        this.hint = CouponTokens.hint(token);
        this.kind = discount.kind();
        this.amount = discount.value();
        this.expiresOn = expiresOn;
        this.issuedBy = issuedBy;
        this.issuedAt = now;
    }

    /** Refuses unless the coupon can be used today. */
    void requireUsable(LocalDate today) {
        switch (status) {
            case REDEEMED:
                throw CouponRefusedException.alreadyRedeemed(redeemedAt, redeemedTill);
            case VOID:
                throw CouponRefusedException.voided();
            default:
                if (expiredOn(today)) {
                    throw CouponRefusedException.expired(expiresOn);
                }
        }
    }

    boolean expiredOn(LocalDate today) {
        return expiresOn != null && today.isAfter(expiresOn);
    }

    /** Marks the coupon redeemed by a sale; called by checkout with the coupon locked. */
    public void redeem(UUID saleId, String till, Instant now, LocalDate today) {
        requireUsable(today);
        status = CouponStatus.REDEEMED;
        redeemedSaleId = saleId;
        redeemedTill = till;
        redeemedAt = now;
    }

    void markVoid(Instant now) {
        if (status == CouponStatus.REDEEMED) {
            throw CouponRefusedException.alreadyRedeemed(redeemedAt, redeemedTill);
        }
        if (status == CouponStatus.VOID) {
            throw CouponRefusedException.voided();
        }
        status = CouponStatus.VOID;
        voidedAt = now;
    }

    public Long getId() {
        return id;
    }

    public String getHint() {
        return hint;
    }

    public Discount discount() {
        return new Discount(kind, amount);
    }

    CouponState state(LocalDate today) {
        return switch (status) {
            case REDEEMED -> CouponState.REDEEMED;
            case VOID -> CouponState.VOID;
            case ISSUED -> expiredOn(today) ? CouponState.EXPIRED : CouponState.ISSUED;
        };
    }

    CouponListing listing(LocalDate today) {
        return new CouponListing(id, hint, discount(), expiresOn, state(today), issuedAt, redeemedAt, redeemedTill, voidedAt);
    }

    CouponPreview preview(LocalDate today) {
        String state = switch (status) {
            case REDEEMED -> "redeemed";
            case VOID -> "void";
            case ISSUED -> expiredOn(today) ? "expired" : "valid";
        };
        String message;
        try {
            requireUsable(today);
            message = discount().describe() + (expiresOn == null ? "" : ", valid until " + expiresOn);
        } catch (CouponRefusedException e) {
            message = e.getMessage();
        }
        return new CouponPreview(hint, discount(), expiresOn, state, state.equals("valid"), redeemedAt, redeemedTill, message);
    }
}
