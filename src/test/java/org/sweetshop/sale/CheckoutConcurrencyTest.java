package org.sweetshop.sale;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.sweetshop.common.Discount;
import org.sweetshop.db.Transactor;
import org.sweetshop.promo.NewPromo;
import org.sweetshop.staff.Role;
import org.sweetshop.stock.StockChange;
import org.sweetshop.testing.DatabaseTest;
import org.sweetshop.testing.Race;

/**
 * The concurrency contract of DESIGN.md on real PostgreSQL: every worker released through one
 * barrier, exact counts.
 */
class CheckoutConcurrencyTest extends DatabaseTest {

    @AfterEach
    void auditStillPasses() {
        assertThat(app.audit().run().checks()).allSatisfy(check -> assertThat(check.ok()).as(check.name() + " " + check.examples()).isTrue());
    }

    @Test
    void hundredConcurrentRedemptionsOfOneCouponMakeExactlyOneSale() {
        sweet("SL", "1.20", 1_000);
        String token = office.coupons().issue(manager, 1, Discount.percent(new BigDecimal("10")), null).get(0).token();

        var outcomes = Race.run(100, i -> app.sales().checkout(cashier,
                new CheckoutRequest(UUID.randomUUID(), "T" + (i % 4 + 1), List.of(line("SL", 1)), token, null, Payment.card())));

        assertThat(Race.tally(outcomes)).isEqualTo(Map.of("OK", 1L, "COUPON_ALREADY_REDEEMED", 99L));
        assertThat(stockOf("SL")).isEqualTo(999);
        Receipt winner = outcomes.stream().filter(Race.Outcome::ok).findFirst().orElseThrow().value();
        assertThat(winner.couponDiscount()).isEqualByComparingTo("0.12");
        assertThat(app.coupons().preview(token).redeemedTill()).isEqualTo(winner.till());
    }

    @Test
    void promoLimitedToFiftyIsUsedExactlyFiftyTimesByAHundredSales() {
        sweet("SL", "1.00", 1_000);
        office.promos().add(manager, new NewPromo("FIFTY", Discount.amount(new BigDecimal("0.10")), 50, null, null));

        var outcomes = Race.run(100, i -> app.sales().checkout(cashier,
                new CheckoutRequest(UUID.randomUUID(), "T" + (i % 4 + 1), List.of(line("SL", 1)), null, "fifty", Payment.card())));

        assertThat(Race.tally(outcomes)).isEqualTo(Map.of("OK", 50L, "PROMO_EXHAUSTED", 50L));
        assertThat(app.promos().find("FIFTY").uses()).isEqualTo(50);
        assertThat(app.promos().find("FIFTY").remaining()).isZero();
        assertThat(stockOf("SL")).isEqualTo(950);
    }

    @Test
    void fiftyInStockAndAHundredOneUnitSalesSellExactlyFifty() {
        sweet("SL", "1.20", 50);

        var outcomes = Race.run(100, i -> app.sales().checkout(cashier, basket("T" + (i % 8 + 1), List.of(line("SL", 1)))));

        assertThat(Race.tally(outcomes)).isEqualTo(Map.of("OK", 50L, "OUT_OF_STOCK", 50L));
        assertThat(stockOf("SL")).isZero();
    }

    @Test
    void twentyRestocksRacingSixtySalesLoseNothing() {
        sweet("SL", "1.20", 10);

        var outcomes = Race.run(80, i -> i < 20
                ? app.stock().restock(manager, "SL", 5, "OFFICE", "delivery " + i)
                : app.sales().checkout(cashier, basket("T" + (i % 4 + 1), List.of(line("SL", 1)))));

        long restocks = outcomes.stream().filter(o -> o.ok() && o.value() instanceof StockChange).count();
        long sold = outcomes.stream().filter(o -> o.ok() && o.value() instanceof Receipt).count();
        assertThat(restocks).isEqualTo(20);
        assertThat(outcomes).allSatisfy(o -> assertThat(o.kind()).isIn("OK", "OUT_OF_STOCK"));
        assertThat(stockOf("SL")).isEqualTo(10 + 100 - sold);
    }

    @Test
    void sameUsernameRegisteredTenTimesInMixedCaseCreatesOne() {
        String[] spellings = {"alice", "ALICE", "Alice", "aLiCe", "alICE", "ALice", "alicE", "AlIcE", "aliCE", "ALICe"};

        var outcomes = Race.run(10, i -> office.staff().register(owner, spellings[i], Role.CASHIER, PASSWORD));

        assertThat(Race.tally(outcomes)).isEqualTo(Map.of("OK", 1L, "ALREADY_REGISTERED", 9L));
        assertThat(app.staff().list(owner)).filteredOn(s -> s.username().equalsIgnoreCase("alice")).hasSize(1);
    }

    @Test
    void eightTillsSellingCrossedBasketsNeverDeadlock() {
        sweet("A", "1.00", 150);
        sweet("B", "2.00", 150);
        Transactor.Stats before = app.database().transactor().stats();

        var outcomes = Race.run(8, till -> {
            int sold = 0;
            for (int i = 0; i < 25; i++) {
                List<BasketLine> lines = (till + i) % 2 == 0 ? List.of(line("A", 1), line("B", 1)) : List.of(line("B", 1), line("A", 1));
                try {
                    app.sales().checkout(cashier, basket("T" + (till + 1), lines));
                    sold++;
                } catch (org.sweetshop.common.OutOfStockException refused) {
                    // a refusal for stock is one of the two allowed outcomes
                }
            }
            return sold;
        });

        assertThat(outcomes).allSatisfy(o -> assertThat(o.kind()).isEqualTo("OK"));
        int sold = outcomes.stream().mapToInt(Race.Outcome::value).sum();
        assertThat(sold).isEqualTo(150);
        assertThat(stockOf("A")).isZero();
        assertThat(stockOf("B")).isZero();
        assertThat(app.database().transactor().stats().deadlocks()).isEqualTo(before.deadlocks());
    }

    @Test
    void sameSaleSubmittedTwiceMakesOneSaleAndGivesTheSameReceipt() {
        sweet("SL", "1.20", 10);
        CheckoutRequest request = basket("T1", List.of(line("SL", 2)));

        Receipt first = app.sales().checkout(cashier, request);
        Receipt second = app.sales().checkout(cashier, request);

        assertThat(first.replayed()).isFalse();
        assertThat(second.replayed()).isTrue();
        assertThat(second.receiptNo()).isEqualTo(first.receiptNo()).isEqualTo("T1-000001");
        assertThat(second.asReplay()).isEqualTo(first.asReplay());
        assertThat(stockOf("SL")).isEqualTo(8);
    }

    @Test
    void sameSaleSubmittedConcurrentlyMakesOneSale() {
        // stock for one sale only: the losers must get the winner's receipt, not "out of stock"
        sweet("SL", "1.20", 2);
        CheckoutRequest request = basket("T1", List.of(line("SL", 2)));

        var outcomes = Race.run(10, i -> app.sales().checkout(cashier, request));

        assertThat(Race.tally(outcomes)).isEqualTo(Map.of("OK", 10L));
        Set<String> receipts = outcomes.stream().map(o -> o.value().receiptNo()).collect(Collectors.toSet());
        assertThat(receipts).containsExactly("T1-000001");
        assertThat(outcomes.stream().filter(o -> !o.value().replayed()).count()).isEqualTo(1);
        assertThat(stockOf("SL")).isZero();
    }
}
