package org.sweetshop.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.sweetshop.testing.DatabaseTest;
import org.sweetshop.testing.Sql;
import org.sweetshop.testing.TestDatabase;

/** Live stock: changes committed through the services arrive at a subscriber, pushed by the database. */
class SweetChangesTest extends DatabaseTest {

    private static final long WAIT_SECONDS = 20;

    private final BlockingQueue<SweetChange> changes = new LinkedBlockingQueue<>();
    private final BlockingQueue<SweetChanges.Status> statuses = new LinkedBlockingQueue<>();
    private final BlockingQueue<String> reloads = new LinkedBlockingQueue<>();
    private SweetChanges live;

    /** Subscribes after the test's sweets were added, so their own insert notifications are not heard. */
    private void listen() {
        live = SweetChanges.start(TestDatabase.get().settings());
        live.subscribe(new SweetChanges.Subscriber() {
            @Override
            public void changed(SweetChange change) {
                changes.add(change);
            }

            @Override
            public void resubscribed() {
                reloads.add("reload");
            }

            @Override
            public void status(SweetChanges.Status status) {
                statuses.add(status);
            }
        });
        assertThat(live.status()).isEqualTo(SweetChanges.Status.LIVE);
    }

    @AfterEach
    void stopListening() {
        if (live != null) {
            live.close();
        }
    }

    private <T> T next(BlockingQueue<T> queue) throws InterruptedException {
        T value = queue.poll(WAIT_SECONDS, TimeUnit.SECONDS);
        assertThat(value).as("nothing arrived within %d s", WAIT_SECONDS).isNotNull();
        return value;
    }

    /** A later change that must be the next one heard: proves nothing came before it. */
    private void assertTheNextChangeIsTheMarker() throws InterruptedException {
        app.stock().restock(manager, "MARK", 1, "OFFICE", null);
        SweetChange next = next(changes);
        assertThat(next.sku()).isEqualTo("MARK");
        assertThat(next.stock()).isEqualTo(2);
    }

    @Test
    void aRestockArrivesWithTheExactNewStock() throws InterruptedException {
        SweetView sl = sweet("SL", "1.20", 10);
        listen();

        app.stock().restock(manager, "SL", 24, "OFFICE", "delivery");

        assertThat(next(changes)).isEqualTo(new SweetChange(sl.id(), "SL", "Sweet SL", "Test", 34, new BigDecimal("1.20"), true));
    }

    @Test
    void aCheckoutOfTwoSweetsDeliversExactlyTheirTwoChanges() throws InterruptedException {
        sweet("A", "1.00", 10);
        sweet("B", "2.50", 5);
        sweet("MARK", "0.10", 1);
        listen();

        app.sales().checkout(cashier, basket("T1", List.of(line("A", 2), line("B", 1))));

        List<SweetChange> two = List.of(next(changes), next(changes));
        assertThat(two).extracting(SweetChange::sku, SweetChange::stock)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("A", 8), org.assertj.core.groups.Tuple.tuple("B", 4));
        assertTheNextChangeIsTheMarker();
    }

    @Test
    void aRolledBackChangeDeliversNothing() throws InterruptedException, SQLException {
        sweet("A", "1.00", 10);
        sweet("MARK", "0.10", 1);
        listen();

        try (Connection c = app.database().dataSource().getConnection();
             PreparedStatement s = c.prepareStatement("update sweet set stock = stock - 1, price = 9.99 where sku = 'A'")) {
            assertThat(s.executeUpdate()).isEqualTo(1);
            c.rollback();
        }

        assertTheNextChangeIsTheMarker();
        assertThat(stockOf("A")).isEqualTo(10);
    }

    @Test
    void aNewSweetAPriceChangeAndADeactivationArrive() throws InterruptedException {
        sweet("MARK", "0.10", 1);
        listen();

        SweetView added = app.catalog().add(manager, new NewSweet("FUDGE", "Vanilla fudge", "Fudge", new BigDecimal("3.00"), 12, 2), "OFFICE");
        app.catalog().changePrice(manager, "FUDGE", new BigDecimal("3.25"));
        app.catalog().deactivate(manager, "FUDGE");

        // the insert, then (adding writes its opening stock as a movement) every later state, in commit order
        List<SweetChange> heard = new java.util.ArrayList<>();
        while (heard.isEmpty() || heard.get(heard.size() - 1).active()) {
            heard.add(next(changes));
        }
        assertThat(heard.get(0)).isEqualTo(new SweetChange(added.id(), "FUDGE", "Vanilla fudge", "Fudge", 0, new BigDecimal("3.00"), true));
        assertThat(heard.subList(1, heard.size())).containsExactly(
                new SweetChange(added.id(), "FUDGE", "Vanilla fudge", "Fudge", 12, new BigDecimal("3.00"), true),
                new SweetChange(added.id(), "FUDGE", "Vanilla fudge", "Fudge", 12, new BigDecimal("3.25"), true),
                new SweetChange(added.id(), "FUDGE", "Vanilla fudge", "Fudge", 12, new BigDecimal("3.25"), false));
        assertTheNextChangeIsTheMarker();
    }

    @Test
    void aChangeToNothingATillShowsNotifiesNothing() throws InterruptedException {
        sweet("A", "1.00", 10);
        sweet("MARK", "0.10", 1);
        listen();

        Sql.execute(app.database().dataSource(), "update sweet set reorder_level = 7 where sku = 'A'");
        Sql.execute(app.database().dataSource(), "update sweet set stock = stock where sku = 'A'");

        assertTheNextChangeIsTheMarker();
    }

    @Test
    void anUnreadableNotificationIsDroppedAndTheNextChangeStillArrives() throws InterruptedException {
        sweet("MARK", "0.10", 1);
        listen();

        Sql.execute(app.database().dataSource(), "select pg_notify('" + SweetChanges.CHANNEL + "', 'garbage')");
        Sql.execute(app.database().dataSource(), "select pg_notify('" + SweetChanges.CHANNEL + "', '{\"id\": 1}')");

        assertTheNextChangeIsTheMarker();
        assertThat(live.status()).isEqualTo(SweetChanges.Status.LIVE);
    }

    @Test
    void afterALostConnectionTheTillIsToldToReloadAndChangesArriveAgain() throws InterruptedException {
        sweet("SL", "1.00", 10);
        listen();
        assertThat(next(statuses)).isEqualTo(SweetChanges.Status.LIVE);

        long terminated = Sql.queryLong(app.database().dataSource(), "select count(pg_terminate_backend(pid)) from pg_stat_activity"
                + " where application_name = ? and pid <> pg_backend_pid()", live.connectionName());
        assertThat(terminated).isEqualTo(1);

        assertThat(next(statuses)).isEqualTo(SweetChanges.Status.RECONNECTING);
        assertThat(next(statuses)).isEqualTo(SweetChanges.Status.LIVE);
        assertThat(next(reloads)).isEqualTo("reload");
        app.stock().restock(manager, "SL", 5, "OFFICE", null);
        assertThat(next(changes).stock()).isEqualTo(15);
    }

    @Test
    void aPayloadOfTheTriggerIsRead() {
        assertThat(SweetChanges.parse("{\"id\" : 7, \"sku\" : \"SL\", \"name\" : \"Sherbet \\\"lemons\\\"\", \"category\" : \"Boiled\","
                + " \"stock\" : 42, \"price\" : 1.20, \"active\" : true}"))
                .contains(new SweetChange(7, "SL", "Sherbet \"lemons\"", "Boiled", 42, new BigDecimal("1.20"), true));
        assertThat(SweetChanges.parse("{\"id\":7,\"sku\":\"SL\",\"name\":\"n\",\"category\":\"c\",\"stock\":0,\"price\":5,\"active\":false}"))
                .contains(new SweetChange(7, "SL", "n", "c", 0, new BigDecimal("5.00"), false));
    }

    @Test
    void unreadablePayloadsAreIgnoredNotThrown() {
        String good = "{\"id\":7,\"sku\":\"SL\",\"name\":\"n\",\"category\":\"c\",\"stock\":3,\"price\":1.20,\"active\":true}";
        List<String> bad = List.of("", "garbage", "[]", "42", "{}", "{\"id\":7}",
                good.replace("\"stock\":3", "\"stock\":-3"),
                good.replace("\"stock\":3", "\"stock\":\"3\""),
                good.replace("\"stock\":3", "\"stock\":3000000000"),
                good.replace("\"stock\":3", "\"stock\":3.5"),
                good.replace("1.20", "1.205"),
                good.replace("1.20", "-1.20"),
                good.replace("\"active\":true", "\"active\":\"yes\""),
                good.replace("\"sku\":\"SL\"", "\"sku\":null"),
                good.replace("\"id\":7", "\"id\":\"seven\""),
                good.substring(0, good.length() - 1),
                "{\"pad\":\"" + "x".repeat(10_000) + "\"}");
        for (String payload : bad) {
            assertThat(SweetChanges.parse(payload)).as(payload.length() > 80 ? payload.substring(0, 80) : payload).isEmpty();
        }
        assertThat(SweetChanges.parse(null)).isEmpty();
        assertThat(SweetChanges.parse(good)).isPresent();
    }
}
