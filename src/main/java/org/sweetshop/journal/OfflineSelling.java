package org.sweetshop.journal;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sweetshop.catalog.SweetView;
import org.sweetshop.common.DatabaseUnreachableException;
import org.sweetshop.sale.CheckoutRequest;
import org.sweetshop.sale.OfflineReplay;
import org.sweetshop.sale.Receipt;
import org.sweetshop.staff.Caller;

/**
 * Selling offline as a running till sees it: a checkout goes to the store database, and only when
 * that is unreachable (and the store setting is on) to the journal; each catalogue loaded online
 * refreshes the snapshot; the journal is replayed when the database is back. Off, it changes
 * nothing: the unreachable database is reported as before.
 */
public final class OfflineSelling {

    private static final Logger LOG = LoggerFactory.getLogger(OfflineSelling.class);

    private final boolean enabled;
    private final Journal journal;
    private final CatalogueSnapshot snapshot;
    private final OfflineTill till;
    private final OfflineReplay replay;

    public OfflineSelling(boolean enabled, Path dataDir, OfflineReplay replay, Clock clock) {
        this.enabled = enabled;
        this.journal = Journal.in(dataDir);
        this.snapshot = CatalogueSnapshot.in(dataDir);
        this.till = new OfflineTill(journal, snapshot, clock);
        this.replay = replay;
    }

    public boolean enabled() {
        return enabled;
    }

    /**
     * The online checkout, or (unreachable, offline selling on) the journal's; the receipt of the
     * latter is marked offline. The unreachable database may have been lost after the commit was
     * sent, so the sale may have been made: a basket with a coupon or promo code (which cannot be
     * sold offline) is never turned into a refusal, and a failure of the offline path itself (no
     * log-in or catalogue copy, a journal that cannot be written, a basket the copy refuses) keeps
     * the original unreachable outcome, so the till shows "not confirmed" and sends the same sale
     * id again. Only the journal's own answer replaces it, under that same id.
     */
    public Receipt checkout(Caller cashier, CheckoutRequest request, Supplier<Receipt> online) {
        try {
            return online.get();
        } catch (DatabaseUnreachableException unreachable) {
            if (!enabled || carriesCode(request)) {
                throw unreachable;
            }
            try {
                return till.sell(cashier, request);
            } catch (RuntimeException offline) {
                LOG.warn("checkout {} could not be journaled offline either: {}", request.saleId(), offline.getMessage());
                unreachable.addSuppressed(offline);
                throw unreachable;
            }
        }
    }

    /** Whether the request has a coupon or promo code (the store database alone can take them). */
    public static boolean carriesCode(CheckoutRequest request) {
        return request != null && (request.couponToken() != null && !request.couponToken().isBlank()
                || request.promoCode() != null && !request.promoCode().isBlank());
    }

    /** The catalogue as just loaded online: kept for selling offline. */
    public List<SweetView> catalogueLoaded(List<SweetView> catalogue) {
        if (enabled) {
            try {
                snapshot.save(catalogue, java.time.Instant.now());
            } catch (RuntimeException e) {
                // best effort: a copy that cannot be kept never blocks selling online
                LOG.warn("the catalogue copy for selling offline could not be kept: {}", e.toString());
            }
        }
        return catalogue;
    }

    /** How many sales wait in the journal. */
    public int waiting() {
        return journal.count();
    }

    /** Sends what waits (nothing when nothing does); an unreachable database is thrown, nothing lost. */
    public JournalReplayer.Report replay(Caller caller) {
        return new JournalReplayer(journal, replay).replay(caller);
    }

    /** Whether a receipt is of a sale journaled offline. */
    public static boolean offline(Receipt receipt) {
        return OfflineTill.RECEIPT_NO.equals(receipt.receiptNo());
    }
}
