package org.sweetshop.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.sweetshop.testing.Poll;
import org.sweetshop.testing.Sql;
import org.sweetshop.testing.TestDatabase;

/** The generic LISTEN connection on the real database: delivery, reconnection, closing. */
class ChangeListenerTest {

    private static final String CHANNEL = "test_channel";
    private static final long WAIT_SECONDS = 20;

    private final TestDatabase db = TestDatabase.get();
    private final DataSource pool = db.context().database().dataSource();
    private final BlockingQueue<String> payloads = new LinkedBlockingQueue<>();
    private final BlockingQueue<ChangeListener.State> states = new LinkedBlockingQueue<>();
    private final BlockingQueue<String> resubscriptions = new LinkedBlockingQueue<>();
    private ChangeListener listener;

    @AfterEach
    void closeTheListener() {
        if (listener != null) {
            listener.close();
        }
    }

    private ChangeListener start(Database.Settings settings) {
        listener = ChangeListener.start(settings, CHANNEL, payloads::add, states::add, () -> resubscriptions.add("resubscribed"));
        return listener;
    }

    private void notifyCommitted(String payload) {
        Sql.execute(pool, "select pg_notify('" + CHANNEL + "', '" + payload + "')");
    }

    private <T> T next(BlockingQueue<T> queue) throws InterruptedException {
        T value = queue.poll(WAIT_SECONDS, TimeUnit.SECONDS);
        assertThat(value).as("nothing arrived within %d s", WAIT_SECONDS).isNotNull();
        return value;
    }

    private long listenerBackends() {
        return Sql.queryLong(pool, "select count(*) from pg_stat_activity where application_name = ?", listener.applicationName());
    }

    @Test
    void aCommittedNotificationArrivesWithItsPayloadOnceStartHasReturned() throws InterruptedException {
        start(db.settings());
        assertThat(listener.state()).isEqualTo(ChangeListener.State.CONNECTED);

        notifyCommitted("one");
        notifyCommitted("two");

        assertThat(next(payloads)).isEqualTo("one");
        assertThat(next(payloads)).isEqualTo("two");
        assertThat(states).containsExactly(ChangeListener.State.CONNECTED);
        assertThat(resubscriptions).isEmpty();
    }

    @Test
    void aTerminatedBackendIsReplacedAndListenedOnAgain() throws InterruptedException {
        start(db.settings());
        assertThat(next(states)).isEqualTo(ChangeListener.State.CONNECTED);

        long terminated = Sql.queryLong(pool, "select count(pg_terminate_backend(pid)) from pg_stat_activity"
                + " where application_name = ? and pid <> pg_backend_pid()", listener.applicationName());

        assertThat(terminated).isEqualTo(1);
        assertThat(next(states)).isEqualTo(ChangeListener.State.RECONNECTING);
        assertThat(next(states)).isEqualTo(ChangeListener.State.CONNECTED);
        assertThat(next(resubscriptions)).isEqualTo("resubscribed");
        notifyCommitted("after the outage");
        assertThat(next(payloads)).isEqualTo("after the outage");
        assertThat(listenerBackends()).isEqualTo(1);
    }

    @Test
    void aConsumerThatThrowsDoesNotStopTheListener() throws InterruptedException {
        listener = ChangeListener.start(db.settings(), CHANNEL, payload -> {
            if (payload.equals("bad")) {
                throw new IllegalStateException("consumer failure on purpose");
            }
            payloads.add(payload);
        }, states::add, null);

        notifyCommitted("bad");
        notifyCommitted("good");

        assertThat(next(payloads)).isEqualTo("good");
        assertThat(listener.state()).isEqualTo(ChangeListener.State.CONNECTED);
    }

    @Test
    void closingStopsTheThreadAndClosesTheConnection() {
        start(db.settings());
        assertThat(listenerBackends()).isEqualTo(1);

        listener.close();

        assertThat(listener.state()).isEqualTo(ChangeListener.State.CLOSED);
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().equals("listen-" + CHANNEL));
        // the server notices the closed socket on its own schedule: wait for what it reports
        Poll.until(Duration.ofSeconds(WAIT_SECONDS), () -> listenerBackends() == 0, () -> listenerBackends() + " listener backends");
        assertThat(states).containsExactly(ChangeListener.State.CONNECTED, ChangeListener.State.CLOSED);
    }

    @Test
    void anUnreachableDatabaseAtStartIsRetriedInTheBackgroundNotThrown() throws IOException {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        Database.Settings nowhere = new Database.Settings("jdbc:postgresql://127.0.0.1:" + port + "/sweetshop", "sweetshop", "x", 2, 1000, 1000);

        start(nowhere);

        assertThat(listener.state()).isEqualTo(ChangeListener.State.RECONNECTING);
        listener.close();
        assertThat(states).containsExactly(ChangeListener.State.RECONNECTING, ChangeListener.State.CLOSED);
        assertThat(resubscriptions).isEmpty();
    }
}
