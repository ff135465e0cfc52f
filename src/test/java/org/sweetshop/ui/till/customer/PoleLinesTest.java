package org.sweetshop.ui.till.customer;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.sweetshop.common.SoldBy;
import org.sweetshop.sale.Payment;
import org.sweetshop.sale.PaymentMethod;
import org.sweetshop.sale.Tender;
import org.sweetshop.sale.Receipt;
import org.sweetshop.sale.ReceiptLine;

/** What the pole display says for each thing the customer is shown, and what a receipt says was paid. */
class PoleLinesTest {

    private static final CustomerShow.Line FUDGE = new CustomerShow.Line("Fudge Bar", "1", new BigDecimal("0.85"));

    private static Receipt receipt(PaymentMethod method, String tendered) {
        return new Receipt(UUID.randomUUID(), "T1-000001", "T1", "cashier", Instant.EPOCH,
                List.of(new ReceiptLine("FB", "Fudge Bar", 2, new BigDecimal("0.85"), new BigDecimal("1.70")),
                        new ReceiptLine("PM", "Pick & Mix", 1_253, new BigDecimal("14.99"), new BigDecimal("18.78"), SoldBy.WEIGHED)),
                new BigDecimal("20.48"), new BigDecimal("1.00"), new BigDecimal("0.50"), new BigDecimal("18.98"),
                Tender.single(method, new BigDecimal("18.98"), tendered == null ? null : new BigDecimal(tendered)), "ABCD", "WELCOME10",
                false);
    }

    @Test
    void idleWelcomesToTheStore() {
        assertThat(PoleLines.of(new CustomerShow.Idle("Crème de la Crème"))).isEqualTo(new PoleLines("     Welcome to     ", " Creme de la Creme  "));
    }

    @Test
    void aLineIsNamedWithItsQuantityOrWeight() {
        CustomerShow.Line two = new CustomerShow.Line("Fudge Bar", "2", new BigDecimal("1.70"));
        CustomerShow.Line weighed = new CustomerShow.Line("Pick & Mix", "1.253 kg", new BigDecimal("18.78"));

        assertThat(PoleLines.of(new CustomerShow.Selling(List.of(FUDGE), List.of(), FUDGE, new BigDecimal("0.85"))))
                .isEqualTo(new PoleLines("Fudge Bar       0.85", "TOTAL           0.85"));
        assertThat(PoleLines.of(new CustomerShow.Selling(List.of(two), List.of(), two, new BigDecimal("1.70"))).upper())
                .isEqualTo("2x Fudge Bar    1.70");
        assertThat(PoleLines.of(new CustomerShow.Selling(List.of(two, weighed), List.of(), weighed, new BigDecimal("20.48"))))
                .isEqualTo(new PoleLines("1.253kg Pick   18.78", "TOTAL          20.48"));
    }

    @Test
    void cashShowsWhatWasTenderedAndTheChange() {
        CustomerShow.Paid paid = CustomerShow.Paid.of(receipt(PaymentMethod.CASH, "20.00"));

        assertThat(paid.paid()).isEqualByComparingTo("20.00");
        assertThat(paid.change()).isEqualByComparingTo("1.02");
        assertThat(paid.lines()).containsExactly(new CustomerShow.Line("Fudge Bar", "2", new BigDecimal("1.70")),
                new CustomerShow.Line("Pick & Mix", "1.253 kg", new BigDecimal("18.78")));
        assertThat(paid.discounts()).containsExactly(new CustomerShow.Discount("Coupon", new BigDecimal("1.00")),
                new CustomerShow.Discount("Promo WELCOME10", new BigDecimal("0.50")));
        assertThat(PoleLines.of(paid)).isEqualTo(new PoleLines("PAID           20.00", "CHANGE          1.02"));
    }

    @Test
    void aCardPaidTheTotalAndHasNoChange() {
        CustomerShow.Paid paid = CustomerShow.Paid.of(receipt(PaymentMethod.CARD, null));

        assertThat(paid.paid()).isEqualByComparingTo("18.98");
        assertThat(paid.change()).isNull();
        assertThat(PoleLines.of(paid)).isEqualTo(new PoleLines("PAID           18.98", "     Thank you      "));
    }

    @Test
    void aSplitSaleShowsEverythingHandedOverAndTheCashsChange() {
        Receipt split = new Receipt(UUID.randomUUID(), "T1-000002", "T1", "cashier", Instant.EPOCH,
                List.of(new ReceiptLine("FB", "Fudge Bar", 2, new BigDecimal("0.85"), new BigDecimal("1.70"))),
                new BigDecimal("1.70"), BigDecimal.ZERO, BigDecimal.ZERO, new BigDecimal("1.70"),
                Tender.settle(new BigDecimal("1.70"), List.of(Payment.card(new BigDecimal("0.50")), Payment.cash(new BigDecimal("5.00"))),
                        BigDecimal.ZERO), null, null, false);

        CustomerShow.Paid paid = CustomerShow.Paid.of(split);

        assertThat(paid.paid()).isEqualByComparingTo("5.50");
        assertThat(paid.change()).isEqualByComparingTo("3.80");
    }
}
