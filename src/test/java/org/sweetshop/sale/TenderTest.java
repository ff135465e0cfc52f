package org.sweetshop.sale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sweetshop.common.InvalidInputException;

/** The split-tender rule, table by table: what each part pays, the cash rounding and the change. */
class TenderTest {

    /**
     * total | cash rounding step | payments (space separated, as --pay takes them) | each part's amount | rounding | change.
     */
    @ParameterizedTest(name = "{0} by {2} (rounding {1})")
    @CsvSource(delimiter = '|', textBlock = """
            12.34 | 0    | card                      | 12.34            | 0.00  | 0.00
            12.34 | 0    | cash:20                   | 12.34            | 0.00  | 7.66
            12.34 | 0    | cash:12.34                | 12.34            | 0.00  | 0.00
            12.34 | 0    | card:5 cash:10            | 5.00 7.34        | 0.00  | 2.66
            12.34 | 0    | cash:10 card:5            | 7.34 5.00        | 0.00  | 2.66
            12.34 | 0    | card:5 card:3 card        | 5.00 3.00 4.34   | 0.00  | 0.00
            12.34 | 0    | card:5 card:7.34          | 5.00 7.34        | 0.00  | 0.00
            12.34 | 0    | cash:2 card               | 2.00 10.34       | 0.00  | 0.00
            12.34 | 0    | card:2 cash:3 card        | 2.00 3.00 7.34   | 0.00  | 0.00
            12.32 | 0.05 | cash:20                   | 12.30            | -0.02 | 7.70
            12.33 | 0.05 | cash:20                   | 12.35            | 0.02  | 7.65
            12.35 | 0.10 | cash:20                   | 12.40            | 0.05  | 7.60
            12.34 | 0.10 | cash:12.30                | 12.30            | -0.04 | 0.00
            12.34 | 0.05 | card:5 cash:10            | 5.00 7.35        | 0.01  | 2.65
            12.34 | 0.05 | cash:2 card               | 2.00 10.34       | 0.00  | 0.00
            12.34 | 0.05 | card                      | 12.34            | 0.00  | 0.00
            0.00  | 0    | card                      | 0.00             | 0.00  | 0.00
            0.02  | 0.05 | cash:1                    | 0.00             | -0.02 | 1.00
            """)
    void settles(String total, String step, String pay, String amounts, String rounding, String change) {
        Tender tender = Tender.settle(new BigDecimal(total), payments(pay), new BigDecimal(step));

        assertThat(tender.parts()).extracting(p -> p.amount().toPlainString()).containsExactly(amounts.split(" "));
        assertThat(tender.cashRounding()).isEqualByComparingTo(rounding);
        assertThat(tender.change()).isEqualByComparingTo(change);
        // the rule's promise: the parts add up to the total plus the rounding, and change comes from cash only
        assertThat(tender.cashPaid().add(tender.cardPaid())).isEqualByComparingTo(new BigDecimal(total).add(new BigDecimal(rounding)));
        assertThat(tender.parts()).filteredOn(p -> !p.cash()).allSatisfy(p -> assertThat(p.change()).isZero());
    }

    @ParameterizedTest(name = "{0} by {1}: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            12.34 | card:13                 | a card part of 13.00 is more than the 12.34 left to pay
            12.34 | card:10 card:3          | a card part of 3.00 is more than the 2.34 left to pay
            12.34 | card:5                  | the card parts pay 5.00 of 12.34: 7.34 is still to pay
            12.34 | cash:10                 | cash tendered 10.00 is less than the total 12.34
            12.34 | card:5 cash:7           | cash tendered 7.00 is less than the 7.34 left to pay
            12.34 | cash:20 card            | nothing is left for the card: the other payments already cover 12.34; take the cash alone to give change
            12.34 | card:12.34 card         | nothing is left for the card: the other payments already cover 12.34
            12.34 | card:12.34 cash:1       | nothing is left for the cash: the cards already pay 12.34
            12.34 | cash:5 cash:10          | take the cash as one amount: a sale has at most one cash payment
            12.34 | card card               | only one card can pay the rest: give the other cards their amounts
            12.34 | card:1 card:1 card:1 card:1 card:1 card:1 card:1 card:1 card | a sale takes at most 8 payments, not 9
            """)
    void refuses(String total, String pay, String message) {
        assertThatThrownBy(() -> Tender.settle(new BigDecimal(total), payments(pay), BigDecimal.ZERO))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage(message);
    }

    @ParameterizedTest(name = "{0} with step {1} is {2}")
    @CsvSource(delimiter = '|', textBlock = """
            3.22 | 0.05 | 3.20
            3.23 | 0.05 | 3.25
            3.24 | 0.10 | 3.20
            3.25 | 0.10 | 3.30
            3.25 | 0    | 3.25
            """)
    void roundsCashHalfUp(String amount, String step, String rounded) {
        assertThat(Tender.roundCash(new BigDecimal(amount), new BigDecimal(step))).isEqualByComparingTo(rounded);
    }

    private static List<Payment> payments(String pay) {
        List<Payment> out = new ArrayList<>();
        for (String part : pay.strip().split(" +")) {
            if (part.equals("card")) {
                out.add(Payment.card());
            } else if (part.startsWith("card:")) {
                out.add(Payment.card(new BigDecimal(part.substring(5))));
            } else {
                out.add(Payment.cash(new BigDecimal(part.substring(5))));
            }
        }
        return out;
    }
}
