package org.sweetshop.sale;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sweetshop.catalog.NewSweet;
import org.sweetshop.common.InvalidInputException;
import org.sweetshop.common.OutOfStockException;
import org.sweetshop.common.SoldBy;
import org.sweetshop.testing.BadInputCase;
import org.sweetshop.testing.Sql;

/** Checkout of weighed lines: priced per kg and rounded once per line, stock in grams, mixed baskets. */
class WeighedSaleTest extends BadInputCase {

    @BeforeEach
    void weighedAndCountedSweets() {
        office.catalog().add(manager, NewSweet.weighed("PNM", "Pick and Mix", "Loose", new BigDecimal("14.99"), 2_500, 0, 123), "T0");
        office.catalog().add(manager, NewSweet.weighed("CHEAP", "Broken Rock", "Loose", new BigDecimal("0.90"), 1_000, 0, null), "T0");
        sweet("FB", "0.85", 40);
    }

    @AfterEach
    void auditStillPasses() {
        assertThat(app.audit().run().checks()).allSatisfy(check -> assertThat(check.ok()).as(check.name() + " " + check.examples()).isTrue());
    }

    @Test
    void aMixedBasketPricesTheWeighedLineOnceAndTakesGramsFromStock() {
        Receipt receipt = app.sales().checkout(cashier, basket("T1", List.of(line("PNM", 253), line("FB", 2))));

        ReceiptLine weighed = receipt.lines().stream().filter(l -> l.sku().equals("PNM")).findFirst().orElseThrow();
        assertThat(weighed.soldBy()).isEqualTo(SoldBy.WEIGHED);
        assertThat(weighed.quantity()).isEqualTo(253);
        assertThat(weighed.unitPrice()).isEqualByComparingTo("14.99");
        assertThat(weighed.lineTotal()).isEqualByComparingTo("3.79"); // 3.79247
        assertThat(receipt.subtotal()).isEqualByComparingTo("5.49");
        assertThat(stockOf("PNM")).isEqualTo(2_247);
        assertThat(stockOf("FB")).isEqualTo(38);
        assertThat(Sql.queryLong(app.database().dataSource(), "select count(*) from sale_line where sold_by = 'WEIGHED'")).isEqualTo(1);
        assertThat(app.sales().findReceipt(receipt.receiptNo()).orElseThrow().lines()).isEqualTo(receipt.lines());
    }

    @Test
    void twoLinesOfOneWeighedSweetAreOneLine() {
        Receipt receipt = app.sales().checkout(cashier, basket("T1", List.of(line("PNM", 250), line("PNM", 3))));
        assertThat(receipt.lines()).hasSize(1);
        assertThat(receipt.lines().get(0).lineTotal()).isEqualByComparingTo("3.79");
    }

    @Test
    void aSoldOutWeighedSweetSaysHowManyGramsAreLeft() {
        app.sales().checkout(cashier, basket("T1", List.of(line("PNM", 2_380))));

        var e = refused(OutOfStockException.class, () -> app.sales().checkout(cashier, basket("T1", List.of(line("PNM", 250)))));
        assertThat(e).hasMessage("out of stock: only 120 g of Pick and Mix (PNM) left, 250 g asked for");
        assertThat(e.left()).isEqualTo(120);
        assertThat(e.details()).containsEntry("unit", "g");
    }

    @Test
    void aCountedSweetKeepsItsWording() {
        var e = refused(OutOfStockException.class, () -> app.sales().checkout(cashier, basket("T1", List.of(line("FB", 41)))));
        assertThat(e).hasMessage("out of stock: only 40 of Sweet FB (FB) left, 41 asked for");
    }

    @Test
    void aWeighedLineThatComesToNothingIsRefused() {
        // 5 g at 0.90/kg is 0.0045 -> 0.00
        var e = refused(InvalidInputException.class, () -> app.sales().checkout(cashier, basket("T1", List.of(line("CHEAP", 5)))));
        assertThat(e).hasMessageContaining("comes to 0.00");
        // 6 g is 0.0054 -> 0.01
        assertThat(app.sales().checkout(cashier, basket("T1", List.of(line("CHEAP", 6)))).total()).isEqualByComparingTo("0.01");
    }

    @Test
    void eachKindHasItsOwnRangePerLine() {
        office.stock().restock(manager, "PNM", 100_000, "T0", null);
        office.stock().restock(manager, "FB", 20_000, "T0", null);
        var grams = refused(InvalidInputException.class, () -> app.sales().checkout(cashier, basket("T1", List.of(line("PNM", 100_000)))));
        assertThat(grams).hasMessageContaining("quantity of PNM");
        var pieces = refused(InvalidInputException.class, () -> app.sales().checkout(cashier, basket("T1", List.of(line("FB", 10_000)))));
        assertThat(pieces).hasMessageContaining("quantity of FB").hasMessageContaining("9999");
        // 10 kg of pick and mix is one line
        assertThat(app.sales().checkout(cashier, basket("T1", List.of(line("PNM", 10_000)))).lines().get(0).lineTotal())
                .isEqualByComparingTo("149.90");
    }
}
