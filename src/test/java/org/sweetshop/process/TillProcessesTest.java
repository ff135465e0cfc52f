package org.sweetshop.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.sweetshop.AppContext;
import org.sweetshop.catalog.NewSweet;
import org.sweetshop.common.Discount;
import org.sweetshop.process.TillWorker.Outcome;
import org.sweetshop.process.TillWorker.Result;
import org.sweetshop.process.TillWorker.Task;
import org.sweetshop.promo.NewPromo;
import org.sweetshop.sale.BasketLine;
import org.sweetshop.sale.Receipt;
import org.sweetshop.staff.Caller;
import org.sweetshop.testing.DatabaseTest;
import org.sweetshop.testing.Sql;

/**
 * The concurrency contract with tills as separate processes: four till JVMs, each with its own
 * connection pool and Hibernate, 25 threads each, every thread of every till released by one
 * barrier across the processes (all ARMED, then GO to all). The tills are started once for the
 * class; each scenario uses its own sweets, so the store is emptied once, before the first.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TillProcessesTest {

    private static final int TILLS = 4;
    private static final int THREADS = 25;
    /** Long enough that a queue of 100 checkouts on one row never turns into "busy" on a loaded machine. */
    private static final long LOCK_TIMEOUT_MS = 30_000;

    private AppContext app;
    private Caller owner;
    private Caller manager;
    private Tills tills;

    @BeforeAll
    void storeAndTills() {
        DatabaseTest.Store store = DatabaseTest.emptyStore();
        app = store.app();
        owner = store.owner();
        manager = store.manager();
        tills = Tills.start("till", TILLS, LOCK_TIMEOUT_MS, THREADS + 5);
    }

    @AfterAll
    void stopTills() {
        if (tills != null) {
            tills.close();
        }
    }

    /** Every invariant after each scenario. */
    @AfterEach
    void auditStillPasses() {
        assertThat(app.audit().run().checks())
                .allSatisfy(check -> assertThat(check.ok()).as(check.name() + " " + check.examples()).isTrue());
    }

    @Test
    @Order(1)
    void fourTillProcessesRedeemOneCouponExactlyOnce() {
        sweet("PCOUPON", "1.20", 1_000);
        String token = app.coupons().issue(manager, 1, Discount.percent(new BigDecimal("10")), null).get(0).token();

        List<Result> results = race((till, thread) -> Task.sale(null, tillName(till), List.of(line("PCOUPON", 1)), token, null));

        assertThat(Tills.tally(results)).isEqualTo(Map.of("OK", 1L, "COUPON_ALREADY_REDEEMED", 99L));
        assertThat(stockOf("PCOUPON")).isEqualTo(999);
        Outcome winner = Tills.outcomes(results).stream().filter(o -> o.kind().equals("OK")).findFirst().orElseThrow();
        Receipt receipt = app.sales().findReceipt(winner.value()).orElseThrow();
        assertThat(receipt.couponDiscount()).isEqualByComparingTo("0.12");
        assertThat(app.coupons().preview(token).redeemedTill()).isEqualTo(receipt.till());
        assertThat(count("select count(*) from sale where coupon_id is not null")).isEqualTo(1);
    }

    @Test
    @Order(2)
    void fourTillProcessesUseAPromoLimitedToFiftyExactlyFiftyTimes() {
        sweet("PPROMO", "1.00", 1_000);
        app.promos().add(manager, new NewPromo("PFIFTY", Discount.amount(new BigDecimal("0.10")), 50, null, null));

        List<Result> results = race((till, thread) -> Task.sale(null, tillName(till), List.of(line("PPROMO", 1)), null, "pfifty"));

        assertThat(Tills.tally(results)).isEqualTo(Map.of("OK", 50L, "PROMO_EXHAUSTED", 50L));
        assertThat(app.promos().find("PFIFTY").uses()).isEqualTo(50);
        assertThat(app.promos().find("PFIFTY").remaining()).isZero();
        assertThat(stockOf("PPROMO")).isEqualTo(950);
    }

    @Test
    @Order(3)
    void fourTillProcessesSellExactlyTheFiftyInStockOfAHundredAttempts() {
        sweet("PSTOCK", "1.20", 50);

        List<Result> results = race((till, thread) -> Task.sale(null, tillName(till), List.of(line("PSTOCK", 1)), null, null));

        assertThat(Tills.tally(results)).isEqualTo(Map.of("OK", 50L, "OUT_OF_STOCK", 50L));
        assertThat(stockOf("PSTOCK")).isZero();
        Set<String> receipts = Tills.outcomes(results).stream().filter(o -> o.kind().equals("OK")).map(Outcome::value)
                .collect(Collectors.toSet());
        assertThat(receipts).hasSize(50);
        assertThat(count("select count(*) from sale_line where sku = 'PSTOCK'")).isEqualTo(50);
    }

    @Test
    @Order(4)
    void twentyRestocksInFourTillProcessesRacingSixtySalesLoseNothing() {
        sweet("PRESTOCK", "1.20", 10);

        // each till: 5 restocks of +5 and 15 one-unit sales, all released together
        List<Result> results = tills.race(till -> {
            List<Task> tasks = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                tasks.add(i < 5 ? Task.restock("PRESTOCK", 5, tillName(till)) : Task.sale(null, tillName(till),
                        List.of(line("PRESTOCK", 1)), null, null));
            }
            return tasks;
        });

        List<Outcome> outcomes = Tills.outcomes(results);
        assertThat(outcomes).hasSize(80).allSatisfy(o -> assertThat(o.kind()).as(o.error()).isIn("OK", "OUT_OF_STOCK"));
        long restocked = outcomes.stream().filter(o -> o.taskKind().equals("restock") && o.kind().equals("OK")).count();
        long sold = outcomes.stream().filter(o -> o.taskKind().equals("sale") && o.kind().equals("OK")).count();
        assertThat(restocked).isEqualTo(20);
        assertThat(stockOf("PRESTOCK")).isEqualTo(10 + 100 - sold);
        assertThat(count("select count(*) from sale_line where sku = 'PRESTOCK'")).isEqualTo(sold);
    }

    @Test
    @Order(5)
    void oneUsernameRegisteredAHundredTimesInMixedCaseByFourTillProcessesCreatesOneAccount() {
        List<Result> results = race((till, thread) -> Task.register(mixedCase("alice", till * THREADS + thread)));

        assertThat(Tills.tally(results)).isEqualTo(Map.of("OK", 1L, "ALREADY_REGISTERED", 99L));
        assertThat(app.staff().list(owner)).filteredOn(s -> s.username().equalsIgnoreCase("alice")).hasSize(1);
    }

    @Test
    @Order(6)
    void crossedBasketsInFourTillProcessesNeverDeadlockOrTurnBusy() {
        sweet("PA", "1.00", 60);
        sweet("PB", "2.00", 60);

        // half the baskets scan A then B, the other half B then A
        List<Result> results = race((till, thread) -> Task.sale(null, tillName(till),
                (till + thread) % 2 == 0 ? List.of(line("PA", 1), line("PB", 1)) : List.of(line("PB", 1), line("PA", 1)), null, null));

        assertThat(Tills.tally(results)).isEqualTo(Map.of("OK", 60L, "OUT_OF_STOCK", 40L));
        assertThat(results).allSatisfy(r -> {
            assertThat(r.deadlocks()).as("deadlocks in till " + r.worker()).isZero();
            assertThat(r.retries()).as("retries in till " + r.worker()).isZero();
            assertThat(r.lockTimeouts()).as("lock timeouts in till " + r.worker()).isZero();
        });
        assertThat(stockOf("PA")).isZero();
        assertThat(stockOf("PB")).isZero();
    }

    @Test
    @Order(7)
    void oneSaleSubmittedByAllFourTillProcessesAtOnceIsMadeOnceWithOneReceipt() {
        // stock for one sale only: a second sale could not be made, so every loser must get the replay
        sweet("PSAME", "1.20", 2);
        UUID saleId = UUID.randomUUID();

        List<Result> results = race((till, thread) -> Task.sale(saleId, "PSAME1", List.of(line("PSAME", 2)), null, null));

        assertThat(Tills.tally(results)).isEqualTo(Map.of("OK", 100L));
        Receipt receipt = app.sales().findReceipt(saleId).orElseThrow();
        assertThat(results).allSatisfy(r -> assertThat(r.outcomes()).extracting(Outcome::value).containsOnly(receipt.receiptNo()));
        assertThat(receipt.receiptNo()).isEqualTo("PSAME1-000001");
        assertThat(Tills.outcomes(results).stream().filter(o -> !o.replayed()).count()).isEqualTo(1);
        assertThat(count("select count(*) from sale where till = 'PSAME1'")).isEqualTo(1);
        assertThat(stockOf("PSAME")).isZero();
    }

    @Test
    @Order(8)
    void fourTillProcessesRefundingOneReceiptAHundredTimesRefundItOnce() {
        sweet("PREFUND1", "1.20", 50);
        sweet("PREFUND2", "0.85", 50);
        Receipt receipt = app.sales().checkout(owner, new org.sweetshop.sale.CheckoutRequest(UUID.randomUUID(), "PR",
                List.of(line("PREFUND1", 4), line("PREFUND2", 3)), null, null, org.sweetshop.sale.Payment.card()));

        List<Result> results = race((till, thread) -> Task.refund(receipt.receiptNo(), tillName(till), null));

        assertThat(Tills.tally(results)).isEqualTo(Map.of("OK", 1L, "ALREADY_REFUNDED", 99L));
        assertThat(stockOf("PREFUND1")).isEqualTo(50);
        assertThat(stockOf("PREFUND2")).isEqualTo(50);
        assertThat(app.refunds().refundsOf(receipt.receiptNo())).singleElement()
                .satisfies(r -> assertThat(r.amount()).isEqualByComparingTo(receipt.total()));
        assertThat(count("select count(*) from stock_movement where kind = 'REFUND' and sale_id = '" + receipt.saleId() + "'"))
                .isEqualTo(2);
    }

    @Test
    @Order(9)
    void refundsAndSalesOfTheSameSweetsInFourTillProcessesNeverDeadlock() {
        sweet("PRS1", "1.20", 1_000);
        sweet("PRS2", "0.85", 1_000);
        List<String> receipts = new ArrayList<>();
        for (int i = 0; i < TILLS * 5; i++) {
            receipts.add(app.sales().checkout(owner, new org.sweetshop.sale.CheckoutRequest(UUID.randomUUID(), "PRS",
                    List.of(line("PRS1", 2), line("PRS2", 2)), null, null, org.sweetshop.sale.Payment.card())).receiptNo());
        }

        // each till: 5 whole refunds (sale row, then sweets by id) and 20 sales listing the sweets in reverse
        List<Result> results = race((till, thread) -> thread < 5 ? Task.refund(receipts.get(till * 5 + thread), tillName(till), null)
                : Task.sale(null, tillName(till), List.of(line("PRS2", 1), line("PRS1", 1)), null, null));

        assertThat(Tills.tally(results)).isEqualTo(Map.of("OK", 100L));
        assertThat(results).allSatisfy(r -> assertThat(r.deadlocks()).isZero());
        assertThat(stockOf("PRS1")).isEqualTo(1_000 - (THREADS - 5) * TILLS);
        assertThat(stockOf("PRS2")).isEqualTo(1_000 - (THREADS - 5) * TILLS);
    }

    /** Issue 10: a weighed line is a {@link BasketLine} in grams, so the tills need nothing new. */
    @Test
    @Order(10)
    void fourTillProcessesSellExactlyTenOf250GramsFromTwoAndAHalfKilo() {
        weighed("WPNM", "15.00", 2_500);

        List<Result> results = race((till, thread) -> Task.sale(null, tillName(till), List.of(line("WPNM", 250)), null, null));

        assertThat(Tills.tally(results)).isEqualTo(Map.of("OK", 10L, "OUT_OF_STOCK", 90L));
        assertThat(stockOf("WPNM")).isZero();
        assertThat(count("select count(*) from sale_line where sku = 'WPNM' and sold_by = 'WEIGHED' and quantity = 250"
                + " and line_total = 3.75")).isEqualTo(10);
        assertThat(count("select count(distinct sale_id) from sale_line where sku = 'WPNM'")).isEqualTo(10);
    }

    @Test
    @Order(11)
    void restocksInGramsAndMixedBasketsCrossingInFourTillProcessesLoseNothingAndNeverDeadlock() {
        weighed("WMIX", "12.00", 1_000);
        sweet("WA", "1.00", 40);

        // each till: 5 restocks of 500 g, then 20 baskets of 100 g of WMIX and one WA, half in reverse order
        List<Result> results = race((till, thread) -> thread < 5 ? Task.restock("WMIX", 500, tillName(till))
                : Task.sale(null, tillName(till), (till + thread) % 2 == 0
                        ? List.of(line("WMIX", 100), line("WA", 1))
                        : List.of(line("WA", 1), line("WMIX", 100)), null, null));

        List<Outcome> outcomes = Tills.outcomes(results);
        assertThat(outcomes).hasSize(100).allSatisfy(o -> assertThat(o.kind()).as(o.error()).isIn("OK", "OUT_OF_STOCK"));
        long restocked = outcomes.stream().filter(o -> o.taskKind().equals("restock") && o.kind().equals("OK")).count();
        long sold = outcomes.stream().filter(o -> o.taskKind().equals("sale") && o.kind().equals("OK")).count();
        assertThat(restocked).isEqualTo(20);
        // 80 baskets, 40 WA: exactly 40 sold; 11 kg of WMIX is plenty for 4 kg
        assertThat(sold).isEqualTo(40);
        assertThat(stockOf("WMIX")).isEqualTo(1_000 + 20 * 500 - 100 * (int) sold);
        assertThat(stockOf("WA")).isZero();
        assertThat(results).allSatisfy(r -> {
            assertThat(r.deadlocks()).as("deadlocks in till " + r.worker()).isZero();
            assertThat(r.lockTimeouts()).as("lock timeouts in till " + r.worker()).isZero();
        });
    }

    @Test
    @Order(100)
    void auditPassesWhenTillProcessesInterleaveOnOneSweet() {
        sweet("PAUDIT", "1.00", 10);

        List<Result> results = race((till, thread) -> thread == 0 ? Task.restock("PAUDIT", 5, tillName(till))
                : Task.sale(null, tillName(till), List.of(line("PAUDIT", 1)), null, null));

        assertThat(Tills.outcomes(results)).allSatisfy(o -> assertThat(o.kind()).as(o.error()).isIn("OK", "OUT_OF_STOCK"));
        long sold = Tills.outcomes(results).stream().filter(o -> o.taskKind().equals("sale") && o.kind().equals("OK")).count();
        assertThat(Tills.outcomes(results).stream().filter(o -> o.taskKind().equals("restock") && o.kind().equals("OK"))).hasSize(TILLS);
        assertThat(stockOf("PAUDIT")).isEqualTo(10 + 5 * TILLS - sold);
        var report = app.audit().run();
        assertThat(report.checks()).allSatisfy(check -> assertThat(check.ok()).as(check.name() + " " + check.examples()).isTrue());
        assertThat(report.ok()).isTrue();
    }

    /** The same number of threads in every till: task(till, thread). */
    private List<Result> race(TaskOf task) {
        List<Result> results = tills.race(till -> {
            List<Task> tasks = new ArrayList<>();
            for (int thread = 0; thread < THREADS; thread++) {
                tasks.add(task.of(till, thread));
            }
            return tasks;
        });
        assertThat(results).hasSize(TILLS).allSatisfy(r -> assertThat(r.outcomes()).hasSize(THREADS));
        assertThat(results.stream().map(Result::pid).distinct()).as("one process per till").hasSize(TILLS);
        return results;
    }

    @FunctionalInterface
    private interface TaskOf {
        Task of(int till, int thread);
    }

    private static String tillName(int till) {
        return "P" + (till + 1);
    }

    /** {@code name} with the letters in upper case where the bits of {@code n} say so. */
    private static String mixedCase(String name, int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            sb.append(((n >> i) & 1) == 1 ? Character.toUpperCase(c) : c);
        }
        return sb.toString();
    }

    private void sweet(String sku, String price, int stock) {
        app.catalog().add(manager, new NewSweet(sku, "Sweet " + sku, "Test", new BigDecimal(price), stock, 0), "T0");
    }

    private void weighed(String sku, String perKg, int grams) {
        app.catalog().add(manager, NewSweet.weighed(sku, "Loose " + sku, "Loose", new BigDecimal(perKg), grams, 0, null), "T0");
    }

    private int stockOf(String sku) {
        return app.catalog().find(sku).stock();
    }

    private static BasketLine line(String sku, int quantity) {
        return new BasketLine(sku, quantity);
    }

    private long count(String sql) {
        return Sql.queryLong(app.database().dataSource(), sql);
    }
}
