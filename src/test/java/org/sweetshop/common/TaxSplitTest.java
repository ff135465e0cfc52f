package org.sweetshop.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TaxSplitTest {

    private static TaxSplit.Line line(String code, String rate, String total) {
        return new TaxSplit.Line(code, code.equals("STD") ? "Standard" : code.equals("RED") ? "Reduced" : "Zero", new BigDecimal(rate),
                new BigDecimal(total));
    }

    private static List<String> amounts(List<BigDecimal> values) {
        return values.stream().map(BigDecimal::toPlainString).toList();
    }

    private static List<String> taxes(TaxSplit.Split split) {
        return split.taxes().stream().map(t -> t.code() + " " + t.net() + "+" + t.tax() + "=" + t.gross()).toList();
    }

    @Test
    void theWorkedExampleOfTheDesignInclusive() {
        // 3 x 1.15 STD, 2.00 RED, 0.99 STD; a 10 % coupon: 6.44 - 0.644 = 5.80
        TaxSplit.Split split = TaxSplit.of(List.of(line("STD", "20", "3.45"), line("RED", "5", "2.00"), line("STD", "20", "0.99")),
                new BigDecimal("5.80"), true);

        assertThat(amounts(split.discounted())).containsExactly("3.11", "1.80", "0.89");
        assertThat(taxes(split)).containsExactly("RED 1.71+0.09=1.80", "STD 3.33+0.67=4.00");
        assertThat(split.added()).isEqualByComparingTo("0");
        assertThat(split.total()).isEqualByComparingTo("5.80");
        assertThat(amounts(split.paid())).containsExactly("3.11", "1.80", "0.89");
    }

    @Test
    void theWorkedExampleOfTheDesignExclusive() {
        TaxSplit.Split split = TaxSplit.of(List.of(line("STD", "20", "3.45"), line("RED", "5", "2.00"), line("STD", "20", "0.99")),
                new BigDecimal("5.80"), false);

        assertThat(taxes(split)).containsExactly("RED 1.80+0.09=1.89", "STD 4.00+0.80=4.80");
        assertThat(split.added()).isEqualByComparingTo("0.89");
        assertThat(split.total()).isEqualByComparingTo("6.69");
        // each line's share of its rate's gross: STD 4.80 over 3.11 : 0.89
        assertThat(amounts(split.paid())).containsExactly("3.73", "1.89", "1.07");
    }

    /** lines (code:rate:total|...), discounted subtotal, mode, expected discounted lines, expected taxes. */
    @ParameterizedTest(name = "{0} to {1}, inclusive {2}")
    @CsvSource(delimiter = ';', value = {
            // no discount: the bases are the lines
            "STD:20:1.20;1.20;true;1.20;STD 1.00+0.20=1.20",
            "STD:20:1.20;1.20;false;1.20;STD 1.20+0.24=1.44",
            // 0.01 at 20 % inside: 0.001666 -> 0.00; on top: 0.002 -> 0.00
            "STD:20:0.01;0.01;true;0.01;STD 0.01+0.00=0.01",
            // half-even: 0.30 x 5/100 = 0.015 -> 0.02; 0.50 x 5/100 = 0.025 -> 0.02
            "RED:5:0.30;0.30;false;0.30;RED 0.30+0.02=0.32",
            "RED:5:0.50;0.50;false;0.50;RED 0.50+0.02=0.52",
            // 2.10 at 5 % inside: 0.10 exactly
            "RED:5:2.10;2.10;true;2.10;RED 2.00+0.10=2.10",
            // three rates, a promo of 1.00 off 3.00: a third each, the cent left to the first (ties: the earlier)
            "STD:20:1.00|RED:5:1.00|ZERO:0:1.00;2.00;true;0.67|0.67|0.66;RED 0.64+0.03=0.67|STD 0.56+0.11=0.67|ZERO 0.66+0.00=0.66",
            "STD:20:1.00|RED:5:1.00|ZERO:0:1.00;2.00;false;0.67|0.67|0.66;RED 0.67+0.03=0.70|STD 0.67+0.13=0.80|ZERO 0.66+0.00=0.66",
            // cents that do not split evenly: 0.10 off 0.03 + 0.03 + 0.04 (0.09 left): 2.7, 2.7, 3.6 -> 2, 2, 3 + 2 cents
            "STD:20:0.03|ZERO:0:0.03|STD:20:0.04;0.09;true;0.03|0.03|0.03;STD 0.05+0.01=0.06|ZERO 0.03+0.00=0.03",
            // a whole basket given away: every share 0, no tax
            "STD:20:5.00|RED:5:2.00;0.00;true;0.00|0.00;RED 0.00+0.00=0.00|STD 0.00+0.00=0.00",
            // a weighed line (3.79 for 253 g at 14.99/kg) and a counted one, 10 % off 5.99 = 5.39 (5.391)
            "RED:5:3.79|STD:20:2.20;5.39;true;3.41|1.98;RED 3.25+0.16=3.41|STD 1.65+0.33=1.98",
            "ZERO:0:9.99;9.99;false;9.99;ZERO 9.99+0.00=9.99",
            "STD:100:1.00;1.00;false;1.00;STD 1.00+1.00=2.00",
            "STD:12.5:10.00;10.00;true;10.00;STD 8.89+1.11=10.00"})
    void splitsEachBasketExactly(String lines, String discounted, boolean inclusive, String shares, String taxes) {
        List<TaxSplit.Line> basket = new ArrayList<>();
        for (String l : lines.split("\\|")) {
            String[] p = l.split(":");
            basket.add(line(p[0], p[1], p[2]));
        }

        TaxSplit.Split split = TaxSplit.of(basket, new BigDecimal(discounted), inclusive);

        assertThat(amounts(split.discounted())).containsExactly(shares.split("\\|"));
        assertThat(taxes(split)).containsExactly(taxes.split("\\|"));
        BigDecimal taxTotal = split.taxes().stream().map(TaxLine::tax).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(split.total()).isEqualByComparingTo(inclusive ? new BigDecimal(discounted) : new BigDecimal(discounted).add(taxTotal));
        assertThat(split.paid().stream().reduce(BigDecimal.ZERO, BigDecimal::add)).isEqualByComparingTo(split.total());
    }

    @Test
    void randomBasketsAlwaysAddUpToTheirTotalAndRefundingEverythingReversesExactlyTheTax() {
        Random random = new Random(11);
        String[][] rates = {{"STD", "20"}, {"RED", "5"}, {"ZERO", "0"}, {"ODD", "17.5"}};
        for (int n = 0; n < 2000; n++) {
            List<TaxSplit.Line> basket = new ArrayList<>();
            long cents = 0;
            int lines = 1 + random.nextInt(6);
            for (int i = 0; i < lines; i++) {
                String[] rate = rates[random.nextInt(rates.length)];
                long total = random.nextInt(5000);
                cents += total;
                basket.add(new TaxSplit.Line(rate[0], rate[0], new BigDecimal(rate[1]), BigDecimal.valueOf(total, 2)));
            }
            BigDecimal discounted = BigDecimal.valueOf(cents == 0 ? 0 : cents - random.nextInt((int) Math.min(cents, 500) + 1), 2);
            boolean inclusive = random.nextBoolean();

            TaxSplit.Split split = TaxSplit.of(basket, discounted, inclusive);

            assertThat(split.discounted().stream().reduce(BigDecimal.ZERO, BigDecimal::add)).isEqualByComparingTo(discounted);
            assertThat(split.total()).isEqualByComparingTo(discounted.add(split.added()));
            assertThat(split.paid().stream().reduce(BigDecimal.ZERO, BigDecimal::add)).isEqualByComparingTo(split.total());
            assertThat(TaxSplit.paidPerLine(basket, discounted, split.taxes())).isEqualTo(split.paid());
            for (TaxLine sold : split.taxes()) {
                // given back in random pieces: the reversals add up to the tax charged, each piece with net >= 0
                BigDecimal before = Money.ZERO;
                BigDecimal reversed = Money.ZERO;
                while (before.compareTo(sold.gross()) < 0) {
                    BigDecimal left = sold.gross().subtract(before);
                    BigDecimal piece = left.compareTo(new BigDecimal("0.01")) <= 0 ? left
                            : BigDecimal.valueOf(1 + random.nextInt(left.movePointRight(2).intValueExact()), 2);
                    TaxLine back = TaxSplit.reverse(sold, before, piece);
                    assertThat(back.net().signum()).isNotNegative();
                    assertThat(back.tax().signum()).isNotNegative();
                    reversed = reversed.add(back.tax());
                    before = before.add(piece);
                }
                assertThat(reversed).as(sold.toString()).isEqualByComparingTo(sold.tax());
            }
        }
    }

    @Test
    void aPartialRefundReversesItsShareOfTheRatesTax() {
        TaxLine std = new TaxLine("STD", "Standard", new BigDecimal("20.00"), new BigDecimal("3.33"), new BigDecimal("0.67"),
                new BigDecimal("4.00"));

        // one fudge of three: 1.04 back; round(0.67 x 1.04 / 4.00) = round(0.1742) = 0.17
        TaxLine first = TaxSplit.reverse(std, Money.ZERO, new BigDecimal("1.04"));
        TaxLine rest = TaxSplit.reverse(std, new BigDecimal("1.04"), new BigDecimal("2.96"));

        assertThat(List.of(first.net(), first.tax(), first.gross())).map(BigDecimal::toPlainString).containsExactly("0.87", "0.17", "1.04");
        assertThat(List.of(rest.net(), rest.tax(), rest.gross())).map(BigDecimal::toPlainString).containsExactly("2.46", "0.50", "2.96");
    }
}
