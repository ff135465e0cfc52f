package org.sweetshop.bench;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.event.Event;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.Pane;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sweetshop.AppContext;
import org.sweetshop.common.Discount;
import org.sweetshop.testing.DatabaseTest;
import org.sweetshop.testing.TestDatabase;
import org.sweetshop.ui.common.TaskExecutor;
import org.sweetshop.ui.till.TillApp;
import org.sweetshop.ui.till.TillController;
import org.sweetshop.ui.till.TillViewModel;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The till's figures, not a test (its name keeps it out of {@code mvn verify}): run with
 * {@code mvn test -Dtest=TillHarness -Dsurefire.failIfNoSpecifiedTests=false}. It prints
 * <ul>
 *   <li>scanner burst to coupon shown in the basket: from the Enter that ends a gun's burst
 *       (real clock, keys back to back) to the coupon's line being in the scene, against the
 *       coupon preview service call alone, measured in the same process;</li>
 *   <li>till start-up: from opening the store database to the log-in screen, on a data
 *       directory that already holds a database, and on a new one (PostgreSQL's initdb included).</li>
 * </ul>
 * Results go to standard output through the test's log and to {@code target/till-harness.txt}.
 */
@ExtendWith(ApplicationExtension.class)
class TillHarness extends DatabaseTest {

    private static final Logger LOG = LoggerFactory.getLogger(TillHarness.class);
    private static final int ROUNDS = 60;
    private static final int WARM_UP = 15;

    private final List<String> report = new ArrayList<>();

    @Test
    void figures(FxRobot robot) throws Exception {
        burstToCoupon(robot);
        startUp();
        Path out = Path.of("target", "till-harness.txt");
        Files.createDirectories(out.getParent());
        Files.write(out, report);
        report.forEach(line -> LOG.info("{}", line));
        System.out.println(String.join(System.lineSeparator(), report));
    }

    private void burstToCoupon(FxRobot robot) throws Exception {
        sweet("SL", "1.20", 1000);
        List<String> tokens = app.coupons().issue(manager, WARM_UP + ROUNDS, Discount.percent(new BigDecimal("10")), null)
                .stream().map(c -> c.token()).toList();
        List<String> baselineTokens = app.coupons().issue(manager, WARM_UP + ROUNDS, Discount.percent(new BigDecimal("10")), null)
                .stream().map(c -> c.token()).toList();
        ExecutorService background = TillApp.backgroundExecutor();
        FxToolkit.registerPrimaryStage();
        TaskExecutor tasks = new TaskExecutor(background, Platform::runLater);
        TillViewModel model = new TillViewModel("T1", () -> TillApp.services(app), tasks);
        TillController[] controller = new TillController[1];
        FxToolkit.setupStage(stage -> {
            controller[0] = new TillController(model, tasks, TestDatabase.config(TestDatabase.get().dataDir()));
            stage.setScene(TillApp.scene(controller[0].window()));
            controller[0].attach(stage);
            stage.show();
        });
        WaitForAsyncUtils.asyncFx(model::start).get(5, TimeUnit.SECONDS);
        Scene scene = controller[0].window().root().getScene();
        until(scene, "#login");
        fx(() -> {
            ((TextField) scene.lookup("#username")).setText("cashier");
            ((TextField) scene.lookup("#password")).setText(PASSWORD);
            ((Button) scene.lookup("#login")).fire();
        });
        until(scene, "#float");
        fx(() -> {
            ((TextField) scene.lookup("#float")).setText("0");
            ((Button) scene.lookup("#open-shift")).fire();
        });
        until(scene, "#tile-SL");
        fx(() -> {
            ((Button) scene.lookup("#tile-SL")).fire();
            scene.lookup("#search").requestFocus();
        });

        List<Long> shown = new ArrayList<>();
        List<Long> service = new ArrayList<>();
        for (int i = 0; i < WARM_UP + ROUNDS; i++) {
            // the same process, alternating: the service call alone, then the whole path through the window
            long s0 = System.nanoTime();
            app.coupons().preview(baselineTokens.get(i));
            long s1 = System.nanoTime();
            long elapsed = burst(scene, tokens.get(i));
            if (i >= WARM_UP) {
                service.add(s1 - s0);
                shown.add(elapsed);
            }
            fx(() -> ((Button) scene.lookup("#coupon-line-remove")).fire());
        }
        WaitForAsyncUtils.asyncFx(controller[0]::close).get(5, TimeUnit.SECONDS);
        FxToolkit.cleanupStages();
        background.shutdownNow();
        report.add(String.format("scanner burst -> coupon shown in basket (%d rounds after %d warm-up): median %.1f ms, p90 %.1f ms, max %.1f ms",
                ROUNDS, WARM_UP, ms(median(shown)), ms(percentile(shown, 90)), ms(Collections.max(shown))));
        report.add(String.format("  baseline, the coupon preview service call alone:           median %.1f ms, p90 %.1f ms; ratio of medians %.2f",
                ms(median(service)), ms(percentile(service, 90)), (double) median(shown) / median(service)));
    }

    /** Types a gun's burst into the focused field, returns nanoseconds from its Enter to the coupon line in the scene. */
    private int round;

    private static void fx(Runnable action) throws Exception {
        WaitForAsyncUtils.asyncFx(action).get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static void until(Scene scene, String id) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(() -> scene.lookup(id) != null).get());
        WaitForAsyncUtils.waitForFxEvents();
    }

    private long burst(Scene scene, String token) throws Exception {
        round++;
        CompletableFuture<Long> appeared = new CompletableFuture<>();
        long[] enter = new long[1];
        WaitForAsyncUtils.asyncFx(() -> {
            Pane discounts = (Pane) scene.lookup("#discounts");
            ListChangeListener<Node> listener = new ListChangeListener<>() {
                @Override
                public void onChanged(Change<? extends Node> change) {
                    if (discounts.lookup("#coupon-line") != null) {
                        appeared.complete(System.nanoTime());
                        discounts.getChildren().removeListener(this);
                    }
                }
            };
            discounts.getChildren().addListener(listener);
            Node focus = scene.getFocusOwner();
            for (char c : token.toCharArray()) {
                Event.fireEvent(focus, new KeyEvent(KeyEvent.KEY_PRESSED, KeyEvent.CHAR_UNDEFINED, "", KeyCode.UNDEFINED, false, false, false, false));
                Event.fireEvent(focus, new KeyEvent(KeyEvent.KEY_TYPED, String.valueOf(c), "", KeyCode.UNDEFINED, false, false, false, false));
                Event.fireEvent(focus, new KeyEvent(KeyEvent.KEY_RELEASED, KeyEvent.CHAR_UNDEFINED, "", KeyCode.UNDEFINED, false, false, false, false));
            }
            enter[0] = System.nanoTime();
            Event.fireEvent(focus, new KeyEvent(KeyEvent.KEY_PRESSED, KeyEvent.CHAR_UNDEFINED, "", KeyCode.ENTER, false, false, false, false));
            Event.fireEvent(focus, new KeyEvent(KeyEvent.KEY_RELEASED, KeyEvent.CHAR_UNDEFINED, "", KeyCode.ENTER, false, false, false, false));
        }).get(5, TimeUnit.SECONDS);
        try {
            return appeared.get(10, TimeUnit.SECONDS) - enter[0];
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("no coupon line after 10 s; the till says: "
                    + ((javafx.scene.control.Label) scene.lookup("#message")).getText() + " (round " + round + ")", e);
        }
    }

    private void startUp() throws Exception {
        Path fresh = Files.createTempDirectory("sweetshop-harness-new");
        var config = TestDatabase.config(fresh).withPoolSize(4);
        long t0 = System.nanoTime();
        long firstRun = timeToLogInScreen(() -> AppContext.open(config), TillViewModel.Screen.FIRST_RUN);
        long t1 = System.nanoTime();
        // the same data directory again: the database exists, it is started and checked
        long again = timeToLogInScreen(() -> AppContext.open(config), TillViewModel.Screen.FIRST_RUN);
        report.add(String.format("till start-up, database opened to first screen (JVM already warm): new data directory (initdb) %.0f ms, existing one %.0f ms", ms(firstRun), ms(again)));
        LOG.debug("start-up rounds took {} ms", (t1 - t0) / 1_000_000);
    }

    private long timeToLogInScreen(java.util.concurrent.Callable<AppContext> opener, TillViewModel.Screen expected) throws Exception {
        AppContext[] opened = new AppContext[1];
        TillViewModel model = new TillViewModel("T1", () -> TillApp.services(opened[0] = opener.call()), TaskExecutor.sameThread());
        long t0 = System.nanoTime();
        model.start();
        long t1 = System.nanoTime();
        if (model.screenProperty().get() != expected) {
            throw new IllegalStateException("start-up ended at " + model.screenProperty().get() + ": " + model.messageProperty().get());
        }
        opened[0].close();
        return t1 - t0;
    }

    private static long median(List<Long> values) {
        return percentile(values, 50);
    }

    private static long percentile(List<Long> values, int p) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }
}
