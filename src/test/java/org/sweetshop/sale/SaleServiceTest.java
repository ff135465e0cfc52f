package org.sweetshop.sale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.sweetshop.stock.MovementKind;
import org.sweetshop.common.NotForSaleException;
import org.sweetshop.common.OutOfStockException;
import org.sweetshop.common.Discount;
import org.sweetshop.common.InvalidInputException;
import org.sweetshop.promo.NewPromo;
import org.sweetshop.common.PromoRefusedException;
import org.sweetshop.testing.DatabaseTest;
import org.sweetshop.testing.Snapshot;

class SaleServiceTest extends DatabaseTest {

    @Test
    void aCashSaleWritesLinesMovementsChangeAndTheFirstReceiptNumber() {
        sweet("SL", "1.20", 10);
        sweet("FB", "0.85", 5);

        Receipt receipt = app.sales().checkout(cashier, new CheckoutRequest(UUID.randomUUID(), "T7",
                List.of(line("SL", 2), line("FB", 1)), null, null, Payment.cash(new BigDecimal("5.00"))));

        assertThat(receipt.receiptNo()).isEqualTo("T7-000001");
        assertThat(receipt.cashier()).isEqualTo("cashier");
        assertThat(receipt.total()).isEqualByComparingTo("3.25");
        assertThat(receipt.change()).isEqualByComparingTo("1.75");
        assertThat(receipt.lines()).extracting(ReceiptLine::sku, ReceiptLine::quantity).containsExactly(
                org.assertj.core.groups.Tuple.tuple("SL", 2), org.assertj.core.groups.Tuple.tuple("FB", 1));
        assertThat(stockOf("SL")).isEqualTo(8);
        assertThat(app.stock().movements("SL", 10)).first().satisfies(m -> {
            assertThat(m.kind()).isEqualTo(MovementKind.SALE);
            assertThat(m.quantity()).isEqualTo(-2);
            assertThat(m.stockAfter()).isEqualTo(8);
            assertThat(m.staff()).isEqualTo("cashier");
            assertThat(m.till()).isEqualTo("T7");
            assertThat(m.saleId()).isEqualTo(receipt.saleId());
        });
        assertThat(app.sales().findReceipt("T7-000001")).contains(receipt);
    }

    @Test
    void receiptNumbersRunWithoutGapsPerTillEvenAfterRefusals() {
        sweet("SL", "1.00", 3);

        app.sales().checkout(cashier, basket("T1", List.of(line("SL", 1))));
        assertThatThrownBy(() -> app.sales().checkout(cashier, basket("T1", List.of(line("SL", 5))))).isInstanceOf(OutOfStockException.class);
        app.sales().checkout(cashier, basket("T2", List.of(line("SL", 1))));
        Receipt third = app.sales().checkout(cashier, basket("T1", List.of(line("SL", 1))));

        assertThat(third.receiptNo()).isEqualTo("T1-000002");
    }

    @Test
    void theSameSkuTwiceInABasketIsOneLine() {
        sweet("SL", "1.00", 10);

        Receipt receipt = app.sales().checkout(cashier, basket("T1", List.of(line("SL", 2), line("SL", 3))));

        assertThat(receipt.lines()).singleElement().satisfies(l -> assertThat(l.quantity()).isEqualTo(5));
        assertThat(stockOf("SL")).isEqualTo(5);
    }

    @Test
    void outOfStockSaysHowManyAreLeftAndChangesNothing() {
        sweet("SL", "1.00", 2);
        sweet("FB", "1.00", 10);
        String before = Snapshot.of(app.database().dataSource());

        assertThatThrownBy(() -> app.sales().checkout(cashier, basket("T1", List.of(line("FB", 1), line("SL", 3)))))
                .isInstanceOfSatisfying(OutOfStockException.class, e -> {
                    assertThat(e.sku()).isEqualTo("SL");
                    assertThat(e.left()).isEqualTo(2);
                    assertThat(e.getMessage()).isEqualTo("out of stock: only 2 of Sweet SL (SL) left, 3 asked for");
                });
        assertThat(Snapshot.of(app.database().dataSource())).isEqualTo(before);
    }

    @Test
    void aSweetTakenOffSaleCannotBeSold() {
        sweet("SL", "1.00", 2);
        office.catalog().deactivate(manager, "SL");

        assertThatThrownBy(() -> app.sales().checkout(cashier, basket("T1", List.of(line("SL", 1))))).isInstanceOf(NotForSaleException.class);
    }

    @Test
    void cashBelowTheTotalIsRefusedAndChangesNothing() {
        sweet("SL", "1.20", 2);
        String before = Snapshot.of(app.database().dataSource());

        assertThatThrownBy(() -> app.sales().checkout(cashier, new CheckoutRequest(UUID.randomUUID(), "T1", List.of(line("SL", 2)),
                null, null, Payment.cash(new BigDecimal("2.00")))))
                .isInstanceOf(InvalidInputException.class).hasMessage("cash tendered 2.00 is less than the total 2.40");
        assertThat(Snapshot.of(app.database().dataSource())).isEqualTo(before);
    }

    @Test
    void aPromoOutsideItsWindowOrSwitchedOffIsRefused() {
        sweet("SL", "1.00", 20);
        office.promos().add(manager, new NewPromo("LATER", Discount.percent(BigDecimal.TEN), null, java.time.LocalDate.now().plusDays(3), null));
        office.promos().add(manager, new NewPromo("OFF", Discount.percent(BigDecimal.TEN), null, null, null));
        office.promos().deactivate(manager, "OFF");

        assertThatThrownBy(() -> app.sales().checkout(cashier, new CheckoutRequest(UUID.randomUUID(), "T1", List.of(line("SL", 1)), null,
                "later", Payment.card())))
                .isInstanceOfSatisfying(PromoRefusedException.class, e -> assertThat(e.reason()).isEqualTo(PromoRefusedException.Reason.NOT_YET_VALID));
        assertThatThrownBy(() -> app.sales().checkout(cashier, new CheckoutRequest(UUID.randomUUID(), "T1", List.of(line("SL", 1)), null,
                "OFF", Payment.card())))
                .isInstanceOfSatisfying(PromoRefusedException.class, e -> assertThat(e.reason()).isEqualTo(PromoRefusedException.Reason.INACTIVE));
        assertThat(stockOf("SL")).isEqualTo(20);
    }

    @Test
    void couponAndPromoTogetherAreRecordedSeparately() {
        sweet("SL", "10.00", 5);
        String token = office.coupons().issue(manager, 1, Discount.amount(new BigDecimal("2.00")), null).get(0).token();
        office.promos().add(manager, new NewPromo("HALF", Discount.percent(new BigDecimal("50")), 10, null, null));

        Receipt receipt = app.sales().checkout(cashier, new CheckoutRequest(UUID.randomUUID(), "T1", List.of(line("SL", 1)), token,
                "half", Payment.card()));

        assertThat(receipt.couponDiscount()).isEqualByComparingTo("2.00");
        assertThat(receipt.promoDiscount()).isEqualByComparingTo("4.00");
        assertThat(receipt.total()).isEqualByComparingTo("4.00");
        assertThat(receipt.couponHint()).isEqualTo(token.substring(token.length() - 4));
        assertThat(receipt.promoCode()).isEqualTo("HALF");
        assertThat(app.promos().find("HALF").remaining()).isEqualTo(9);
    }
}
