package org.sweetshop.coupon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sweetshop.common.Discount;
import org.sweetshop.common.InvalidInputException;
import org.sweetshop.common.NotPermittedException;
import org.sweetshop.sale.CheckoutRequest;
import org.sweetshop.sale.Payment;
import org.sweetshop.testing.DatabaseTest;
import org.sweetshop.testing.Snapshot;

class CouponListTest extends DatabaseTest {

    /** Three days from now: coupons that end today have expired by then. */
    private CouponService later;
    private LocalDate today;
    private IssuedCoupon valid;
    private IssuedCoupon redeemed;
    private IssuedCoupon expiring;
    private IssuedCoupon voided;

    @BeforeEach
    void aCouponInEveryState() {
        sweet("SL", "2.00", 10);
        today = LocalDate.now();
        valid = app.coupons().issue(manager, 1, Discount.percent(new BigDecimal("10")), null).get(0);
        redeemed = app.coupons().issue(manager, 1, Discount.amount(new BigDecimal("1.00")), today.plusDays(30)).get(0);
        expiring = app.coupons().issue(manager, 1, Discount.percent(new BigDecimal("5")), today).get(0);
        voided = app.coupons().issue(manager, 1, Discount.amount(new BigDecimal("0.50")), null).get(0);
        app.sales().checkout(cashier, new CheckoutRequest(UUID.randomUUID(), "till-7", List.of(line("SL", 1)), redeemed.token(), null,
                Payment.card()));
        app.coupons().voidCoupon(manager, voided.token());
        later = new CouponService(app.database().transactor(), Clock.fixed(Instant.now().plusSeconds(3 * 86_400), ZoneOffset.UTC));
    }

    @Test
    void eachStateListsItsOwnCoupons() {
        assertThat(hints(later.list(manager, CouponState.ISSUED, 0, 50))).containsExactly(valid.hint());
        assertThat(hints(later.list(manager, CouponState.EXPIRED, 0, 50))).containsExactly(expiring.hint());
        assertThat(hints(later.list(manager, CouponState.REDEEMED, 0, 50))).containsExactly(redeemed.hint());
        assertThat(hints(later.list(manager, CouponState.VOID, 0, 50))).containsExactly(voided.hint());
        // today the one ending today is still usable
        assertThat(hints(app.coupons().list(manager, CouponState.ISSUED, 0, 50))).containsExactlyInAnyOrder(valid.hint(), expiring.hint());
        assertThat(app.coupons().list(manager, CouponState.EXPIRED, 0, 50).coupons()).isEmpty();
    }

    @Test
    void aRedeemedCouponShowsItsTillAndTimeAndAVoidOneWhenItWasVoided() {
        CouponListing r = later.list(manager, CouponState.REDEEMED, 0, 50).coupons().get(0);
        CouponListing v = later.list(manager, CouponState.VOID, 0, 50).coupons().get(0);
        CouponListing e = later.list(manager, CouponState.EXPIRED, 0, 50).coupons().get(0);

        assertThat(r.state()).isEqualTo(CouponState.REDEEMED);
        assertThat(r.redeemedTill()).isEqualTo("till-7");
        assertThat(r.redeemedAt()).isNotNull().isAfterOrEqualTo(r.issuedAt());
        assertThat(r.discount()).isEqualTo(Discount.amount(new BigDecimal("1.00")));
        assertThat(r.expiresOn()).isEqualTo(today.plusDays(30));
        assertThat(v.voidedAt()).isNotNull();
        assertThat(v.redeemedAt()).isNull();
        assertThat(e.expiresOn()).isEqualTo(today);
        assertThat(e.state()).isEqualTo(CouponState.EXPIRED);
    }

    @Test
    void allCouponsComeNewestFirstInPages() {
        List<IssuedCoupon> batch = app.coupons().issue(manager, 5, Discount.amount(BigDecimal.ONE), null);

        CouponPage first = later.list(manager, null, 0, 6);
        CouponPage second = later.list(manager, null, 6, 6);

        assertThat(first.total()).isEqualTo(9);
        assertThat(first.hasMore()).isTrue();
        assertThat(second.hasMore()).isFalse();
        assertThat(first.coupons()).hasSize(6);
        assertThat(hints(first).subList(0, 5)).containsExactlyElementsOf(newestFirst(batch));
        assertThat(hints(first).get(5)).isEqualTo(voided.hint());
        assertThat(hints(second)).containsExactly(expiring.hint(), redeemed.hint(), valid.hint());
        assertThat(later.list(manager, CouponState.ISSUED, 0, 2).total()).isEqualTo(6);
    }

    @Test
    void listingChangesNothingAndIsRefusedToACashier() {
        String before = Snapshot.of(app.database().dataSource());

        later.list(manager, null, 0, CouponService.MAX_PAGE);

        assertThatThrownBy(() -> app.coupons().list(cashier, null, 0, 10))
                .isInstanceOf(NotPermittedException.class).hasMessageContaining("a cashier cannot list coupons");
        assertThat(Snapshot.of(app.database().dataSource())).isEqualTo(before);
    }

    @Test
    void aPageOutsideTheLimitsIsRefused() {
        assertThatThrownBy(() -> app.coupons().list(manager, null, 0, 0)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> app.coupons().list(manager, null, 0, CouponService.MAX_PAGE + 1)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> app.coupons().list(manager, null, -1, 10)).isInstanceOf(InvalidInputException.class);
    }

    private static List<String> newestFirst(List<IssuedCoupon> batch) {
        List<String> hints = new ArrayList<>(batch.stream().map(IssuedCoupon::hint).toList());
        Collections.reverse(hints);
        return hints;
    }

    private static List<String> hints(CouponPage page) {
        return page.coupons().stream().map(CouponListing::hint).toList();
    }
}
