package org.sweetshop.coupon;

import org.sweetshop.common.LockOrder;
import org.sweetshop.common.CouponRefusedException;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;
import org.hibernate.SharedSessionContract;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sweetshop.common.Discount;
import org.sweetshop.common.InvalidInputException;
import org.sweetshop.common.Texts;
import org.sweetshop.db.Transactor;
import org.sweetshop.staff.Caller;
import org.sweetshop.staff.Role;
import org.sweetshop.staff.StaffService;

/** Coupons: issued in batches, previewed read-only, voided; redeemed only inside a checkout. */
public final class CouponService {

    public static final int MAX_BATCH = 10_000;
    /** The most coupons one page of {@link #list} returns. */
    public static final int MAX_PAGE = 1_000;
    /** How many coupons each transaction of {@link #issueBatch} issues; the progress moves after each. */
    public static final int BATCH_CHUNK = 50;

    private static final Logger LOG = LoggerFactory.getLogger(CouponService.class);

    private final Transactor tx;
    private final Clock clock;

    public CouponService(Transactor tx, Clock clock) {
        this.tx = tx;
        this.clock = clock;
    }

    /** Issues {@code count} coupons; the returned tokens are shown once and stored only hashed. */
    public List<IssuedCoupon> issue(Caller caller, int count, Discount discount, LocalDate expiresOn) {
        Caller.require(caller, Role.MANAGER, "issue coupons");
        int n = Texts.requireRange("count", count, 1, MAX_BATCH);
        if (discount == null) {
            throw new InvalidInputException("discount", "a coupon needs a discount: a percent or an amount off");
        }
        if (expiresOn != null && expiresOn.isBefore(LocalDate.now(clock))) {
            throw new InvalidInputException("expires", "the expiry date " + expiresOn + " is in the past");
        }
        List<IssuedCoupon> issued = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String token = CouponTokens.generate();
            issued.add(new IssuedCoupon(token, CouponTokens.hint(token), discount, expiresOn));
        }
        tx.run(em -> {
            StaffService.requireActive(em, caller);
            var now = clock.instant();
            for (IssuedCoupon coupon : issued) {
                em.persist(new Coupon(coupon.token(), discount, expiresOn, caller.staffId(), now));
            }
        });
        return issued;
    }

    /**
     * Issues a batch of {@code count} coupons in chunks of {@value #BATCH_CHUNK}, one transaction
     * each, and tells {@code progress} how many are issued after every chunk (on the calling
     * thread). A refusal before anything is issued (a bad count or discount, a caller not allowed)
     * is thrown as by {@link #issue}. Once a chunk is issued nothing is thrown: if a later chunk is
     * refused or fails, or {@code progress} throws, the batch stops there and the answer holds the
     * coupons already issued (they exist, so they must still reach paper) and what stopped it.
     */
    public CouponBatch issueBatch(Caller caller, int count, Discount discount, LocalDate expiresOn, IntConsumer progress) {
        Caller.require(caller, Role.MANAGER, "issue coupons");
        int total = Texts.requireRange("count", count, 1, MAX_BATCH);
        List<IssuedCoupon> issued = new ArrayList<>(total);
        try {
            while (issued.size() < total) {
                issued.addAll(issue(caller, Math.min(BATCH_CHUNK, total - issued.size()), discount, expiresOn));
                progress.accept(issued.size());
            }
        } catch (RuntimeException e) {
            if (issued.isEmpty()) {
                throw e;
            }
            if (issued.size() < total) {
                return new CouponBatch(issued, total, e);
            }
            // the last progress call failed: the batch itself is whole
            LOG.warn("coupon batch progress failed after the last chunk", e);
        }
        return new CouponBatch(issued, total, null);
    }

    /** What a token is worth and whether it can be used now; changes nothing. */
    public CouponPreview preview(String token) {
        String canonical = CouponTokens.normalize(token);
        return tx.call(em -> find(em, canonical, LockModeType.NONE).preview(LocalDate.now(clock)));
    }

    /**
     * Coupons in {@code state} (all of them when null), newest first: redeemed ones by when they
     * were redeemed, void ones by when they were voided, the others by when they were issued.
     * Managers and owners only; changes nothing.
     *
     * @param offset how many matching coupons to skip (0 for the first page)
     * @param limit  at most this many, 1 to {@value #MAX_PAGE}
     */
    public CouponPage list(Caller caller, CouponState state, int offset, int limit) {
        Caller.require(caller, Role.MANAGER, "list coupons");
        int skip = Texts.requireRange("offset", offset, 0, Integer.MAX_VALUE);
        int max = Texts.requireRange("limit", limit, 1, MAX_PAGE);
        LocalDate today = LocalDate.now(clock);
        String where = state == null ? "" : switch (state) {
            case ISSUED -> " where c.status = :status and (c.expiresOn is null or c.expiresOn >= :today)";
            case EXPIRED -> " where c.status = :status and c.expiresOn < :today";
            case REDEEMED, VOID -> " where c.status = :status";
        };
        String order = state == CouponState.REDEEMED ? "c.redeemedAt desc, c.id desc"
                : state == CouponState.VOID ? "c.voidedAt desc, c.id desc"
                : "c.issuedAt desc, c.id desc";
        return tx.call(em -> {
            StaffService.requireActive(em, caller);
            var session = Transactor.session(em);
            var rows = session.createSelectionQuery("select c from Coupon c" + where + " order by " + order, Coupon.class);
            var count = session.createSelectionQuery("select count(c) from Coupon c" + where, Long.class);
            if (state != null) {
                CouponStatus stored = switch (state) {
                    case ISSUED, EXPIRED -> CouponStatus.ISSUED;
                    case REDEEMED -> CouponStatus.REDEEMED;
                    case VOID -> CouponStatus.VOID;
                };
                rows.setParameter("status", stored);
                count.setParameter("status", stored);
                if (state == CouponState.ISSUED || state == CouponState.EXPIRED) {
                    rows.setParameter("today", today);
                    count.setParameter("today", today);
                }
            }
            List<CouponListing> page = rows.setFirstResult(skip).setMaxResults(max).setReadOnly(true).getResultList().stream()
                    .map(c -> c.listing(today)).toList();
            return new CouponPage(page, count.getSingleResult(), skip, max);
        });
    }

    public CouponPreview voidCoupon(Caller caller, String token) {
        Caller.require(caller, Role.MANAGER, "void coupons");
        String canonical = CouponTokens.normalize(token);
        return tx.call(em -> {
            StaffService.requireActive(em, caller);
            Coupon coupon = Transactor.lock(LockOrder.COUPON, () -> find(em, canonical, LockModeType.PESSIMISTIC_WRITE));
            coupon.markVoid(clock.instant());
            return coupon.preview(LocalDate.now(clock));
        });
    }

    /**
     * Locks the coupon for redemption ({@code PESSIMISTIC_WRITE}, {@link LockOrder#COUPON}); checkout calls this after
     * locking its sweets and before the promo code, as the lock order says.
     */
    public static Coupon lockForRedemption(SharedSessionContract session, String canonicalToken) {
        return Transactor.lock(LockOrder.COUPON, () -> find(session, canonicalToken, LockModeType.PESSIMISTIC_WRITE),
                () -> "another till is using this coupon right now");
    }

    private static Coupon find(EntityManager em, String canonicalToken, LockModeType lock) {
        return find(Transactor.session(em), canonicalToken, lock);
    }

    private static Coupon find(SharedSessionContract session, String canonicalToken, LockModeType lock) {
        return session.createSelectionQuery("select c from Coupon c where c.tokenHash = :hash", Coupon.class)
                .setParameter("hash", CouponTokens.hash(canonicalToken))
                .setLockMode(lock)
                .getResultStream().findFirst()
                .orElseThrow(CouponRefusedException::unknown);
    }
}
