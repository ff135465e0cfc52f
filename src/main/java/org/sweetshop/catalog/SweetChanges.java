package org.sweetshop.catalog;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sweetshop.db.ChangeListener;
import org.sweetshop.db.Database;

/**
 * Live stock: every committed change to a sweet, pushed by the database (the trigger of
 * {@code V2__sweet_change_notify.sql} notifies channel {@value #CHANNEL}; a {@link ChangeListener}
 * hears it), handed to whoever subscribed. One per process; subscribers come and go.
 *
 * <p>A subscriber must subscribe <em>before</em> it loads its copy of the sweets, and reload all
 * of it on {@link Subscriber#resubscribed()}: changes made while the listener was disconnected
 * are not sent again. Callbacks run on the listener's thread (a UI hands them to its own thread).
 * A payload that cannot be read is logged and dropped; it never stops the listener.
 */
public final class SweetChanges implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SweetChanges.class);

    /** The notification channel the sweet trigger writes to. */
    public static final String CHANNEL = "sweet_changed";

    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    /** Whether changes are arriving. */
    public enum Status {
        /** Listening: every change committed from now on arrives. */
        LIVE,
        /** The store database was lost; changes are being missed until {@link Subscriber#resubscribed()}. */
        RECONNECTING,
        /** Closed; final. */
        CLOSED
    }

    /** Someone who keeps a copy of the sweets (a till's grid). */
    public interface Subscriber {

        /** One sweet changed (or was added); its new state. */
        void changed(SweetChange change);

        /** Listening again after an outage: changes may have been missed, reload everything. */
        void resubscribed();

        /** The listener's status: the current one on subscribing, then each change; by default ignored. */
        default void status(Status status) {
        }
    }

    /** Ends one subscription. */
    public interface Subscription extends AutoCloseable {
        @Override
        void close();
    }

    private final List<Subscriber> subscribers = new CopyOnWriteArrayList<>();
    private final Object statusLock = new Object();
    private volatile Status status = Status.RECONNECTING;
    private volatile ChangeListener listener;

    private SweetChanges() {
    }

    /**
     * Starts listening on its own connection to the store database (not the pool's). Returns once
     * it listens, or, if the database cannot be reached yet, with status RECONNECTING while it
     * keeps trying in the background.
     */
    public static SweetChanges start(Database.Settings settings) {
        SweetChanges changes = new SweetChanges();
        changes.listener = ChangeListener.start(settings, CHANNEL, changes::deliver, changes::stateChanged, changes::resubscribed);
        return changes;
    }

    /** Adds a subscriber and tells it the current status at once (on the caller's thread). */
    public Subscription subscribe(Subscriber subscriber) {
        synchronized (statusLock) {
            subscribers.add(subscriber);
            tellStatus(subscriber, status);
        }
        return () -> subscribers.remove(subscriber);
    }

    public Status status() {
        return status;
    }

    @Override
    public void close() {
        ChangeListener l = listener;
        if (l != null) {
            l.close();
        }
    }

    /** Reads one payload of the sweet trigger; empty (and logged) when it is not one. */
    public static Optional<SweetChange> parse(String payload) {
        if (payload == null || payload.isEmpty() || payload.length() > 8000) {
            LOG.warn("ignored a sweet change notification without a readable payload ({} characters)",
                    payload == null ? "null" : payload.length());
            return Optional.empty();
        }
        try {
            JsonNode node = JSON.readTree(payload);
            if (node == null || !node.isObject()) {
                throw new IOException("not a JSON object");
            }
            BigDecimal price = required(node, "price", JsonNode::isNumber).decimalValue();
            if (price.signum() < 0 || price.stripTrailingZeros().scale() > 2) {
                throw new IOException("price " + price + " is not an amount");
            }
            JsonNode stock = required(node, "stock", JsonNode::isInt);
            if (stock.intValue() < 0) {
                throw new IOException("negative stock");
            }
            return Optional.of(new SweetChange(
                    required(node, "id", JsonNode::canConvertToLong).longValue(),
                    required(node, "sku", JsonNode::isTextual).textValue(),
                    required(node, "name", JsonNode::isTextual).textValue(),
                    required(node, "category", JsonNode::isTextual).textValue(),
                    stock.intValue(),
                    price.setScale(2, RoundingMode.UNNECESSARY),
                    required(node, "active", JsonNode::isBoolean).booleanValue()));
        } catch (IOException | RuntimeException e) {
            LOG.warn("ignored an unreadable sweet change notification {}: {}", abbreviate(payload), e.getMessage());
            return Optional.empty();
        }
    }

    private interface Check {
        boolean ok(JsonNode node);
    }

    private static JsonNode required(JsonNode object, String field, Check check) throws IOException {
        JsonNode value = object.get(field);
        if (value == null || !check.ok(value) || (value.isIntegralNumber() && !value.canConvertToLong())) {
            throw new IOException("field '" + field + "' missing or of the wrong type");
        }
        return value;
    }

    private static String abbreviate(String payload) {
        return payload.length() <= 200 ? payload : payload.substring(0, 200) + "...";
    }

    private void deliver(String payload) {
        parse(payload).ifPresent(change -> {
            for (Subscriber s : subscribers) {
                try {
                    s.changed(change);
                } catch (RuntimeException e) {
                    LOG.error("a subscriber failed on the change of sweet {}", change.sku(), e);
                }
            }
        });
    }

    private void resubscribed() {
        for (Subscriber s : subscribers) {
            try {
                s.resubscribed();
            } catch (RuntimeException e) {
                LOG.error("a subscriber failed to reload after reconnecting", e);
            }
        }
    }

    /** The application name of this feed's connection in {@code pg_stat_activity}. */
    String connectionName() {
        return listener.applicationName();
    }

    private void stateChanged(ChangeListener.State state) {
        Status next = switch (state) {
            case CONNECTED -> Status.LIVE;
            case RECONNECTING -> Status.RECONNECTING;
            case CLOSED -> Status.CLOSED;
        };
        synchronized (statusLock) {
            status = next;
            for (Subscriber s : subscribers) {
                tellStatus(s, next);
            }
        }
    }

    private static void tellStatus(Subscriber subscriber, Status status) {
        try {
            subscriber.status(status);
        } catch (RuntimeException e) {
            LOG.error("a subscriber failed on status {}", status, e);
        }
    }
}
