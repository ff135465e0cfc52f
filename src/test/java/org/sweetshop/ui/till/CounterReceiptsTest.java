package org.sweetshop.ui.till;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sweetshop.testing.Fx.text;
import static org.sweetshop.testing.Fx.waitFor;
import static org.sweetshop.ui.till.sell.FakeSellServices.counted;

import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.application.Platform;
import javafx.scene.Scene;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sweetshop.printer.EscPosDecoder;
import org.sweetshop.printer.EscPosDecoder.Command;
import org.sweetshop.printer.EscPosDecoder.CodePage;
import org.sweetshop.printer.EscPosDecoder.Cut;
import org.sweetshop.printer.EscPosDecoder.Initialise;
import org.sweetshop.printer.EscPosDecoder.Line;
import org.sweetshop.printer.EscPosDecoder.Pulse;
import org.sweetshop.printer.EscPosDecoder.Qr;
import org.sweetshop.printer.EscPosReceiver;
import org.sweetshop.printer.PaperWidth;
import org.sweetshop.printer.PrinterSettings;
import org.sweetshop.printer.PrinterUri;
import org.sweetshop.printer.ReceiptPrinter;
import org.sweetshop.sale.Receipt;
import org.sweetshop.staff.Caller;
import org.sweetshop.staff.Role;
import org.sweetshop.ui.common.TaskExecutor;
import org.sweetshop.ui.till.sell.FakeSellServices;
import org.sweetshop.ui.till.sell.SellSettings;
import org.sweetshop.ui.till.sell.NoSellActions;
import org.sweetshop.ui.till.sell.SellView;
import org.sweetshop.ui.till.sell.SellViewModel;
import org.sweetshop.ui.till.sell.WeighingScale;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;

/**
 * The selling screen, headless, with the till's ESC/POS printer: a real test receiver on
 * 127.0.0.1 that is off first (the sale is made once, the screen says the receipt was not printed),
 * then back (Reprint last prints it, marked REPRINT), then a cash sale (the drawer pulse, then the
 * receipt) and a card sale (the receipt only). The sales go on one background thread and the
 * receipts on another, as at the till.
 */
@ExtendWith(ApplicationExtension.class)
class CounterReceiptsTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final SellScreen.ReceiptFormat FORMAT = new SellScreen.ReceiptFormat("Sweetshop", "GBP");
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private ExecutorService background;
    private ExecutorService printerThread;
    private FakeSellServices services;
    private SellViewModel model;
    private ReceiptPrinter printer;

    @BeforeEach
    void stage() throws Exception {
        FxToolkit.registerPrimaryStage();
        background = Executors.newSingleThreadExecutor(r -> daemon(r, "sell-test-background"));
        printerThread = Executors.newSingleThreadExecutor(r -> daemon(r, "sell-test-printer"));
    }

    @AfterEach
    void stop() throws Exception {
        FxToolkit.cleanupStages();
        background.shutdownNow();
        printerThread.shutdownNow();
        if (printer != null) {
            printer.close();
        }
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    private void open(FxRobot robot, int printerPort) throws Exception {
        printer = new ReceiptPrinter(PrinterSettings.of(PrinterUri.parse("tcp://127.0.0.1:" + printerPort))
                .withPaper(PaperWidth.MM80).withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(5)));
        open(robot, new CounterPrinter.EscPos(printer));
    }

    private void open(FxRobot robot, CounterPrinter counterPrinter) throws Exception {
        services = new FakeSellServices().with(counted(2, "FB", "Fudge Bar", "0.85", 50));
        CounterReceipts counter = new CounterReceipts(counterPrinter, new TaskExecutor(printerThread, Platform::runLater));
        TaskExecutor tasks = new TaskExecutor(background, Platform::runLater);
        FxToolkit.setupStage(stage -> {
            model = new SellViewModel(services, "T1", new Caller(2, "cashier", Role.CASHIER), tasks, UUID::randomUUID,
                    new SellSettings(WeighingScale.NONE, false));
            CounterReceipts.Screen screen = counter.attach(model, () -> FORMAT);
            SellView view = new SellView(model, new NoSellActions() {
                @Override
                public void reprintLast() {   // only Reprint last does something here
                    screen.reprintLast();
                }
            }, false);
            stage.setScene(new Scene(view.root(), 1280, 800));
            stage.show();
            model.reload();
        });
        waitFor(() -> robot.lookup("#tile-FB").tryQuery().isPresent());
    }

    private Receipt sell(FxRobot robot, int before, boolean cash) {
        robot.interact(() -> {
            model.add("FB");
            model.add("FB");
            if (cash) {
                model.payCash("5.00");
            } else {
                model.payCard();
            }
        });
        waitFor(() -> services.sent.size() == before + 1 && model.lastReceiptProperty().get() != null
                && model.lastReceiptProperty().get().receiptNo().equals(String.format("T1-%06d", before + 1)));
        assertThat(model.basket()).isEmpty();
        return model.lastReceiptProperty().get();
    }

    @Test
    void aSaleWhileThePrinterIsOffIsMadeOnceAndSaidThenReprintLastPrintsItOnceItIsBack(FxRobot robot) throws Exception {
        int port = EscPosReceiver.deadPort();
        open(robot, port);

        Receipt first = sell(robot, 0, true);
        waitFor(() -> text(robot, "#message").startsWith("Receipt not printed"));
        assertThat(text(robot, "#message")).isEqualTo("Receipt not printed: The cash drawer cannot be opened: the receipt printer at 127.0.0.1:"
                + port + " does not answer: check it is on and its cable. Reprint when the printer is back.");
        assertThat(services.sent).hasSize(1);
        assertThat(model.basket()).isEmpty();

        try (EscPosReceiver receiver = EscPosReceiver.printingOn(port)) {
            robot.clickOn("#reprint");
            assertThat(EscPosDecoder.decode(receiver.nextJob(WAIT))).containsExactlyElementsOf(receipt(first, true));
            waitFor(() -> text(robot, "#message").equals("Receipt T1-000001 printed again."));
            assertThat(receiver.jobsWaiting()).isZero();
            assertThat(services.sent).hasSize(1);
        }
    }

    @Test
    void aCashSaleOpensTheDrawerThenPrintsACardSaleOnlyPrints(FxRobot robot) throws Exception {
        try (EscPosReceiver receiver = EscPosReceiver.printing()) {
            open(robot, receiver.port());

            Receipt cash = sell(robot, 0, true);
            assertThat(EscPosDecoder.decode(receiver.nextJob(WAIT))).containsExactly(new Pulse(2, 100, 500));
            assertThat(EscPosDecoder.decode(receiver.nextJob(WAIT))).containsExactlyElementsOf(receipt(cash, false));

            Receipt card = sell(robot, 1, false);
            assertThat(EscPosDecoder.decode(receiver.nextJob(WAIT))).containsExactlyElementsOf(receipt(card, false));
            assertThat(receiver.jobsWaiting()).isZero();
            assertThat(text(robot, "#message")).isEqualTo("Sale T1-000002 done.");
            assertThat(services.sent).hasSize(2);
        }
    }

    @Test
    void aPrinterThatIsSlowHoldsUpNeitherTheSaleNorTheNextOne(FxRobot robot) throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        List<String> jobs = new CopyOnWriteArrayList<>();
        CounterPrinter held = new CounterPrinter() {
            @Override
            public void print(Receipt receipt, SellScreen.ReceiptFormat format, boolean reprint, boolean cashTaken) {
                jobs.add(receipt.receiptNo() + (reprint ? " reprint" : "") + (cashTaken ? " drawer" : "") + " on the UI thread: "
                        + Platform.isFxApplicationThread());
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }

            @Override
            public void close() {
            }
        };
        open(robot, held);

        sell(robot, 0, true);
        waitFor(() -> jobs.size() == 1);
        // the printer holds the first receipt: the next sale is made all the same
        sell(robot, 1, false);
        assertThat(text(robot, "#message")).isEqualTo("Sale T1-000002 done.");
        assertThat(jobs).containsExactly("T1-000001 drawer on the UI thread: false");

        release.countDown();
        waitFor(() -> jobs.size() == 2);
        assertThat(jobs).containsExactly("T1-000001 drawer on the UI thread: false", "T1-000002 on the UI thread: false");
        assertThat(services.sent).hasSize(2);
    }

    /** Two Fudge Bars at 0.85 on 80 mm paper, exactly; cash 5.00 with 3.30 change, or card. */
    private static List<Command> receipt(Receipt receipt, boolean reprint) {
        String rule = "-".repeat(48);
        List<Command> expected = new ArrayList<>(List.of(new Initialise(), new CodePage(19),
                new Line(" ".repeat(19) + "Sweetshop", true, 1, 2, 0)));
        List<String> lines = new ArrayList<>();
        if (reprint) {
            lines.add(" ".repeat(16) + "*** REPRINT ***");
        }
        lines.addAll(List.of(rule, "Till      T1", "Receipt   " + receipt.receiptNo(),
                "Date      " + WHEN.format(receipt.createdAt().atZone(ZoneId.systemDefault())), "Cashier   cashier", rule,
                edges("Fudge Bar", "1.70"), "  2 x 0.85", rule, edges("Subtotal", "1.70"), edges("TOTAL GBP", "1.70")));
        if (receipt.tendered() != null) {
            lines.addAll(List.of(edges("Cash", "5.00"), edges("Change", "3.30")));
        } else {
            lines.add(edges("Card", "1.70"));
        }
        lines.addAll(List.of(rule, " ".repeat(19) + "Thank you!"));
        lines.forEach(text -> expected.add(Line.plain(text)));
        expected.add(new Qr(receipt.receiptNo(), 6, 'M', 1));
        for (int i = 0; i < 4; i++) {
            expected.add(Line.plain(""));
        }
        expected.add(new Cut(49));
        return expected;
    }

    private static String edges(String label, String value) {
        return label + " ".repeat(48 - label.length() - value.length()) + value;
    }



}
