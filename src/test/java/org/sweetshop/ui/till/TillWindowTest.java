package org.sweetshop.ui.till;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javafx.event.Event;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sweetshop.AppContext;
import org.sweetshop.common.Discount;
import org.sweetshop.db.Database;
import org.sweetshop.sale.CheckoutRequest;
import org.sweetshop.sale.Payment;
import org.sweetshop.sale.Receipt;
import org.sweetshop.testing.DatabaseTest;
import org.sweetshop.testing.Sql;
import org.sweetshop.testing.TcpProxy;
import org.sweetshop.testing.TestDatabase;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/** The real till window, headless (TestFX on Monocle), on the real database. */
@ExtendWith(ApplicationExtension.class)
class TillWindowTest extends TillWindowTestBase {


    @Test
    void logsInAndShowsTheTillTheCashierAndTheCatalogue(FxRobot robot) throws Exception {
        sweet("SL", "1.20", 5);
        sweet("NONE", "0.50", 0);
        open(robot, app);

        login(robot, "cashier");

        assertThat(text(robot, "#till-name")).isEqualTo("Till T1");
        assertThat(text(robot, "#cashier")).isEqualTo("cashier (cashier)");
        assertThat(robot.lookup("#connection").queryAs(Label.class).getStyleClass()).contains("status-ok");
        // the catalogue loads on a background task after the log-in
        waitFor(() -> robot.lookup(".tile-name").queryAll().size() == 2);
        assertThat(robot.lookup(".tile-name").queryAllAs(Label.class)).extracting(Label::getText)
                .containsExactlyInAnyOrder("Sweet SL", "Sweet NONE");
        assertThat(robot.lookup("#tile-NONE").queryAs(Button.class).isDisabled()).isTrue();
    }

    @Test
    void aShiftOpensWithAFloatAndClosesWithItsZReport(FxRobot robot) throws Exception {
        sweet("SL", "1.20", 5);
        sweet("FB", "0.85", 5);
        open(robot, app);
        login(robot, "cashier");
        assertThat(text(robot, "#shift")).startsWith("shift since ").endsWith("(cashier)");
        robot.clickOn("#tile-SL");
        robot.clickOn("#tile-FB");
        waitFor(() -> text(robot, "#total").equals("2.05"));
        robot.clickOn("#note-5");
        robot.clickOn("#pay-cash");
        waitFor(() -> robot.lookup("#receipt-text").tryQuery().isPresent());
        robot.clickOn("#overlay-close");
        robot.clickOn("#tile-SL");
        robot.clickOn("#pay-card");
        waitFor(() -> text(robot, "#message").startsWith("Sale T1-000002 done"));
        robot.clickOn("#overlay-close");

        robot.clickOn("#close-shift");
        robot.clickOn("#counted-cash").write("21.55");
        robot.clickOn("#close-shift-confirm");
        waitFor(() -> robot.lookup("#z-report-text").tryQuery().isPresent());

        List<String> z = List.of(text(robot, "#z-report-text").split("\n"));
        assertThat(z).contains(
                "Sales" + " ".repeat(34) + "2",
                "First receipt" + " ".repeat(18) + "T1-000001",
                "Last receipt" + " ".repeat(19) + "T1-000002",
                "Net" + " ".repeat(33) + "3.25",
                "  cash (1)" + " ".repeat(26) + "2.05",
                "  card (1)" + " ".repeat(26) + "1.20",
                "Opening float" + " ".repeat(22) + "20.00",
                "Cash expected" + " ".repeat(22) + "22.05",
                "Cash counted" + " ".repeat(23) + "21.55",
                "Short" + " ".repeat(30) + "-0.50");
        assertThat(app.shifts().current("T1")).isEmpty();
        robot.clickOn("#z-done");
        waitFor(() -> robot.lookup("#login").tryQuery().isPresent());
        assertThat(text(robot, "#shift")).isEqualTo("no shift open");
    }

    @Test
    void aSaleAtAnotherTillAndARestockUpdateThisTillsGrid(FxRobot robot) throws Exception {
        sweet("SL", "1.20", 5);
        sweet("FB", "0.85", 1);
        open(robot, app);
        login(robot, "cashier");
        assertThat(text(robot, "#tile-SL .tile-stock")).isEqualTo("5 left");

        // another till (another process would do the same through the database) sells
        app.sales().checkout(cashier, new CheckoutRequest(UUID.randomUUID(), "T2", List.of(line("SL", 2), line("FB", 1)), null, null,
                Payment.card()));

        waitFor(() -> robot.lookup("#tile-SL .tile-stock").tryQuery().map(n -> ((Label) n).getText().equals("3 left")).orElse(false));
        waitFor(() -> robot.lookup("#tile-FB").queryAs(Button.class).isDisabled());
        assertThat(text(robot, "#tile-FB .tile-stock-out")).isEqualTo("sold out");

        // the back office restocks
        app.stock().restock(manager, "FB", 6, "BO", "delivery");
        waitFor(() -> !robot.lookup("#tile-FB").queryAs(Button.class).isDisabled());
        assertThat(text(robot, "#tile-FB .tile-stock")).isEqualTo("6 left");
        assertThat(text(robot, "#tile-SL .tile-stock")).isEqualTo("3 left");
    }

    @Test
    void aWrongPasswordIsRefusedOnTheLogInScreen(FxRobot robot) throws Exception {
        sweet("SL", "1.20", 5);
        open(robot, app);
        robot.clickOn("#username").write("cashier");
        robot.clickOn("#password").write("wrong-password");
        robot.clickOn("#login");
        waitFor(() -> text(robot, "#screen-message").startsWith("Wrong"));
        assertThat(robot.lookup("#tiles").tryQuery()).isEmpty();
    }

    @Test
    void sellsTwoSweetsForCashAndShowsTheChangeAndTheStock(FxRobot robot) throws Exception {
        sweet("SL", "1.20", 5);
        sweet("FB", "0.85", 3);
        open(robot, app);
        login(robot, "cashier");

        robot.clickOn("#tile-SL");
        robot.clickOn("#tile-FB");
        waitFor(() -> text(robot, "#total").equals("2.05"));
        robot.clickOn("#note-5");
        robot.clickOn("#pay-cash");
        waitFor(() -> robot.lookup("#receipt-text").tryQuery().isPresent());

        String receipt = text(robot, "#receipt-text");
        assertThat(receipt).contains("T1-000001").containsPattern("Change +0?\\.?.*2\\.95").contains("Cash");
        assertThat(text(robot, "#message")).isEqualTo("Sale T1-000001 done: change 2.95.");
        assertThat(stockOf("SL")).isEqualTo(4);
        assertThat(stockOf("FB")).isEqualTo(2);
        robot.clickOn("#overlay-close");
        waitFor(() -> text(robot, "#tile-SL .tile-stock").equals("4 left") && text(robot, "#tile-FB .tile-stock").equals("2 left"));
        assertThat(robot.lookup("#basket").queryListView().getItems()).isEmpty();
        assertThat(text(robot, "#total")).isEqualTo("0.00");
    }

    /** Keys as a keyboard (or a scanner gun, which is one) sends them to the focused node, {@code gapMs} apart. */
    private void keys(FxRobot robot, String text, long gapMs, boolean enter) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            var scene = robot.lookup("#tiles").query().getScene();
            for (char c : text.toCharArray()) {
                clock.addAndGet(gapMs * MS);
                // the key codes a keyboard (and a gun) sends: '-' is the minus key
                KeyCode code = c == '-' ? KeyCode.MINUS : Character.isLetter(c) ? KeyCode.getKeyCode(String.valueOf(Character.toUpperCase(c)))
                        : Character.isDigit(c) ? KeyCode.getKeyCode(String.valueOf(c)) : KeyCode.UNDEFINED;
                Event.fireEvent(scene.getFocusOwner(), new KeyEvent(KeyEvent.KEY_PRESSED, KeyEvent.CHAR_UNDEFINED, "", code == null ? KeyCode.UNDEFINED : code,
                        false, false, false, false));
                Event.fireEvent(scene.getFocusOwner(), new KeyEvent(KeyEvent.KEY_TYPED, String.valueOf(c), "", KeyCode.UNDEFINED,
                        false, false, false, false));
                Event.fireEvent(scene.getFocusOwner(), new KeyEvent(KeyEvent.KEY_RELEASED, KeyEvent.CHAR_UNDEFINED, "", KeyCode.UNDEFINED,
                        false, false, false, false));
            }
            if (enter) {
                clock.addAndGet(gapMs * MS);
                for (var type : List.of(KeyEvent.KEY_PRESSED, KeyEvent.KEY_RELEASED)) {
                    Event.fireEvent(scene.getFocusOwner(), new KeyEvent(type, KeyEvent.CHAR_UNDEFINED, "", KeyCode.ENTER,
                            false, false, false, false));
                }
            }
        }).get(5, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void aScannerBurstIntoTheSearchFieldAttachesTheCouponAndTheTotalDrops(FxRobot robot) throws Exception {
        sweet("SL", "1.20", 5);
        String token = app.coupons().issue(manager, 1, Discount.percent(new BigDecimal("25")), null).get(0).token();
        open(robot, app);
        login(robot, "cashier");
        robot.clickOn("#tile-SL");
        robot.clickOn("#tile-SL");
        waitFor(() -> text(robot, "#total").equals("2.40"));
        robot.clickOn("#search");

        keys(robot, "sw", 180, false);   // a person starts typing...
        clock.addAndGet(400 * MS);       // ...stops...
        keys(robot, token, 4, true);     // ...and a scanner gun fires a coupon

        waitFor(() -> robot.lookup("#coupon-line").tryQuery().isPresent());
        assertThat(text(robot, "#total")).isEqualTo("1.80");
        assertThat(text(robot, "#message")).startsWith("Coupon 25% off");
        assertThat(robot.lookup("#search").queryAs(TextField.class).getText()).isEqualTo("sw");

        keys(robot, "eet", 200, false);  // slow typing stays typing...
        assertThat(robot.lookup("#search").queryAs(TextField.class).getText()).isEqualTo("sweet");
        keys(robot, "", 200, true);      // ...and a slow Enter is the search field's: it adds the only match
        waitFor(() -> text(robot, "#total").equals("2.70"));
        assertThat(robot.lookup("#search").queryAs(TextField.class).getText()).isEmpty();
        assertThat(text(robot, "#qty-SL")).isEqualTo("3");
    }

    @Test
    void aScannedSkuWithADashAddsTheSweetWhateverHasTheFocusAndTouchesNoOtherLine(FxRobot robot) throws Exception {
        sweet("SL", "1.20", 5);
        sweet("JB-200", "1.60", 5);
        open(robot, app);
        login(robot, "cashier");
        robot.clickOn("#tile-SL");
        robot.clickOn("#basket");   // the basket has the focus: '-' would take one off its line
        waitFor(() -> text(robot, "#total").equals("1.20"));

        clock.addAndGet(400 * MS);
        keys(robot, "JB-200", 4, true);

        waitFor(() -> text(robot, "#total").equals("2.80"));
        assertThat(text(robot, "#qty-SL")).isEqualTo("1");
        assertThat(text(robot, "#qty-JB-200")).isEqualTo("1");
    }

    @Test
    void aCouponRedeemedFirstByAnotherTillIsRefusedWithWhere(FxRobot robot) throws Exception {
        sweet("SL", "1.20", 5);
        sweet("FB", "0.85", 5);
        String token = app.coupons().issue(manager, 1, Discount.amount(new BigDecimal("0.50")), null).get(0).token();
        open(robot, app);
        login(robot, "cashier");
        robot.clickOn("#tile-SL");
        robot.clickOn("#code").write(token);
        robot.clickOn("#apply-code");
        waitFor(() -> text(robot, "#total").equals("0.70"));

        // till T2 redeems the same coupon first
        app.sales().checkout(cashier, new CheckoutRequest(UUID.randomUUID(), "T2", List.of(line("FB", 1)), token, null, Payment.card()));
        robot.clickOn("#pay-card");

        waitFor(() -> text(robot, "#message").startsWith("Coupon refused"));
        assertThat(text(robot, "#message")).startsWith("Coupon refused: coupon already redeemed at T2 on ");
        assertThat(text(robot, "#total")).isEqualTo("1.20");
        assertThat(robot.lookup("#basket").queryListView().getItems()).hasSize(1);
        assertThat(stockOf("SL")).isEqualTo(5);
    }

    @Test
    void anUnreachableDatabaseKeepsTheBasketAndTryAgainMakesExactlyOneSale(FxRobot robot) throws Exception {
        sweet("SL", "1.20", 5);
        sweet("FB", "0.85", 5);
        Database.Settings direct = TestDatabase.get().settings();
        try (TcpProxy proxy = TcpProxy.inFrontOf(direct.jdbcUrl());
             Database throughProxy = Database.open(new Database.Settings(proxy.jdbcUrl(direct.jdbcUrl()), direct.user(), direct.password(),
                     4, 3000, 1500), AppContext.entities())) {
            AppContext viaProxy = new AppContext(TestDatabase.config(TestDatabase.get().dataDir()), null, throughProxy,
                    TestDatabase.FAST_HASHER, Clock.systemDefaultZone());
            open(robot, viaProxy);
            login(robot, "cashier");
            robot.clickOn("#tile-SL");
            robot.clickOn("#tile-FB");
            robot.clickOn("#tile-FB");
            waitFor(() -> text(robot, "#total").equals("2.90"));

            proxy.cut();
            robot.clickOn("#pay-card");
            waitFor(() -> robot.lookup("#retry").queryAs(Button.class).isVisible());

            assertThat(text(robot, "#message"))
                    .isEqualTo("The store database cannot be reached. The basket is kept: press Try again (no sale is made twice).");
            assertThat(robot.lookup("#basket").queryListView().getItems()).hasSize(2);
            assertThat(text(robot, "#total")).isEqualTo("2.90");
            assertThat(Sql.queryLong(app.database().dataSource(), "select count(*) from sale")).isZero();
            assertThat(robot.lookup("#connection").queryAs(Label.class).getStyleClass()).contains("status-down");

            proxy.restore();
            robot.clickOn("#retry");
            waitFor(() -> robot.lookup("#receipt-text").tryQuery().isPresent());

            assertThat(Sql.queryLong(app.database().dataSource(), "select count(*) from sale")).isEqualTo(1);
            Receipt receipt = app.sales().findReceipt("T1-000001").orElseThrow();
            assertThat(receipt.total()).isEqualByComparingTo("2.90");
            assertThat(stockOf("SL")).isEqualTo(4);
            assertThat(stockOf("FB")).isEqualTo(3);
            assertThat(robot.lookup("#retry").queryAs(Button.class).isVisible()).isFalse();
            assertThat(robot.lookup("#connection").queryAs(Label.class).getStyleClass()).contains("status-ok");
        }
    }

    @Test
    void keyboardShortcutsWorkAtTheTill(FxRobot robot) throws Exception {
        sweet("SL", "1.20", 5);
        open(robot, app);
        login(robot, "cashier");
        robot.clickOn("#tile-SL");
        robot.clickOn("#tile-SL");
        waitFor(() -> text(robot, "#total").equals("2.40"));

        robot.type(javafx.scene.input.KeyCode.F1);
        waitFor(() -> robot.lookup("#help-overlay").tryQuery().map(Node::isVisible).orElse(false));
        robot.type(javafx.scene.input.KeyCode.ESCAPE);
        waitFor(() -> !robot.lookup("#help-overlay").tryQuery().map(Node::isVisible).orElse(false));

        robot.clickOn("#basket");
        robot.type(javafx.scene.input.KeyCode.SUBTRACT);
        waitFor(() -> text(robot, "#total").equals("1.20"));
        robot.type(javafx.scene.input.KeyCode.DELETE);
        waitFor(() -> text(robot, "#total").equals("0.00"));

        robot.type(javafx.scene.input.KeyCode.F2);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#search").query().isFocused()).isTrue();
        robot.type(javafx.scene.input.KeyCode.F12);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#tendered").query().isFocused()).isTrue();
    }
}
