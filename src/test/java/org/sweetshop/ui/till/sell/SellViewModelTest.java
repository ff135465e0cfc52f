package org.sweetshop.ui.till.sell;

import static org.assertj.core.api.Assertions.tuple;

import org.sweetshop.sale.PaymentPart;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sweetshop.catalog.SweetChange;
import org.sweetshop.catalog.SweetView;
import org.sweetshop.common.DatabaseUnreachableException;
import org.sweetshop.common.Discount;
import org.sweetshop.coupon.CouponPreview;
import org.sweetshop.promo.NewPromo;
import org.sweetshop.promo.PromoView;
import org.sweetshop.sale.CheckoutRequest;
import org.sweetshop.sale.PaymentMethod;
import org.sweetshop.sale.Receipt;
import org.sweetshop.staff.Caller;
import org.sweetshop.testing.DatabaseTest;
import org.sweetshop.testing.Sql;
import org.sweetshop.ui.common.CatalogueFilter;
import org.sweetshop.ui.common.TaskExecutor;

/** The selling screen's model on plain JUnit: same-thread executors, the real services and database. */
class SellViewModelTest extends DatabaseTest {

    private static final TaskExecutor SAME_THREAD = TaskExecutor.sameThread();

    private final List<UUID> ids = new ArrayList<>();
    private SellViewModel model;

    @BeforeEach
    void screen() {
        sweet("SL", "1.20", 5);
        sweet("FB", "0.85", 2);
        sweet("NONE", "0.50", 0);
        model = new SellViewModel(SellServices.of(app.catalog(), app.coupons(), app.promos(), app.sales()), "T1", cashier,
                SAME_THREAD, () -> {
                    UUID id = UUID.randomUUID();
                    ids.add(id);
                    return id;
                });
        model.reload();
    }

    @Test
    void withPricesExcludingTaxTheTotalShownHasTheTaxCheckoutAddsAndCashForItMakesTheSale() {
        office.settings().set(owner, "prices.include.tax", "false", "T1");
        office.catalog().edit(manager, "FB", org.sweetshop.catalog.SweetEdit.tax("RED"));
        SellViewModel excluding = new SellViewModel(SellServices.of(app.catalog(), app.coupons(), app.promos(), app.sales(), null,
                app.taxes()), "T1", cashier, SAME_THREAD, UUID::randomUUID,
                new SellSettings(WeighingScale.NONE, true, BigDecimal.ZERO, false));
        excluding.reload();

        excluding.add("SL");   // 1.20 at STD 20%: 0.24
        excluding.add("FB");   // 0.85 at RED 5%: 0.04 (0.0425)

        assertThat(excluding.pricingProperty().get().total()).isEqualByComparingTo("2.05");
        assertThat(excluding.taxAddedProperty().get()).isEqualByComparingTo("0.28");
        assertThat(excluding.toPay()).isEqualByComparingTo("2.33");
        assertThat(excluding.cashDue()).isEqualByComparingTo("2.33");
        excluding.payCash("2.33");
        Receipt receipt = excluding.lastReceiptProperty().get();
        assertThat(receipt.total()).isEqualByComparingTo("2.33");
        assertThat(receipt.taxAdded()).isEqualByComparingTo("0.28");
        assertThat(receipt.change()).isEqualByComparingTo("0.00");
    }

    @Test
    void showsSweetsAsTilesFilteredByCategoryAndSearch() {
        assertThat(model.tiles()).extracting(SweetView::sku).containsExactlyInAnyOrder("SL", "FB", "NONE");
        assertThat(model.categories()).first().isEqualTo(CatalogueFilter.ALL);

        model.searchProperty().set("fb");
        assertThat(model.tiles()).extracting(SweetView::sku).containsExactly("FB");
        model.searchProperty().set("sweet s");
        assertThat(model.tiles()).extracting(SweetView::sku).containsExactly("SL");
        model.searchProperty().set("");
        model.categoryProperty().set("nowhere");
        assertThat(model.tiles()).isEmpty();
    }

    @Test
    void sellsTwoSweetsForCashAndGivesChange() {
        model.add("SL");
        model.add("SL");
        model.add("FB");
        assertThat(model.pricingProperty().get().total()).isEqualByComparingTo("3.25");
        UUID saleId = model.saleId();

        model.payCash("5");

        Receipt receipt = model.lastReceiptProperty().get();
        assertThat(receipt.saleId()).isEqualTo(saleId);
        assertThat(receipt.total()).isEqualByComparingTo("3.25");
        assertThat(receipt.change()).isEqualByComparingTo("1.75");
        assertThat(receipt.payment()).isEqualTo(PaymentMethod.CASH);
        assertThat(model.basket()).isEmpty();
        assertThat(model.saleId()).isNull();
        assertThat(model.messageProperty().get()).isEqualTo("Sale T1-000001 done: change 1.75.");
        assertThat(stockOf("SL")).isEqualTo(3);
        assertThat(stockOf("FB")).isEqualTo(1);
    }

    @Test
    void quantityPlusMinusAndRemove() {
        model.add("SL");
        model.increment("SL");
        model.add("FB");
        model.decrement("SL");
        assertThat(model.basket()).extracting(Basket.Item::sku, Basket.Item::quantity)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("SL", 1), org.assertj.core.groups.Tuple.tuple("FB", 1));
        model.decrement("SL");
        model.remove("FB");
        assertThat(model.basket()).isEmpty();
        assertThat(model.pricingProperty().get().total()).isEqualByComparingTo("0.00");
    }

    @Test
    void refusesMoreThanTheStockShownAndSoldOutSweets() {
        model.add("FB");
        model.add("FB");
        model.add("FB");
        assertThat(model.basket()).extracting(Basket.Item::quantity).containsExactly(2);
        assertThat(model.messageProperty().get()).isEqualTo("Only 2 Sweet FB left.");
        model.add("NONE");
        assertThat(model.messageProperty().get()).isEqualTo("Sweet NONE is out of stock.");
        assertThat(model.basket()).hasSize(1);
    }

    @Test
    void cashThatIsNotAnAmountIsRefusedAndNothingIsSold() {
        model.add("SL");
        model.payCash("lots");
        assertThat(model.toneProperty().get()).isEqualTo(Notice.Tone.ERROR);
        model.payCash("1.234");
        assertThat(model.toneProperty().get()).isEqualTo(Notice.Tone.ERROR);
        assertThat(model.paymentsTaken()).isEmpty();
        assertThat(model.basket()).hasSize(1);
        assertThat(Sql.queryLong(app.database().dataSource(), "select count(*) from sale")).isZero();
        assertThat(stockOf("SL")).isEqualTo(5);
    }

    @Test
    void cashBelowTheTotalIsTakenAsAPartTheBasketWaitsAndACardPaysTheRest() {
        model.add("SL");
        model.add("SL");   // 2.40

        model.payCash("1.00");
        assertThat(model.messageProperty().get()).isEqualTo("Cash 1.00 taken: 1.40 left to pay.");
        assertThat(model.leftToPay()).isEqualByComparingTo("1.40");
        assertThat(Sql.queryLong(app.database().dataSource(), "select count(*) from sale")).isZero();
        // part of it is paid: the basket stays as it is, a second cash part and a card beyond the rest are refused
        model.add("SL");
        assertThat(model.messageProperty().get()).isEqualTo("Part of this basket is paid: pay the rest, or Undo payments to change it.");
        assertThat(model.basket()).singleElement().satisfies(line -> assertThat(line.quantity()).isEqualTo(2));
        model.payCash("5.00");
        assertThat(model.messageProperty().get()).isEqualTo("Cash is taken already: pay the rest by card, or Undo payments.");
        model.payCard("1.50");
        assertThat(model.messageProperty().get()).isEqualTo("A card part of 1.50 is more than the 1.40 left to pay.");
        model.payCard("0.40");
        assertThat(model.messageProperty().get()).isEqualTo("Card 0.40 taken: 1.00 left to pay.");

        model.payCard();

        Receipt receipt = model.lastReceiptProperty().get();
        assertThat(receipt.payments()).extracting(PaymentPart::method, PaymentPart::amount).containsExactly(
                tuple(PaymentMethod.CASH, new BigDecimal("1.00")), tuple(PaymentMethod.CARD, new BigDecimal("0.40")),
                tuple(PaymentMethod.CARD, new BigDecimal("1.00")));
        assertThat(receipt.change()).isEqualByComparingTo("0.00");
        assertThat(model.paymentsTaken()).isEmpty();
        assertThat(stockOf("SL")).isEqualTo(3);
    }

    @Test
    void undoPaymentsDropsThePartsAndTheBasketMayChangeAgain() {
        model.add("SL");
        model.payCard("0.50");
        assertThat(model.paymentsTaken()).hasSize(1);

        model.undoPayments();

        assertThat(model.messageProperty().get()).isEqualTo("Payments undone: 1.20 to pay.");
        assertThat(model.paymentsTaken()).isEmpty();
        model.add("SL");
        assertThat(model.basket()).singleElement().satisfies(line -> assertThat(line.quantity()).isEqualTo(2));
        model.payCash("5.00");
        assertThat(model.lastReceiptProperty().get().payments()).extracting(PaymentPart::amount).containsExactly(new BigDecimal("2.40"));
        assertThat(model.lastReceiptProperty().get().change()).isEqualByComparingTo("2.60");
    }

    @Test
    void aScannedCouponIsPreviewedAttachedAndRedeemed() {
        String token = app.coupons().issue(manager, 1, Discount.percent(new BigDecimal("10")), LocalDate.now().plusDays(30)).get(0).token();
        model.add("SL");
        model.add("SL");

        model.scanned(token);

        CouponPreview coupon = model.couponProperty().get();
        assertThat(coupon).isNotNull();
        assertThat(model.messageProperty().get()).startsWith("Coupon 10% off, valid until ");
        assertThat(model.pricingProperty().get().total()).isEqualByComparingTo("2.16");
        model.payCard();
        assertThat(model.lastReceiptProperty().get().couponDiscount()).isEqualByComparingTo("0.24");
        assertThat(app.coupons().preview(token).state()).isEqualTo("redeemed");
    }

    @Test
    void aCouponRedeemedByAnotherTillFirstIsRefusedWithWhereAndTheBasketStays() {
        String token = app.coupons().issue(manager, 1, Discount.amount(new BigDecimal("1.00")), null).get(0).token();
        model.add("SL");
        model.scanned(token);
        assertThat(model.couponProperty().get()).isNotNull();
        app.sales().checkout(cashier, new CheckoutRequest(UUID.randomUUID(), "T2", List.of(line("FB", 1)), token, null,
                org.sweetshop.sale.Payment.card()));

        model.payCard();

        assertThat(model.messageProperty().get()).startsWith("Coupon refused: coupon already redeemed at T2 on ")
                .endsWith(". It was taken off the basket.");
        assertThat(model.couponProperty().get()).isNull();
        assertThat(model.basket()).hasSize(1);
        assertThat(model.pricingProperty().get().total()).isEqualByComparingTo("1.20");
        assertThat(stockOf("SL")).isEqualTo(5);
        model.payCard();
        assertThat(model.lastReceiptProperty().get().total()).isEqualByComparingTo("1.20");
    }

    @Test
    void aPromoCodeShowsItsRemainingUses() {
        app.promos().add(manager, new NewPromo("WELCOME10", Discount.percent(new BigDecimal("10")), 3, null, null));
        model.add("SL");
        model.scanned("welcome10");
        PromoView promo = model.promoProperty().get();
        assertThat(promo.code()).isEqualTo("WELCOME10");
        assertThat(model.messageProperty().get()).isEqualTo("Promo WELCOME10: 10% off, 3 uses left.");
        assertThat(model.pricingProperty().get().total()).isEqualByComparingTo("1.08");
    }

    @Test
    void aSkuScannedAddsTheSweetAndAnythingElseIsNotRecognised() {
        model.scanned("sl");
        assertThat(model.basket()).extracting(Basket.Item::sku).containsExactly("SL");
        model.scanned("http://example.com/?x=1");
        assertThat(model.messageProperty().get())
                .isEqualTo("Not recognised: http://example.com/?x=1 is not a sweet, a coupon or a promo code.");
        model.scanned("NOSUCHCODE");
        assertThat(model.messageProperty().get()).isEqualTo("Not recognised: NOSUCHCODE is not a sweet, a coupon or a promo code.");
        model.scanned("SWC-0000000000000000000000000000000Z");
        assertThat(model.messageProperty().get()).startsWith("Coupon refused: ");
        assertThat(model.couponProperty().get()).isNull();
        assertThat(model.basket()).hasSize(1);
    }

    /**
     * The real services, except that the first checkout's answer is lost on the way back: the sale
     * is made, then the till hears "unreachable". Every sale UUID sent is added to {@code sent}.
     */
    private SellServices firstAnswerLost(List<UUID> sent) {
        AtomicInteger failuresLeft = new AtomicInteger(1);
        SellServices real = SellServices.of(app.catalog(), app.coupons(), app.promos(), app.sales());
        return new SellServices() {
            public List<SweetView> catalogue() {
                return real.catalogue();
            }

            public CouponPreview previewCoupon(String token) {
                return real.previewCoupon(token);
            }

            public PromoView findPromo(String code) {
                return real.findPromo(code);
            }

            public java.util.Optional<Receipt> findReceipt(UUID saleId) {
                return real.findReceipt(saleId);
            }

            public org.sweetshop.catalog.ScannedItem resolveCode(String code) {
                return real.resolveCode(code);
            }

            public Receipt checkout(Caller caller, CheckoutRequest request) {
                sent.add(request.saleId());
                Receipt receipt = real.checkout(caller, request);
                if (failuresLeft.getAndDecrement() > 0) {
                    throw new DatabaseUnreachableException("store database unreachable", null);
                }
                return receipt;
            }
        };
    }

    @Test
    void anUnconfirmedPaymentKeepsTheBasketAndTryAgainSendsTheSameSaleOnce() {
        List<UUID> sent = new ArrayList<>();
        SellServices flaky = firstAnswerLost(sent);
        SellViewModel till = new SellViewModel(flaky, "T1", cashier, SAME_THREAD, UUID::randomUUID);
        till.reload();
        till.add("SL");

        till.payCard();

        assertThat(till.retryableProperty().get()).isTrue();
        assertThat(till.basket()).hasSize(1);
        assertThat(till.messageProperty().get())
                .isEqualTo("The store database cannot be reached. The basket is kept: press Try again (no sale is made twice).");
        till.add("FB");
        assertThat(till.basket()).hasSize(1);

        till.retry();

        assertThat(sent).hasSize(2).containsOnly(sent.get(0));
        assertThat(till.lastReceiptProperty().get().saleId()).isEqualTo(sent.get(0));
        assertThat(till.basket()).isEmpty();
        assertThat(Sql.queryLong(app.database().dataSource(), "select count(*) from sale")).isEqualTo(1);
        assertThat(stockOf("SL")).isEqualTo(4);
    }

    @Test
    void aStockChangeFromElsewhereUpdatesTheTile() {
        long id = model.sweet("FB").orElseThrow().id();
        model.sweetChanged(new SweetChange(id, "FB", "Fudge Bar", "Fudge", 7, new BigDecimal("0.90"), true));
        SweetView fb = model.sweet("FB").orElseThrow();
        assertThat(fb.stock()).isEqualTo(7);
        assertThat(fb.price()).isEqualByComparingTo("0.90");
        assertThat(fb.name()).isEqualTo("Fudge Bar");
        assertThat(model.categories()).containsExactly(CatalogueFilter.ALL, "Fudge", "Test");
        model.sweetChanged(new SweetChange(id, "FB", "Fudge Bar", "Fudge", 7, new BigDecimal("0.90"), false));
        assertThat(model.sweet("FB")).isEmpty();
    }

    @Test
    void aSweetAddedElsewhereLoadsTheCatalogueAgain() {
        SweetView added = sweet("NEW", "2.00", 4);
        model.sweetChanged(new SweetChange(added.id(), "NEW", "Sweet NEW", "Test", 4, new BigDecimal("2.00"), true));
        assertThat(model.sweet("NEW")).isPresent();
    }

    /** A background executor the test runs by hand: what a slow database looks like to the screen. */
    private static final class HeldExecutor implements Executor {
        private final java.util.ArrayDeque<Runnable> held = new java.util.ArrayDeque<>();

        @Override
        public void execute(Runnable task) {
            held.add(task);
        }

        void runAll() {
            while (!held.isEmpty()) {
                held.poll().run();
            }
        }
    }

    private SellViewModel withHeldBackground(HeldExecutor held) {
        SellViewModel till = new SellViewModel(SellServices.of(app.catalog(), app.coupons(), app.promos(), app.sales()), "T1",
                cashier, new TaskExecutor(held, Runnable::run), UUID::randomUUID);
        till.reload();
        held.runAll();
        return till;
    }

    @Test
    void payWaitsForACouponStillBeingCheckedAndAnAnswerForAClearedBasketIsDropped() {
        String token = app.coupons().issue(manager, 1, Discount.percent(new BigDecimal("10")), null).get(0).token();
        HeldExecutor held = new HeldExecutor();
        SellViewModel till = withHeldBackground(held);
        till.add("SL");
        till.scanned(token);

        till.payCard();
        assertThat(till.messageProperty().get()).isEqualTo("Wait a moment: a coupon or promo code is still being checked.");
        assertThat(till.payingProperty().get()).isFalse();

        till.clear();
        held.runAll();   // the coupon's answer comes back for a basket that is gone
        assertThat(till.couponProperty().get()).isNull();
        assertThat(till.discounts()).isEmpty();
        till.add("SL");
        till.payCard();
        held.runAll();
        assertThat(till.lastReceiptProperty().get().couponDiscount()).isEqualByComparingTo("0.00");
        assertThat(app.coupons().preview(token).state()).isEqualTo("valid");
    }

    @Test
    void aPriceChangedElsewhereRepricesTheBasketSoTheTotalShownIsTheTotalCharged() {
        model.add("FB");
        model.add("FB");
        app.catalog().changePrice(manager, "FB", new BigDecimal("0.95"));
        SweetView fb = app.catalog().find("FB");
        model.sweetChanged(new SweetChange(fb.id(), "FB", fb.name(), fb.category(), fb.stock(), fb.price(), true));

        assertThat(model.pricingProperty().get().total()).isEqualByComparingTo("1.90");
        assertThat(model.messageProperty().get()).isEqualTo("The price of Sweet FB is now 0.95 (was 0.85): the total is updated.");
        model.payCard();
        assertThat(model.lastReceiptProperty().get().total()).isEqualByComparingTo("1.90");
    }

    @Test
    void clearAfterAnUnconfirmedPaymentThatWentThroughShowsItsReceiptInsteadOfDroppingIt() {
        SellServices lostAnswer = firstAnswerLost(new ArrayList<>());
        SellViewModel till = new SellViewModel(lostAnswer, "T1", cashier, SAME_THREAD, UUID::randomUUID);
        till.reload();
        till.add("SL");
        till.payCard();
        assertThat(till.retryableProperty().get()).isTrue();
        assertThat(till.mayLeave()).isFalse();

        till.clear();

        assertThat(till.lastReceiptProperty().get().receiptNo()).isEqualTo("T1-000001");
        assertThat(till.messageProperty().get()).isEqualTo("The payment had gone through: sale T1-000001. Nothing was charged twice.");
        assertThat(till.basket()).isEmpty();
        assertThat(Sql.queryLong(app.database().dataSource(), "select count(*) from sale")).isEqualTo(1);
        // settled as if the answer had come: the till is unlocked for the next customer
        assertThat(till.retryableProperty().get()).isFalse();
        assertThat(till.payingProperty().get()).isFalse();
        assertThat(till.reachableProperty().get()).isTrue();
        assertThat(till.mayLeave()).isTrue();
        till.add("SL");
        till.payCard();
        assertThat(till.lastReceiptProperty().get().receiptNo()).isEqualTo("T1-000002");
        assertThat(Sql.queryLong(app.database().dataSource(), "select count(*) from sale")).isEqualTo(2);
    }

    @Test
    void theCouponCannotBeTakenOffWhileThePaymentIsUnconfirmed() {
        String token = app.coupons().issue(manager, 1, Discount.percent(new BigDecimal("10")), null).get(0).token();
        HeldExecutor held = new HeldExecutor();
        SellViewModel till = withHeldBackground(held);
        till.add("SL");
        till.scanned(token);
        held.runAll();
        till.payCard();          // on its way
        till.detachCoupon();
        assertThat(till.couponProperty().get()).isNotNull();
        assertThat(till.messageProperty().get()).isEqualTo("Wait: the payment is on its way.");
        held.runAll();
        assertThat(till.lastReceiptProperty().get().couponDiscount()).isEqualByComparingTo("0.12");
    }

    @Test
    void clearStartsANewBasketWithANewSaleId() {
        model.add("SL");
        UUID first = model.saleId();
        model.clear();
        assertThat(model.basket()).isEmpty();
        model.add("SL");
        assertThat(model.saleId()).isNotNull().isNotEqualTo(first);
        assertThat(ids).hasSize(2);
    }
}
