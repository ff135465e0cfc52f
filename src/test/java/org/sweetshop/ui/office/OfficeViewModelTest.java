package org.sweetshop.ui.office;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.Executor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sweetshop.stock.MovementKind;
import org.sweetshop.catalog.SweetView;
import org.sweetshop.staff.Role;
import org.sweetshop.stock.MovementView;
import org.sweetshop.testing.DatabaseTest;
import org.sweetshop.testing.Snapshot;

/** The back office's model on plain JUnit: same-thread executors, the real services and database. */
class OfficeViewModelTest extends DatabaseTest {

    private static final Executor SAME_THREAD = Runnable::run;

    private OfficeViewModel office;

    @BeforeEach
    void open() {
        sweet("SL", "1.20", 5);
        sweet("FB", "0.85", 2);
        office = new OfficeViewModel(app, manager, "BO", SAME_THREAD, SAME_THREAD);
        office.reload();
    }

    private void choose(String sku) {
        office.selectedProperty().set(office.sweets().stream().filter(s -> s.sku().equals(sku)).findFirst().orElseThrow());
    }

    @Test
    void onlyManagersAndOwnersMayUseIt() {
        assertThat(OfficeViewModel.allowed(cashier)).isFalse();
        assertThat(OfficeViewModel.allowed(manager)).isTrue();
        assertThat(OfficeViewModel.allowed(owner)).isTrue();
        assertThat(OfficeViewModel.allowed(null)).isFalse();
    }

    @Test
    void addsASweetAndRefusesBadInputWithoutChangingAnything() {
        String before = Snapshot.of(app.database().dataSource());
        office.addSweet("JB-200", "Jelly Babies", "Jelly", "1.234", "10", "2");
        assertThat(office.messageProperty().get()).startsWith("Price ");
        office.addSweet("JB-200", "Jelly Babies", "Jelly", "1.60", "ten", "2");
        assertThat(office.messageProperty().get()).isEqualTo("Opening stock must be a whole number such as 12, not 'ten'.");
        office.addSweet("SL", "Again", "Jelly", "1.60", "1", "0");
        assertThat(office.errorProperty().get()).isTrue();
        assertThat(Snapshot.of(app.database().dataSource())).isEqualTo(before);

        office.addSweet("JB-200", "Jelly Babies", "Jelly", "1.60", "10", "2");
        assertThat(office.messageProperty().get()).isEqualTo("Added Jelly Babies (JB-200).");
        assertThat(office.sweets()).extracting(SweetView::sku).contains("JB-200");
        assertThat(office.categories()).contains("Jelly");
    }

    @Test
    void restockStocktakeAndPriceChangeShowInTheHistory() {
        choose("FB");
        office.restock("10", "Sweetco delivery 42");
        assertThat(office.messageProperty().get()).isEqualTo("Restocked Sweet FB: +10, now 12.");
        office.stocktake("11");
        assertThat(office.messageProperty().get()).isEqualTo("Counted Sweet FB: 11 (adjusted by -1).");
        office.changePrice("0.95");
        assertThat(office.messageProperty().get()).isEqualTo("The price of Sweet FB is now 0.95 (was 0.85).");

        assertThat(stockOf("FB")).isEqualTo(11);
        assertThat(office.movements()).extracting(MovementView::kind, MovementView::quantity, MovementView::stockAfter)
                .startsWith(org.assertj.core.groups.Tuple.tuple(MovementKind.ADJUSTMENT, -1, 11),
                        org.assertj.core.groups.Tuple.tuple(MovementKind.RESTOCK, 10, 12));
        assertThat(office.selectedProperty().get().price()).isEqualByComparingTo("0.95");
    }

    @Test
    void aCountThatMatchesChangesNothingButIsSaid() {
        choose("SL");
        office.stocktake("5");
        assertThat(office.messageProperty().get()).isEqualTo("Counted Sweet SL: 5 (no difference).");
        office.restock("-3", "");
        assertThat(office.messageProperty().get()).isEqualTo("Quantity must be a whole number such as 12, not '-3'.");
        assertThat(stockOf("SL")).isEqualTo(5);
    }

    @Test
    void actionsNeedASweetChosenFirst() {
        office.restock("3", "");
        assertThat(office.messageProperty().get()).isEqualTo("Choose a sweet in the table first.");
    }

    @Test
    void takingASweetOffSaleKeepsItInTheCatalogue() {
        choose("FB");
        office.deactivate();
        assertThat(office.messageProperty().get()).isEqualTo("Sweet FB is no longer for sale (its history is kept).");
        assertThat(office.sweets()).filteredOn(s -> s.sku().equals("FB")).extracting(SweetView::active).containsExactly(false);
    }

    @Test
    void promoCodesAndStaff() {
        office.addPromo("SPRING", true, "15", "100", "2099-05-31");
        assertThat(office.messageProperty().get()).isEqualTo("Promo SPRING added: 15% off.");
        office.addPromo("BAD", true, "15", "100", "31/05/2099");
        assertThat(office.messageProperty().get()).isEqualTo("Valid until must be a date such as 2027-03-31, not '31/05/2099'.");
        office.deactivatePromo("SPRING");
        assertThat(office.promos()).filteredOn(p -> p.code().equals("SPRING")).extracting(p -> p.active()).containsExactly(false);

        office.addStaff("bea", Role.CASHIER);
        assertThat(office.messageProperty().get()).startsWith("Added bea (cashier). Their password: ");
        office.addStaff("max", Role.MANAGER);
        assertThat(office.errorProperty().get()).isTrue();   // a manager cannot make managers
        assertThat(office.staff()).extracting(s -> s.username()).doesNotContain("max");
        office.resetPassword("bea");
        String password = office.messageProperty().get().replaceAll("^New password for bea: (\\S+) .*$", "$1");
        assertThat(app.staff().login("bea", password).username()).isEqualTo("bea");
    }

    @Test
    void refundsSomeItemsThenTheRestIsRefusedBeyondWhatWasSold() {
        var receipt = app.sales().checkout(cashier, basket("T1", java.util.List.of(line("SL", 3), line("FB", 1))));
        office.refund(receipt.receiptNo(), "SL:2", "too sweet");
        assertThat(office.messageProperty().get()).startsWith("Refunded 2.40 on " + receipt.receiptNo() + ":");
        assertThat(stockOf("SL")).isEqualTo(4);
        String before = Snapshot.of(app.database().dataSource());
        office.refund(receipt.receiptNo(), "SL:2", "");
        assertThat(office.errorProperty().get()).isTrue();
        office.refund(receipt.receiptNo(), "SL:two", "");
        assertThat(office.messageProperty().get()).isEqualTo("The quantity in 'SL:two' must be a whole number.");
        office.refund(receipt.receiptNo(), "", "");   // whole: something was refunded already
        assertThat(office.errorProperty().get()).isTrue();
        assertThat(Snapshot.of(app.database().dataSource())).isEqualTo(before);
        assertThat(office.refunds()).hasSize(1);
    }

    @Test
    void theSalesReportAddsUpTheSalesMadeAndExportsCsv(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        app.sales().checkout(cashier, basket("T1", java.util.List.of(line("SL", 2), line("FB", 1))));   // 3.25
        app.sales().checkout(cashier, basket("T2", java.util.List.of(line("SL", 1))));                  // 1.20
        office.loadReport("", "");
        org.sweetshop.report.SalesReport report = office.reportProperty().get();
        assertThat(report.summary().sales()).isEqualTo(2);
        assertThat(report.summary().net()).isEqualByComparingTo("4.45");
        assertThat(report.topSweets().get(0).sku()).isEqualTo("SL");
        assertThat(report.topSweets().get(0).units()).isEqualTo(3);
        assertThat(report.byTill()).extracting(t -> t.till(), t -> t.net().toPlainString())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("T1", "3.25"), org.assertj.core.groups.Tuple.tuple("T2", "1.20"));
        assertThat(office.messageProperty().get()).endsWith(": 2 sales, net 4.45.");

        // a refund made today is money paid back today: its own figure, taken off the net
        office.refund(app.sales().findReceipt("T2-000001").orElseThrow().receiptNo(), "", "");
        office.loadReport("", "");
        var withRefund = office.reportProperty().get().summary();
        assertThat(withRefund.net()).isEqualByComparingTo("4.45");
        assertThat(withRefund.refunds()).isEqualTo(1);
        assertThat(withRefund.refunded()).isEqualByComparingTo("1.20");
        assertThat(withRefund.netAfterRefunds()).isEqualByComparingTo("3.25");
        report = office.reportProperty().get();

        office.loadReport("2026-13-01", "");
        assertThat(office.messageProperty().get()).isEqualTo("From must be a date such as 2027-03-31, not '2026-13-01'.");
        office.loadReport("2030-01-02", "2030-01-01");
        assertThat(office.errorProperty().get()).isTrue();
        assertThat(office.reportProperty().get()).isSameAs(report);

        java.nio.file.Path csv = dir.resolve("top.csv");
        office.exportReport(org.sweetshop.report.ReportCsv.Table.TOP_SWEETS, csv);
        assertThat(java.nio.file.Files.readAllLines(csv).get(1)).isEqualTo("1,SL,Sweet SL,3,3.60");
    }

    @Test
    void theAuditLogListsPriceChanges() {
        choose("FB");
        office.changePrice("0.99");
        office.loadAuditLog();
        assertThat(office.auditLog()).first().satisfies(entry -> {
            assertThat(entry.subject()).isEqualTo("FB");
            assertThat(entry.oldValue()).isEqualTo("0.85");
            assertThat(entry.newValue()).isEqualTo("0.99");
            assertThat(entry.staff()).isEqualTo("manager");
        });
    }

    @Test
    void aCatalogueCsvWithOneBadRowIsReportedAndImportsNothing(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path bad = dir.resolve("new.csv");
        java.nio.file.Files.writeString(bad, "sku,name,category,price,stock,reorder_level\n"
                + "CC-1,Cola Cubes,Boiled,0.90,40,5\n"
                + "PM-1,Pear Mints,Boiled,1.999,40,5\n"
                + "LA-1,Lemon Sherbets,Boiled,1.10,30,5\n");
        String before = Snapshot.of(app.database().dataSource());

        office.previewCatalogueImport(bad);

        assertThat(office.messageProperty().get())
                .isEqualTo("The file new.csv has 1 problem(s): nothing will be imported until every row is right.");
        assertThat(office.importErrors()).hasSize(1).first().asString().startsWith("row 3, price: ");
        assertThat(office.importReadyProperty().get()).isFalse();
        office.applyImport();
        assertThat(office.messageProperty().get()).isEqualTo("Check a file first.");
        assertThat(Snapshot.of(app.database().dataSource())).isEqualTo(before);

        java.nio.file.Path good = dir.resolve("good.csv");
        java.nio.file.Files.writeString(good, "sku,name,category,price,stock,reorder_level\nCC-1,Cola Cubes,Boiled,0.90,40,5\n");
        office.previewCatalogueImport(good);
        assertThat(office.importReadyProperty().get()).isTrue();
        office.applyImport();
        assertThat(office.messageProperty().get()).isEqualTo("Imported 1 sweets from good.csv.");
        assertThat(stockOf("CC-1")).isEqualTo(40);
    }

    @Test
    void aDeliveryCsvRestocksEveryLineAtOnce(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path delivery = dir.resolve("delivery.csv");
        java.nio.file.Files.writeString(delivery, "sku,qty\nSL,10\nFB,3\n");
        office.previewDeliveryImport(delivery);
        office.applyImport();
        assertThat(office.messageProperty().get()).isEqualTo("Delivery delivery.csv booked: 13 units over 2 sweets.");
        assertThat(stockOf("SL")).isEqualTo(15);
        assertThat(stockOf("FB")).isEqualTo(5);
    }

    @Test
    void editsTheChosenSweetsDetails() {
        choose("FB");
        office.edit("FB-2", "Fudge Bar", "Fudge", "4");
        assertThat(office.messageProperty().get()).isEqualTo("Saved Fudge Bar (FB-2).");
        assertThat(office.sweets()).filteredOn(s -> s.sku().equals("FB-2")).extracting(SweetView::category, SweetView::reorderLevel)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Fudge", 4));
        office.edit("", "", "", "lots");
        assertThat(office.messageProperty().get()).isEqualTo("Reorder level must be a whole number such as 12, not 'lots'.");
    }

    @Test
    void promoLimitsAreEditedAndACouponIsVoided() {
        office.addPromo("SPRING", true, "15", "100", "");
        office.editPromo("SPRING", "20", "2099-01-31", true);
        assertThat(office.messageProperty().get()).isEqualTo("Promo SPRING: 0 of 20 uses, until 2099-01-31.");
        office.editPromo("SPRING", "many", "", true);
        assertThat(office.messageProperty().get()).isEqualTo("Maximum uses must be a whole number such as 12, not 'many'.");

        String token = app.coupons().issue(manager, 1, org.sweetshop.common.Discount.percent(new java.math.BigDecimal("10")), null)
                .get(0).token();
        office.voidCoupon(token);
        assertThat(office.messageProperty().get()).endsWith(" is void: it can no longer be redeemed.");
        assertThat(app.coupons().preview(token).state()).isEqualTo("void");
    }

    @Test
    void issuesACouponBatchWithProgress() {
        office.issueCoupons("120", true, "10", "2099-12-31");
        assertThat(office.issued()).hasSize(120);
        assertThat(office.progressProperty().get()).isEqualTo(1.0);
        assertThat(office.messageProperty().get()).isEqualTo("Issued 120 coupons: 10% off, valid until 2099-12-31. Save their sheet now.");
        office.issueCoupons("0", true, "10", "");
        assertThat(office.messageProperty().get()).isEqualTo("The number of coupons must be between 1 and 10000.");
    }

    @Test
    void aBatchMustReachPaperBeforeAnotherIsIssuedOrTheBackOfficeIsLeft(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        office.issueCoupons("3", false, "1.00", "");
        assertThat(office.mayLeave()).isFalse();
        assertThat(office.messageProperty().get())
                .isEqualTo("Save the coupon sheet of the batch just issued first: its coupons exist only on that sheet.");
        office.issueCoupons("3", false, "1.00", "");
        assertThat(office.messageProperty().get())
                .isEqualTo("Save the last batch's sheet first: its coupons exist only in the database and on that sheet.");
        assertThat(org.sweetshop.testing.Sql.queryLong(app.database().dataSource(), "select count(*) from coupon")).isEqualTo(3);

        office.saveCouponSheet(dir.resolve("first.pdf"), "Test");
        assertThat(office.mayLeave()).isTrue();
        office.saveCouponSheet(dir.resolve("first.pdf"), "Test");
        assertThat(office.messageProperty().get()).isEqualTo("The file first.pdf or the folder first-png already exists: choose another name.");
    }
}
