package org.sweetshop.refund;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sweetshop.common.InvalidInputException;
import org.sweetshop.common.RefundRefusedException;
import org.sweetshop.common.SoldBy;
import org.sweetshop.sale.Receipt;
import org.sweetshop.testing.BadInputCase;
import org.sweetshop.testing.Sql;
import org.sweetshop.testing.WeighedSweets;

/** Refunds of weighed lines: part of a line in grams, the money by RefundMoney's one rule, the grams back in stock. */
class WeighedRefundTest extends BadInputCase {

    private String receiptNo;

    /** 253 g of pick-and-mix at 14.99/kg (3.79) and 3 fudge at 1.20 (3.60), paid by card: 7.39. */
    @BeforeEach
    void sellAMixedBasket() {
        WeighedSweets.add(office, manager, "PM", "14.99", 2_000);
        sweet("FU", "1.20", 10);
        Receipt receipt = app.sales().checkout(cashier, basket("T1", List.of(line("PM", 253), line("FU", 3))));
        assertThat(receipt.total()).isEqualByComparingTo("7.39");
        receiptNo = receipt.receiptNo();
    }

    @AfterEach
    void auditStillPasses() {
        assertThat(app.audit().run().checks())
                .allSatisfy(check -> assertThat(check.ok()).as(check.name() + " " + check.examples()).isTrue());
    }

    private RefundView refund(RefundLine... items) {
        return app.refunds().refund(manager, receiptNo, List.of(items), "OFFICE", null);
    }

    @Test
    void partOfAWeighedLineIsRefundedInGramsAndTheRestGivesBackExactlyWhatItPaid() {
        RefundView first = refund(RefundLine.typed("PM", "100g"));

        // round(3.79 x 100 / 253) = round(1.498...) = 1.50 (RefundMoney's worked example)
        assertThat(first.amount()).isEqualByComparingTo("1.50");
        assertThat(first.items()).containsExactly(new RefundedItem("PM", "Weighed PM", 100, new java.math.BigDecimal("1.50"), SoldBy.WEIGHED));
        assertThat(stockOf("PM")).isEqualTo(2_000 - 253 + 100);

        RefundView rest = refund(RefundLine.typed("PM", "0.153kg"));

        assertThat(rest.amount()).isEqualByComparingTo("2.29");
        assertThat(rest.items().get(0).quantity()).isEqualTo(153);
        assertThat(stockOf("PM")).isEqualTo(2_000);
        assertThat(Sql.queryLong(app.database().dataSource(), "select refunded from sale_line where sku = 'PM'")).isEqualTo(253);
        assertThat(app.refunds().refundsOf(receiptNo)).extracting(RefundView::amount)
                .usingElementComparator(java.math.BigDecimal::compareTo)
                .containsExactly(new java.math.BigDecimal("1.50"), new java.math.BigDecimal("2.29"));
        assertThat(app.refunds().refundsOf(receiptNo).get(1).items().get(0).soldBy()).isEqualTo(SoldBy.WEIGHED);
        assertThat(refused(RefundRefusedException.class, () -> refund(RefundLine.typed("PM", "1g"))).reason())
                .isEqualTo(RefundRefusedException.Reason.ALREADY_REFUNDED);
    }

    @Test
    void gramsGivenAsANumberAreTakenAsGramsAndMixWithPiecesInOneRefund() {
        RefundView refund = refund(new RefundLine("PM", 53), RefundLine.typed("FU", "2"));

        // 53 g: round(3.79 x 53 / 253) = round(0.79395...) = 0.79; 2 of 3 fudge: round(3.60 x 2 / 3) = 2.40
        assertThat(refund.amount()).isEqualByComparingTo("3.19");
        assertThat(stockOf("PM")).isEqualTo(2_000 - 200);
        assertThat(stockOf("FU")).isEqualTo(9);
    }

    @Test
    void moreGramsThanAreLeftAreRefusedSayingHowManyAndNothingChanges() {
        refund(RefundLine.typed("PM", "100g"));

        RefundRefusedException tooMuch = refused(RefundRefusedException.class, () -> refund(RefundLine.typed("PM", "200g")));

        assertThat(tooMuch.reason()).isEqualTo(RefundRefusedException.Reason.MORE_THAN_SOLD);
        assertThat(tooMuch.getMessage()).isEqualTo("too much: only 153 g of PM on receipt " + receiptNo + " can still be refunded, not 200 g");
        // two items of the same line are added up before the check
        refused(RefundRefusedException.class, () -> refund(RefundLine.typed("PM", "100g"), RefundLine.typed("PM", "0.06kg")));
        assertThat(stockOf("PM")).isEqualTo(2_000 - 253 + 100);
    }

    @Test
    void aBareNumberForAWeighedLineAndAWeightForACountedOneAreRefused() {
        InvalidInputException bare = refused(InvalidInputException.class, () -> refund(RefundLine.typed("PM", "100")));
        assertThat(bare.getMessage()).contains("250g or 0.25kg");
        InvalidInputException weight = refused(InvalidInputException.class, () -> refund(RefundLine.typed("FU", "1g")));
        assertThat(weight.getMessage()).contains("sold by the piece");
        for (String typed : new String[] {"", "0g", "-5g", "0.0005kg", "100 grams", "1e3g", TEN_KB, DROP_TABLE}) {
            refused(InvalidInputException.class, () -> refund(RefundLine.typed("PM", typed)));
        }
        for (int grams : new int[] {0, -1, 100_000, Integer.MAX_VALUE}) {
            refused(InvalidInputException.class, () -> refund(new RefundLine("PM", grams)));
        }
        assertThat(app.refunds().refundsOf(receiptNo)).isEmpty();
        assertThat(stockOf("PM")).isEqualTo(2_000 - 253);
    }

    @Test
    void theWholeReceiptGivesEveryGramAndEveryPieceBack() {
        RefundView whole = app.refunds().refund(manager, receiptNo, List.of(), "OFFICE", "returned");

        assertThat(whole.amount()).isEqualByComparingTo("7.39");
        assertThat(whole.items()).extracting(RefundedItem::quantity).containsExactly(253, 3);
        assertThat(whole.items()).extracting(RefundedItem::soldBy).containsExactly(SoldBy.WEIGHED, SoldBy.COUNTED);
        assertThat(stockOf("PM")).isEqualTo(2_000);
        assertThat(stockOf("FU")).isEqualTo(10);
    }
}
