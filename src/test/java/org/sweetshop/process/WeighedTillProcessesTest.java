package org.sweetshop.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
import org.sweetshop.process.TillWorker.Outcome;
import org.sweetshop.process.TillWorker.Result;
import org.sweetshop.process.TillWorker.Task;
import org.sweetshop.sale.BasketLine;
import org.sweetshop.staff.Caller;
import org.sweetshop.testing.DatabaseTest;
import org.sweetshop.testing.Sql;

/**
 * Issue 10's weighed races with tills as separate JVMs ({@link TillWorker}): four tills, 25
 * threads each, released by one barrier across the processes (all ARMED, then GO to all). A
 * weighed line is a {@link BasketLine} in grams, so the tills need nothing new.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WeighedTillProcessesTest {

    private static final int TILLS = 4;
    private static final int THREADS = 25;
    private static final long LOCK_TIMEOUT_MS = 30_000;

    private AppContext app;
    private Caller manager;
    private Tills tills;

    @BeforeAll
    void storeAndTills() {
        DatabaseTest.Store store = DatabaseTest.emptyStore();
        app = store.app();
        manager = store.manager();
        tills = Tills.start("wtill", TILLS, LOCK_TIMEOUT_MS, THREADS + 5);
    }

    @AfterAll
    void stopTills() {
        if (tills != null) {
            tills.close();
        }
    }

    @AfterEach
    void auditStillPasses() {
        assertThat(app.audit().run().checks())
                .allSatisfy(check -> assertThat(check.ok()).as(check.name() + " " + check.examples()).isTrue());
    }

    @Test
    @Order(1)
    void fourTillProcessesSellExactlyTenOf250GramsFromTwoAndAHalfKilo() {
        weighed("WPNM", "15.00", 2_500);

        List<Result> results = tills.race(till -> {
            List<Task> tasks = new ArrayList<>();
            for (int thread = 0; thread < THREADS; thread++) {
                tasks.add(Task.sale(null, "W" + (till + 1), List.of(new BasketLine("WPNM", 250)), null, null));
            }
            return tasks;
        });

        assertThat(results.stream().map(Result::pid).distinct()).as("one process per till").hasSize(TILLS);
        assertThat(Tills.tally(results)).isEqualTo(Map.of("OK", 10L, "OUT_OF_STOCK", 90L));
        assertThat(app.catalog().find("WPNM").stock()).isZero();
        assertThat(count("select count(*) from sale_line where sku = 'WPNM' and sold_by = 'WEIGHED' and quantity = 250"
                + " and line_total = 3.75")).isEqualTo(10);
        assertThat(count("select count(distinct sale_id) from sale_line where sku = 'WPNM'")).isEqualTo(10);
    }

    @Test
    @Order(2)
    void restocksInGramsAndMixedBasketsCrossingInFourTillProcessesLoseNothingAndNeverDeadlock() {
        weighed("WMIX", "12.00", 1_000);
        app.catalog().add(manager, new NewSweet("WA", "Sweet WA", "Test", new BigDecimal("1.00"), 40, 0), "T0");

        // each till: 5 restocks of 500 g, then 20 baskets of 100 g of WMIX and one WA, half in reverse order
        List<Result> results = tills.race(till -> {
            List<Task> tasks = new ArrayList<>();
            for (int i = 0; i < THREADS; i++) {
                if (i < 5) {
                    tasks.add(Task.restock("WMIX", 500, "W" + (till + 1)));
                } else {
                    List<BasketLine> lines = (till + i) % 2 == 0
                            ? List.of(new BasketLine("WMIX", 100), new BasketLine("WA", 1))
                            : List.of(new BasketLine("WA", 1), new BasketLine("WMIX", 100));
                    tasks.add(Task.sale(null, "W" + (till + 1), lines, null, null));
                }
            }
            return tasks;
        });

        List<Outcome> outcomes = Tills.outcomes(results);
        assertThat(outcomes).hasSize(100).allSatisfy(o -> assertThat(o.kind()).as(o.error()).isIn("OK", "OUT_OF_STOCK"));
        long restocked = outcomes.stream().filter(o -> o.taskKind().equals("restock") && o.kind().equals("OK")).count();
        long sold = outcomes.stream().filter(o -> o.taskKind().equals("sale") && o.kind().equals("OK")).count();
        assertThat(restocked).isEqualTo(20);
        // 80 baskets, 40 WA: exactly 40 sold; 11 kg of WMIX is plenty for 4 kg
        assertThat(sold).isEqualTo(40);
        assertThat(app.catalog().find("WMIX").stock()).isEqualTo(1_000 + 20 * 500 - 100 * (int) sold);
        assertThat(app.catalog().find("WA").stock()).isZero();
        assertThat(results).allSatisfy(r -> {
            assertThat(r.deadlocks()).as("deadlocks in till " + r.worker()).isZero();
            assertThat(r.lockTimeouts()).as("lock timeouts in till " + r.worker()).isZero();
        });
    }

    private void weighed(String sku, String perKg, int grams) {
        app.catalog().add(manager, NewSweet.weighed(sku, "Loose " + sku, "Loose", new BigDecimal(perKg), grams, 0, null), "T0");
    }

    private long count(String sql) {
        return Sql.queryLong(app.database().dataSource(), sql);
    }
}
