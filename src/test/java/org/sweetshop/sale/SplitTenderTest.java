package org.sweetshop.sale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.sweetshop.common.InvalidInputException;
import org.sweetshop.shift.ZReport;
import org.sweetshop.testing.DatabaseTest;
import org.sweetshop.testing.Snapshot;

/** A sale paid by several payments, and the store's cash rounding, through checkout and the database. */
class SplitTenderTest extends DatabaseTest {

    private static BigDecimal m(String amount) {
        return new BigDecimal(amount);
    }

    private Receipt sell(String till, List<Payment> payments, BasketLine... lines) {
        return app.sales().checkout(cashier, new CheckoutRequest(UUID.randomUUID(), till, List.of(lines), null, null, payments));
    }

    @Test
    void aSaleSplitBetweenTwoCardsAndCashKeepsEachPartAndGivesChangeFromTheCash() {
        sweet("FU", "1.23", 20);   // 10 x 1.23 = 12.30

        Receipt receipt = sell("T1", List.of(Payment.card(m("5.00")), Payment.card(m("3.00")), Payment.cash(m("10.00"))),
                line("FU", 10));

        assertThat(receipt.total()).isEqualByComparingTo("12.30");
        assertThat(receipt.payments()).containsExactly(new PaymentPart(PaymentMethod.CARD, m("5.00"), null),
                new PaymentPart(PaymentMethod.CARD, m("3.00"), null), new PaymentPart(PaymentMethod.CASH, m("4.30"), m("10.00")));
        assertThat(receipt.change()).isEqualByComparingTo("5.70");
        assertThat(receipt.payment()).isNull();
        assertThat(rows("select seq || ' ' || method || ' ' || amount || ' ' || coalesce(tendered::text, '-') from sale_payment"
                + " order by seq")).containsExactly("1 CARD 5.00 -", "2 CARD 3.00 -", "3 CASH 4.30 10.00");
        assertThat(rows("select cash_paid || ' ' || card_paid || ' ' || cash_rounding from sale")).containsExactly("4.30 8.00 0.00");
        // read back as it was made
        assertThat(app.sales().findReceipt(receipt.receiptNo())).contains(receipt);
        assertThat(app.audit().run().ok()).isTrue();
    }

    @Test
    void aCardForTheRestTakesWhatTheCashLeaves() {
        sweet("FU", "1.23", 20);

        Receipt receipt = sell("T1", List.of(Payment.cash(m("2.00")), Payment.card()), line("FU", 10));

        assertThat(receipt.payments()).extracting(PaymentPart::amount).containsExactly(m("2.00"), m("10.30"));
        assertThat(receipt.change()).isEqualByComparingTo("0.00");
    }

    @Test
    void theStoresCashRoundingIsItsOwnLineAndOnlyForCash() {
        sweet("FU", "1.23", 20);   // 4 x 1.23 = 4.92
        app.settings().set(owner, "cash.rounding", "0.05", null);

        Receipt cash = sell("T1", List.of(Payment.cash(m("10.00"))), line("FU", 4));
        Receipt card = sell("T1", List.of(Payment.card()), line("FU", 4));
        Receipt split = sell("T1", List.of(Payment.card(m("2.00")), Payment.cash(m("5.00"))), line("FU", 4));

        assertThat(cash.cashRounding()).isEqualByComparingTo("-0.02");
        assertThat(cash.paid()).isEqualByComparingTo("4.90");
        assertThat(cash.change()).isEqualByComparingTo("5.10");
        assertThat(card.cashRounding()).isEqualByComparingTo("0.00");
        assertThat(card.paid()).isEqualByComparingTo("4.92");
        assertThat(split.cashRounding()).isEqualByComparingTo("-0.02");   // 2.92 left in cash: 2.90
        assertThat(split.payments()).extracting(PaymentPart::amount).containsExactly(m("2.00"), m("2.90"));
        assertThat(rows("select total || ' ' || cash_paid || ' ' || card_paid || ' ' || cash_rounding from sale order by receipt_seq"))
                .containsExactly("4.92 4.90 0.00 -0.02", "4.92 0.00 4.92 0.00", "4.92 2.90 2.00 -0.02");
        assertThat(app.audit().run().ok()).isTrue();
    }

    @Test
    void aCardPartBeyondWhatIsLeftIsRefusedAndChangesNothing() {
        sweet("FU", "1.23", 20);
        String before = Snapshot.of(app.database().dataSource());

        assertThatThrownBy(() -> sell("T1", List.of(Payment.card(m("10.00")), Payment.card(m("3.00"))), line("FU", 10)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("a card part of 3.00 is more than the 2.30 left to pay");
        assertThatThrownBy(() -> sell("T1", List.of(Payment.card(m("10.00"))), line("FU", 10)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("the card parts pay 10.00 of 12.30: 2.30 is still to pay");
        assertThatThrownBy(() -> sell("T1", List.of(Payment.card(m("10.00")), Payment.cash(m("2.00"))), line("FU", 10)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("cash tendered 2.00 is less than the 2.30 left to pay");

        assertThat(Snapshot.of(app.database().dataSource())).isEqualTo(before);
    }

    @Test
    void aSplitSaleSentTwiceIsMadeOnce() {
        sweet("FU", "1.23", 20);
        CheckoutRequest request = new CheckoutRequest(UUID.randomUUID(), "T1", List.of(line("FU", 2)), null, null,
                List.of(Payment.card(m("1.00")), Payment.cash(m("5.00"))));

        Receipt first = app.sales().checkout(cashier, request);
        Receipt again = app.sales().checkout(cashier, request);

        assertThat(again.replayed()).isTrue();
        assertThat(again.payments()).isEqualTo(first.payments());
        assertThat(rows("select count(*) from sale_payment")).containsExactly("2");
        assertThat(stockOf("FU")).isEqualTo(18);
    }

    @Test
    void theZReportCountsEachMethodsPaymentsAndTheRounding() {
        sweet("FU", "1.23", 50);
        app.settings().set(owner, "cash.rounding", "0.10", null);
        app.shifts().open(cashier, "T1", m("20.00"));

        sell("T1", List.of(Payment.cash(m("5.00"))), line("FU", 1));                           // 1.23 -> 1.20 cash
        sell("T1", List.of(Payment.card()), line("FU", 2));                                    // 2.46 card
        sell("T1", List.of(Payment.card(m("1.00")), Payment.cash(m("10.00"))), line("FU", 3)); // 3.69: 1.00 card, 2.69 -> 2.70 cash
        ZReport z = app.shifts().close(cashier, "T1", m("23.90"));

        assertThat(z.net()).isEqualByComparingTo("7.38");
        assertThat(z.cashRounding()).isEqualByComparingTo("-0.02");
        assertThat(z.cashSales()).isEqualByComparingTo("3.90");
        assertThat(z.cardSales()).isEqualByComparingTo("3.46");
        assertThat(z.cashPayments()).isEqualTo(2);
        assertThat(z.cardPayments()).isEqualTo(2);
        assertThat(z.cashExpected()).isEqualByComparingTo("23.90");
        assertThat(z.difference()).isEqualByComparingTo("0.00");
        assertThat(z.lines("Shop", java.time.ZoneOffset.UTC)).contains(
                "Cash rounding                      -0.02",
                "  cash (2)                          3.90",
                "  card (2)                          3.46");
        assertThat(app.audit().run().ok()).isTrue();
    }

    private List<String> rows(String sql) {
        List<String> out = new ArrayList<>();
        try (Connection c = app.database().dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }
}
