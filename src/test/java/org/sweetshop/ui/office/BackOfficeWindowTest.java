package org.sweetshop.ui.office;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ListCell;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.Test;
import org.sweetshop.stock.MovementKind;
import org.sweetshop.catalog.NewSweet;
import org.sweetshop.catalog.SweetView;
import org.sweetshop.common.NotPermittedException;
import org.sweetshop.sale.CheckoutRequest;
import org.sweetshop.sale.Payment;
import org.sweetshop.stock.MovementView;
import org.sweetshop.ui.common.CatalogueFilter;
import org.sweetshop.ui.office.coupons.CouponsViewModel;
import org.sweetshop.ui.till.TillWindowTestBase;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** The back office in the real window, headless, while the shop sells. */
class BackOfficeWindowTest extends TillWindowTestBase {

    @Test
    void aCashierNeverSeesTheBackOfficeAndItsServicesRefuseHer(FxRobot robot) throws Exception {
        sweet("SL", "1.20", 5);
        open(robot, app);
        login(robot, "cashier");

        assertThat(robot.lookup("#back-office").query().isVisible()).isFalse();
        WaitForAsyncUtils.asyncFx(model::openBackOffice).get(5, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#tab-catalogue").tryQuery()).isEmpty();
        assertThat(robot.lookup("#tiles").tryQuery()).isPresent();
        assertThatThrownBy(() -> app.stock().restock(cashier, "SL", 5, "T1", "sneaky")).isInstanceOf(NotPermittedException.class);
        assertThat(stockOf("SL")).isEqualTo(5);
    }

    @Test
    void aRestockWhileAnotherTillSellsTheSameSweetLosesNothing(FxRobot robot) throws Exception {
        sweet("SL", "1.20", 5);
        sweet("FB", "0.85", 30);
        open(robot, app);
        login(robot, "manager");
        robot.clickOn("#back-office");
        waitFor(() -> robot.lookup("#sweets-table").tryQuery().isPresent()
                && !robot.lookup("#sweets-table").<TableView<SweetView>>query().getItems().isEmpty());
        select(robot, "FB");
        robot.clickOn("#restock-qty").write("25");
        robot.clickOn("#restock-note").write("Sweetco delivery 7");

        // another till sells FB, one at a time, while the restock goes through
        int sales = 20;
        CyclicBarrier start = new CyclicBarrier(2);
        List<Throwable> failures = new ArrayList<>();
        Thread till = new Thread(() -> {
            try {
                start.await(10, TimeUnit.SECONDS);
                for (int i = 0; i < sales; i++) {
                    app.sales().checkout(cashier, new CheckoutRequest(UUID.randomUUID(), "T2", List.of(line("FB", 1)), null, null,
                            Payment.card()));
                }
            } catch (Throwable e) {
                synchronized (failures) {
                    failures.add(e);
                }
            }
        }, "till-T2");
        till.start();
        start.await(10, TimeUnit.SECONDS);
        robot.clickOn("#restock");
        till.join(60_000);

        waitFor(() -> text(robot, "#office-message").startsWith("Restocked Sweet FB: +25"));
        assertThat(failures).isEmpty();
        assertThat(stockOf("FB")).isEqualTo(30 + 25 - sales);
        List<MovementView> history = app.stock().movements("FB", 100);
        assertThat(history).filteredOn(m -> m.kind() == MovementKind.RESTOCK && m.quantity() == 25)
                .extracting(MovementView::reason, MovementView::staff).containsExactly(org.assertj.core.groups.Tuple.tuple("Sweetco delivery 7", "manager"));
        assertThat(history).filteredOn(m -> m.kind() == MovementKind.SALE).hasSize(sales);
        assertThat(app.audit().run().ok()).isTrue();
    }

    @Test
    void aStocktakeWritesTheDifferenceAsOneAdjustment(FxRobot robot) throws Exception {
        sweet("SL", "1.20", 5);
        sweet("FB", "0.85", 12);
        open(robot, app);
        login(robot, "manager");
        robot.clickOn("#back-office");
        waitFor(() -> robot.lookup("#sweets-table").tryQuery().isPresent()
                && !robot.lookup("#sweets-table").<TableView<SweetView>>query().getItems().isEmpty());
        select(robot, "FB");
        robot.clickOn("#counted").write("9");
        robot.clickOn("#stocktake");

        waitFor(() -> text(robot, "#office-message").equals("Counted Sweet FB: 9 (adjusted by -3)."));
        assertThat(stockOf("FB")).isEqualTo(9);
        MovementView last = app.stock().movements("FB", 1).get(0);
        assertThat(last.kind()).isEqualTo(MovementKind.ADJUSTMENT);
        assertThat(last.quantity()).isEqualTo(-3);
        assertThat(last.stockAfter()).isEqualTo(9);
        waitFor(() -> robot.lookup("#movements-table").<TableView<MovementView>>query().getItems().size() == 2);

        robot.clickOn("#back-to-till");
        waitFor(() -> robot.lookup("#tile-FB").tryQuery().isPresent());
    }

    @Test
    void aRefundAskedFromTheWindowAndFromAnotherScreenAtOnceRestoresStockOnce(FxRobot robot) throws Exception {
        sweet("SL", "1.20", 5);
        sweet("FB", "0.85", 10);
        var receipt = app.sales().checkout(cashier, new CheckoutRequest(UUID.randomUUID(), "T2", List.of(line("FB", 4)), null, null,
                Payment.card()));
        open(robot, app);
        login(robot, "manager");
        robot.clickOn("#back-office");
        waitFor(() -> robot.lookup("#tab-refunds").tryQuery().isPresent());
        robot.clickOn("#tab-refunds");
        robot.clickOn("#refund-receipt").write(receipt.receiptNo());

        CyclicBarrier both = new CyclicBarrier(2);
        List<Object> other = new ArrayList<>();
        Thread otherScreen = new Thread(() -> {
            try {
                both.await(10, TimeUnit.SECONDS);
                other.add(app.refunds().refund(owner, receipt.receiptNo(), List.of(), "BO2", "second screen"));
            } catch (Throwable e) {
                other.add(e);
            }
        }, "other-screen");
        otherScreen.start();
        both.await(10, TimeUnit.SECONDS);
        robot.clickOn("#refund");
        otherScreen.join(30_000);

        waitFor(() -> text(robot, "#office-message").startsWith("Refunded") || text(robot, "#office-message").startsWith("Already refunded"));
        boolean windowWon = text(robot, "#office-message").startsWith("Refunded 3.40 on " + receipt.receiptNo());
        assertThat(other).hasSize(1);
        assertThat(other.get(0) instanceof org.sweetshop.common.RefundRefusedException).isEqualTo(windowWon);
        assertThat(stockOf("FB")).isEqualTo(10);
        assertThat(org.sweetshop.testing.Sql.queryLong(app.database().dataSource(), "select count(*) from refund")).isEqualTo(1);
        assertThat(app.audit().run().ok()).isTrue();
    }

    @Test
    void theReportsTabChartsTheSalesAndListsTheTopSweet(FxRobot robot) throws Exception {
        sweet("SL", "1.20", 50);
        sweet("FB", "0.85", 50);
        app.sales().checkout(cashier, new CheckoutRequest(UUID.randomUUID(), "T1", List.of(line("SL", 3)), null, null, Payment.card()));
        app.sales().checkout(cashier, new CheckoutRequest(UUID.randomUUID(), "T2", List.of(line("FB", 2)), null, null, Payment.card()));
        open(robot, app);
        login(robot, "owner");
        robot.clickOn("#back-office");
        waitFor(() -> robot.lookup("#tab-reports").tryQuery().isPresent());
        robot.clickOn("#tab-reports");
        robot.clickOn("#make-report");

        waitFor(() -> text(robot, "#report-summary").startsWith("2 sales"));
        assertThat(text(robot, "#report-summary")).contains("net 5.30");
        TableView<org.sweetshop.report.SalesReport.SweetSales> top = robot.lookup("#top-sweets-table").query();
        assertThat(top.getItems()).extracting(t -> t.sku()).containsExactly("SL", "FB");
        javafx.scene.chart.BarChart<?, ?> byDay = robot.lookup("#chart-by-day").query();
        var days = byDay.getData().get(0).getData();
        assertThat(days).hasSize(7);   // the last seven days, today last
        assertThat(((java.math.BigDecimal) days.get(6).getYValue())).isEqualByComparingTo("5.30");
        assertThat(days.subList(0, 6)).allSatisfy(d -> assertThat((java.math.BigDecimal) d.getYValue()).isEqualByComparingTo("0"));
    }

    @Test
    void aBatchOf24CouponsBecomesASheetWhosePagesDecodeToExactlyThe24Tokens(FxRobot robot,
            @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        sweet("SL", "1.20", 5);
        open(robot, app);
        login(robot, "manager");
        robot.clickOn("#back-office");
        waitFor(() -> robot.lookup("#tab-coupons").tryQuery().isPresent());
        robot.clickOn("#tab-coupons");
        robot.clickOn("#coupon-count").write("24");
        robot.clickOn("#coupon-value").write("10");
        robot.clickOn("#issue-coupons");
        waitFor(() -> text(robot, "#office-message").startsWith("Issued 24 coupons") || text(robot, "#office-message").startsWith("Could"));
        assertThat(text(robot, "#office-message")).isEqualTo("Issued 24 coupons: 10% off, no expiry. Save their sheet now.");
        CouponsViewModel office = controller.window().office().coupons();
        List<String> tokens = office.issued().stream().map(c -> c.token()).toList();
        assertThat(tokens).hasSize(24).doesNotHaveDuplicates();

        // what "Save printable sheet" does once the file chooser has answered
        java.nio.file.Path pdf = dir.resolve("batch.pdf");
        WaitForAsyncUtils.asyncFx(() -> office.saveCouponSheet(pdf, "Test Sweetshop")).get(5, TimeUnit.SECONDS);
        waitFor(() -> text(robot, "#office-message").startsWith("Saved the sheet batch.pdf (1 pages) and 24 PNGs"));

        assertThat(org.sweetshop.print.SheetCodes.read(pdf)).containsExactlyInAnyOrderElementsOf(tokens);
        assertThat(office.unsavedBatchProperty().get()).isFalse();
        try (var pngs = java.nio.file.Files.list(dir.resolve("batch-png"))) {
            assertThat(pngs.count()).isEqualTo(24);
        }
    }

    @Test
    void theCategoryFilterShowsAllCategoriesFirstAndNarrowsTheTable(FxRobot robot) throws Exception {
        sweet("SL", "1.20", 5);
        app.catalog().add(manager, new NewSweet("JB", "Jelly Babies", "Jelly", new BigDecimal("1.60"), 4, 0), "T0");
        open(robot, app);
        login(robot, "manager");
        robot.clickOn("#back-office");
        waitFor(() -> robot.lookup("#sweets-table").tryQuery().isPresent()
                && robot.lookup("#sweets-table").<TableView<SweetView>>query().getItems().size() == 2);

        ComboBox<String> category = robot.lookup("#office-category").query();
        waitFor(() -> robot.lookup("#office-category .list-cell").queryAll().stream()
                .anyMatch(c -> "All categories".equals(((ListCell<?>) c).getText())));
        assertThat(category.getValue()).isEqualTo(CatalogueFilter.ALL);
        WaitForAsyncUtils.asyncFx(() -> category.setValue("Jelly")).get(5, TimeUnit.SECONDS);
        waitFor(() -> robot.lookup("#sweets-table").<TableView<SweetView>>query().getItems().size() == 1);
        assertThat(robot.lookup("#sweets-table").<TableView<SweetView>>query().getItems()).extracting(SweetView::sku).containsExactly("JB");
    }

    @Test
    void aWeighedSweetAddedInTheWindowShowsItsKilogramsAndTakesARestockInGrams(FxRobot robot) throws Exception {
        sweet("SL", "1.20", 5);
        open(robot, app);
        login(robot, "manager");
        robot.clickOn("#back-office");
        waitFor(() -> robot.lookup("#sweets-table").tryQuery().isPresent()
                && robot.lookup("#sweets-table").<TableView<SweetView>>query().getItems().size() == 1);

        robot.clickOn("#new-by-weight");
        assertThat(robot.lookup("#new-price").<javafx.scene.control.TextField>query().getPromptText()).isEqualTo("Price per kg");
        robot.clickOn("#new-sku").write("PM");
        robot.clickOn("#new-name").write("Pick & Mix");
        robot.clickOn("#new-category").write("Loose");
        robot.clickOn("#new-price").write("14.99");
        robot.clickOn("#new-stock").write("2.5kg");
        robot.clickOn("#new-reorder").write("500g");
        robot.clickOn("#new-plu").write("42");
        robot.clickOn("#add-sweet");

        waitFor(() -> !text(robot, "#office-message").isEmpty() && !text(robot, "#office-message").startsWith("Adding"));
        assertThat(text(robot, "#office-message")).isEqualTo("Added Pick & Mix (PM).");
        waitFor(() -> cells(robot).contains("2.500 kg"));
        assertThat(cells(robot)).contains("14.99 / kg", "500 g", "00042");
        SweetView pm = app.catalog().find("PM");
        assertThat(pm.weighed()).isTrue();
        assertThat(pm.stock()).isEqualTo(2_500);

        select(robot, "PM", "Pick & Mix");
        assertThat(text(robot, "#selected-sweet")).isEqualTo("Pick & Mix — 2.500 kg in stock");
        assertThat(robot.lookup("#restock-qty").<javafx.scene.control.TextField>query().getPromptText()).isEqualTo("Quantity (e.g. 500g)");
        robot.clickOn("#restock-qty").write("500g");
        robot.clickOn("#restock");
        waitFor(() -> text(robot, "#office-message").equals("Restocked Pick & Mix: +500 g, now 3.000 kg."));
        waitFor(() -> text(robot, "#selected-sweet").equals("Pick & Mix — 3.000 kg in stock"));
        assertThat(stockOf("PM")).isEqualTo(3_000);
    }

    /** The texts of the sweets table's cells as drawn. */
    private static List<String> cells(FxRobot robot) {
        return robot.lookup("#sweets-table .table-cell").queryAllAs(javafx.scene.control.TableCell.class).stream()
                .map(javafx.scene.control.TableCell::getText).filter(java.util.Objects::nonNull).toList();
    }

    private static void select(FxRobot robot, String sku) throws Exception {
        select(robot, sku, "Sweet " + sku);
    }

    private static void select(FxRobot robot, String sku, String name) throws Exception {
        TableView<SweetView> table = robot.lookup("#sweets-table").query();
        WaitForAsyncUtils.asyncFx(() -> table.getItems().stream().filter(s -> s.sku().equals(sku)).findFirst()
                .ifPresent(s -> table.getSelectionModel().select(s))).get(5, TimeUnit.SECONDS);
        waitFor(() -> text(robot, "#selected-sweet").startsWith(name));
    }
}
