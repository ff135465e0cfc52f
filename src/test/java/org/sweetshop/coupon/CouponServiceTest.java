package org.sweetshop.coupon;

import org.sweetshop.common.CouponRefusedException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.sweetshop.common.Discount;
import org.sweetshop.common.NotPermittedException;
import org.sweetshop.sale.CheckoutRequest;
import org.sweetshop.sale.Payment;
import org.sweetshop.sale.SaleService;
import org.sweetshop.scan.QrCodes;
import org.sweetshop.scan.QrDecoder;
import org.sweetshop.testing.DatabaseTest;
import org.sweetshop.testing.Snapshot;

class CouponServiceTest extends DatabaseTest {

    @Test
    void issuedTokensAreStoredOnlyAsHashes() {
        List<IssuedCoupon> issued = app.coupons().issue(manager, 3, Discount.amount(new BigDecimal("1.00")), null);

        String snapshot = Snapshot.of(app.database().dataSource());
        assertThat(issued).hasSize(3).allSatisfy(c -> {
            assertThat(snapshot).doesNotContain(c.token()).doesNotContain(c.token().substring(4, 20));
            assertThat(snapshot).contains(CouponTokens.hash(c.token()));
        });
    }

    @Test
    void aRenderedQrCodeDecodesBackToItsToken() {
        String token = app.coupons().issue(manager, 1, Discount.percent(new BigDecimal("10")), null).get(0).token();

        assertThat(new QrDecoder().decode(QrCodes.render(token, 300))).contains(token);
    }

    @Test
    void previewShowsValueAndExpiryAndChangesNothing() {
        String token = app.coupons().issue(manager, 1, Discount.percent(new BigDecimal("10")), LocalDate.now().plusDays(30)).get(0).token();
        String before = Snapshot.of(app.database().dataSource());

        CouponPreview preview = app.coupons().preview(token.toLowerCase());

        assertThat(preview.usable()).isTrue();
        assertThat(preview.state()).isEqualTo("valid");
        assertThat(preview.message()).isEqualTo("10% off, valid until " + LocalDate.now().plusDays(30));
        assertThat(Snapshot.of(app.database().dataSource())).isEqualTo(before);
    }

    @Test
    void anExpiredCouponIsRefusedAtCheckoutAndShownAsExpired() {
        sweet("SL", "1.00", 10);
        String token = app.coupons().issue(manager, 1, Discount.percent(new BigDecimal("10")), LocalDate.now()).get(0).token();
        Clock tomorrow = Clock.fixed(Instant.now().plusSeconds(2 * 86_400), ZoneOffset.UTC);
        var later = new SaleService(app.database().transactor(), tomorrow);
        var laterCoupons = new CouponService(app.database().transactor(), tomorrow);

        assertThat(laterCoupons.preview(token).state()).isEqualTo("expired");
        assertThatThrownBy(() -> later.checkout(cashier, new CheckoutRequest(UUID.randomUUID(), "T1", List.of(line("SL", 1)), token, null,
                Payment.card())))
                .isInstanceOfSatisfying(CouponRefusedException.class, e -> assertThat(e.reason()).isEqualTo(CouponRefusedException.Reason.EXPIRED));
        assertThat(stockOf("SL")).isEqualTo(10);
    }

    @Test
    void aVoidCouponIsRefusedAndARedeemedOneCannotBeVoided() {
        sweet("SL", "1.00", 10);
        List<IssuedCoupon> issued = app.coupons().issue(manager, 2, Discount.amount(new BigDecimal("0.50")), null);
        app.coupons().voidCoupon(manager, issued.get(0).token());
        app.sales().checkout(cashier, new CheckoutRequest(UUID.randomUUID(), "T2", List.of(line("SL", 1)), issued.get(1).token(), null,
                Payment.card()));

        assertThatThrownBy(() -> app.sales().checkout(cashier, new CheckoutRequest(UUID.randomUUID(), "T1", List.of(line("SL", 1)),
                issued.get(0).token(), null, Payment.card())))
                .isInstanceOfSatisfying(CouponRefusedException.class, e -> assertThat(e.reason()).isEqualTo(CouponRefusedException.Reason.VOID));
        assertThatThrownBy(() -> app.coupons().voidCoupon(manager, issued.get(1).token()))
                .isInstanceOfSatisfying(CouponRefusedException.class, e -> {
                    assertThat(e.reason()).isEqualTo(CouponRefusedException.Reason.ALREADY_REDEEMED);
                    assertThat(e.redeemedTill()).isEqualTo("T2");
                    assertThat(e.getMessage()).startsWith("coupon already redeemed at T2 on ");
                });
    }

    @Test
    void anUnknownButWellFormedTokenIsUnknown() {
        assertThatThrownBy(() -> app.coupons().preview("SWC-0123456789ABCDEFGHJKMNPQRSTVWXYZ"))
                .isInstanceOfSatisfying(CouponRefusedException.class, e -> assertThat(e.reason()).isEqualTo(CouponRefusedException.Reason.UNKNOWN));
    }

    @Test
    void aCashierCannotIssueOrVoidCoupons() {
        String before = Snapshot.of(app.database().dataSource());

        assertThatThrownBy(() -> app.coupons().issue(cashier, 1, Discount.amount(BigDecimal.ONE), null))
                .isInstanceOf(NotPermittedException.class).hasMessageContaining("a cashier cannot issue coupons");
        assertThat(Snapshot.of(app.database().dataSource())).isEqualTo(before);
    }
}
