package org.sweetshop.db;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hears one PostgreSQL notification channel ({@code LISTEN}) on a connection of its own and hands
 * each payload to a consumer, on a daemon thread. Knows no feature: the payload is a string.
 *
 * <p>The connection is opened with {@link DriverManager}, never taken from the pool: a listening
 * connection must stay open for as long as the listener lives and outside any transaction
 * (autocommit on), and it must not count against the pool. The thread waits in pgjdbc's
 * {@link PGConnection#getNotifications(int)}, which blocks on the socket until a notification
 * arrives or the wait times out: nothing is polled. An idle connection is pinged every
 * {@link #PING_INTERVAL}, so a database that went away silently is noticed.
 *
 * <p>A store database that fails over is given as a multi-host URL with
 * {@code targetServerType=primary} (docs/DESIGN.md, Failover): pgjdbc then connects to whichever
 * host is the primary, for this connection as for the pool's. A {@code LISTEN} on a server that is
 * not the primary hears nothing of what tills commit on the primary, and says nothing about it;
 * so with such a URL the ping also asks whether the server is still a writable primary
 * ({@code pg_is_in_recovery()}, {@code transaction_read_only}) and the listener moves when it is
 * not (a server fenced read-only, or left running after a standby was promoted and then demoted
 * without a restart).
 *
 * <p>When the connection fails (database restarted, network gone, backend terminated) the state
 * goes {@link State#RECONNECTING}; the thread reconnects with a bounded backoff (0.2 s doubling to
 * 5 s), runs {@code LISTEN} again, reports {@link State#CONNECTED} and then calls
 * {@code onResubscribed}: notifications sent while nobody listened are lost, so whoever keeps a
 * copy of the data must reload it then. The same happens when the first connection in
 * {@link #start} fails: the listener keeps trying, and {@code onResubscribed} tells when it is in
 * place.
 *
 * <p>All three callbacks run on the listener's thread, one at a time and in order; they must be
 * quick (hand the work to another thread, e.g. the UI thread). An exception thrown by a callback
 * is logged and the listener goes on.
 */
public final class ChangeListener implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ChangeListener.class);

    /** How listeners' connections are named in {@code pg_stat_activity}: this, a dash and a number. */
    public static final String APPLICATION_NAME = "sweetshop-listener";
    private static final AtomicInteger INSTANCES = new AtomicInteger();
    public static final Duration FIRST_BACKOFF = Duration.ofMillis(200);
    public static final Duration MAX_BACKOFF = Duration.ofSeconds(5);
    public static final Duration PING_INTERVAL = Duration.ofSeconds(10);

    /** How long one wait for notifications lasts before the thread looks at its flags again. */
    private static final int WAIT_MILLIS = 1000;
    private static final int SOCKET_TIMEOUT_SECONDS = 10;
    private static final Pattern CHANNEL = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    /** This listener's own name, so one listener can be told from another (a till's, a test's). */
    private final String applicationName = APPLICATION_NAME + "-" + INSTANCES.incrementAndGet();

    /** Where the listener stands. */
    public enum State {
        /** {@code LISTEN} is in place: every notification committed from now on arrives. */
        CONNECTED,
        /** The connection failed or could not be made; notifications are being missed, retrying. */
        RECONNECTING,
        /** {@link #close()} was called; final. */
        CLOSED
    }

    private final Database.Settings settings;
    /** The URL asks for the primary ({@code targetServerType=primary}): the ping checks it still is. */
    private final boolean primaryOnly;
    private final String channel;
    private final Consumer<String> onPayload;
    private final Consumer<State> onState;
    private final Runnable onResubscribed;
    private final CountDownLatch closing = new CountDownLatch(1);
    private final Thread thread;

    private volatile Connection connection;
    private volatile State state;

    private ChangeListener(Database.Settings settings, String channel, Consumer<String> onPayload, Consumer<State> onState,
                           Runnable onResubscribed) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.primaryOnly = wantsPrimary(settings.jdbcUrl());
        if (channel == null || !CHANNEL.matcher(channel).matches()) {
            throw new IllegalArgumentException("channel must be a lower-case SQL identifier: " + channel);
        }
        this.channel = channel;
        this.onPayload = Objects.requireNonNull(onPayload, "onPayload");
        this.onState = onState == null ? s -> { } : onState;
        this.onResubscribed = onResubscribed == null ? () -> { } : onResubscribed;
        this.thread = new Thread(this::run, "listen-" + channel);
        this.thread.setDaemon(true);
    }

    /**
     * Connects and runs {@code LISTEN channel} before returning, so a caller that loads its data
     * after this call misses no change. If that first attempt fails, the state is
     * {@link State#RECONNECTING}, the listener keeps trying in the background and calls
     * {@code onResubscribed} once it listens. Never throws for an unreachable database.
     *
     * @param settings       where the store database is (the same settings the pool uses)
     * @param channel        the channel, a lower-case SQL identifier such as {@code sweet_changed}
     * @param onPayload      each notification's payload, in commit order
     * @param onState        each change of state (may be null)
     * @param onResubscribed called after every {@code LISTEN} that was not in place when this
     *                       method returned (may be null)
     */
    public static ChangeListener start(Database.Settings settings, String channel, Consumer<String> onPayload,
                                       Consumer<State> onState, Runnable onResubscribed) {
        ChangeListener listener = new ChangeListener(settings, channel, onPayload, onState, onResubscribed);
        try {
            listener.subscribe();
        } catch (SQLException | RuntimeException e) {
            LOG.warn("cannot listen on {} at {} yet, retrying in the background: {}", channel, settings.jdbcUrl(), e.getMessage());
            listener.changeState(State.RECONNECTING);
        }
        listener.thread.start();
        return listener;
    }

    /** The application name this listener's connection shows in {@code pg_stat_activity}. */
    public String applicationName() {
        return applicationName;
    }

    public State state() {
        return state;
    }

    /** Stops the thread and closes the connection; returns within about a second. Idempotent. */
    @Override
    public void close() {
        if (closing.getCount() == 0) {
            return;
        }
        closing.countDown();
        Connection c = connection;
        if (c != null) {
            try {
                c.abort(Runnable::run); // wakes the thread out of its socket read at once
            } catch (SQLException | RuntimeException e) {
                LOG.debug("aborting the listening connection: {}", e.getMessage());
            }
        }
        thread.interrupt();
        try {
            thread.join(WAIT_MILLIS * 2L);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        closeQuietly();
        changeState(State.CLOSED);
    }

    private boolean closing() {
        return closing.getCount() == 0;
    }

    private void run() {
        long backoffMillis = FIRST_BACKOFF.toMillis();
        while (!closing()) {
            if (connection == null) {
                try {
                    if (!subscribe()) {
                        break;
                    }
                    LOG.info("listening on {} again", channel);
                    backoffMillis = FIRST_BACKOFF.toMillis();
                    callback("onResubscribed", onResubscribed);
                } catch (SQLException | RuntimeException e) {
                    // a RuntimeException too: the thread must never die, or live stock is gone for good
                    LOG.debug("reconnect to {} failed: {}", settings.jdbcUrl(), e.getMessage());
                    closeQuietly();
                    if (waitBeforeRetry(backoffMillis)) {
                        return;
                    }
                    backoffMillis = Math.min(backoffMillis * 2, MAX_BACKOFF.toMillis());
                    continue;
                }
            }
            try {
                receive();
            } catch (SQLException | RuntimeException e) {
                if (closing()) {
                    break;
                }
                LOG.warn("lost the connection listening on {}: {}; reconnecting", channel, e.getMessage());
                closeQuietly();
                changeState(State.RECONNECTING);
            }
        }
        closeQuietly();
    }

    /** Opens the connection and listens; then the state is CONNECTED. False when closed meanwhile. */
    private boolean subscribe() throws SQLException {
        Properties props = new Properties();
        if (settings.user() != null) {
            props.setProperty("user", settings.user());
        }
        if (settings.password() != null) {
            props.setProperty("password", settings.password());
        }
        props.setProperty("ApplicationName", applicationName);
        props.setProperty("tcpKeepAlive", "true");
        props.setProperty("connectTimeout", Long.toString(Math.max(1, settings.connectTimeoutMs() / 1000)));
        props.setProperty("socketTimeout", Integer.toString(SOCKET_TIMEOUT_SECONDS));
        Connection c = DriverManager.getConnection(settings.jdbcUrl(), props);
        try {
            c.setAutoCommit(true);
            try (Statement s = c.createStatement()) {
                s.execute("listen " + channel);
            }
        } catch (SQLException | RuntimeException e) {
            c.close();
            throw e;
        }
        connection = c;
        if (closing()) { // close() ran while we connected: it saw no connection to abort
            closeQuietly();
            return false;
        }
        changeState(State.CONNECTED);
        return true;
    }

    /** Delivers notifications until the connection fails or the listener closes. */
    private void receive() throws SQLException {
        Connection c = connection;
        PGConnection pg = c.unwrap(PGConnection.class);
        long pingNanos = PING_INTERVAL.toNanos();
        long lastHeard = System.nanoTime();
        while (!closing()) {
            PGNotification[] notifications = pg.getNotifications(WAIT_MILLIS);
            if (notifications != null && notifications.length > 0) {
                lastHeard = System.nanoTime();
                for (PGNotification n : notifications) {
                    if (channel.equals(n.getName())) {
                        deliver(n.getParameter());
                    }
                }
            } else if (System.nanoTime() - lastHeard > pingNanos) {
                ping(c);
                lastHeard = System.nanoTime();
            }
        }
    }

    /** Throws when the connection is gone or, for a primary-only URL, its server is no longer a writable primary. */
    private void ping(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            if (!primaryOnly) {
                s.execute("select 1");
                return;
            }
            try (ResultSet rs = s.executeQuery("select pg_is_in_recovery() or current_setting('transaction_read_only') = 'on'")) {
                rs.next();
                if (rs.getBoolean(1)) {
                    throw new SQLException("the server this listener is on is no longer a writable primary", "08006");
                }
            }
        }
    }

    /** True when a JDBC URL asks pgjdbc for a primary ({@code targetServerType=primary}, or its old name master). */
    public static boolean wantsPrimary(String jdbcUrl) {
        if (jdbcUrl == null) {
            return false;
        }
        int query = jdbcUrl.indexOf('?');
        if (query < 0) {
            return false;
        }
        for (String parameter : jdbcUrl.substring(query + 1).split("&")) {
            int eq = parameter.indexOf('=');
            if (eq > 0 && parameter.substring(0, eq).equalsIgnoreCase("targetServerType")) {
                String value = parameter.substring(eq + 1);
                return value.equalsIgnoreCase("primary") || value.equalsIgnoreCase("master");
            }
        }
        return false;
    }

    private void deliver(String payload) {
        try {
            onPayload.accept(payload);
        } catch (RuntimeException e) {
            LOG.error("the consumer of {} failed on payload {}", channel, payload, e);
        }
    }

    private synchronized void changeState(State next) {
        if (state == next || state == State.CLOSED) {
            return;
        }
        state = next;
        callback("onState " + next, () -> onState.accept(next));
    }

    private void callback(String what, Runnable callback) {
        try {
            callback.run();
        } catch (RuntimeException e) {
            LOG.error("listener callback {} on {} failed", what, channel, e);
        }
    }

    /** Waits out a backoff; true when the listener was closed meanwhile. */
    private boolean waitBeforeRetry(long millis) {
        try {
            return closing.await(millis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            return closing();
        }
    }

    private void closeQuietly() {
        Connection c = connection;
        connection = null;
        if (c != null) {
            try {
                c.close();
            } catch (SQLException | RuntimeException e) {
                LOG.debug("closing the listening connection: {}", e.getMessage());
            }
        }
    }
}
