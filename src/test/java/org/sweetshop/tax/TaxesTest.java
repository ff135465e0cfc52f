package org.sweetshop.tax;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sweetshop.catalog.CatalogImport;
import org.sweetshop.catalog.NewSweet;
import org.sweetshop.catalog.SweetEdit;
import org.sweetshop.common.AlreadyExistsException;
import org.sweetshop.common.Discount;
import org.sweetshop.common.InvalidInputException;
import org.sweetshop.common.NotPermittedException;
import org.sweetshop.common.SoldBy;
import org.sweetshop.common.TaxLine;
import org.sweetshop.promo.NewPromo;
import org.sweetshop.refund.RefundLine;
import org.sweetshop.refund.RefundView;
import org.sweetshop.report.SalesReport;
import org.sweetshop.report.TaxReport;
import org.sweetshop.sale.CheckoutRequest;
import org.sweetshop.sale.OfflineLine;
import org.sweetshop.sale.OfflineReplay;
import org.sweetshop.sale.OfflineSale;
import org.sweetshop.sale.Payment;
import org.sweetshop.sale.Receipt;
import org.sweetshop.sale.PaymentMethod;
import org.sweetshop.sale.Tender;
import org.sweetshop.shift.ZReport;
import org.sweetshop.testing.DatabaseTest;
import org.sweetshop.testing.Snapshot;
import org.sweetshop.testing.Sql;
import org.sweetshop.testing.WeighedSweets;

/** Taxes end to end on the real database: checkout, receipts, refunds, reports, the catalogue's rates (docs/DESIGN.md, Taxes). */
class TaxesTest extends DatabaseTest {

    @AfterEach
    void theAuditStillPasses() {
        assertThat(app.audit().run().checks()).allSatisfy(c -> assertThat(c.ok()).as(c.name() + " " + c.examples()).isTrue());
    }

    /** The design's worked example: 3 x fudge 1.15 (STD), humbugs 2.00 (RED), a cola bottle 0.99 (STD). */
    private void workedExampleSweets() {
        sweet("FU", "1.15", 50);
        office.catalog().add(manager, new NewSweet("MH", "Mint Humbugs", "Boiled", new BigDecimal("2.00"), 50, 0).withTax("RED"), "T0");
        sweet("CB", "0.99", 50);
        office.promos().add(manager, new NewPromo("TENOFF", Discount.percent(BigDecimal.TEN), null, null, null));
    }

    private Receipt sellWorkedExample(Payment payment) {
        return app.sales().checkout(cashier, new CheckoutRequest(UUID.randomUUID(), "T1",
                List.of(line("FU", 3), line("MH", 1), line("CB", 1)), null, "TENOFF", payment));
    }

    private static List<String> lines(List<TaxLine> taxes) {
        return taxes.stream().map(t -> t.code() + " " + t.rate().toPlainString() + " " + t.net() + "+" + t.tax() + "=" + t.gross()).toList();
    }

    private static BigDecimal gross(List<TaxLine> taxes) {
        return taxes.stream().map(TaxLine::gross).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    @Test
    void aBasketOfTwoRatesWithAPromoIsTaxedPerRateInsideItsPrices() {
        workedExampleSweets();

        Receipt receipt = sellWorkedExample(Payment.card());

        assertThat(receipt.total()).isEqualByComparingTo("5.80");
        assertThat(receipt.taxAdded()).isEqualByComparingTo("0.00");
        assertThat(lines(receipt.taxes())).containsExactly("RED 5.00 1.71+0.09=1.80", "STD 20.00 3.33+0.67=4.00");
        assertThat(gross(receipt.taxes())).isEqualByComparingTo(receipt.total());
        assertThat(app.sales().findReceipt(receipt.receiptNo())).contains(receipt);
        assertThat(Sql.queryLong(app.database().dataSource(),
                "select count(*) from sale_line where tax_code = 'STD' and tax_rate = 20 and sale_id = ?", receipt.saleId())).isEqualTo(2);
        assertThat(Sql.queryLong(app.database().dataSource(),
                "select count(*) from sale_line where tax_code = 'RED' and tax_rate = 5 and sale_id = ?", receipt.saleId())).isEqualTo(1);
    }

    @Test
    void pricesExcludingTaxAddTheTaxAtTheTotalAndCashMustCoverIt() {
        workedExampleSweets();
        office.settings().set(owner, "prices.include.tax", "false", "T0");
        String before = Snapshot.of(app.database().dataSource());

        assertThatThrownBy(() -> sellWorkedExample(Payment.cash(new BigDecimal("6.68"))))
                .isInstanceOf(InvalidInputException.class).hasMessage("cash tendered 6.68 is less than the total 6.69");
        assertThat(Snapshot.of(app.database().dataSource())).isEqualTo(before);

        Receipt receipt = sellWorkedExample(Payment.cash(new BigDecimal("10.00")));

        assertThat(receipt.subtotal()).isEqualByComparingTo("6.44");
        assertThat(receipt.discount()).isEqualByComparingTo("0.64");
        assertThat(receipt.taxAdded()).isEqualByComparingTo("0.89");
        assertThat(receipt.total()).isEqualByComparingTo("6.69");
        assertThat(receipt.change()).isEqualByComparingTo("3.31");
        assertThat(lines(receipt.taxes())).containsExactly("RED 5.00 1.80+0.09=1.89", "STD 20.00 4.00+0.80=4.80");
        assertThat(app.sales().findReceipt(receipt.receiptNo())).contains(receipt);
    }

    @Test
    void aWeighedLineIsTaxedAtItsSweetsRate() {
        WeighedSweets.add(office, manager, "PM", "14.99", 5000);
        office.catalog().edit(manager, "PM", SweetEdit.tax("RED"), "T0");
        sweet("SL", "2.20", 10);
        office.promos().add(manager, new NewPromo("TENOFF", Discount.percent(BigDecimal.TEN), null, null, null));

        // 253 g at 14.99/kg = 3.79, 2.20; 10 % off 5.99 = 5.39 (5.391): 3.41 and 1.98
        Receipt receipt = app.sales().checkout(cashier, new CheckoutRequest(UUID.randomUUID(), "T1",
                List.of(line("PM", 253), line("SL", 1)), null, "TENOFF", Payment.card()));

        assertThat(receipt.total()).isEqualByComparingTo("5.39");
        assertThat(lines(receipt.taxes())).containsExactly("RED 5.00 3.25+0.16=3.41", "STD 20.00 1.65+0.33=1.98");
    }

    @Test
    void refundsOfPartOfAReceiptReverseItsTaxUntilAllOfItIsReversed() {
        workedExampleSweets();
        Receipt receipt = sellWorkedExample(Payment.card());

        RefundView oneFudge = app.refunds().refund(manager, receipt.receiptNo(), List.of(new RefundLine("FU", 1)), "T1", null);
        RefundView humbugs = app.refunds().refund(manager, receipt.receiptNo(), List.of(new RefundLine("MH", 1)), "T1", null);
        RefundView rest = app.refunds().refund(manager, receipt.receiptNo(), List.of(new RefundLine("FU", 2), new RefundLine("CB", 1)),
                "T1", null);

        // the fudge paid 3.11: one back is 1.04, reversing round(0.67 x 1.04 / 4.00) = 0.17 of STD's tax
        assertThat(oneFudge.amount()).isEqualByComparingTo("1.04");
        assertThat(lines(oneFudge.taxes())).containsExactly("STD 20.00 0.87+0.17=1.04");
        assertThat(lines(humbugs.taxes())).containsExactly("RED 5.00 1.71+0.09=1.80");
        // the rest: 2.07 + 0.89 = 2.96 of STD's 4.00, the last 0.50 of its 0.67
        assertThat(lines(rest.taxes())).containsExactly("STD 20.00 2.46+0.50=2.96");
        assertThat(List.of(oneFudge, humbugs, rest)).allSatisfy(r -> assertThat(gross(r.taxes())).isEqualByComparingTo(r.amount()));
        assertThat(app.refunds().refundsOf(receipt.receiptNo())).containsExactly(oneFudge, humbugs, rest);
    }

    @Test
    void anExclusiveReceiptRefundedWholeGivesBackItsTaxToo() {
        workedExampleSweets();
        office.settings().set(owner, "prices.include.tax", "false", "T0");
        Receipt receipt = sellWorkedExample(Payment.card());

        RefundView whole = app.refunds().refund(manager, receipt.receiptNo(), List.of(), "T1", null);

        assertThat(whole.amount()).isEqualByComparingTo("6.69");
        assertThat(lines(whole.taxes())).containsExactly("RED 5.00 1.80+0.09=1.89", "STD 20.00 4.00+0.80=4.80");
        // each line's share of its rate's gross: STD 4.80 over 3.11 : 0.89 is 3.73 : 1.07
        assertThat(whole.items()).extracting(i -> i.sku() + " " + i.amount()).containsExactly("FU 3.73", "MH 1.89", "CB 1.07");
    }

    @Test
    void theTaxReportIsTheSumOfTheReceiptsItCoversAndTheRefundsMadeInIt() {
        workedExampleSweets();
        office.catalog().add(manager, new NewSweet("WT", "Water", "Drinks", new BigDecimal("0.75"), 50, 0).withTax("ZERO"), "T0");
        List<Receipt> receipts = new ArrayList<>();
        receipts.add(sellWorkedExample(Payment.card()));
        receipts.add(app.sales().checkout(cashier, basket("T2", List.of(line("WT", 3), line("FU", 1)))));
        office.settings().set(owner, "prices.include.tax", "false", "T0");
        receipts.add(app.sales().checkout(cashier, basket("T1", List.of(line("MH", 2), line("CB", 3), line("WT", 1)))));
        RefundView refund = app.refunds().refund(manager, receipts.get(2).receiptNo(), List.of(new RefundLine("CB", 1)), "T1", null);
        LocalDate today = LocalDate.now(app.reports().zone());

        TaxReport report = app.reports().taxes(manager, today, today);

        Map<String, TaxLine> perRate = new TreeMap<>();
        receipts.forEach(r -> r.taxes().forEach(t -> perRate.merge(t.code(), t, TaxLine::plus)));
        assertThat(report.receipts()).isEqualTo(3);
        BigDecimal sum = receipts.stream().map(Receipt::total).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(report.receiptsTotal()).isEqualByComparingTo(sum);
        assertThat(report.total().gross()).isEqualByComparingTo(sum);
        assertThat(report.rates()).extracting(r -> r.code() + " " + r.net() + "+" + r.tax() + "=" + r.gross())
                .containsExactlyElementsOf(perRate.values().stream().map(t -> t.code() + " " + t.net() + "+" + t.tax() + "=" + t.gross()).toList());
        assertThat(report.refunded()).isEqualByComparingTo(refund.amount());
        assertThat(report.total().refundedGross()).isEqualByComparingTo(refund.amount());
        assertThat(report.rates()).filteredOn(r -> r.code().equals("STD")).singleElement().satisfies(r -> {
            assertThat(r.refundedTax()).isEqualByComparingTo(refund.taxes().get(0).tax());
            assertThat(r.grossAfterRefunds()).isEqualByComparingTo(r.gross().subtract(refund.amount()));
        });

        SalesReport sales = app.reports().sales(manager, today, today);
        assertThat(gross(sales.taxes())).isEqualByComparingTo(sales.summary().net());
        assertThat(gross(sales.refundTaxes())).isEqualByComparingTo(sales.summary().refunded());
        List<List<String>> csv = org.sweetshop.report.ReportCsv.rows(sales, org.sweetshop.report.ReportCsv.Table.TAXES);
        assertThat(org.sweetshop.report.ReportCsv.header(org.sweetshop.report.ReportCsv.Table.TAXES))
                .containsExactly("kind", "code", "name", "rate", "net", "tax", "gross");
        assertThat(csv).hasSize(sales.taxes().size() + sales.refundTaxes().size());
        assertThat(csv.get(csv.size() - 1)).containsExactly("refunds", "STD", "Standard", "20.00",
                refund.taxes().get(0).net().toPlainString(), refund.taxes().get(0).tax().toPlainString(), refund.amount().toPlainString());
    }

    @Test
    void aZReportShowsTheTaxOfItsReceiptsPerRate() {
        workedExampleSweets();
        app.shifts().open(cashier, "T1", new BigDecimal("20.00"));
        sellWorkedExample(Payment.card());
        app.sales().checkout(cashier, basket("T1", List.of(line("MH", 1))));

        ZReport z = app.shifts().close(cashier, "T1", new BigDecimal("20.00"));

        // per receipt: RED 1.80 (0.09) and 2.00 (0.0952 -> 0.10)
        assertThat(lines(z.taxes())).containsExactly("RED 5.00 3.61+0.19=3.80", "STD 20.00 3.33+0.67=4.00");
        assertThat(gross(z.taxes())).isEqualByComparingTo(z.net());
        assertThat(z.lines("Sweetshop", app.reports().zone())).contains("Tax by rate", "RED 5% gross" + " ".repeat(24) + "3.80",
                "  net" + " ".repeat(31) + "3.61", "  tax" + " ".repeat(31) + "0.19");
        assertThat(app.shifts().zReport(z.shiftId())).contains(z);
    }

    @Test
    void aShiftOfSalesWithTaxAddedClosesWithItInItsZReport() {
        workedExampleSweets();
        office.settings().set(owner, "prices.include.tax", "false", "T0");
        app.shifts().open(cashier, "T1", new BigDecimal("20.00"));
        sellWorkedExample(Payment.cash(new BigDecimal("10.00")));

        ZReport z = app.shifts().close(cashier, "T1", new BigDecimal("26.69"));

        assertThat(z.gross()).isEqualByComparingTo("6.44");
        assertThat(z.promoDiscounts()).isEqualByComparingTo("0.64");
        assertThat(z.taxAdded()).isEqualByComparingTo("0.89");
        assertThat(z.net()).isEqualByComparingTo("6.69");
        assertThat(z.cashExpected()).isEqualByComparingTo("26.69");
        assertThat(gross(z.taxes())).isEqualByComparingTo(z.net());
        assertThat(z.lines("Sweetshop", app.reports().zone())).contains("Tax added" + " ".repeat(26) + "+0.89");
        assertThat(app.shifts().zReport(z.shiftId())).contains(z);
    }

    @Test
    void anOfflineSaleIsTaxedWhenItIsReplayedOutOfThePricePaid() {
        workedExampleSweets();
        office.settings().set(owner, "prices.include.tax", "false", "T0");
        var fudge = app.catalog().find("FU");
        var humbugs = app.catalog().find("MH");

        var outcome = app.offlineReplay().replay(cashier, new OfflineSale(UUID.randomUUID(), "T5", cashier.staffId(), "cashier",
                Instant.now(), List.of(new OfflineLine(fudge.id(), "FU", fudge.name(), 3, fudge.price(), SoldBy.COUNTED),
                new OfflineLine(humbugs.id(), "MH", humbugs.name(), 1, humbugs.price(), SoldBy.COUNTED)),
                Tender.single(PaymentMethod.CARD, new java.math.BigDecimal("5.45"), null)));

        assertThat(outcome.result()).isEqualTo(OfflineReplay.Result.MADE);
        Receipt receipt = app.sales().findReceipt(outcome.receiptNo()).orElseThrow();
        assertThat(receipt.total()).isEqualByComparingTo("5.45");
        assertThat(lines(receipt.taxes())).containsExactly("RED 5.00 1.90+0.10=2.00", "STD 20.00 2.87+0.58=3.45");
    }

    @Test
    void aRateIsAddedByAManagerAuditedAndListedAndASweetMovesToIt() {
        TaxRateView added = office.taxes().add(manager, "hot", "Hot food", "12.5", "T0");
        sweet("SL", "1.00", 10);
        office.catalog().edit(manager, "SL", SweetEdit.tax("HOT"), "T0");

        assertThat(added).isEqualTo(new TaxRateView("HOT", "Hot food", new BigDecimal("12.50"), false));
        assertThat(app.taxes().list()).extracting(TaxRateView::code, TaxRateView::isDefault).containsExactly(
                org.assertj.core.groups.Tuple.tuple("HOT", false), org.assertj.core.groups.Tuple.tuple("RED", false),
                org.assertj.core.groups.Tuple.tuple("STD", true), org.assertj.core.groups.Tuple.tuple("ZERO", false));
        assertThat(app.catalog().find("SL").taxCode()).isEqualTo("HOT");
        assertThat(Sql.queryLong(app.database().dataSource(),
                "select count(*) from audit_log where action = 'TAX_RATE_ADD' and subject = 'HOT' and new_value = 'Hot food 12.5%'"))
                .isEqualTo(1);
        assertThat(Sql.queryLong(app.database().dataSource(),
                "select count(*) from audit_log where action = 'TAX_CHANGE' and subject = 'SL' and old_value = 'STD' and new_value = 'HOT'"))
                .isEqualTo(1);
        Receipt receipt = app.sales().checkout(cashier, basket("T1", List.of(line("SL", 9))));
        assertThat(lines(receipt.taxes())).containsExactly("HOT 12.50 8.00+1.00=9.00");
    }

    @ParameterizedTest
    @ValueSource(strings = {"-1", "101", "100.01", "12.345", "abc", "", "1e2", "20,5"})
    void aBadRateIsRefusedAndChangesNothing(String rate) {
        String before = Snapshot.of(app.database().dataSource());

        assertThatThrownBy(() -> office.taxes().add(manager, "NEW", "New", rate, "T0"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("rate");

        assertThat(Snapshot.of(app.database().dataSource())).isEqualTo(before);
    }

    @Test
    void aDuplicateOrBadCodeOrACashierIsRefusedAndChangesNothing() {
        String before = Snapshot.of(app.database().dataSource());

        assertThatThrownBy(() -> office.taxes().add(manager, "std", "Another", "10", "T0"))
                .isInstanceOf(AlreadyExistsException.class).hasMessageContaining("tax rate STD already exists");
        assertThatThrownBy(() -> office.taxes().add(manager, "TOO-LONG-CODE", "X", "10", "T0"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("1 to 8 letters or digits");
        assertThatThrownBy(() -> office.taxes().add(manager, "X", " ", "10", "T0")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> office.taxes().add(cashier, "X", "X", "10", "T0")).isInstanceOf(NotPermittedException.class);

        assertThat(Snapshot.of(app.database().dataSource())).isEqualTo(before);
    }

    @Test
    void anUnknownTaxCodeForASweetIsRefusedNamingTheRatesAndChangesNothing() {
        sweet("SL", "1.00", 10);
        String before = Snapshot.of(app.database().dataSource());

        assertThatThrownBy(() -> office.catalog().add(manager, new NewSweet("FB", "Fudge", "Fudge", BigDecimal.ONE, 1, 0).withTax("VAT9"), "T0"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("there is no tax rate 'VAT9': the rates are RED (Reduced, 5%), STD (Standard, 20%), ZERO (Zero, 0%);"
                        + " add one with `tax add` first");
        assertThatThrownBy(() -> office.catalog().edit(manager, "SL", new SweetEdit(null, "New name", null, null, null, "VAT9"), "T0"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("there is no tax rate 'VAT9'");

        assertThat(Snapshot.of(app.database().dataSource())).isEqualTo(before);
        assertThat(app.catalog().find("SL").name()).isEqualTo("Sweet SL");
    }

    @Test
    void theCatalogueImportTakesATaxColumnAndAnUnknownCodeIsItsRowsError() {
        String before = Snapshot.of(app.database().dataSource());
        CatalogImport.Preview bad = app.catalogImport().preview(new StringReader(
                "sku,name,category,price,stock,reorder_level,tax\nSL,Lemons,Boiled,1.20,5,0,RED\nWT,Water,Drinks,0.75,5,0,NOPE\n"));

        assertThat(bad.ok()).isFalse();
        assertThat(bad.errors()).singleElement().satisfies(e -> {
            assertThat(e.row()).isEqualTo(3);
            assertThat(e.column()).isEqualTo("tax");
        });
        assertThatThrownBy(() -> office.catalogImport().apply(manager, bad, "T0")).isInstanceOf(InvalidInputException.class);
        assertThat(Snapshot.of(app.database().dataSource())).isEqualTo(before);

        CatalogImport.Preview good = app.catalogImport().preview(new StringReader(
                "sku,name,category,price,stock,reorder_level,tax\nSL,Lemons,Boiled,1.20,5,0,red\nWT,Water,Drinks,0.75,5,0,\n"));
        office.catalogImport().apply(manager, good, "T0");

        assertThat(app.catalog().find("SL").taxCode()).isEqualTo("RED");
        assertThat(app.catalog().find("WT").taxCode()).isEqualTo("STD");
    }
}
