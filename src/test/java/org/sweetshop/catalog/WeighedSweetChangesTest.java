package org.sweetshop.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.sweetshop.refund.RefundLine;
import org.sweetshop.testing.DatabaseTest;
import org.sweetshop.testing.TestDatabase;
import org.sweetshop.testing.WeighedSweets;

/** Live stock of a weighed sweet: its stock arrives in whole grams, as the database keeps it, through sales, restocks and refunds. */
class WeighedSweetChangesTest extends DatabaseTest {

    private static final long WAIT_SECONDS = 20;

    private final BlockingQueue<SweetChange> changes = new LinkedBlockingQueue<>();
    private SweetChanges live;

    @AfterEach
    void stopListening() {
        if (live != null) {
            live.close();
        }
    }

    private SweetChange next() throws InterruptedException {
        SweetChange value = changes.poll(WAIT_SECONDS, TimeUnit.SECONDS);
        assertThat(value).as("nothing arrived within %d s", WAIT_SECONDS).isNotNull();
        return value;
    }

    @Test
    void gramsFlowThroughUnchanged() throws InterruptedException {
        SweetView pm = WeighedSweets.add(office, manager, "PM", "14.99", 2_000);
        live = SweetChanges.start(TestDatabase.get().settings());
        live.subscribe(new SweetChanges.Subscriber() {
            @Override
            public void changed(SweetChange change) {
                changes.add(change);
            }

            @Override
            public void resubscribed() {
            }

            @Override
            public void status(SweetChanges.Status status) {
            }
        });
        assertThat(live.status()).isEqualTo(SweetChanges.Status.LIVE);

        String receipt = app.sales().checkout(cashier, basket("T1", List.of(line("PM", 253)))).receiptNo();
        assertThat(next()).isEqualTo(new SweetChange(pm.id(), "PM", "Weighed PM", "Pick and mix", 1_747, new BigDecimal("14.99"), true));

        app.stock().restock(manager, "PM", 2_500, "OFFICE", "delivery");
        assertThat(next().stock()).isEqualTo(4_247);

        app.refunds().refund(manager, receipt, List.of(RefundLine.typed("PM", "100g")), "OFFICE", null);
        assertThat(next().stock()).isEqualTo(4_347);
        assertThat(app.catalog().find("PM").stock()).isEqualTo(4_347);
    }
}
