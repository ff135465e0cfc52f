package org.sweetshop.ui.till;

import org.sweetshop.catalog.SweetChange;
import org.sweetshop.catalog.SweetChanges;
import org.sweetshop.ui.common.BackgroundTask;
import org.sweetshop.ui.common.TaskExecutor;
import org.sweetshop.ui.till.sell.SellViewModel;

/**
 * Live stock for one selling screen: every sweet changed anywhere in the store goes to its tiles
 * and basket, a reconnect loads its catalogue again (what was changed while nobody listened was
 * not heard), and the status bar follows the feed, and the payments that find the database
 * unreachable. Subscribed before the screen loads its catalogue, so no change falls between the two;
 * the feed's connection is opened off the UI thread (a slow server must not freeze the till).
 */
final class LiveStockFeed implements AutoCloseable {

    private final TillServices services;
    private final TillViewModel till;
    private SweetChanges.Subscription subscription;
    private boolean closed;

    private LiveStockFeed(TillServices services, TillViewModel till) {
        this.services = services;
        this.till = till;
    }

    /** Starts feeding {@code selling}; its answers come through {@code tasks}, on the UI thread. */
    static LiveStockFeed start(TillServices services, TillViewModel till, SellViewModel selling, TaskExecutor tasks) {
        LiveStockFeed feed = new LiveStockFeed(services, till);
        SweetChanges.Subscriber subscriber = new SweetChanges.Subscriber() {
            @Override
            public void changed(SweetChange change) {
                tasks.onUi(() -> selling.sweetChanged(change));
            }

            @Override
            public void resubscribed() {
                tasks.onUi(selling::reload);
            }

            @Override
            public void status(SweetChanges.Status status) {
                tasks.onUi(() -> feed.showStatus(status));
            }
        };
        BackgroundTask.of(() -> services.subscribeToStock(subscriber))
                .onSuccess(feed::subscribed)
                .executeWith(tasks);
        // the status bar turns red as soon as a payment finds the database unreachable
        selling.reachableProperty().addListener((obs, was, now) -> till.connectionChanged(now,
                now ? services.describeDatabase() : "cannot reach the store database"));
        // a sale journaled offline shows in the status bar's count
        selling.lastReceiptProperty().addListener((obs, was, now) -> till.refreshOffline());
        return feed;
    }

    private void subscribed(SweetChanges.Subscription opened) {
        if (closed) {
            opened.close();  // logged out meanwhile
        } else {
            subscription = opened;
        }
    }

    private void showStatus(SweetChanges.Status status) {
        till.connectionChanged(status == SweetChanges.Status.LIVE, switch (status) {
            case LIVE -> services.describeDatabase();
            case RECONNECTING -> "reconnecting to the store database…";
            default -> "not connected";
        });
    }

    /** The screen is gone: no more changes for it. */
    @Override
    public void close() {
        closed = true;
        if (subscription != null) {
            subscription.close();
            subscription = null;
        }
    }
}
