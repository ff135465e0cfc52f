package org.sweetshop.sale;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.sweetshop.catalog.NewSweet;
import org.sweetshop.common.OutOfStockException;
import org.sweetshop.db.Transactor;
import org.sweetshop.stock.StockChange;
import org.sweetshop.testing.DatabaseTest;
import org.sweetshop.testing.Race;
import org.sweetshop.testing.Sql;

/**
 * Issue 10's concurrency contract for weighed sweets on real PostgreSQL: every worker released
 * through one barrier ({@link Race}), exact counts, the audit at the end of each.
 */
class WeighedConcurrencyTest extends DatabaseTest {

    @AfterEach
    void auditStillPasses() {
        assertThat(app.audit().run().checks()).allSatisfy(check -> assertThat(check.ok()).as(check.name() + " " + check.examples()).isTrue());
    }

    private void weighed(String sku, String perKg, int grams) {
        office.catalog().add(manager, NewSweet.weighed(sku, "Loose " + sku, "Loose", new BigDecimal(perKg), grams, 0, null), "T0");
    }

    private long saleLinesOf(String sku) {
        return Sql.queryLong(app.database().dataSource(), "select count(*) from sale_line where sku = ?", sku);
    }

    @Test
    void twoAndAHalfKiloAndAHundredSalesOf250GramsSellExactlyTen() {
        weighed("PNM", "15.00", 2_500);

        var outcomes = Race.run(100, i -> app.sales().checkout(cashier, basket("T" + (i % 8 + 1), List.of(line("PNM", 250)))));

        assertThat(Race.tally(outcomes)).isEqualTo(Map.of("OK", 10L, "OUT_OF_STOCK", 90L));
        assertThat(stockOf("PNM")).isZero();
        assertThat(saleLinesOf("PNM")).isEqualTo(10);
        assertThat(outcomes).filteredOn(Race.Outcome::ok)
                .allSatisfy(o -> assertThat(o.value().total()).isEqualByComparingTo("3.75"));
        assertThat(outcomes).filteredOn(o -> !o.ok()).allSatisfy(o -> assertThat(o.failure())
                .hasMessageMatching("out of stock: (Loose PNM \\(PNM\\) has none left|only \\d+ g of Loose PNM \\(PNM\\) left, 250 g asked for)"));
    }

    @Test
    void restocksInGramsRacingWeighedSalesLoseNothing() {
        // enough for every sale even if all 60 run before any restock: a refusal would then be a lost gram
        weighed("PNM", "15.00", 6_000);

        // 20 restocks of 500 g and 60 sales of 100 g, all released together
        var outcomes = Race.run(80, i -> i < 20
                ? office.stock().restock(manager, "PNM", 500, "OFFICE", "delivery " + i)
                : app.sales().checkout(cashier, basket("T" + (i % 4 + 1), List.of(line("PNM", 100)))));

        long restocks = outcomes.stream().filter(o -> o.ok() && o.value() instanceof StockChange).count();
        long sold = outcomes.stream().filter(o -> o.ok() && o.value() instanceof Receipt).count();
        assertThat(restocks).isEqualTo(20);
        assertThat(outcomes).allSatisfy(o -> assertThat(o.kind()).isIn("OK", "OUT_OF_STOCK"));
        assertThat(stockOf("PNM")).isEqualTo(6_000 + 20 * 500 - 100 * (int) sold);
        assertThat(saleLinesOf("PNM")).isEqualTo(sold);
        // 6 kg in stock before any restock, 6 kg asked for: no sale can have been refused, in any order
        assertThat(sold).isEqualTo(60);
        assertThat(stockOf("PNM")).isEqualTo(10_000);
    }

    @Test
    void mixedBasketsOfWeighedAndCountedSweetsCrossingEachOtherNeverDeadlock() {
        weighed("W", "12.00", 6_000);
        sweet("A", "1.00", 60);
        sweet("B", "2.00", 60);
        Transactor.Stats before = app.database().transactor().stats();

        // each basket: 100 g of W, one A, one B, in one of two reverse orders; 200 baskets, stock for 60
        var outcomes = Race.run(8, till -> {
            int sold = 0;
            for (int i = 0; i < 25; i++) {
                List<BasketLine> lines = new ArrayList<>(List.of(line("W", 100), line("A", 1), line("B", 1)));
                if ((till + i) % 2 == 1) {
                    java.util.Collections.reverse(lines);
                }
                try {
                    app.sales().checkout(cashier, basket("T" + (till + 1), lines));
                    sold++;
                } catch (OutOfStockException refused) {
                    // the one other allowed outcome
                }
            }
            return sold;
        });

        assertThat(outcomes).allSatisfy(o -> assertThat(o.kind()).as(String.valueOf(o.failure())).isEqualTo("OK"));
        assertThat(outcomes.stream().mapToInt(Race.Outcome::value).sum()).isEqualTo(60);
        assertThat(stockOf("W")).isZero();
        assertThat(stockOf("A")).isZero();
        assertThat(stockOf("B")).isZero();
        assertThat(saleLinesOf("W")).isEqualTo(60);
        assertThat(Sql.queryLong(app.database().dataSource(), "select count(*) from sale_line where sku = 'W' and line_total = 1.20"))
                .isEqualTo(60);
        assertThat(app.database().transactor().stats().deadlocks()).isEqualTo(before.deadlocks());
    }
}
