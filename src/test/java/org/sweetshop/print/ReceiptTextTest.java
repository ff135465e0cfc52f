package org.sweetshop.print;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.sweetshop.common.Money;
import org.sweetshop.common.Quantity;
import org.sweetshop.common.SoldBy;
import org.sweetshop.sale.PaymentMethod;
import org.sweetshop.sale.Receipt;
import org.sweetshop.sale.ReceiptLine;
import org.sweetshop.sale.Tender;

class ReceiptTextTest {

    static final ZoneId LONDON = ZoneId.of("Europe/London");
    static final Instant NOON_IN_JULY = Instant.parse("2026-07-14T11:05:09Z"); // 12:05 in London (BST)

    static ReceiptLine line(String name, int quantity, String unit) {
        BigDecimal price = new BigDecimal(unit);
        return new ReceiptLine("SKU-" + name.length(), name, quantity, price, price.multiply(BigDecimal.valueOf(quantity)));
    }

    static Receipt receipt(List<ReceiptLine> lines, String subtotal, String coupon, String promo, String total,
                           PaymentMethod method, String tendered, String change) {
        return new Receipt(UUID.fromString("0190a7b2-0000-7000-8000-000000000001"), "till-1-000042", "till-1", "alice",
                NOON_IN_JULY, lines, new BigDecimal(subtotal), new BigDecimal(coupon), new BigDecimal(promo),
                new BigDecimal(total), Tender.single(method, new BigDecimal(total), tendered == null ? null : new BigDecimal(tendered)),
                "K7QZ", "SUMMER10", false);
    }

    /** Two lines, a coupon and a promo, paid in cash. */
    static Receipt representative() {
        return receipt(List.of(line("Fudge", 3, "1.20"), line("Sherbet Lemons 100g", 2, "0.85")),
                "5.30", "1.00", "0.43", "3.87", PaymentMethod.CASH, "5.00", "1.13");
    }

    private static List<String> render(Receipt receipt) {
        return ReceiptText.render(receipt, "Sweetshop", "GBP", LONDON, false);
    }

    private static void assertFits(List<String> lines) {
        assertThat(lines).allSatisfy(l -> assertThat(ReceiptText.width(l)).as("columns of '%s'", l).isLessThanOrEqualTo(40));
    }

    @Test
    void aCashSaleWithBothDiscountsIsLaidOutExactly() {
        assertThat(render(representative())).containsExactly(
                "               Sweetshop",
                "----------------------------------------",
                "Till      till-1",
                "Receipt   till-1-000042",
                "Date      2026-07-14 12:05",
                "Cashier   alice",
                "----------------------------------------",
                "Fudge                               3.60",
                "  3 x 1.20",
                "Sherbet Lemons 100g                 1.70",
                "  2 x 0.85",
                "----------------------------------------",
                "Subtotal                            5.30",
                "Coupon …K7QZ                       -1.00",
                "Promo SUMMER10                     -0.43",
                "TOTAL GBP                           3.87",
                "Cash                                5.00",
                "Change                              1.13",
                "----------------------------------------",
                "               Thank you!");
    }

    @Test
    void aCardSaleWithoutDiscountsShowsNeitherDiscountNorChange() {
        Receipt card = receipt(List.of(line("Fudge", 1, "1.20")), "1.20", "0.00", "0.00", "1.20", PaymentMethod.CARD, null, null);

        assertThat(render(card)).containsSequence(
                        "Subtotal                            1.20",
                        "TOTAL GBP                           1.20",
                        "Card                                1.20",
                        "----------------------------------------")
                .noneMatch(l -> l.startsWith("Coupon") || l.startsWith("Promo") || l.startsWith("Cash ") || l.startsWith("Change"));
    }

    @Test
    void onlyTheDiscountThatWasGivenIsShown() {
        Receipt promoOnly = receipt(List.of(line("Fudge", 1, "2.00")), "2.00", "0", "0.20", "1.80", PaymentMethod.CARD, null, null);

        assertThat(render(promoOnly)).contains("Promo SUMMER10                     -0.20").noneMatch(l -> l.startsWith("Coupon"));
    }

    @Test
    void theTimeIsShownInTheTillsZone() {
        assertThat(ReceiptText.render(representative(), "Sweetshop", "GBP", ZoneId.of("Asia/Tokyo"), false))
                .contains("Date      2026-07-14 20:05");
    }

    @Test
    void aReprintSaysSoUnderTheStoreName() {
        assertThat(ReceiptText.render(representative(), "Sweetshop", "GBP", LONDON, true))
                .startsWith("               Sweetshop", "            *** REPRINT ***", "----------------------------------------");
    }

    @Test
    void theStoresHeaderFollowsItsHeadAndItsFooterEndsTheReceiptInsteadOfThankYou() {
        List<String> lines = ReceiptText.render(representative(),
                new ReceiptText.Head("Sweetshop", "1 High St", null, "Open 9 to 5\n\nEvery day", "Thanks, come again!\nsweetshop.example"),
                "GBP", LONDON, false, ReceiptText.WIDTH);

        assertThat(lines).startsWith("               Sweetshop", "               1 High St", "              Open 9 to 5",
                "               Every day", "----------------------------------------");
        assertThat(lines).endsWith("----------------------------------------", "          Thanks, come again!",
                "           sweetshop.example");
        assertThat(lines).doesNotContain("               Thank you!");
    }

    @Test
    void aReplayedReceiptSaysItIsShownAgain() {
        assertThat(render(representative().asReplay()))
                .startsWith("               Sweetshop", "             (shown again)", "----------------------------------------");
        assertThat(render(representative())).noneMatch(l -> l.contains("shown again") || l.contains("REPRINT"));
    }

    @Test
    void aLongNameIsCutWithAnEllipsisAndItsTotalStaysAtTheRightEdge() {
        String name = "Extra Large Assorted Victorian Boiled Sweets Jar (3 kg, gift wrapped)";
        List<String> lines = render(receipt(List.of(line(name, 1, "45.00")), "45.00", "0", "0", "45.00", PaymentMethod.CARD, null, null));

        assertThat(lines).contains("Extra Large Assorted Victorian Bo… 45.00", "  1 x 45.00");
        assertFits(lines);
    }

    @Test
    void theLargestAmountsAndQuantitiesStillFitFortyColumns() {
        // a whole sale of 1,000,000.00 (the largest checkout takes), 9 999 of a sweet, a very long name
        String name = "Ö".repeat(60);
        Receipt huge = new Receipt(UUID.randomUUID(), "a-very-long-till-name-000001-999999", "a-very-long-till-name-for-the-back-room",
                "a.cashier.with.a.long.username.x", NOON_IN_JULY,
                List.of(new ReceiptLine("X", name, 9_999, new BigDecimal("100000.00"), new BigDecimal("1000000.00"))),
                new BigDecimal("1000000.00"), new BigDecimal("100000.00"), new BigDecimal("100000.00"), new BigDecimal("800000.00"),
                Tender.single(PaymentMethod.CASH, new BigDecimal("800000.00"), new BigDecimal("1000000.00")), "ABCD", "P".repeat(40), false);

        List<String> lines = ReceiptText.render(huge, "The Grand Old Sweetshop of the High Street and Market Square",
                "GBP", LONDON, true);

        assertFits(lines);
        assertThat(lines).contains(
                "Ö".repeat(28) + "… 1000000.00",
                "  9999 x 100000.00",
                "Subtotal                      1000000.00",
                "Coupon …ABCD                  -100000.00",
                "Promo " + "P".repeat(22) + "… -100000.00",
                "TOTAL GBP                      800000.00",
                "Cash                          1000000.00",
                "Change                         200000.00",
                "Receipt   a-very-long-till-name-000001-…",
                "The Grand Old Sweetshop of the High Str…");
    }

    @Test
    void anAmountTooWideToShareALineGoesOnItsOwnLine() {
        // no sale can be this large; the layout must still hold
        BigDecimal absurd = new BigDecimal("1" + "0".repeat(45));
        Receipt receipt = receipt(List.of(new ReceiptLine("X", "Fudge", 1, absurd, absurd)), "1", "0", "0", "1",
                PaymentMethod.CARD, null, null);

        List<String> lines = render(receipt);

        assertFits(lines);
        assertThat(lines).containsSequence("Fudge", "1" + "0".repeat(39), " ".repeat(31) + "000000.00");
    }

    @Test
    void controlCharactersAndEmojiInNamesKeepTheColumns() {
        Receipt receipt = receipt(List.of(line("Łódź 🍬 Fudge\nsecond line\ttab", 2, "1.50")), "3.00", "0", "0", "3.00",
                PaymentMethod.CARD, null, null);

        List<String> lines = render(receipt);

        // the emoji is one column (one code point), the newline and the tab are spaces
        assertThat(lines).contains("Łódź 🍬 Fudge second line tab        3.00");
        assertFits(lines);
    }

    @Test
    void cuttingNeverSplitsACharacterOutsideTheBasicPlane() {
        String cut = ReceiptText.fit("🍬".repeat(50), 40);

        assertThat(ReceiptText.width(cut)).isEqualTo(40);
        assertThat(cut).isEqualTo("🍬".repeat(39) + "…");
    }

    @Test
    void withoutACouponHintOrCurrencyTheLabelsStayPlain() {
        Receipt noHint = new Receipt(UUID.randomUUID(), "t-000001", "t", "bob", NOON_IN_JULY, List.of(line("Fudge", 1, "2.00")),
                new BigDecimal("2.00"), new BigDecimal("0.50"), BigDecimal.ZERO, new BigDecimal("1.50"),
                Tender.single(PaymentMethod.CARD, new BigDecimal("1.50"), null), null, null, false);

        assertThat(ReceiptText.render(noHint, "Sweetshop", null, LONDON, false))
                .contains("Coupon                             -0.50", "TOTAL                               1.50");
    }

    static ReceiptLine weighed(String name, int grams, String perKg) {
        BigDecimal price = new BigDecimal(perKg);
        return new ReceiptLine("SKU-" + name.length(), name, grams, price, Money.weighedLine(price, grams), SoldBy.WEIGHED);
    }

    /** A mixed basket: a weighed line under a kilogram, one over, and a counted one. */
    static Receipt mixed() {
        return receipt(List.of(weighed("Pick and Mix", 253, "14.99"), weighed("Cola Bottles", 1_250, "12.00"),
                        line("Fudge", 3, "1.20")),
                "22.39", "0", "0", "22.39", PaymentMethod.CARD, null, null);
    }

    @Test
    void aWeighedLineShowsItsWeightAndPricePerKilogramUnderItsAmount() {
        // 253 g x 14.99/kg = 3.79247 -> 3.79 (Money.weighedLine, once per line); 1250 g x 12.00/kg = 15.00
        assertThat(render(mixed())).containsSequence(
                "----------------------------------------",
                "Pick and Mix                        3.79",
                "  253 g x 14.99/kg",
                "Cola Bottles                       15.00",
                "  1.250 kg x 12.00/kg",
                "Fudge                               3.60",
                "  3 x 1.20",
                "----------------------------------------",
                "Subtotal                           22.39");
    }

    @Test
    void theHeaviestWeighedLineAtTheHighestPriceStillFits() {
        Receipt heavy = receipt(List.of(weighed("Ö".repeat(60), Quantity.MAX_GRAMS, "99999.99")), "9999899.00", "0", "0",
                "9999899.00", PaymentMethod.CARD, null, null);

        List<String> lines = render(heavy);

        assertFits(lines);
        assertThat(lines).contains("Ö".repeat(28) + "… 9999899.00", "  99.999 kg x 99999.99/kg");
    }
}
