package org.sweetshop.ui.till.sell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sweetshop.testing.Fx.text;
import static org.sweetshop.testing.Fx.waitFor;
import static org.sweetshop.ui.till.sell.FakeSellServices.counted;
import static org.sweetshop.ui.till.sell.FakeSellServices.weighed;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.sweetshop.catalog.ScannedItem;
import org.sweetshop.catalog.SweetView;
import org.sweetshop.sale.BasketLine;
import org.sweetshop.scale.ScaleSettings;
import org.sweetshop.scale.ScaleSettings.Protocol;
import org.sweetshop.sale.Receipt;
import org.sweetshop.staff.Caller;
import org.sweetshop.staff.Role;
import org.sweetshop.testing.PtyPair;
import org.sweetshop.testing.ToledoSimulator;
import org.sweetshop.ui.common.TaskExecutor;
import org.sweetshop.ui.till.TillScale;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The selling screen, headless (TestFX on Monocle), selling a weighed sweet from the scale, a
 * scanned scale label, a scanned pack and a weight typed on the keypad after the scale refused,
 * with the basket's lines and total checked to the cent. The catalogue is a fake behind the screen's
 * own port ({@link SellServices}); the scale is either a fake {@link WeighingScale} or the till's own
 * driver ({@link TillScale}) reading a simulated Toledo scale on a pseudo-terminal. Service calls run
 * on a real background thread, as at the till.
 */
@ExtendWith(ApplicationExtension.class)
class SellWindowWeighedTest {

    private static final String LABEL = "2100042002506";   // 21 + PLU 00042 + 250 g + check digit
    private static final String PACK = "5012345678900";

    private ExecutorService background;
    private FakeSellServices services;
    private SellViewModel model;
    private SellView view;

    @BeforeEach
    void stage() throws Exception {
        FxToolkit.registerPrimaryStage();
        background = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "sell-test-background");
            t.setDaemon(true);
            return t;
        });
    }

    @AfterEach
    void stop() throws Exception {
        FxToolkit.cleanupStages();
        background.shutdownNow();
    }

    private void open(FxRobot robot, WeighingScale scale, SweetView... more) throws Exception {
        open(robot, scale, 1280, 800, more);
    }

    private void open(FxRobot robot, WeighingScale scale, int width, int height, SweetView... more) throws Exception {
        services = new FakeSellServices()
                .with(weighed(1, "PM", "Pick & Mix", "15.00", 2_500, 42), counted(2, "FB", "Fudge Bar", "0.85", 5),
                        weighed(3, "LQ", "Liquorice", "9.90", 1_000, null))
                .with(more);
        services.code(LABEL, new ScannedItem(services.find("PM"), 250, true))
                .code(PACK, new ScannedItem(services.find("FB"), 1, false));
        TaskExecutor tasks = new TaskExecutor(background, Platform::runLater);
        FxToolkit.setupStage(stage -> {
            model = new SellViewModel(services, "T1", new Caller(2, "cashier", Role.CASHIER), tasks, UUID::randomUUID,
                    new SellSettings(scale, true));
            view = new SellView(model, new NoSellActions(), false);
            // the till's own theme and stylesheet, as TillApp.scene sets them
            javafx.application.Application.setUserAgentStylesheet(new atlantafx.base.theme.PrimerLight().getUserAgentStylesheet());
            Scene scene = new Scene(view.root(), width, height);
            scene.getStylesheets().add(org.sweetshop.ui.till.TillWindow.STYLESHEET);
            stage.setScene(scene);
            stage.show();
            model.reload();
        });
        waitFor(() -> robot.lookup("#tile-PM").tryQuery().isPresent());
    }

    @Test
    void sellsAWeighedSweetFromTheScaleAScannedLabelAScannedPackAndATypedWeight(FxRobot robot) throws Exception {
        FakeScale scale = new FakeScale(true, false).weighs(253)
                .refuses("the scale is still moving: wait until the weight is steady and try again");
        open(robot, scale);
        Node tile = robot.lookup("#tile-PM").query();
        assertThat(robot.from(tile).lookup(".tile-price").queryAs(Label.class).getText()).isEqualTo("1.50 / 100 g");
        assertThat(robot.from(tile).lookup(".tile-stock").queryAs(Label.class).getText()).isEqualTo("2.500 kg left");
        assertThat(robot.lookup("#tare").queryAs(Button.class).isVisible()).isTrue();

        // from the scale
        robot.clickOn("#tile-PM");
        waitFor(() -> text(robot, "#qty-PM").equals("253 g"));
        assertThat(text(robot, "#unit-PM")).isEqualTo("253\u00a0g at 1.50 / 100\u00a0g");
        assertThat(text(robot, "#line-total-PM")).isEqualTo("3.80");   // 253 g × 15.00 / kg = 3.795 → 3.80

        // a scale label typed into the code field, a pack from the scanner gun
        robot.clickOn("#code").write(LABEL).type(KeyCode.ENTER);
        waitFor(() -> text(robot, "#qty-PM").equals("503 g"));
        robot.interact(() -> model.scanned(PACK));
        waitFor(() -> robot.lookup("#qty-FB").tryQuery().isPresent());

        // the scale refuses: said, and the weight is typed on the keypad, by its buttons and by keys
        robot.clickOn("#tile-LQ");
        waitFor(() -> robot.lookup("#weigh-overlay").tryQuery().map(Node::isVisible).orElse(false));
        assertThat(text(robot, "#keypad-message")).isEqualTo("The scale is still moving: wait until the weight is steady and try again.");
        assertThat(text(robot, "#message")).startsWith("The scale gave no weight: the scale is still moving");
        robot.clickOn("#key-1").clickOn("#key-2").clickOn("#key-9");
        robot.type(KeyCode.BACK_SPACE).type(KeyCode.DIGIT0);
        assertThat(text(robot, "#keypad-grams")).isEqualTo("120 g");
        assertThat(text(robot, "#keypad-amount")).isEqualTo("= 1.19");   // 120 g × 9.90 / kg = 1.188
        screenshot(robot, "till-weight-keypad.png");
        robot.type(KeyCode.ENTER);
        waitFor(() -> robot.lookup("#qty-LQ").tryQuery().isPresent());
        assertThat(robot.lookup("#weigh-overlay").tryQuery().map(Node::isVisible).orElse(false)).isFalse();

        assertThat(model.basket()).extracting(Basket.Item::sku, Basket.Item::quantity)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("PM", 503), org.assertj.core.groups.Tuple.tuple("FB", 1),
                        org.assertj.core.groups.Tuple.tuple("LQ", 120));
        assertThat(text(robot, "#qty-PM")).isEqualTo("503 g");
        assertThat(text(robot, "#line-total-PM")).isEqualTo("7.55");   // 503 g × 15.00 / kg = 7.545 → 7.55
        assertThat(text(robot, "#qty-FB")).isEqualTo("1");
        assertThat(text(robot, "#line-total-FB")).isEqualTo("0.85");
        assertThat(text(robot, "#unit-LQ")).isEqualTo("120\u00a0g at 0.99 / 100\u00a0g");
        assertThat(text(robot, "#line-total-LQ")).isEqualTo("1.19");
        assertThat(robot.lookup("#reweigh-PM").tryQuery()).isPresent();
        assertThat(robot.lookup("#minus-PM").tryQuery()).isEmpty();
        assertThat(text(robot, "#total")).isEqualTo("9.59");
        screenshot(robot, "till-weighed-basket.png");

        robot.clickOn("#pay-card");
        waitFor(() -> model.lastReceiptProperty().get() != null);

        assertThat(services.sent).hasSize(1);
        assertThat(services.sent.get(0).lines())
                .containsExactly(new BasketLine("PM", 503), new BasketLine("FB", 1), new BasketLine("LQ", 120));
        Receipt receipt = model.lastReceiptProperty().get();
        assertThat(receipt.total()).isEqualByComparingTo("9.59");
        assertThat(scale.reads()).isEqualTo(2);
    }

    @Test
    void sellsFromAToledoScaleOnAPseudoTerminalAndKeepsTheBasketWhenItsCableIsPulledMidReading(FxRobot robot, @TempDir Path dir)
            throws Exception {
        // the till's own scale driver (TillScale over jSerialComm) on a pty; a simulated Toledo 8217 at the other end
        try (PtyPair cable = PtyPair.start(dir); ToledoSimulator toledo = new ToledoSimulator(cable.simEnd());
             TillScale scale = new TillScale(ScaleSettings.of(cable.tillPort(), Protocol.TOLEDO).withTimeout(Duration.ofSeconds(20)))) {
            toledo.answer("T", ToledoSimulator.STX + "?`" + ToledoSimulator.CR)   // tare taken: net
                    .weighs("00.253N");
            open(robot, scale);

            robot.type(KeyCode.F6);
            waitFor(() -> text(robot, "#message").startsWith("Scale tared"));
            assertThat(toledo.nextCommand()).isEqualTo("T");

            robot.clickOn("#tile-PM");
            waitFor(() -> robot.lookup("#qty-PM").tryQuery().isPresent());
            assertThat(toledo.nextCommand()).isEqualTo("W");
            assertThat(text(robot, "#unit-PM")).isEqualTo("253\u00a0g at 1.50 / 100\u00a0g");
            robot.clickOn("#code").write(LABEL).type(KeyCode.ENTER);
            waitFor(() -> text(robot, "#qty-PM").equals("503 g"));
            robot.interact(() -> model.scanned(PACK));
            waitFor(() -> robot.lookup("#qty-FB").tryQuery().isPresent());

            // no answer scripted: the scale takes the W and says nothing; the cable is pulled while the till waits
            robot.clickOn("#tile-LQ");
            assertThat(toledo.nextCommand()).isEqualTo("W");
            cable.unplug();
            waitFor(() -> robot.lookup("#weigh-overlay").tryQuery().map(Node::isVisible).orElse(false));
            assertThat(text(robot, "#message")).isEqualTo("The scale gave no weight: the scale stopped answering: check its cable. Type the weight, or Cancel.");
            assertThat(model.basket()).extracting(Basket.Item::sku, Basket.Item::quantity)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("PM", 503), org.assertj.core.groups.Tuple.tuple("FB", 1));

            robot.type(KeyCode.DIGIT1, KeyCode.DIGIT2, KeyCode.DIGIT0).type(KeyCode.ENTER);
            waitFor(() -> robot.lookup("#qty-LQ").tryQuery().isPresent());
            assertThat(text(robot, "#total")).isEqualTo("9.59");
            robot.clickOn("#pay-card");
            waitFor(() -> model.lastReceiptProperty().get() != null);

            assertThat(services.sent).hasSize(1);
            assertThat(services.sent.get(0).lines())
                    .containsExactly(new BasketLine("PM", 503), new BasketLine("FB", 1), new BasketLine("LQ", 120));
            assertThat(toledo.received()).isEmpty();   // nothing more was sent to the scale than the tare and two readings
        }
    }

    @Test
    void onTheSmallestTillScreenAWeighedLineAndItsTileShowTheWeightWholeBesideALongNameAndAPricePer100gWithThreeDecimals(FxRobot robot) throws Exception {
        // as the demo store's loose cola bottles: 14.99 / kg is 1.499 / 100 g, and "1.253 kg" is wider than a count
        open(robot, new FakeScale(true, false).weighs(1_253), 1024, 768, weighed(4, "PM-COLA", "Fizzy Cola Bottles (loose)", "14.99", 3_000, 102));
        Node tile = robot.lookup("#tile-PM-COLA").query();
        assertThat(shown(robot.from(tile).lookup(".tile-stock").queryAs(Label.class)))
                .isEqualTo("3.000 kg left");

        robot.clickOn("#tile-PM-COLA");
        waitFor(() -> robot.lookup("#qty-PM-COLA").tryQuery().isPresent());

        screenshot(robot, "till-weighed-1024.png");
        assertThat(shown(robot.lookup("#qty-PM-COLA").queryAs(Label.class))).isEqualTo("1.253 kg");
        assertThat(shown(robot.lookup("#unit-PM-COLA").queryAs(Label.class)).replace('\n', ' '))
                .isEqualTo("1.253\u00a0kg at 1.499 / 100\u00a0g");
        assertThat(shown(robot.lookup("#line-total-PM-COLA").queryAs(Label.class))).isEqualTo("18.78");   // 1 253 g x 14.99 / kg = 18.78247
    }

    @Test
    void onTheSmallestTillScreenEveryCategoryChipShowsItsWholeNameInsideTheWindow(FxRobot robot) throws Exception {
        List<SweetView> many = new java.util.ArrayList<>();
        String[] categories = {"Boiled", "Chocolate", "Fudge", "Jelly", "Liquorice", "Novelty", "Pick & Mix", "Sugar-free",
                "Seasonal", "Retro favourites"};
        for (int i = 0; i < categories.length; i++) {
            many.add(new SweetView(10 + i, "C" + i, "Sweet " + i, categories[i], new BigDecimal("1.00"), 5, 0, true,
                    org.sweetshop.common.SoldBy.COUNTED, null));
        }
        open(robot, new FakeScale(true, false), 1024, 768, many.toArray(SweetView[]::new));
        waitFor(() -> robot.lookup(".chip").queryAllAs(javafx.scene.control.ToggleButton.class).stream()
                .map(javafx.scene.control.ToggleButton::getText).toList().containsAll(List.of(categories)));

        double width = robot.lookup("#category-chips").query().getScene().getWidth();
        for (javafx.scene.control.ToggleButton chip : robot.lookup(".chip").queryAllAs(javafx.scene.control.ToggleButton.class)) {
            WaitForAsyncUtils.waitForFxEvents();
            assertThat(((javafx.scene.text.Text) chip.lookup(".text")).getText()).as("chip " + chip.getText()).isEqualTo(chip.getText());
            javafx.geometry.Bounds bounds = chip.localToScene(chip.getBoundsInLocal());
            assertThat(bounds.getMinX()).as(chip.getText()).isGreaterThanOrEqualTo(0);
            assertThat(bounds.getMaxX()).as(chip.getText()).isLessThanOrEqualTo(width);
            assertThat(bounds.getHeight()).as(chip.getText() + " is a touch target").isGreaterThanOrEqualTo(44);
        }
    }

    @Test
    void onTheSmallestTillScreenALongRefusalIsShownWholeUnderTheBasket(FxRobot robot) throws Exception {
        open(robot, new FakeScale(true, false), 1024, 768);
        robot.clickOn("#tile-FB");
        robot.clickOn("#tile-FB");
        String code = "NOT-A-SWEET-BUT-A-RATHER-LONG-CODE-FROM-A-SUPPLIERS-LABEL";

        robot.interact(() -> model.scanned(code));

        waitFor(() -> text(robot, "#message").startsWith("Not recognised"));
        Label message = robot.lookup("#message").queryAs(Label.class);
        assertThat(message.getText()).hasSizeGreaterThan(80);   // longer than one line of the panel
        assertThat(shown(message)).isEqualTo(message.getText());
        javafx.geometry.Bounds bounds = message.localToScene(message.getBoundsInLocal());
        assertThat(bounds.getMaxY()).isLessThanOrEqualTo(message.getScene().getHeight());
        assertThat(bounds.getMaxX()).isLessThanOrEqualTo(message.getScene().getWidth());
    }

    /** What a label really shows on the screen: its text, or its text cut short with an ellipsis where it does not fit. */
    private static String shown(Label label) {
        WaitForAsyncUtils.waitForFxEvents();
        return ((javafx.scene.text.Text) label.lookup(".text")).getText();
    }

    @Test
    void tareIsAButtonAndF6AndTheKeypadCancelsWithEsc(FxRobot robot) throws Exception {
        FakeScale scale = new FakeScale(true, false).refuses("the scale shows zero: put the sweets on the scale and try again");
        open(robot, scale);

        robot.clickOn("#tare");
        waitFor(() -> scale.tares() == 1);
        robot.type(KeyCode.F6);
        waitFor(() -> scale.tares() == 2);
        waitFor(() -> text(robot, "#message").startsWith("Scale tared"));

        robot.clickOn("#tile-PM");
        waitFor(() -> robot.lookup("#weigh-overlay").tryQuery().map(Node::isVisible).orElse(false));
        robot.type(KeyCode.DIGIT5);
        robot.type(KeyCode.ESCAPE);
        waitFor(() -> !robot.lookup("#weigh-overlay").tryQuery().map(Node::isVisible).orElse(false));
        assertThat(model.basket()).isEmpty();
        assertThat(model.weighing().askedProperty().get()).isNull();
    }

    /** With -Dsweetshop.screenshot.dir=DIR, the screen as it is now goes to DIR/name (the README's pictures). */
    private void screenshot(FxRobot robot, String name) throws Exception {
        String dir = System.getProperty("sweetshop.screenshot.dir");
        if (dir == null) {
            return;
        }
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.image.WritableImage[] shot = new javafx.scene.image.WritableImage[1];
        robot.interact(() -> shot[0] = view.root().snapshot(null, null));
        javafx.scene.image.PixelReader pixels = shot[0].getPixelReader();
        int w = (int) shot[0].getWidth();
        int h = (int) shot[0].getHeight();
        java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(w, h, java.awt.image.BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                image.setRGB(x, y, pixels.getArgb(x, y));
            }
        }
        java.nio.file.Path file = java.nio.file.Path.of(dir, name);
        java.nio.file.Files.createDirectories(file.getParent());
        javax.imageio.ImageIO.write(image, "png", file.toFile());
    }



}
