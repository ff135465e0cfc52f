package org.sweetshop.sale;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
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
import org.sweetshop.catalog.NewSweet;
import org.sweetshop.common.NotForSaleException;
import org.sweetshop.common.OutOfStockException;
import org.sweetshop.common.Discount;
import org.sweetshop.common.InvalidInputException;
import org.sweetshop.common.NotFoundException;
import org.sweetshop.common.NotPermittedException;
import org.sweetshop.common.CouponRefusedException;
import org.sweetshop.promo.NewPromo;
import org.sweetshop.common.PromoRefusedException;
import org.sweetshop.testing.BadInputCase;

/** SaleService with bad input: every refusal is clear, short, and changes nothing (no sale, no stock, no counter). */
class SaleBadInputTest extends BadInputCase {

    private static final Discount TEN_PERCENT = Discount.percent(new BigDecimal("10"));
    private static final String NEVER_ISSUED = "SWC-0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    @BeforeEach
    void aSweetAndAnEarlierSale() {
        sweet("SL", "1.20", 10);
        // an earlier sale, so that till T1 has a receipt counter a bad sale must not move
        app.sales().checkout(cashier, basket("T1", List.of(line("SL", 1))));
    }

    private static CheckoutRequest request(String till, List<BasketLine> lines, String coupon, String promo, Payment payment) {
        return new CheckoutRequest(UUID.randomUUID(), till, lines, coupon, promo, payment);
    }

    private static CheckoutRequest oneLine(String sku, int quantity) {
        return basket("T1", List.of(line(sku, quantity)));
    }

    private Receipt sell(CheckoutRequest request) {
        return app.sales().checkout(cashier, request);
    }

    private SaleService salesAt(Duration offset) {
        return new SaleService(app.database().transactor(), Clock.offset(Clock.systemDefaultZone(), offset));
    }

    // ---- the request itself

    @Test
    void checkoutRefusesANullRequestOrSaleId() {
        assertThat(refused(InvalidInputException.class, () -> sell(null))).hasMessageContaining("no sale");
        var e = refused(InvalidInputException.class,
                () -> sell(new CheckoutRequest(null, "T1", List.of(line("SL", 1)), null, null, Payment.card())));
        assertThat(e).hasMessageContaining("UUID");
    }

    static Stream<String> badTills() {
        return Stream.of(TEN_KB, DROP_TABLE, OR_TRUE, "T 1", "-T1", "T\n1", "T\u0000", "T\u001b[2J", "Tİ", "Ｔ１", "T1\u200b",
                "T".repeat(17), "T1.2", "   ");
    }

    @ParameterizedTest
    @MethodSource("badTills")
    void checkoutRefusesATillThatIsNotATillName(String till) {
        var e = refused(InvalidInputException.class, () -> sell(basket(till, List.of(line("SL", 1)))));
        assertThat(e.field()).isEqualTo("till");
    }

    @Test
    void checkoutRefusesAMissingTill() {
        refused(InvalidInputException.class, () -> sell(basket(null, List.of(line("SL", 1)))));
    }

    // ---- the basket

    @Test
    void checkoutRefusesAnEmptyOrMissingBasket() {
        assertThat(refused(InvalidInputException.class, () -> sell(basket("T1", List.of())))).hasMessageContaining("basket is empty");
        refused(InvalidInputException.class, () -> sell(basket("T1", null)));
    }

    @Test
    void checkoutRefusesABasketWithAMissingLine() {
        refused(InvalidInputException.class, () -> sell(basket("T1", Arrays.asList(line("SL", 1), null))));
    }

    @Test
    void checkoutRefusesABasketOfMoreThanAHundredLines() {
        List<BasketLine> lines = new ArrayList<>();
        for (int i = 0; i <= SaleService.MAX_LINES; i++) {
            lines.add(line("SL", 1));
        }
        var e = refused(InvalidInputException.class, () -> sell(basket("T1", lines)));
        assertThat(e).hasMessageContaining("at most 100 lines");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, SaleService.MAX_QUANTITY + 1, Integer.MAX_VALUE, Integer.MIN_VALUE})
    void checkoutRefusesAZeroNegativeOrHugeQuantity(int quantity) {
        var e = refused(InvalidInputException.class, () -> sell(oneLine("SL", quantity)));
        assertThat(e).hasMessageContaining("quantity of SL");
    }

    @Test
    void checkoutRefusesDuplicateLinesThatTogetherExceedTheMaximumQuantity() {
        sweet("BIG", "0.10", 20_000);

        var e = refused(InvalidInputException.class, () -> sell(basket("T1", List.of(line("BIG", 5_000), line("BIG", 5_000)))));
        assertThat(e).hasMessageContaining("quantity of BIG").hasMessageContaining("10000");
    }

    static Stream<String> badSkus() {
        return Stream.of(TEN_KB, DROP_TABLE, OR_TRUE, "SL 1", "S\nL", "S\u0000L", "SŁ", "ＳＬ", "SL\u200b", "A".repeat(65), "SL%");
    }

    @ParameterizedTest
    @MethodSource("badSkus")
    void checkoutRefusesABadSku(String sku) {
        var e = refused(InvalidInputException.class, () -> sell(oneLine(sku, 1)));
        assertThat(e.field()).isEqualTo("sku");
    }

    @ParameterizedTest
    @NullAndEmptySource
    void checkoutRefusesAMissingSku(String sku) {
        refused(InvalidInputException.class, () -> sell(oneLine(sku, 1)));
    }

    @Test
    void checkoutRefusesAnUnknownSkuEvenBesideAKnownOne() {
        var e = refused(NotFoundException.class, () -> sell(basket("T1", List.of(line("SL", 1), line("NOPE", 1)))));
        assertThat(e).hasMessageContaining("NOPE");
        assertThat(stockOf("SL")).isEqualTo(9);
    }

    @Test
    void checkoutRefusesMoreThanIsInStockWithWhatIsLeft() {
        var e = refused(OutOfStockException.class, () -> sell(oneLine("SL", 10)));
        assertThat(e.left()).isEqualTo(9);
        assertThat(e).hasMessageContaining("only 9");
    }

    @Test
    void checkoutRefusesASweetTakenOffSale() {
        app.catalog().deactivate(manager, "SL");

        refused(NotForSaleException.class, () -> sell(oneLine("SL", 1)));
    }

    @Test
    void checkoutRefusesATotalTooLargeForTheBooksAndChangesNothing() {
        List<BasketLine> lines = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            app.catalog().add(manager, new NewSweet("GOLD" + i, "Gold bar " + i, "Gold", new BigDecimal("100000.00"), 9_999, 0), "T0");
            lines.add(line("GOLD" + i, 9_999));
        }

        refused(InvalidInputException.class, () -> sell(basket("T1", lines)));
    }

    // ---- payment

    @Test
    void checkoutRefusesCashTenderedBelowTheTotal() {
        var e = refused(InvalidInputException.class,
                () -> sell(request("T1", List.of(line("SL", 2)), null, null, Payment.cash(new BigDecimal("2.39")))));
        assertThat(e).hasMessageContaining("less than the total 2.40");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2.405", "-5", "100000.01", "1E-3"})
    void checkoutRefusesCashThatIsNegativeHasThreeDecimalsOrIsHuge(String tendered) {
        var e = refused(InvalidInputException.class,
                () -> sell(request("T1", List.of(line("SL", 1)), null, null, Payment.cash(new BigDecimal(tendered)))));
        assertThat(e.field()).isEqualTo("cash tendered");
    }

    @Test
    void checkoutRefusesCashWithNoAmountAndACardPartBeyondTheTotal() {
        refused(InvalidInputException.class, () -> sell(request("T1", List.of(line("SL", 1)), null, null, Payment.cash(null))));
        var e = refused(InvalidInputException.class, () -> sell(request("T1", List.of(line("SL", 1)), null, null,
                new Payment(PaymentMethod.CARD, new BigDecimal("5.00")))));
        assertThat(e).hasMessage("a card part of 5.00 is more than the 1.20 left to pay");
        refused(InvalidInputException.class, () -> sell(request("T1", List.of(line("SL", 1)), null, null, new Payment(null, null))));
    }

    @Test
    void aMissingPaymentMeansCard() {
        Receipt receipt = sell(request("T1", List.of(line("SL", 1)), null, null, null));

        assertThat(receipt.payment()).isEqualTo(PaymentMethod.CARD);
    }

    // ---- coupons

    static Stream<String> garbageTokens() {
        return Stream.of("hello", "SWC-123", NEVER_ISSUED + "Z", NEVER_ISSUED.replace('Y', 'I'), TEN_KB, DROP_TABLE, OR_TRUE,
                "\u0421" + NEVER_ISSUED.substring(1), NEVER_ISSUED.substring(0, 20) + "\n" + NEVER_ISSUED.substring(20));
    }

    @ParameterizedTest
    @MethodSource("garbageTokens")
    void checkoutRefusesACouponThatIsNotACouponCode(String coupon) {
        var e = refused(InvalidInputException.class, () -> sell(request("T1", List.of(line("SL", 1)), coupon, null, Payment.card())));
        assertThat(e.field()).isEqualTo("coupon");
    }

    @Test
    void checkoutRefusesACouponOfTheRightShapeThatWasNeverIssued() {
        var e = refused(CouponRefusedException.class, () -> sell(request("T1", List.of(line("SL", 1)), NEVER_ISSUED, null, Payment.card())));
        assertThat(e.reason()).isEqualTo(CouponRefusedException.Reason.UNKNOWN);
    }

    @Test
    void checkoutRefusesACouponRedeemedAlreadyNamingTheTill() {
        String token = app.coupons().issue(manager, 1, TEN_PERCENT, null).get(0).token();
        sell(request("T7", List.of(line("SL", 1)), token, null, Payment.card()));

        var e = refused(CouponRefusedException.class, () -> sell(request("T1", List.of(line("SL", 1)), token, null, Payment.card())));
        assertThat(e.reason()).isEqualTo(CouponRefusedException.Reason.ALREADY_REDEEMED);
        assertThat(e.redeemedTill()).isEqualTo("T7");
    }

    @Test
    void checkoutRefusesAVoidCoupon() {
        String token = app.coupons().issue(manager, 1, TEN_PERCENT, null).get(0).token();
        app.coupons().voidCoupon(manager, token);

        var e = refused(CouponRefusedException.class, () -> sell(request("T1", List.of(line("SL", 1)), token, null, Payment.card())));
        assertThat(e.reason()).isEqualTo(CouponRefusedException.Reason.VOID);
    }

    @Test
    void checkoutRefusesAnExpiredCoupon() {
        String token = app.coupons().issue(manager, 1, TEN_PERCENT, LocalDate.now()).get(0).token();

        var e = refused(CouponRefusedException.class, () -> salesAt(Duration.ofDays(3)).checkout(cashier,
                request("T1", List.of(line("SL", 1)), token, null, Payment.card())));
        assertThat(e.reason()).isEqualTo(CouponRefusedException.Reason.EXPIRED);
    }

    @Test
    void checkoutAcceptsALowerCaseSpellingOfARealCoupon() {
        String token = app.coupons().issue(manager, 1, TEN_PERCENT, null).get(0).token();

        Receipt receipt = sell(request("T1", List.of(line("SL", 1)), " " + token.toLowerCase(Locale.ROOT) + "\n", null, Payment.card()));

        assertThat(receipt.couponDiscount()).isEqualByComparingTo("0.12");
    }

    // ---- promo codes

    static Stream<String> badPromoCodes() {
        return Stream.of("AB", TEN_KB, DROP_TABLE, OR_TRUE, "WELCOME 10", "ＦＩＦＴＹ", "FIF\nTY", "FIF\u0000TY");
    }

    @ParameterizedTest
    @MethodSource("badPromoCodes")
    void checkoutRefusesAPromoThatIsNotAPromoCode(String promo) {
        var e = refused(InvalidInputException.class, () -> sell(request("T1", List.of(line("SL", 1)), null, promo, Payment.card())));
        assertThat(e.field()).isEqualTo("promo");
    }

    @Test
    void checkoutRefusesAnUnknownPromoCode() {
        var e = refused(PromoRefusedException.class, () -> sell(request("T1", List.of(line("SL", 1)), null, "NOPE", Payment.card())));
        assertThat(e.reason()).isEqualTo(PromoRefusedException.Reason.UNKNOWN);
    }

    @Test
    void checkoutRefusesAPromoCodeThatIsUsedUpSwitchedOffNotYetValidOrExpired() {
        app.promos().add(manager, new NewPromo("ONCE", TEN_PERCENT, 1, null, null));
        sell(request("T1", List.of(line("SL", 1)), null, "ONCE", Payment.card()));
        app.promos().add(manager, new NewPromo("OFF", TEN_PERCENT, null, null, null));
        app.promos().deactivate(manager, "OFF");
        app.promos().add(manager, new NewPromo("LATER", TEN_PERCENT, null, LocalDate.now().plusDays(5), null));
        app.promos().add(manager, new NewPromo("TODAY", TEN_PERCENT, null, null, LocalDate.now()));

        assertThat(refused(PromoRefusedException.class, () -> sell(request("T1", List.of(line("SL", 1)), null, "once", Payment.card()))).reason())
                .isEqualTo(PromoRefusedException.Reason.EXHAUSTED);
        assertThat(refused(PromoRefusedException.class, () -> sell(request("T1", List.of(line("SL", 1)), null, "OFF", Payment.card()))).reason())
                .isEqualTo(PromoRefusedException.Reason.INACTIVE);
        assertThat(refused(PromoRefusedException.class, () -> sell(request("T1", List.of(line("SL", 1)), null, "LATER", Payment.card()))).reason())
                .isEqualTo(PromoRefusedException.Reason.NOT_YET_VALID);
        assertThat(refused(PromoRefusedException.class, () -> salesAt(Duration.ofDays(3)).checkout(cashier,
                request("T1", List.of(line("SL", 1)), null, "TODAY", Payment.card()))).reason())
                .isEqualTo(PromoRefusedException.Reason.EXPIRED);
    }

    @Test
    void aRefusedPromoLeavesTheCouponOfTheSameBasketUnredeemed() {
        String token = app.coupons().issue(manager, 1, TEN_PERCENT, null).get(0).token();

        refused(PromoRefusedException.class, () -> sell(request("T1", List.of(line("SL", 1)), token, "NOPE", Payment.card())));

        assertThat(app.coupons().preview(token).usable()).isTrue();
    }

    // ---- who is selling

    @Test
    void aCashierWhoseAccountWasDeactivatedCannotSell() {
        app.staff().deactivate(manager, "cashier");

        refused(NotPermittedException.class, () -> sell(oneLine("SL", 1)));
    }

    @Test
    void aNullCallerIsRefusedAsNotPermitted() {
        refused(NotPermittedException.class, () -> app.sales().checkout(null, oneLine("SL", 1)));
    }

    // ---- receipts

    static Stream<String> badReceiptNumbers() {
        return Stream.of("T1", "T1-", "T1-12345", "T1-0000001234567", "-000001", "T 1-000001", "T1-00000a", "T1-000001\n2", DROP_TABLE,
                OR_TRUE, "T1-000001' or '1'='1", TEN_KB, "   ");
    }

    @ParameterizedTest
    @MethodSource("badReceiptNumbers")
    void findReceiptRefusesSomethingThatIsNotAReceiptNumber(String receiptNo) {
        var e = refused(InvalidInputException.class, () -> app.sales().findReceipt(receiptNo));
        assertThat(e.field()).isEqualTo("receipt");
    }

    @Test
    void findReceiptRefusesAMissingReceiptNumber() {
        refused(InvalidInputException.class, () -> app.sales().findReceipt((String) null));
    }

    @Test
    void findReceiptFindsNothingForAnUnknownReceiptOrSale() {
        String before = snapshot();

        assertThat(app.sales().findReceipt("T1-000002")).isEmpty();
        assertThat(app.sales().findReceipt("T9-000001")).isEmpty();
        assertThat(app.sales().findReceipt(UUID.randomUUID())).isEmpty();

        assertThat(snapshot()).isEqualTo(before);
        assertThat(app.sales().findReceipt("T1-000001")).isPresent();
    }

    @Test
    void findReceiptRefusesAMissingSaleId() {
        refused(InvalidInputException.class, () -> app.sales().findReceipt((UUID) null));
    }
}
