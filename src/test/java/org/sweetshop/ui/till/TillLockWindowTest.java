package org.sweetshop.ui.till;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sweetshop.printer.EscPosDecoder;
import org.sweetshop.printer.EscPosDecoder.Pulse;
import org.sweetshop.printer.EscPosReceiver;
import org.sweetshop.printer.PaperWidth;
import org.sweetshop.printer.PrinterSettings;
import org.sweetshop.printer.PrinterUri;
import org.sweetshop.printer.ReceiptPrinter;
import org.sweetshop.sale.Receipt;
import org.sweetshop.staff.AuditAction;
import org.sweetshop.staff.AuditEntry;
import org.sweetshop.staff.AuditLogFilter;
import org.sweetshop.staff.Caller;
import org.sweetshop.staff.Role;
import org.sweetshop.testing.Sql;
import org.sweetshop.testing.TestDatabase;
import org.sweetshop.ui.common.TaskExecutor;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The till locked and unlocked with a PIN, a manager's approval of a no sale (the drawer's pulse
 * reaching a test ESC/POS receiver on 127.0.0.1) and of a return, on the real window and database.
 */
@ExtendWith(ApplicationExtension.class)
class TillLockWindowTest extends TillWindowTestBase {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private ExecutorService printerThread;
    private ReceiptPrinter printer;
    private Stage stage;

    @AfterEach
    void closeThePrinter() {
        if (printerThread != null) {
            printerThread.shutdownNow();
        }
        if (printer != null) {
            printer.close();
        }
    }

    /** The till window as {@link #open} makes it, with the counter's ESC/POS printer on {@code port} (its cash drawer). */
    private void openWithPrinter(FxRobot robot, int port) throws Exception {
        printer = new ReceiptPrinter(PrinterSettings.of(PrinterUri.parse("tcp://127.0.0.1:" + port))
                .withPaper(PaperWidth.MM80).withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(5)));
        printerThread = java.util.concurrent.Executors.newSingleThreadExecutor();
        CounterReceipts counter = new CounterReceipts(new CounterPrinter.EscPos(printer), new TaskExecutor(printerThread, Platform::runLater));
        TaskExecutor tasks = new TaskExecutor(background, Platform::runLater);
        model = new TillViewModel("T1", () -> TillApp.services(app), tasks);
        FxToolkit.setupStage(s -> {
            stage = s;
            controller = new TillController(model, tasks, TestDatabase.config(TestDatabase.get().dataDir()), clock::get, counter);
            s.setScene(TillApp.scene(controller.window()));
            controller.attach(s);
            s.show();
        });
        WaitForAsyncUtils.asyncFx(model::start).get(5, TimeUnit.SECONDS);
        waitFor(() -> robot.lookup("#login").tryQuery().isPresent());
    }

    /** Digits typed on the keyboard as a person types them (the scanner gun's clock moves 200 ms a key), Enter after them if asked. */
    private void typeDigits(FxRobot robot, String digits, boolean enter) {
        for (char c : digits.toCharArray()) {
            clock.addAndGet(200 * MS);
            robot.type(KeyCode.getKeyCode(String.valueOf(c)));
        }
        if (enter) {
            clock.addAndGet(200 * MS);
            robot.type(KeyCode.ENTER);
        }
    }

    private void tapPin(FxRobot robot, String digits) {
        for (char c : digits.toCharArray()) {
            robot.clickOn("#pin-key-" + c);
        }
    }

    private List<AuditEntry> audit(AuditAction action) {
        return office.auditLog().list(owner, new AuditLogFilter(action, null, null, 10));
    }

    @Test
    void theKeyLocksTheTillHidingTheBasketAnotherCashierUnlocksWithTheirPinKeepsItAndTheSaleIsTheirs(FxRobot robot) throws Exception {
        sweet("SL", "1.20", 5);
        office.staff().register(owner, "cashier2", Role.CASHIER, PASSWORD);
        office.staff().setPin(manager, "cashier", "2580");
        office.staff().setPin(manager, "cashier2", "1357");
        Caller second = app.staff().login("cashier2", PASSWORD);
        openWithPrinter(robot, EscPosReceiver.deadPort());
        login(robot, "cashier");
        robot.clickOn("#tile-SL");
        robot.clickOn("#tile-SL");
        waitFor(() -> text(robot, "#total").equals("2.40"));

        robot.type(KeyCode.F9);
        waitFor(() -> robot.lookup("#lock-screen").tryQuery().isPresent());
        assertThat(robot.lookup("#basket").tryQuery()).isEmpty();
        assertThat(robot.lookup("#total").tryQuery()).isEmpty();
        assertThat(robot.lookup(".lock-name").queryAllAs(Button.class)).extracting(Button::getText).containsExactly("cashier", "cashier2");
        assertThat(text(robot, "#lock-title")).isEqualTo("Till T1 is locked");

        robot.clickOn("#lock-name-cashier2");
        typeDigits(robot, "1357", false);
        assertThat(text(robot, "#pin-dots")).isEqualTo("●●●●");
        robot.clickOn("#unlock");

        waitFor(() -> robot.lookup("#tiles").tryQuery().isPresent());
        assertThat(text(robot, "#cashier")).isEqualTo("cashier2 (cashier)");
        ListView<?> basket = robot.lookup("#basket").queryListView();
        assertThat(basket.getItems()).hasSize(1);
        assertThat(text(robot, "#total")).isEqualTo("2.40");
        robot.clickOn("#pay-card");
        // the sale, then its receipt on a printer that is away ("Receipt not printed" may follow "Sale … done" at once)
        waitFor(() -> text(robot, "#message").startsWith("Sale T1-000001 done") || text(robot, "#message").startsWith("Receipt not printed"));
        assertThat(Sql.queryLong(app.database().dataSource(), "select count(*) from sale")).isEqualTo(1);

        Receipt sold = app.sales().findReceipt("T1-000001").orElseThrow();
        assertThat(sold.cashier()).isEqualTo("cashier2");
        assertThat(Sql.queryLong(app.database().dataSource(), "select staff_id from sale")).isEqualTo(second.staffId());
        // the shift is the till's: opened by the first cashier, still open, and the sale is in it
        assertThat(app.shifts().current("T1").orElseThrow().openedBy()).isEqualTo("cashier");
        assertThat(stockOf("SL")).isEqualTo(3);
    }

    @Test
    void aWrongPinIsSaidAndCountedTheFifthLocksThePinUntilATimeItSaysAndThePasswordStillUnlocks(FxRobot robot) throws Exception {
        sweet("SL", "1.20", 5);
        office.staff().setPin(manager, "cashier", "2580");
        openWithPrinter(robot, EscPosReceiver.deadPort());
        login(robot, "cashier");
        robot.clickOn("#tile-SL");
        waitFor(() -> text(robot, "#total").equals("1.20"));
        robot.clickOn("#lock");
        waitFor(() -> robot.lookup("#lock-screen").tryQuery().isPresent());

        robot.clickOn("#unlock");
        assertThat(text(robot, "#lock-message")).isEqualTo("Tap your name first.");
        robot.clickOn("#lock-name-cashier");
        for (int left = 4; left >= 1; left--) {
            typeDigits(robot, "9999", true);
            String said = "Wrong PIN for cashier: " + left + (left == 1 ? " try" : " tries") + " left before the PIN locks for 15 minutes.";
            waitFor(() -> text(robot, "#lock-message").equals(said));
            assertThat(text(robot, "#pin-dots")).isEmpty();
        }
        tapPin(robot, "9999");
        robot.clickOn("#unlock");
        waitFor(() -> text(robot, "#lock-message").startsWith("The PIN of cashier is locked until "));

        Instant until = app.database().transactor().call(em -> (Instant) em.createQuery(
                "select s.pinLockedUntil from Staff s where s.usernameKey = 'cashier'").getSingleResult());
        assertThat(text(robot, "#lock-message")).isEqualTo("The PIN of cashier is locked until "
                + DateTimeFormatter.ofPattern("HH:mm").format(until.atZone(ZoneId.systemDefault()))
                + " after repeated wrong PINs: wait until then, or log in with the password.");
        assertThat(robot.lookup("#lock-screen").tryQuery()).isPresent();
        assertThat(robot.lookup("#basket").tryQuery()).isEmpty();

        // the PIN is locked: the password is the way in, and the basket is still there
        robot.clickOn("#lock-use-password");
        assertThat(robot.lookup("#lock-username").queryAs(javafx.scene.control.TextField.class).getText()).isEqualTo("cashier");
        robot.clickOn("#lock-password").write("wrong-password");
        robot.clickOn("#lock-password-unlock");
        waitFor(() -> text(robot, "#lock-message").equals("Wrong username or password."));
        robot.clickOn("#lock-password").write(PASSWORD);
        robot.clickOn("#lock-password-unlock");
        waitFor(() -> robot.lookup("#tiles").tryQuery().isPresent());
        assertThat(text(robot, "#total")).isEqualTo("1.20");
        assertThat(text(robot, "#cashier")).isEqualTo("cashier (cashier)");
    }

    @Test
    void aCashiersNoSaleWithAManagersPinOpensTheDrawerAndTheAuditNamesTheApprover(FxRobot robot) throws Exception {
        sweet("SL", "1.20", 5);
        office.staff().setPin(owner, "manager", "3691");
        try (EscPosReceiver receiver = EscPosReceiver.printing()) {
            openWithPrinter(robot, receiver.port());
            login(robot, "cashier");

            robot.clickOn("#no-sale");
            waitFor(() -> robot.lookup("#approver-manager").tryQuery().isPresent());
            assertThat(text(robot, "#approval-overlay .panel-title")).isEqualTo("Manager approval: No sale");
            assertThat(robot.lookup("#approver-names .button").queryAllAs(Button.class)).extracting(Button::getText)
                    .containsExactly("manager");
            javafx.scene.control.TextField reason = robot.lookup("#no-sale-reason").queryAs(javafx.scene.control.TextField.class);
            assertThat(reason.getText()).isEqualTo("No sale");
            robot.interact(() -> reason.setText("change for the float"));
            robot.clickOn("#approver-manager");
            tapPin(robot, "1111");
            robot.clickOn("#approve");
            waitFor(() -> text(robot, "#approval-message").equals("Wrong PIN for manager: 4 tries left before the PIN locks for 15 minutes."));
            assertThat(receiver.jobsWaiting()).isZero();
            // typed as fast as a scanner gun: dropped, never shown nor put in the basket
            for (char c : "3691".toCharArray()) {
                robot.type(KeyCode.getKeyCode(String.valueOf(c)));
            }
            robot.type(KeyCode.ENTER);
            waitFor(() -> text(robot, "#approval-message").equals("That came as fast as a scanner: type the PIN again, or tap the keys."));
            assertThat(text(robot, "#pin-dots")).isEmpty();
            assertThat(text(robot, "#message")).doesNotContain("3691");
            assertThat(robot.lookup("#basket").queryListView().getItems()).isEmpty();
            tapPin(robot, "3691");
            robot.clickOn("#approve");

            assertThat(EscPosDecoder.decode(receiver.nextJob(WAIT))).containsExactly(new Pulse(2, 100, 500));
            waitFor(() -> text(robot, "#message").equals("Cash drawer opened (no sale, approved by manager)."));
            assertThat(robot.lookup("#approval-overlay").tryQuery().map(Node::isVisible)).hasValue(false);
        }
        assertThat(audit(AuditAction.DRAWER_OPEN)).extracting(AuditEntry::staff, AuditEntry::newValue, AuditEntry::till)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("cashier", "change for the float", "T1"));
        assertThat(audit(AuditAction.APPROVAL)).extracting(AuditEntry::staff, AuditEntry::subject, AuditEntry::oldValue, AuditEntry::newValue)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("manager", "no-sale", "cashier", "change for the float"));
    }

    @Test
    void aReturnAtTheTillWithAManagersApprovalRefundsWhatWasPicked(FxRobot robot) throws Exception {
        sweet("SL", "1.20", 5);
        sweet("FB", "0.85", 5);
        app.sales().checkout(cashier, basket("T2", List.of(line("SL", 2), line("FB", 1))));
        office.staff().setPin(owner, "manager", "3691");
        openWithPrinter(robot, EscPosReceiver.deadPort());
        login(robot, "cashier");

        robot.clickOn("#return");
        robot.clickOn("#return-receipt").write("T2-000001");
        robot.type(KeyCode.ENTER);
        waitFor(() -> robot.lookup("#return-more-SL").tryQuery().isPresent());
        assertThat(text(robot, "#return-message")).isEqualTo("Receipt T2-000001: pick what comes back.");
        robot.clickOn("#return-refund");
        assertThat(text(robot, "#return-message")).isEqualTo("Pick what comes back first (+ on its line).");
        robot.clickOn("#return-more-SL");
        assertThat(text(robot, "#return-picked-SL")).isEqualTo("1");
        robot.clickOn("#return-refund");

        waitFor(() -> robot.lookup("#approver-manager").tryQuery().isPresent());
        assertThat(text(robot, "#approval-overlay .panel-title")).isEqualTo("Manager approval: Return");
        assertThat(text(robot, "#approval-asked")).isEqualTo("Refund 1 x Sweet SL on receipt T2-000001.");
        robot.clickOn("#approver-manager");
        typeDigits(robot, "3691", true);

        try {
            waitFor(() -> text(robot, "#message").startsWith("Refunded 1.20 on T2-000001"));
        } catch (AssertionError e) {
            throw new AssertionError("message: " + text(robot, "#message") + " / approval: "
                    + robot.lookup("#approval-message").tryQuery().map(n -> ((javafx.scene.control.Label) n).getText()).orElse("none")
                    + " / dots: " + robot.lookup("#pin-dots").tryQuery().map(n -> ((javafx.scene.control.Label) n).getText()).orElse("none"), e);
        }
        assertThat(text(robot, "#message")).isEqualTo(
                "Refunded 1.20 on T2-000001 (approved by manager): give it back to the customer; the stock is back on the shelf.");
        assertThat(stockOf("SL")).isEqualTo(4);
        assertThat(stockOf("FB")).isEqualTo(4);
        assertThat(app.refunds().refundsOf("T2-000001")).singleElement().satisfies(refund -> {
            assertThat(refund.manager()).isEqualTo("manager");
            assertThat(refund.till()).isEqualTo("T1");
        });
        assertThat(audit(AuditAction.APPROVAL)).extracting(AuditEntry::staff, AuditEntry::subject, AuditEntry::oldValue, AuditEntry::newValue)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("manager", "refund", "cashier", "T2-000001 1.20"));
    }

    @Test
    void aTillIsNotLockedWhileNobodyHasAPinAndItsBasketStays(FxRobot robot) throws Exception {
        sweet("SL", "1.20", 5);
        openWithPrinter(robot, EscPosReceiver.deadPort());
        login(robot, "cashier");
        robot.clickOn("#tile-SL");
        waitFor(() -> text(robot, "#total").equals("1.20"));

        robot.type(KeyCode.F9);
        waitFor(() -> text(robot, "#message").startsWith("Nobody has a PIN yet"));
        assertThat(text(robot, "#message"))
                .isEqualTo("Nobody has a PIN yet, so nobody could unlock the till: set one first (staff pin USER --as USER).");
        assertThat(robot.lookup("#lock-screen").tryQuery()).isEmpty();
        assertThat(model.screenProperty().get()).isEqualTo(TillViewModel.Screen.SELLING);
        assertThat(text(robot, "#total")).isEqualTo("1.20");
    }

    @Test
    void aManagerAtTheTillOpensTheDrawerWithAReasonAndNoApproval(FxRobot robot) throws Exception {
        sweet("SL", "1.20", 5);
        try (EscPosReceiver receiver = EscPosReceiver.printing()) {
            openWithPrinter(robot, receiver.port());
            login(robot, "manager");

            robot.clickOn("#no-sale");
            waitFor(() -> robot.lookup("#no-sale-open").tryQuery().isPresent());
            assertThat(robot.lookup("#approval-overlay").tryQuery()).isEmpty();
            robot.clickOn("#no-sale-open");

            assertThat(EscPosDecoder.decode(receiver.nextJob(WAIT))).containsExactly(new Pulse(2, 100, 500));
            waitFor(() -> text(robot, "#message").equals("Cash drawer opened (no sale)."));
        }
        assertThat(audit(AuditAction.DRAWER_OPEN)).extracting(AuditEntry::staff, AuditEntry::newValue, AuditEntry::till)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("manager", "No sale", "T1"));
        assertThat(audit(AuditAction.APPROVAL)).isEmpty();
    }

    @Test
    void theLockScreenTheApprovalAndTheSellingScreensButtonsFitAt1024By768WithFingerSizedKeys(FxRobot robot) throws Exception {
        sweet("SL", "1.20", 5);
        office.staff().setPin(manager, "cashier", "2580");
        office.staff().setPin(owner, "manager", "3691");
        for (int i = 1; i <= 6; i++) {
            office.staff().register(owner, "cashier" + i, Role.CASHIER, PASSWORD);
            office.staff().setPin(manager, "cashier" + i, "8" + i + "4" + i);
        }
        openWithPrinter(robot, EscPosReceiver.deadPort());
        robot.interact(() -> {
            stage.setWidth(1024);
            stage.setHeight(768);
        });
        login(robot, "cashier");
        waitFor(() -> stage.getScene().getWidth() <= 1024);
        fits(robot, false, "#lock", "#no-sale", "#return", "#logout", "#close-shift");

        robot.clickOn("#no-sale");
        waitFor(() -> robot.lookup("#approver-manager").tryQuery().isPresent());
        fits(robot, true, "#approver-manager", "#pin-key-1", "#pin-key-0", "#pin-back", "#approve", "#no-sale-reason");
        fits(robot, false, "#overlay-close");
        robot.clickOn("#overlay-close");

        robot.clickOn("#lock");
        waitFor(() -> robot.lookup("#lock-screen").tryQuery().isPresent());
        fits(robot, true, "#lock-name-cashier", "#lock-name-cashier6", "#pin-key-1", "#pin-key-9", "#pin-key-0", "#pin-back", "#unlock", "#lock-use-password");
        robot.clickOn("#lock-use-password");
        fits(robot, true, "#lock-password-unlock", "#unlock", "#pin-key-0");
    }

    /** Each node lies wholly inside the scene; with {@code fingers}, each button is at least 44 px high. */
    private void fits(FxRobot robot, boolean fingers, String... queries) {
        Scene scene = stage.getScene();
        for (String query : queries) {
            Node node = robot.lookup(query).query();
            Bounds bounds = node.localToScene(node.getBoundsInLocal());
            assertThat(bounds.getMinX()).as(query).isGreaterThanOrEqualTo(0);
            assertThat(bounds.getMinY()).as(query).isGreaterThanOrEqualTo(0);
            assertThat(bounds.getMaxX()).as(query + " right edge").isLessThanOrEqualTo(scene.getWidth());
            assertThat(bounds.getMaxY()).as(query + " bottom edge").isLessThanOrEqualTo(scene.getHeight());
            if (fingers && node instanceof Button) {
                assertThat(bounds.getHeight()).as(query + " height").isGreaterThanOrEqualTo(44);
            }
        }
    }
}
