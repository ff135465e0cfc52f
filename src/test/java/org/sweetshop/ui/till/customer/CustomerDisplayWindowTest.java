package org.sweetshop.ui.till.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sweetshop.testing.Fx.text;
import static org.sweetshop.testing.Fx.waitFor;
import static org.sweetshop.ui.till.sell.FakeSellServices.counted;
import static org.sweetshop.ui.till.sell.FakeSellServices.weighed;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.sweetshop.display.DisplaySettings;
import org.sweetshop.display.PoleDisplay;
import org.sweetshop.display.PoleDisplaySimulator;
import org.sweetshop.staff.Caller;
import org.sweetshop.staff.Role;
import org.sweetshop.testing.PtyPair;
import org.sweetshop.ui.common.TaskExecutor;
import org.sweetshop.ui.till.sell.FakeScale;
import org.sweetshop.ui.till.sell.FakeSellServices;
import org.sweetshop.ui.till.sell.NoSellActions;
import org.sweetshop.ui.till.sell.SellSettings;
import org.sweetshop.ui.till.sell.SellView;
import org.sweetshop.ui.till.sell.SellViewModel;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The selling screen, headless, with the customer's side of the counter: the customer window in a
 * stage of its own and the pole display on a pseudo-terminal (a socat pty pair, a simulated CD5220
 * decoding what it receives). A sale is driven on the selling screen (tiles, the cash field, Card)
 * and each step is read off the customer window and the pole's two lines. The sales go on one
 * background thread and the pole's writes on another, as at the till; the "later" that takes the
 * paid amount down is run by hand.
 */
@ExtendWith(ApplicationExtension.class)
class CustomerDisplayWindowTest {

    private ExecutorService background;
    private ExecutorService displayThread;
    private FakeSellServices services;
    private SellViewModel model;
    private CustomerViewModel customer;
    private Stage customerStage;
    private final List<Runnable> later = new ArrayList<>();
    private CustomerPole pole;
    private PoleDisplay display;

    @BeforeEach
    void stage() throws Exception {
        FxToolkit.registerPrimaryStage();
        background = Executors.newSingleThreadExecutor(r -> daemon(r, "customer-test-background"));
        displayThread = Executors.newSingleThreadExecutor(r -> daemon(r, "customer-test-display"));
    }

    @AfterEach
    void stop() throws Exception {
        FxToolkit.cleanupStages();
        if (customerStage != null) {
            WaitForAsyncUtils.asyncFx(customerStage::close).get();
        }
        background.shutdownNow();
        displayThread.shutdownNow();
        if (display != null) {
            display.close();
        }
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    private void open(FxRobot robot, String polePort, double width, double height) throws Exception {
        services = new FakeSellServices().with(counted(2, "FB", "Fudge Bar", "0.85", 50), counted(3, "SL", "Sherbet Lemons", "1.20", 50),
                weighed(4, "PM", "Fizzy Cola Bottles (loose)", "14.99", 3_000, 102));
        TaskExecutor tasks = new TaskExecutor(background, Platform::runLater);
        FxToolkit.setupStage(stage -> {
            model = new SellViewModel(services, "T1", new Caller(2, "cashier", Role.CASHIER), tasks, UUID::randomUUID,
                    new SellSettings(new FakeScale(true, false).weighs(253), true));
            customer = new CustomerViewModel("Sweetshop", (delay, action) -> later.add(action));
            customer.follow(model, "Sweetshop");
            if (polePort != null) {
                display = new PoleDisplay(DisplaySettings.of(polePort));
                pole = new CustomerPole(display, new TaskExecutor(displayThread, Platform::runLater), (delay, action) -> later.add(action))
                        .follow(customer);
            }
            SellView view = new SellView(model, new NoSellActions(), false);
            stage.setScene(new Scene(view.root(), 1280, 800));
            stage.show();
            customerStage = new Stage();
            customerStage.setScene(CustomerWindow.scene(customer, width, height));
            customerStage.setX(1300);   // beside the till's window, never over it: the robot clicks the till
            customerStage.setY(0);
            customerStage.show();
            stage.toFront();
            model.reload();
        });
        waitFor(() -> robot.lookup("#tile-FB").tryQuery().isPresent());
    }

    /** A label of the customer window (never of the till's). */
    private String shown(FxRobot robot, String id) {
        return robot.from(customerStage.getScene().getRoot()).lookup("#" + id).queryAs(javafx.scene.control.Label.class).getText();
    }

    private boolean showing(FxRobot robot, String id) {
        return robot.from(customerStage.getScene().getRoot()).lookup("#" + id).tryQuery().isPresent();
    }

    /** Every text the customer window shows. */
    private List<String> everythingShown() {
        List<String> texts = new ArrayList<>();
        collect(customerStage.getScene().getRoot(), texts);
        return texts;
    }

    private static void collect(Node node, List<String> texts) {
        if (node instanceof Labeled labeled) {
            texts.add(labeled.getText());
        }
        if (node instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                collect(child, texts);
            }
        }
    }

    private void runLater(FxRobot robot) {
        robot.interact(() -> {
            List<Runnable> due = new ArrayList<>(later);
            later.clear();
            due.forEach(Runnable::run);
        });
    }

    @Test
    void theCustomerWindowFollowsTheSaleLineByLineThenShowsPaidAndChangeThenTheWelcome(FxRobot robot) throws Exception {
        open(robot, null, 1024, 768);
        assertThat(shown(robot, "customer-welcome")).isEqualTo("Welcome to");
        assertThat(shown(robot, "customer-store")).isEqualTo("Sweetshop");
        screenshot("customer-display-idle-1024.png");

        robot.clickOn("#tile-FB");
        waitFor(() -> showing(robot, "customer-line-name-0"));
        assertThat(shown(robot, "customer-line-name-0")).isEqualTo("Fudge Bar");
        assertThat(shown(robot, "customer-line-qty-0")).isEqualTo("1");
        assertThat(shown(robot, "customer-line-amount-0")).isEqualTo("0.85");
        assertThat(shown(robot, "customer-total")).isEqualTo("0.85");

        robot.clickOn("#tile-FB");
        robot.clickOn("#tile-SL");
        robot.clickOn("#tile-PM");   // weighed on the (fake) scale: 253 g
        waitFor(() -> showing(robot, "customer-line-name-2"));
        assertThat(List.of(shown(robot, "customer-line-name-0"), shown(robot, "customer-line-qty-0"), shown(robot, "customer-line-amount-0")))
                .containsExactly("Fudge Bar", "2", "1.70");
        assertThat(List.of(shown(robot, "customer-line-name-1"), shown(robot, "customer-line-qty-1"), shown(robot, "customer-line-amount-1")))
                .containsExactly("Sherbet Lemons", "1", "1.20");
        assertThat(List.of(shown(robot, "customer-line-name-2"), shown(robot, "customer-line-qty-2"), shown(robot, "customer-line-amount-2")))
                .containsExactly("Fizzy Cola Bottles (loose)", "253 g", "3.79");   // 253 g x 14.99 / kg = 3.79247
        assertThat(shown(robot, "customer-total")).isEqualTo("6.69");
        assertThat(shown(robot, "customer-heading")).isEqualTo("Sweetshop");
        assertThat(text(robot, "#total")).isEqualTo("6.69");   // the till's own total, the same
        screenshot("customer-display-basket-1024.png");

        // the till refuses something: the cashier reads it, the customer never does
        robot.interact(() -> model.scanned("NOT-A-SWEET"));
        waitFor(() -> !text(robot, "#message").isEmpty());
        String refusal = text(robot, "#message");
        assertThat(refusal).contains("NOT-A-SWEET");
        assertThat(everythingShown()).noneMatch(t -> t.contains("NOT-A-SWEET") || t.equals(refusal));
        robot.clickOn("#tendered").write("50.00");   // a card part beyond the total: refused on the till only
        robot.clickOn("#pay-card");
        waitFor(() -> text(robot, "#message").startsWith("A card part of 50.00 is more than"));
        assertThat(everythingShown()).noneMatch(t -> t.contains("more than"));
        assertThat(showing(robot, "customer-paid")).isFalse();

        robot.doubleClickOn("#tendered").eraseText(5).write("20.00");
        robot.clickOn("#pay-cash");
        waitFor(() -> model.lastReceiptProperty().get() != null);
        waitFor(() -> showing(robot, "customer-change"));
        assertThat(shown(robot, "customer-total")).isEqualTo("6.69");
        assertThat(shown(robot, "customer-paid")).isEqualTo("20.00");
        assertThat(shown(robot, "customer-change")).isEqualTo("13.31");
        assertThat(shown(robot, "customer-line-name-0")).isEqualTo("Fudge Bar");   // the receipt's lines stay up
        assertThat(shown(robot, "customer-thanks")).isEqualTo("Thank you!");
        assertThat(model.basket()).isEmpty();
        screenshot("customer-display-paid-1024.png");

        runLater(robot);   // the paid amount's time is up
        waitFor(() -> showing(robot, "customer-welcome"));
        assertThat(shown(robot, "customer-store")).isEqualTo("Sweetshop");
        assertThat(showing(robot, "customer-total")).isFalse();

        // a card sale: paid is the total, no change
        robot.clickOn("#tile-SL");
        waitFor(() -> showing(robot, "customer-line-name-0"));
        robot.clickOn("#pay-card");
        waitFor(() -> showing(robot, "customer-paid"));
        assertThat(shown(robot, "customer-paid")).isEqualTo("1.20");
        assertThat(showing(robot, "customer-change")).isFalse();

        // the next basket does not wait for the time to be up
        robot.clickOn("#tile-FB");
        waitFor(() -> !showing(robot, "customer-paid"));
        assertThat(shown(robot, "customer-line-name-0")).isEqualTo("Fudge Bar");
        assertThat(shown(robot, "customer-total")).isEqualTo("0.85");
        runLater(robot);   // the card sale's timer, late: the basket stays
        assertThat(shown(robot, "customer-total")).isEqualTo("0.85");

        robot.clickOn("#clear");
        waitFor(() -> showing(robot, "customer-welcome"));
    }

    @Test
    void onTheSmallestPanelALongBasketKeepsItsNewestLineAndTheTotalsInSight(FxRobot robot) throws Exception {
        open(robot, null, 800, 480);
        robot.interact(() -> {
            for (int i = 0; i < LONG_BASKET.length; i++) {
                services.sweets.add(counted(10 + i, "X" + i, LONG_BASKET[i], "1.0" + i, 50));
            }
            model.reload();
        });
        waitFor(() -> robot.lookup("#tile-X9").tryQuery().isPresent());
        robot.clickOn("#tile-FB");
        robot.clickOn("#tile-PM");
        robot.interact(() -> {
            for (int i = 0; i < LONG_BASKET.length; i++) {
                model.add("X" + i);
            }
        });
        waitFor(() -> showing(robot, "customer-line-name-11"));
        screenshot("customer-display-long-800.png");
        assertInSight(robot, "customer-line-amount-11", 800, 480);
        assertInSight(robot, "customer-total", 800, 480);
        assertThat(shown(robot, "customer-total")).isEqualTo("15.09");

        robot.clickOn("#tendered").write("20.00");
        robot.clickOn("#pay-cash");
        waitFor(() -> showing(robot, "customer-change"));
        screenshot("customer-display-paid-800.png");
        assertInSight(robot, "customer-change", 800, 480);
        assertInSight(robot, "customer-line-amount-11", 800, 480);
        assertThat(shown(robot, "customer-change")).isEqualTo("4.91");
        assertThat(shown(robot, "customer-more")).matches("\\d+ more lines above");
    }

    @Test
    void onAFullHdMonitorTheSameSaleReadsLarger(FxRobot robot) throws Exception {
        open(robot, null, 1920, 1080);
        robot.clickOn("#tile-FB");
        robot.clickOn("#tile-SL");
        waitFor(() -> showing(robot, "customer-line-name-1"));
        screenshot("customer-display-basket-1920.png");
        assertInSight(robot, "customer-total", 1920, 1080);
        javafx.scene.text.Font big = robot.from(customerStage.getScene().getRoot()).lookup("#customer-total")
                .queryAs(javafx.scene.control.Label.class).getFont();
        assertThat(big.getSize()).isGreaterThan(100);   // 2.2 em of a 49 px em
    }

    private static final String[] LONG_BASKET = {"Rhubarb and Custard Boiled Sweets, the Extra Large Jar", "Cola Cubes", "Pear Drops",
            "Aniseed Balls", "Sherbet Fountain", "Flying Saucers", "Black Jacks", "Fruit Salads", "Jelly Babies", "Midget Gems"};

    /** The node is shown, wholly inside the customer window of this size. */
    private void assertInSight(FxRobot robot, String id, double width, double height) {
        Node node = robot.from(customerStage.getScene().getRoot()).lookup("#" + id).query();
        javafx.geometry.Bounds bounds = node.localToScene(node.getBoundsInLocal());
        assertThat(bounds.getMinX()).isGreaterThanOrEqualTo(0);
        assertThat(bounds.getMinY()).isGreaterThanOrEqualTo(0);
        assertThat(bounds.getMaxX()).isLessThanOrEqualTo(width);
        assertThat(bounds.getMaxY()).isLessThanOrEqualTo(height);
        assertThat(node.isVisible()).as(id + " shown").isTrue();
    }

    @Test
    void thePoleDisplayFollowsTheSaleAndAPulledCableNeverStopsIt(FxRobot robot, @TempDir Path dir) throws Exception {
        PtyPair cable = PtyPair.start(dir);
        PoleDisplaySimulator sim = new PoleDisplaySimulator(cable.simEnd());
        try {
            open(robot, cable.tillPort(), 1024, 768);
            sim.awaitLines("     Welcome to", "     Sweetshop");

            robot.clickOn("#tile-FB");
            sim.awaitLines("Fudge Bar       0.85", "TOTAL           0.85");
            robot.clickOn("#tile-FB");
            sim.awaitLines("2x Fudge Bar    1.70", "TOTAL           1.70");
            robot.clickOn("#tile-PM");
            sim.awaitLines("253g Fizzy Cola 3.79", "TOTAL           5.49");
            robot.clickOn("#tendered").write("20.00");
            robot.clickOn("#pay-cash");
            sim.awaitLines("PAID           20.00", "CHANGE         14.51");
            assertThat(sim.initialised()).isEqualTo(1);
            runLater(robot);
            sim.awaitLines("     Welcome to", "     Sweetshop");

            // the cable is pulled in the middle of the next sale: the sale goes on and is made, the status says so
            robot.clickOn("#tile-SL");
            sim.awaitLines("Sherbet Lemons  1.20", "TOTAL           1.20");
            cable.unplug();
            sim.close();
            robot.clickOn("#tile-FB");
            waitFor(() -> !pole.statusProperty().get().isEmpty());
            assertThat(pole.statusProperty().get()).isEqualTo("Customer display: The customer display on serial port " + cable.tillPort()
                    + " stopped answering: check its cable and its power");
            robot.clickOn("#pay-card");
            waitFor(() -> model.lastReceiptProperty().get() != null);
            assertThat(services.sent).hasSize(2);
            assertThat(model.lastReceiptProperty().get().total()).isEqualByComparingTo("2.05");
            assertThat(shown(robot, "customer-paid")).isEqualTo("2.05");   // the window does not depend on the pole

            // plugged back: the next try shows the lines of the moment, and the status clears
            cable = PtyPair.start(dir);
            sim = new PoleDisplaySimulator(cable.simEnd());
            runLater(robot);   // the retry (and the paid amount's time: the welcome)
            sim.awaitLines("     Welcome to", "     Sweetshop");
            waitFor(() -> pole.statusProperty().get().isEmpty());
            robot.clickOn("#tile-SL");
            sim.awaitLines("Sherbet Lemons  1.20", "TOTAL           1.20");
        } finally {
            cable.close();
            sim.close();
        }
    }

    /** The customer window as a PNG in {@code sweetshop.screenshot.dir}, when that is set. */
    private void screenshot(String name) throws Exception {
        String dir = System.getProperty("sweetshop.screenshot.dir");
        if (dir == null) {
            return;
        }
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.image.WritableImage[] shot = new javafx.scene.image.WritableImage[1];
        WaitForAsyncUtils.asyncFx(() -> shot[0] = customerStage.getScene().getRoot().snapshot(null, null)).get();
        javafx.scene.image.PixelReader pixels = shot[0].getPixelReader();
        int w = (int) shot[0].getWidth();
        int h = (int) shot[0].getHeight();
        java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(w, h, java.awt.image.BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                image.setRGB(x, y, pixels.getArgb(x, y));
            }
        }
        Files.createDirectories(Path.of(dir));
        javax.imageio.ImageIO.write(image, "png", Path.of(dir, name).toFile());
    }
}
