package org.sweetshop.refund;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The money split, without a database: every refund of a sale adds up to its total, to the cent. */
class RefundMoneyTest {

    private static List<BigDecimal> amounts(String... values) {
        return java.util.Arrays.stream(values).map(BigDecimal::new).toList();
    }

    @Test
    void theTotalIsSplitByLineTotalsAndTheLeftoverCentsGoToTheLargestFractionsEarlierLineFirst() {
        // 10.00 over three equal lines: 3.33 each, one cent left, to the first line (tie)
        assertThat(RefundMoney.paidPerLine(new BigDecimal("10.00"), amounts("5.00", "5.00", "5.00")))
                .containsExactly(new BigDecimal("3.34"), new BigDecimal("3.33"), new BigDecimal("3.33"));
        // 2.00 over 1.00 and 2.00: exact shares 0.666.. and 1.333..; the larger fraction (0.666..) gets the cent
        assertThat(RefundMoney.paidPerLine(new BigDecimal("2.00"), amounts("1.00", "2.00")))
                .containsExactly(new BigDecimal("0.67"), new BigDecimal("1.33"));
        // nothing paid (a free sale): nothing back
        assertThat(RefundMoney.paidPerLine(new BigDecimal("0.00"), amounts("0.00", "1.00")))
                .containsExactly(new BigDecimal("0.00"), new BigDecimal("0.00"));
    }

    @Test
    void unitsRefundedOneByOneGiveBackExactlyWhatTheLinePaid() {
        BigDecimal paid = new BigDecimal("1.00");
        BigDecimal back = BigDecimal.ZERO;
        List<BigDecimal> each = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            BigDecimal one = RefundMoney.refundOf(paid, 3, i, 1);
            each.add(one);
            back = back.add(one);
        }
        assertThat(each).containsExactly(new BigDecimal("0.33"), new BigDecimal("0.34"), new BigDecimal("0.33"));
        assertThat(back).isEqualByComparingTo(paid);
    }

    @Test
    void anySplitOfAnySaleAddsUpToItsTotal() {
        Random random = new Random(42);
        for (int round = 0; round < 2_000; round++) {
            int n = 1 + random.nextInt(6);
            List<BigDecimal> lines = new ArrayList<>();
            List<Integer> quantities = new ArrayList<>();
            long subtotal = 0;
            for (int i = 0; i < n; i++) {
                int quantity = 1 + random.nextInt(9);
                long unit = random.nextInt(500);
                quantities.add(quantity);
                lines.add(BigDecimal.valueOf(unit * quantity, 2));
                subtotal += unit * quantity;
            }
            BigDecimal total = BigDecimal.valueOf(subtotal == 0 ? 0 : (long) (random.nextDouble() * subtotal), 2);
            List<BigDecimal> paid = RefundMoney.paidPerLine(total, lines);

            assertThat(paid.stream().reduce(BigDecimal.ZERO, BigDecimal::add)).isEqualByComparingTo(total);
            BigDecimal back = BigDecimal.ZERO;
            for (int i = 0; i < n; i++) {
                assertThat(paid.get(i)).isBetween(BigDecimal.ZERO, lines.get(i));
                int done = 0;
                while (done < quantities.get(i)) {
                    int q = 1 + random.nextInt(quantities.get(i) - done);
                    BigDecimal part = RefundMoney.refundOf(paid.get(i), quantities.get(i), done, q);
                    assertThat(part.signum()).isNotNegative();
                    back = back.add(part);
                    done += q;
                }
            }
            assertThat(back).as("round %d", round).isEqualByComparingTo(total);
        }
    }

    @Test
    void aWeighedLineIsRefundedGramByGramAsTheJavadocWorksItOut() {
        BigDecimal line = org.sweetshop.common.Money.weighedLine(new BigDecimal("14.99"), 253);

        assertThat(line).isEqualByComparingTo("3.79");
        assertThat(RefundMoney.refundOf(line, 253, 0, 100)).isEqualTo(new BigDecimal("1.50"));
        assertThat(RefundMoney.refundOf(line, 253, 100, 153)).isEqualTo(new BigDecimal("2.29"));
        assertThat(RefundMoney.refundOf(new BigDecimal("3.41"), 253, 0, 100)).isEqualTo(new BigDecimal("1.35"));
        assertThat(RefundMoney.refundOf(new BigDecimal("3.41"), 253, 100, 153)).isEqualTo(new BigDecimal("2.06"));
    }

    @Test
    void aWeighedLineRefundedAGramAtATimeGivesBackExactlyWhatItPaid() {
        BigDecimal paid = new BigDecimal("3.79");
        BigDecimal back = BigDecimal.ZERO;
        for (int gram = 0; gram < 253; gram++) {
            back = back.add(RefundMoney.refundOf(paid, 253, gram, 1));
        }
        assertThat(back).isEqualTo(paid);
    }
}
