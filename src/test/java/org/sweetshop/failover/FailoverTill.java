package org.sweetshop.failover;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.sweetshop.AppContext;
import org.sweetshop.catalog.SweetChange;
import org.sweetshop.catalog.SweetChanges;
import org.sweetshop.common.BusyException;
import org.sweetshop.common.DatabaseUnreachableException;
import org.sweetshop.db.Database;
import org.sweetshop.sale.BasketLine;
import org.sweetshop.sale.CheckoutRequest;
import org.sweetshop.sale.Payment;
import org.sweetshop.sale.Receipt;
import org.sweetshop.staff.Caller;
import org.sweetshop.testing.Pace;
import org.sweetshop.testing.TestDatabase;

/**
 * A till as its own JVM for {@link FailoverTest}: it connects with the multi-host URL and its own
 * till role (environment {@code SWEETSHOP_DB_URL}, {@code SWEETSHOP_DB_USER},
 * {@code SWEETSHOP_DB_PASSWORD}), logs in the cashier ({@code SWEETSHOP_PASSWORD}), listens to
 * live stock and prints {@code READY}. On {@code sell SKU,SKU,...} it sells one of each, sale after
 * sale, until {@code stop}; a sale that ends "unreachable" or "busy" is sent again under the same
 * sale id until it is confirmed, as a till does after a failover. What it prints, one line each:
 *
 * <pre>
 * DONE saleId receiptNo replayed attempts   the till was told this sale is done
 * RETRY saleId kind                          this attempt failed with kind; sent again
 * FAILED saleId kind message                 anything else: the test fails
 * GAVEUP saleId                              not confirmed within RESEND_FOR: the test fails
 * LISTENER LIVE|RECONNECTING|CLOSED          live stock's status
 * RESUBSCRIBED                               live stock listens again (after an outage)
 * HEARD sku stock                            a sweet change arrived
 * STOPPED count                              after stop: the last sale is settled
 * STARTRETRY message                         the database was unreachable at start-up; trying again
 * </pre>
 */
public final class FailoverTill {

    /** How long one sale is sent again before the till gives up (a failover takes about a minute). */
    static final long RESEND_FOR_SECONDS = 150;
    /** A cashier's pace: a new sale this long after the last one was confirmed. */
    static final long PACE_MILLIS = 150;
    private static final long RESEND_PAUSE_MILLIS = 500;
    private static final int START_ATTEMPTS = 5;
    private static final PrintStream OUT = new PrintStream(System.out, true, StandardCharsets.UTF_8);

    private final AppContext app;
    private final Caller cashier;
    private final String till;
    private volatile boolean stopping;

    private FailoverTill(AppContext app, Caller cashier, String till) {
        this.app = app;
        this.cashier = cashier;
        this.till = till;
    }

    public static void main(String[] args) throws Exception {
        String till = args[0];
        Database.Settings settings = new Database.Settings(System.getenv("SWEETSHOP_DB_URL"), System.getenv("SWEETSHOP_DB_USER"),
                System.getenv("SWEETSHOP_DB_PASSWORD"), 3, 3000, 5000);
        Path dataDir = Files.createTempDirectory("sweetshop-failover-till");
        int exit = 0;
        try (AppContext app = new AppContext(TestDatabase.config(dataDir), null, open(settings),
                TestDatabase.FAST_HASHER, Clock.systemDefaultZone())) {
            app.liveStock().subscribe(new SweetChanges.Subscriber() {
                @Override
                public void changed(SweetChange change) {
                    OUT.println("HEARD " + change.sku() + " " + change.stock());
                }

                @Override
                public void resubscribed() {
                    OUT.println("RESUBSCRIBED");
                }

                @Override
                public void status(SweetChanges.Status status) {
                    OUT.println("LISTENER " + status);
                }
            });
            FailoverTill worker = new FailoverTill(app, app.staff().login("cashier", System.getenv("SWEETSHOP_PASSWORD")), till);
            OUT.println("READY " + ProcessHandle.current().pid());
            worker.serve(new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)));
        } catch (Throwable e) {
            OUT.println("ERROR " + e);
            e.printStackTrace();
            exit = 1;
        }
        System.exit(exit);
    }

    /**
     * Opens the store database as a till starting up does, trying again when it is unreachable: three
     * till JVMs logging in at once over TLS and scram on a busy 2-core machine can pass the 5 s
     * log-in timeout, which is the product's answer ("unreachable"), not a failure of the test.
     */
    private static Database open(Database.Settings settings) {
        for (int attempt = 1; ; attempt++) {
            try {
                return Database.open(settings, AppContext.entities());
            } catch (DatabaseUnreachableException e) {
                if (attempt == START_ATTEMPTS) {
                    throw e;
                }
                OUT.println("STARTRETRY " + e.getMessage());
                Pace.pause(1000);
            }
        }
    }

    private void serve(BufferedReader in) throws Exception {
        Thread seller = null;
        String line;
        while ((line = in.readLine()) != null) {
            if (line.startsWith("sell ")) {
                List<BasketLine> lines = new ArrayList<>();
                for (String sku : line.substring(5).strip().split(",")) {
                    lines.add(new BasketLine(sku, 1));
                }
                seller = new Thread(() -> sell(lines), "seller-" + till);
                seller.start();
            } else if (line.equals("stop")) {
                stopping = true;
                if (seller != null) {
                    seller.join();
                }
            } else if (line.equals("quit")) {
                break;
            }
        }
        stopping = true;
        if (seller != null) {
            seller.join();
        }
    }

    private void sell(List<BasketLine> lines) {
        int done = 0;
        while (!stopping) {
            if (sellOnce(lines)) {
                done++;
            }
            Pace.pause(PACE_MILLIS);
        }
        OUT.println("STOPPED " + done);
    }

    /** One sale, sent again under its id until confirmed; true when the till was told it is done. */
    private boolean sellOnce(List<BasketLine> lines) {
        UUID saleId = UUID.randomUUID();
        long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(RESEND_FOR_SECONDS);
        int attempts = 0;
        while (true) {
            attempts++;
            try {
                Receipt receipt = app.sales().checkout(cashier, new CheckoutRequest(saleId, till, lines, null, null, Payment.card()));
                OUT.println("DONE " + saleId + " " + receipt.receiptNo() + " " + receipt.replayed() + " " + attempts);
                return true;
            } catch (DatabaseUnreachableException | BusyException e) {
                OUT.println("RETRY " + saleId + " " + e.getClass().getSimpleName());
            } catch (RuntimeException e) {
                OUT.println("FAILED " + saleId + " " + e.getClass().getName() + " " + String.valueOf(e.getMessage()).replace('\n', ' '));
                return false;
            }
            if (System.nanoTime() > giveUp) {
                OUT.println("GAVEUP " + saleId);
                return false;
            }
            Pace.pause(RESEND_PAUSE_MILLIS);
        }
    }
}
