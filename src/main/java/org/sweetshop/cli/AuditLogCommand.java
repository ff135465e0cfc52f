package org.sweetshop.cli;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.sweetshop.common.InvalidInputException;
import org.sweetshop.common.Texts;
import org.sweetshop.staff.AuditAction;
import org.sweetshop.staff.AuditEntry;
import org.sweetshop.staff.AuditLogFilter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "audit-log", description = {"Lists price, catalogue and staff actions: who, when, what, old and new value.",
        "Newest first. (Not `audit`, which checks the store's invariants.)"})
final class AuditLogCommand extends JsonCommand {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    @Option(names = "--action", paramLabel = "ACTION", description = "e.g. price-change, sku-change, staff-register")
    String action;

    @Option(names = "--subject", paramLabel = "SKU|USER", description = "one sweet or account")
    String subject;

    @Option(names = "--staff", paramLabel = "USER", description = "who acted")
    String staff;

    @Option(names = "--limit", defaultValue = "100", paramLabel = "N", description = "at most N entries (default 100)")
    int limit;

    @Option(names = "--as", required = true, paramLabel = "USER", description = "a manager or owner")
    String as;

    @Override
    public Integer call() {
        AuditLogFilter filter = new AuditLogFilter(action == null ? null : action(action), subject, staff, limit);
        List<AuditEntry> entries = context().auditLog().list(login(as), filter);
        if (json) {
            out().println(Json.write(entries));
            return Cli.OK;
        }
        out().printf("%-19s %-12s %-20s %-16s %s%n", "WHEN", "STAFF", "ACTION", "SUBJECT", "CHANGE");
        ZoneId zone = ZoneId.systemDefault();
        for (AuditEntry e : entries) {
            String change = e.oldValue() == null && e.newValue() == null ? ""
                    : (e.oldValue() == null ? "" : e.oldValue() + " -> ") + (e.newValue() == null ? "" : e.newValue());
            change = change.replace("\n", "\\n");   // a store address has lines; the table keeps one a line
            out().printf("%-19s %-12s %-20s %-16s %s%s%n", TIME.format(e.at().atZone(zone)), e.staff(), e.action().label(),
                    e.subject(), change, e.till() == null ? "" : "  (till " + e.till() + ")");
        }
        return Cli.OK;
    }

    private static AuditAction action(String text) {
        String wanted = text.strip().toUpperCase(Locale.ROOT).replace('-', '_');
        return Arrays.stream(AuditAction.values()).filter(a -> a.name().equals(wanted)).findFirst()
                .orElseThrow(() -> new InvalidInputException("action", "action must be one of "
                        + String.join(", ", Arrays.stream(AuditAction.values()).map(AuditAction::label).toList())
                        + ", not '" + Texts.shorten(text) + "'"));
    }
}
