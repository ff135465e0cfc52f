package org.sweetshop.cli;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.sweetshop.common.Quantity;
import org.sweetshop.common.SoldBy;
import org.sweetshop.journal.Journal;
import org.sweetshop.journal.JournalEntry;
import org.sweetshop.journal.JournalLine;
import org.sweetshop.journal.JournalReplayer;
import org.sweetshop.sale.ConflictView;
import org.sweetshop.sale.OfflineReplay;
import org.sweetshop.sale.ReceiptLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code journal}: the sales this till made offline and waiting for the store database (read from
 * the data directory only: it works while the database is down); {@code journal replay} sends them;
 * {@code journal conflicts} and {@code journal resolve} are the manager's list of stock
 * discrepancies they left.
 */
@Command(name = "journal", description = {"Lists the sales made offline on this till, waiting to be sent to the store database.",
        "Exit codes of replay: 0 all sent (discrepancies included), 3 some refused (they stay), 5 database unreachable (nothing lost)."},
        subcommands = {JournalCommand.Replay.class, JournalCommand.Conflicts.class, JournalCommand.Resolve.class})
final class JournalCommand extends JsonCommand {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    @Override
    public Integer call() {
        Journal.Listing listing = Journal.in(cli().config().dataDir()).list();
        List<JournalEntry> waiting = listing.entries();
        if (json) {
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("waiting", waiting.size() + listing.unreadable().size());
            result.put("sales", waiting);
            result.put("unreadable", listing.unreadable());
            out().println(Json.write(result));
            return Cli.OK;
        }
        out().println("offline: " + (waiting.size() + listing.unreadable().size()) + " sale(s) waiting"
                + (listing.unreadable().isEmpty() ? "" : ", " + listing.unreadable().size() + " of them unreadable (kept, not sent)"));
        for (Journal.Unreadable bad : listing.unreadable()) {
            out().println("UNREADABLE   " + bad.file() + "  " + bad.reason());
        }
        for (JournalEntry e : waiting) {
            out().printf("%s  %s  %-8s %-12s %10s  %s%n", e.saleId(), TIME.format(e.soldAt().atZone(ZoneId.systemDefault())), e.till(),
                    e.cashier(), money(e.total()), e.lines().stream().map(l -> Quantity.format(l.quantity(), soldBy(l)) + " x " + l.sku())
                            .collect(Collectors.joining(", ")));
        }
        return Cli.OK;
    }

    static String lines(List<ReceiptLine> lines) {
        return lines.stream().map(l -> Quantity.format(l.quantity(), l.soldBy() == null ? SoldBy.COUNTED : l.soldBy()) + " x " + l.sku())
                .collect(Collectors.joining(", "));
    }

    /** A journaled line's kind; one this version does not know is shown as counted (the replay refuses it). */
    private static SoldBy soldBy(JournalLine line) {
        return JournalLine.WEIGHED.equals(line.kind()) ? SoldBy.WEIGHED : SoldBy.COUNTED;
    }

    @Command(name = "replay", description = "Sends the waiting sales to the store database, each once under its own sale id.")
    static final class Replay extends JsonCommand {

        @Option(names = "--as", required = true, paramLabel = "USER")
        String as;

        @Override
        public Integer call() {
            Journal journal = Journal.in(cli().config().dataDir());
            var caller = login(as);
            JournalReplayer.Report report = new JournalReplayer(journal, context().offlineReplay()).replay(caller);
            if (json) {
                Map<String, Object> result = new LinkedHashMap<>();
                result.put("ok", report.failed().isEmpty());
                result.put("made", report.count(OfflineReplay.Result.MADE));
                result.put("alreadyMade", report.count(OfflineReplay.Result.ALREADY_MADE));
                result.put("discrepancies", report.count(OfflineReplay.Result.CONFLICT));
                result.put("sent", report.sent());
                result.put("failed", report.failed());
                result.put("left", report.left());
                out().println(Json.write(result));
            } else {
                for (OfflineReplay.Outcome o : report.sent()) {
                    String what = switch (o.result()) {
                        case MADE -> "made        ";
                        case ALREADY_MADE -> "already made";
                        case CONFLICT -> "DISCREPANCY ";
                    };
                    out().println(what + " " + o.receiptNo() + "  " + o.saleId() + (o.reason() == null ? "" : "  " + o.reason()));
                }
                for (JournalReplayer.Failure f : report.failed()) {
                    out().println("NOT SENT     " + (f.saleId() == null ? f.file() : f.saleId()) + "  " + f.reason());
                }
                out().println("sent " + report.sent().size() + " (" + report.count(OfflineReplay.Result.MADE) + " made, "
                        + report.count(OfflineReplay.Result.ALREADY_MADE) + " already made, "
                        + report.count(OfflineReplay.Result.CONFLICT) + " with a stock discrepancy for a manager); "
                        + report.left() + " waiting");
            }
            if (!report.failed().isEmpty()) {
                cli().err.println(report.failed().size() + " offline sale(s) refused or unreadable; they stay in the journal");
                return Cli.REFUSED;
            }
            return Cli.OK;
        }
    }

    @Command(name = "conflicts", description = "Lists the stock discrepancies offline sales left, for a manager.")
    static final class Conflicts extends JsonCommand {

        @Option(names = "--as", required = true, paramLabel = "USER")
        String as;

        @Option(names = "--all", description = "the resolved ones too")
        boolean all;

        @Override
        public Integer call() {
            List<ConflictView> conflicts = context().conflicts().list(login(as), all);
            if (json) {
                out().println(Json.write(conflicts));
                return Cli.OK;
            }
            out().println(conflicts.size() + " stock discrepancy(ies)" + (all ? "" : " open"));
            for (ConflictView c : conflicts) {
                out().printf("%s  %s  %-8s %-14s %-12s %10s  %s  (%s)%s%n", c.saleId(), TIME.format(c.soldAt().atZone(ZoneId.systemDefault())),
                        c.till(), c.receiptNo(), c.cashier(), money(c.total()), lines(c.lines()), c.reason(),
                        c.open() ? "" : "  resolved by " + c.resolvedBy());
            }
            return Cli.OK;
        }
    }

    @Command(name = "resolve", description = "Marks a stock discrepancy resolved (a manager, e.g. after a stocktake).")
    static final class Resolve extends JsonCommand {

        @Parameters(index = "0", paramLabel = "SALE_ID")
        UUID saleId;

        @Option(names = "--as", required = true, paramLabel = "USER")
        String as;

        @Option(names = "--note", paramLabel = "TEXT", description = "what was done")
        String note;

        @Override
        public Integer call() {
            ConflictView resolved = context().conflicts().resolve(login(as), saleId, note);
            if (json) {
                out().println(Json.write(resolved));
            } else {
                out().println("resolved: " + resolved.saleId() + " (" + resolved.receiptNo() + ") by " + resolved.resolvedBy());
            }
            return Cli.OK;
        }
    }
}
