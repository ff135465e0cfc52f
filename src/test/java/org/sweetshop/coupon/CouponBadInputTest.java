package org.sweetshop.coupon;

import org.sweetshop.common.CouponRefusedException;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.sweetshop.common.Discount;
import org.sweetshop.common.InvalidInputException;
import org.sweetshop.common.NotPermittedException;
import org.sweetshop.sale.CheckoutRequest;
import org.sweetshop.sale.Payment;
import org.sweetshop.testing.BadInputCase;

/** CouponService with bad input: every refusal is clear, short, and changes nothing. */
class CouponBadInputTest extends BadInputCase {

    private static final Discount TEN_PERCENT = Discount.percent(new BigDecimal("10"));

    private String token;

    @BeforeEach
    void oneCouponIssued() {
        sweet("SL", "1.20", 10);
        token = app.coupons().issue(manager, 1, TEN_PERCENT, null).get(0).token();
    }

    /** Not a coupon token at all: the wrong shape, hostile text or unicode look-alikes. */
    static Stream<String> garbageTokens() {
        String body = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
        return Stream.of("hello", "SWC-", "SWC-" + body.substring(1), "SWC-" + body + "0", body, "SWC_" + body,
                "SWC-" + body.replace('A', 'I'), "SWC-" + body.replace('B', 'L'), "SWC-" + body.replace('C', 'O'),
                "SWC-" + body.replace('D', 'U'), "SWC-" + body.replace('E', '-'), "\u0421WC-" + body /* Cyrillic S */,
                "ＳＷＣ-" + body, "SWC-" + body.substring(1) + "\u200b", "SWC-\n" + body, "SWC-" + body.substring(1) + "\u0000",
                TEN_KB, DROP_TABLE, OR_TRUE, "SWC-' or '1'='1", "SWC-" + body.substring(0, 20) + "'; drop t");
    }

    // ---- preview

    @ParameterizedTest
    @MethodSource("garbageTokens")
    void previewRefusesSomethingThatIsNotACouponCode(String text) {
        var e = refused(InvalidInputException.class, () -> app.coupons().preview(text));
        assertThat(e.field()).isEqualTo("coupon");
        assertThat(e).hasMessageContaining("not a coupon code");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "\n"})
    void previewRefusesAMissingToken(String text) {
        var e = refused(InvalidInputException.class, () -> app.coupons().preview(text));
        assertThat(e).hasMessageContaining("coupon code is missing");
    }

    @Test
    void previewRefusesATokenOfTheRightShapeThatWasNeverIssued() {
        var e = refused(CouponRefusedException.class, () -> app.coupons().preview(CouponTokens.generate()));
        assertThat(e.reason()).isEqualTo(CouponRefusedException.Reason.UNKNOWN);
        assertThat(e).hasMessageContaining("never issued");
    }

    @Test
    void previewAcceptsALowerCaseOrPaddedSpellingOfARealToken() {
        assertThat(app.coupons().preview(token.toLowerCase(Locale.ROOT)).usable()).isTrue();
        assertThat(app.coupons().preview("  " + token + "\n").usable()).isTrue();
    }

    // ---- issue

    @ParameterizedTest
    @ValueSource(ints = {0, -1, CouponService.MAX_BATCH + 1, Integer.MAX_VALUE, Integer.MIN_VALUE})
    void issueRefusesACountOutOfRangeAndIssuesNothing(int count) {
        var e = refused(InvalidInputException.class, () -> app.coupons().issue(manager, count, TEN_PERCENT, null));
        assertThat(e.field()).isEqualTo("count");
        assertThat(count("coupon")).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"percent:101", "percent:100.01", "percent:0", "percent:-5", "percent:12.345", "amount:0",
            "amount:0.00", "amount:-1", "amount:1.205", "amount:100000.01", "amount:1E-3"})
    void issueRefusesAPercentAboveAHundredOrAZeroNegativeOrThreeDecimalAmount(String spec) {
        String[] parts = spec.split(":");
        BigDecimal value = new BigDecimal(parts[1]);
        refused(InvalidInputException.class, () -> app.coupons().issue(manager, 1,
                parts[0].equals("percent") ? Discount.percent(value) : Discount.amount(value), null));
    }

    @Test
    void issueRefusesAMissingDiscount() {
        var e = refused(InvalidInputException.class, () -> app.coupons().issue(manager, 1, null, null));
        assertThat(e.field()).isEqualTo("discount");
        refused(InvalidInputException.class, () -> app.coupons().issue(manager, 1, new Discount(null, BigDecimal.ONE), null));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 365, 100_000})
    void issueRefusesAnExpiryDateInThePast(int daysAgo) {
        var e = refused(InvalidInputException.class,
                () -> app.coupons().issue(manager, 5, TEN_PERCENT, LocalDate.now().minusDays(daysAgo)));
        assertThat(e).hasMessageContaining("in the past");
    }

    @Test
    void aCashierCannotIssueCoupons() {
        var e = refused(NotPermittedException.class, () -> app.coupons().issue(cashier, 1, TEN_PERCENT, null));
        assertThat(e).hasMessageContaining("cashier cannot issue coupons");
    }

    @Test
    void aManagerWhoseAccountWasDeactivatedCannotIssueCoupons() {
        app.staff().deactivate(owner, "manager");

        refused(NotPermittedException.class, () -> app.coupons().issue(manager, 1, TEN_PERCENT, null));
    }

    // ---- voidCoupon

    @ParameterizedTest
    @MethodSource("garbageTokens")
    void voidRefusesSomethingThatIsNotACouponCode(String text) {
        refused(InvalidInputException.class, () -> app.coupons().voidCoupon(manager, text));
    }

    @ParameterizedTest
    @NullAndEmptySource
    void voidRefusesAMissingToken(String text) {
        refused(InvalidInputException.class, () -> app.coupons().voidCoupon(manager, text));
    }

    @Test
    void voidRefusesATokenThatWasNeverIssued() {
        var e = refused(CouponRefusedException.class, () -> app.coupons().voidCoupon(manager, CouponTokens.generate()));
        assertThat(e.reason()).isEqualTo(CouponRefusedException.Reason.UNKNOWN);
    }

    @Test
    void aCashierCannotVoidCoupons() {
        refused(NotPermittedException.class, () -> app.coupons().voidCoupon(cashier, token));
    }

    @Test
    void voidRefusesARedeemedCouponAndChangesNothing() {
        app.sales().checkout(cashier, new CheckoutRequest(UUID.randomUUID(), "T1", List.of(line("SL", 1)), token, null, Payment.card()));

        var e = refused(CouponRefusedException.class, () -> app.coupons().voidCoupon(manager, token));
        assertThat(e.reason()).isEqualTo(CouponRefusedException.Reason.ALREADY_REDEEMED);
        assertThat(e).hasMessageContaining("T1");
    }

    @Test
    void voidRefusesACouponThatIsVoidAlreadyAndKeepsWhenItWasVoided() {
        app.coupons().voidCoupon(manager, token);

        var e = refused(CouponRefusedException.class, () -> app.coupons().voidCoupon(manager, token));
        assertThat(e.reason()).isEqualTo(CouponRefusedException.Reason.VOID);
    }

    @Test
    void voidAcceptsALowerCaseSpellingOfARealToken() {
        assertThat(app.coupons().voidCoupon(manager, token.toLowerCase(Locale.ROOT)).state()).isEqualTo("void");
    }

    @Test
    void anExpiredCouponPreviewsAsExpiredAndCannotBeUsed() {
        String today = app.coupons().issue(manager, 1, TEN_PERCENT, LocalDate.now()).get(0).token();
        CouponService inThreeDays = new CouponService(app.database().transactor(), Clock.offset(Clock.systemDefaultZone(), Duration.ofDays(3)));

        CouponPreview preview = inThreeDays.preview(today);

        assertThat(preview.state()).isEqualTo("expired");
        assertThat(preview.usable()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"issue", "voidCoupon"})
    void aNullCallerIsRefusedAsNotPermitted(String method) {
        refused(NotPermittedException.class, () -> {
            if (method.equals("issue")) {
                app.coupons().issue(null, 1, TEN_PERCENT, null);
            } else {
                app.coupons().voidCoupon(null, token);
            }
        });
    }
}
