package org.sweetshop.journal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sweetshop.common.Refusal;
import org.sweetshop.db.ConstraintViolation;
import org.sweetshop.sale.OfflineReplay;
import org.sweetshop.staff.Caller;

/**
 * Sends the journal to the store database, oldest sale first, each through {@link OfflineReplay}
 * under its own sale id, and removes an entry only once the database has its sale (made now, made
 * before, or recorded with a discrepancy). A connection lost midway stops the replay with the
 * entries not yet confirmed still in the journal: sending again is always safe, a sale is made once.
 * A refused entry (e.g. a constraint it breaks, such as a cashier's account that is gone) stays and
 * is reported; the others are still sent. A file that cannot be read (damaged) is reported by its
 * name and kept, never in the way of the sales behind it.
 */
public final class JournalReplayer {

    private static final Logger LOG = LoggerFactory.getLogger(JournalReplayer.class);

    /** Torn temporary files older than this are removed before a replay. */
    static final Duration TORN_AGE = Duration.ofMinutes(1);

    /** One entry that could not be sent (its file, and its sale id when the file could be read), and why. */
    public record Failure(UUID saleId, String file, String reason) {
    }

    /** What one replay did; {@code left} is how many entries still wait. */
    public record Report(List<OfflineReplay.Outcome> sent, List<Failure> failed, int left) {

        public long count(OfflineReplay.Result result) {
            return sent.stream().filter(o -> o.result() == result).count();
        }
    }

    private final Journal journal;
    private final OfflineReplay replay;

    public JournalReplayer(Journal journal, OfflineReplay replay) {
        this.journal = journal;
        this.replay = replay;
    }

    /** Sends every waiting sale as {@code caller}; an unreachable database ends it (thrown, nothing lost). */
    public Report replay(Caller caller) {
        journal.cleanTorn(TORN_AGE);
        List<OfflineReplay.Outcome> sent = new ArrayList<>();
        List<Failure> failed = new ArrayList<>();
        Journal.Listing listing = journal.list();
        for (Journal.Unreadable bad : listing.unreadable()) {
            failed.add(new Failure(null, bad.file(), "cannot be read (kept, not sent): " + bad.reason()));
        }
        for (JournalEntry entry : listing.entries()) {
            OfflineReplay.Outcome outcome;
            try {
                outcome = replay.replay(caller, entry.toSale());
            } catch (Refusal | ConstraintViolation | IllegalStateException refused) {
                LOG.warn("offline sale {} not sent: {}", entry.saleId(), refused.getMessage());
                failed.add(new Failure(entry.saleId(), entry.saleId() + ".json", refused.getMessage()));
                continue;
            }
            journal.remove(entry.saleId());
            LOG.info("offline sale {} sent: {} {}", entry.saleId(), outcome.result(), outcome.receiptNo());
            sent.add(outcome);
        }
        return new Report(sent, failed, journal.count());
    }
}
