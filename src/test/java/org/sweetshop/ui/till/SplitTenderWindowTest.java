package org.sweetshop.ui.till;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.control.Button;
import javafx.scene.control.Label;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sweetshop.testing.Sql;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;

/** Split tender at the real till window (TestFX on Monocle, the real database): a card part, cash for the rest, the change. */
@ExtendWith(ApplicationExtension.class)
class SplitTenderWindowTest extends TillWindowTestBase {

    @Test
    void aCardPartThenCashForTheRestMakesOneSaleWithBothPaymentsAndTheChange(FxRobot robot) throws Exception {
        sweet("SL", "1.20", 10);
        open(robot, app);
        login(robot, "cashier");
        for (int i = 0; i < 5; i++) {
            robot.clickOn("#tile-SL");
        }
        waitFor(() -> text(robot, "#total").equals("6.00"));

        robot.clickOn("#tendered").write("2.50");
        robot.clickOn("#pay-card");

        waitFor(() -> text(robot, "#payments-taken").equals("Card 2.50 taken. Left to pay 3.50."));
        assertThat(text(robot, "#message")).isEqualTo("Card 2.50 taken: 3.50 left to pay.");
        assertThat(robot.lookup("#undo-payments").queryAs(Button.class).isVisible()).isTrue();
        assertThat(robot.lookup("#tendered").queryTextInputControl().getText()).isEmpty();
        assertThat(Sql.queryLong(app.database().dataSource(), "select count(*) from sale")).isZero();
        // part of it is paid: a tap on a tile does not change the basket
        robot.clickOn("#tile-SL");
        assertThat(text(robot, "#message")).isEqualTo("Part of this basket is paid: pay the rest, or Undo payments to change it.");
        assertThat(text(robot, "#total")).isEqualTo("6.00");

        robot.clickOn("#note-5");
        assertThat(text(robot, "#change-preview")).isEqualTo("Change 1.50");
        robot.clickOn("#pay-cash");
        waitFor(() -> robot.lookup("#receipt-text").tryQuery().isPresent());

        assertThat(text(robot, "#message")).isEqualTo("Sale T1-000001 done: change 1.50.");
        assertThat(text(robot, "#receipt-text")).containsPattern("Card +2\\.50").containsPattern("Cash +5\\.00")
                .containsPattern("Change +1\\.50");
        assertThat(Sql.queryLong(app.database().dataSource(), "select count(*) from sale_payment")).isEqualTo(2);
        assertThat(Sql.queryLong(app.database().dataSource(), "select count(*) from sale")).isEqualTo(1);
        assertThat(stockOf("SL")).isEqualTo(5);
        robot.clickOn("#overlay-close");
        waitFor(() -> !robot.lookup("#payments-taken").queryAs(Label.class).isVisible());
        assertThat(app.audit().run().ok()).isTrue();
    }

    @Test
    void undoPaymentsLetsTheBasketChangeAgain(FxRobot robot) throws Exception {
        sweet("SL", "1.20", 10);
        open(robot, app);
        login(robot, "cashier");
        robot.clickOn("#tile-SL");
        waitFor(() -> text(robot, "#total").equals("1.20"));
        robot.clickOn("#tendered").write("0.20");
        robot.clickOn("#pay-cash");
        waitFor(() -> text(robot, "#payments-taken").equals("Cash 0.20 taken. Left to pay 1.00."));

        robot.clickOn("#undo-payments");

        assertThat(text(robot, "#message")).isEqualTo("Payments undone: 1.20 to pay.");
        robot.clickOn("#tile-SL");
        waitFor(() -> text(robot, "#total").equals("2.40"));
        robot.clickOn("#pay-card");
        waitFor(() -> robot.lookup("#receipt-text").tryQuery().isPresent());
        assertThat(Sql.queryLong(app.database().dataSource(), "select count(*) from sale_payment")).isEqualTo(1);
    }
}
