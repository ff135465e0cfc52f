package org.sweetshop.ui.till.sell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.sweetshop.common.Discount;
import org.sweetshop.common.Money;
import org.sweetshop.common.SoldBy;
import org.sweetshop.coupon.CouponPreview;
import org.sweetshop.promo.PromoView;
import org.sweetshop.sale.BasketLine;
import org.sweetshop.sale.CheckoutRequest;
import org.sweetshop.sale.Payment;
import org.sweetshop.sale.SaleService;

/** The basket as plain data: no JavaFX, no database. */
class BasketTest {

    private final List<UUID> ids = new ArrayList<>();
    private final Basket basket = new Basket(() -> {
        UUID id = UUID.randomUUID();
        ids.add(id);
        return id;
    });

    private static CouponPreview coupon(String percent) {
        return new CouponPreview("ABCD", Discount.percent(new BigDecimal(percent)), LocalDate.of(2030, 1, 1), "valid", true, null, null,
                percent + "% off, valid until 2030-01-01");
    }

    private static PromoView promo(String code, String amount, Integer remaining) {
        return new PromoView(code, Discount.amount(new BigDecimal(amount)), remaining == null ? null : remaining + 1, 1, remaining,
                null, null, true);
    }

    @Test
    void addingTheSameSweetAgainIsOneLineAndQuantitiesGoUpAndDown() {
        basket.addOne("SL", "Sherbet Lemons", new BigDecimal("1.20"));
        basket.addOne("FB", "Fudge Bar", new BigDecimal("0.85"));
        basket.addOne("sl", "Sherbet Lemons", new BigDecimal("1.20"));

        assertThat(basket.items()).extracting(Basket.Item::sku, Basket.Item::quantity).containsExactly(tuple("SL", 2), tuple("FB", 1));
        assertThat(basket.quantityOf("SL")).isEqualTo(2);
        assertThat(basket.item("SL").orElseThrow().total()).isEqualByComparingTo("2.40");

        assertThat(basket.takeOne("SL")).isTrue();
        assertThat(basket.takeOne("FB")).isTrue();
        assertThat(basket.takeOne("NONE")).isFalse();
        assertThat(basket.items()).extracting(Basket.Item::sku, Basket.Item::quantity).containsExactly(tuple("SL", 1));
        assertThat(basket.remove("SL")).map(Basket.Item::name).contains("Sherbet Lemons");
        assertThat(basket.remove("SL")).isEmpty();
        assertThat(basket.isEmpty()).isTrue();
    }

    @Test
    void aBasketHoldsAtMostTheLinesASaleMayHave() {
        for (int i = 0; i < SaleService.MAX_LINES; i++) {
            basket.addOne("S" + i, "Sweet " + i, BigDecimal.ONE);
        }
        assertThat(basket.hasRoomFor("NEW")).isFalse();
        assertThat(basket.hasRoomFor("S0")).isTrue();
    }

    @Test
    void theSaleIdIsKeptAcrossEditsAndNewAfterTheBasketIsCleared() {
        assertThat(basket.saleId()).isNull();
        basket.addOne("SL", "Sherbet Lemons", new BigDecimal("1.20"));
        UUID first = basket.saleId();
        basket.addOne("FB", "Fudge Bar", new BigDecimal("0.85"));
        basket.takeOne("FB");
        basket.remove("SL");
        basket.addOne("SL", "Sherbet Lemons", new BigDecimal("1.20"));
        basket.attachCoupon("SWC-TOKEN", coupon("10"));
        assertThat(basket.saleId()).isEqualTo(first);

        basket.clear();

        assertThat(basket.saleId()).isNull();
        assertThat(basket.coupon()).isNull();
        assertThat(basket.isEmpty()).isTrue();
        basket.addOne("SL", "Sherbet Lemons", new BigDecimal("1.20"));
        assertThat(basket.saleId()).isNotNull().isNotEqualTo(first);
        assertThat(ids).hasSize(2);
    }

    @Test
    void theCouponComesOffTheSubtotalAndThePromoOffWhatIsLeft() {
        basket.addOne("SL", "Sherbet Lemons", new BigDecimal("1.20"));
        basket.addOne("SL", "Sherbet Lemons", new BigDecimal("1.20"));
        basket.addOne("FB", "Fudge Bar", new BigDecimal("0.85"));
        assertThat(basket.pricing().subtotal()).isEqualByComparingTo("3.25");
        assertThat(basket.pricing().total()).isEqualByComparingTo("3.25");
        assertThat(basket.discountLines()).isEmpty();

        basket.attachCoupon("SWC-TOKEN", coupon("20"));
        basket.attachPromo(promo("TREAT50", "0.50", 3));

        assertThat(basket.pricing().couponDiscount()).isEqualByComparingTo("0.65");
        assertThat(basket.pricing().promoDiscount()).isEqualByComparingTo("0.50");
        assertThat(basket.pricing().total()).isEqualByComparingTo("2.10");
        assertThat(basket.discountLines()).extracting(Basket.DiscountLine::coupon, Basket.DiscountLine::label, Basket.DiscountLine::amount)
                .containsExactly(tuple(true, "Coupon …ABCD (20% off)", new BigDecimal("0.65")),
                        tuple(false, "Promo TREAT50: 0.50 off, 3 uses left", new BigDecimal("0.50")));

        basket.detachCoupon();
        assertThat(basket.pricing().total()).isEqualByComparingTo("2.75");
        basket.detachPromo();
        assertThat(basket.pricing().total()).isEqualByComparingTo("3.25");
        assertThat(basket.discountLines()).isEmpty();
    }

    @Test
    void aNewPriceRepricesTheLineAndSaysWhatItWas() {
        basket.addOne("FB", "Fudge Bar", new BigDecimal("0.85"));
        basket.addOne("FB", "Fudge Bar", new BigDecimal("0.85"));

        assertThat(basket.reprice("FB", "Fudge Bar", new BigDecimal("0.85"))).isEmpty();
        assertThat(basket.reprice("NONE", "Nothing", BigDecimal.ONE)).isEmpty();
        assertThat(basket.reprice("FB", "Fudge Bar", new BigDecimal("0.95"))).map(Basket.Item::unitPrice).contains(new BigDecimal("0.85"));

        assertThat(basket.pricing().total()).isEqualByComparingTo("1.90");
        assertThat(basket.item("FB").orElseThrow().quantity()).isEqualTo(2);
    }

    @Test
    void theCheckoutRequestCarriesTheLinesTheCodesAndTheSaleId() {
        basket.addOne("SL", "Sherbet Lemons", new BigDecimal("1.20"));
        basket.addOne("SL", "Sherbet Lemons", new BigDecimal("1.20"));
        basket.attachCoupon("SWC-TOKEN", coupon("10"));
        basket.attachPromo(promo("WELCOME10", "0.10", null));

        CheckoutRequest request = basket.request("T1", List.of(Payment.card()));

        assertThat(request.saleId()).isEqualTo(basket.saleId());
        assertThat(request.till()).isEqualTo("T1");
        assertThat(request.lines()).containsExactly(new BasketLine("SL", 2));
        assertThat(request.couponToken()).isEqualTo("SWC-TOKEN");
        assertThat(request.promoCode()).isEqualTo("WELCOME10");
        assertThat(Basket.describe(promo("WELCOME10", "0.10", null))).isEqualTo("WELCOME10: 0.10 off, unlimited uses");
    }

    @Test
    void aWeighedLineIsGramsAtAPricePerKgRoundedOnceAsCheckoutPricesIt() {
        basket.add("PM", "Pick & Mix", new BigDecimal("14.99"), 253, SoldBy.WEIGHED);
        basket.addOne("SL", "Sherbet Lemons", new BigDecimal("1.20"));

        Basket.Item line = basket.item("PM").orElseThrow();
        assertThat(line.weighed()).isTrue();
        // 253 g × 14.99 / kg = 3.79247 → 3.79 (Money.weighedLine), not unit price × quantity
        assertThat(line.total()).isEqualByComparingTo("3.79");
        assertThat(line.total()).isEqualByComparingTo(Money.weighedLine(new BigDecimal("14.99"), 253));
        assertThat(basket.pricing().subtotal()).isEqualByComparingTo("4.99");
        assertThat(basket.request("T1", List.of(Payment.card())).lines()).containsExactly(new BasketLine("PM", 253), new BasketLine("SL", 1));
    }

    @Test
    void aSecondWeighingAddsItsGramsToTheSweetsLineRoundedOnceForTheWhole() {
        // 5 g at 1.00 / kg is 0.005 → 0.01 on its own; twice as two lines would be 0.02, one line of 10 g is 0.01
        basket.add("LQ", "Liquorice", new BigDecimal("1.00"), 5, SoldBy.WEIGHED);
        basket.add("LQ", "Liquorice", new BigDecimal("1.00"), 5, SoldBy.WEIGHED);

        assertThat(basket.items()).extracting(Basket.Item::sku, Basket.Item::quantity).containsExactly(tuple("LQ", 10));
        assertThat(basket.pricing().total()).isEqualByComparingTo("0.01");
        assertThat(basket.request("T1", List.of(Payment.card())).lines()).containsExactly(new BasketLine("LQ", 10));
    }

    @Test
    void gramsDoNotGoOneAtATimeAWeighedLineIsReweighedOrRemoved() {
        basket.add("PM", "Pick & Mix", new BigDecimal("15.00"), 250, SoldBy.WEIGHED);

        assertThat(basket.takeOne("PM")).isFalse();
        assertThat(basket.quantityOf("PM")).isEqualTo(250);
        assertThat(basket.reweigh("PM", 180)).isTrue();
        assertThat(basket.reweigh("PM", 0)).isFalse();
        assertThat(basket.reweigh("NONE", 100)).isFalse();
        assertThat(basket.item("PM").orElseThrow().total()).isEqualByComparingTo("2.70");
        assertThat(basket.reprice("PM", "Pick & Mix", new BigDecimal("16.00"))).isPresent();
        assertThat(basket.item("PM").orElseThrow()).isEqualTo(new Basket.Item("PM", "Pick & Mix", new BigDecimal("16.00"), 180,
                SoldBy.WEIGHED));
        assertThat(basket.item("PM").orElseThrow().total()).isEqualByComparingTo("2.88");
        assertThat(basket.remove("PM")).isPresent();
        assertThat(basket.isEmpty()).isTrue();
    }

    @Test
    void nothingOrLessIsNotALine() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> basket.add("PM", "Pick & Mix", BigDecimal.TEN, 0, SoldBy.WEIGHED))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(basket.isEmpty()).isTrue();
        assertThat(basket.saleId()).isNull();
    }
}
