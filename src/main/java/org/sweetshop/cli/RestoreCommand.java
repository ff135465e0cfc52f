package org.sweetshop.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.sweetshop.audit.AuditCheck;
import org.sweetshop.backup.Restore;
import org.sweetshop.backup.RestoreResult;
import org.sweetshop.common.InvalidInputException;
import org.sweetshop.db.EmbeddedDatabase;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "restore", description = {"Restores a backup into a new data directory (--data-dir DIR, new or empty),",
        "brings its schema up to this app's version and runs the audit. Exits 3 when the audit fails."})
final class RestoreCommand extends JsonCommand {

    @Option(names = "--from", required = true, paramLabel = "FILE", description = "a sweetshop-backup-....zip")
    Path from;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "the new data directory (new or empty) to restore into;"
            + " also taken before the command: sweetshop --data-dir DIR restore --from FILE")
    Path dataDir;

    @Override
    public Integer call() {
        Cli cli = cli();
        Path target = dataDir != null ? dataDir : cli.dataDir == null ? null : Path.of(cli.dataDir);
        if (target == null) {
            throw new InvalidInputException("data-dir", "name the new data directory to restore into (--data-dir DIR)");
        }
        if (cli.dbUrl != null) {
            throw new InvalidInputException("db", "restore makes an embedded database in --data-dir; it does not take --db");
        }
        RestoreResult result = Restore.into(from, target.toAbsolutePath(), EmbeddedDatabase.Options.local());
        long rows = result.rows().values().stream().mapToLong(Long::longValue).sum();
        if (json) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("dataDir", result.dataDir().toString());
            out.put("backupCreatedAt", result.backupCreatedAt().toString());
            out.put("backupSchemaVersion", result.backupSchemaVersion());
            out.put("schemaVersion", result.schemaVersion());
            out.put("rows", result.rows());
            out.put("auditOk", result.audit().ok());
            out.put("auditFailed", result.audit().checks().stream().filter(c -> !c.ok()).map(AuditCheck::name).toList());
            out().println(Json.write(out));
        } else {
            out().println("restored " + from + " (taken " + result.backupCreatedAt() + ", schema version "
                    + result.backupSchemaVersion() + ") into " + result.dataDir() + ": " + result.rows().size() + " tables, "
                    + rows + " rows; schema now at version " + result.schemaVersion());
            out().println(result.audit().ok() ? "audit passed" : "audit FAILED");
        }
        if (!result.audit().ok()) {
            cli.err.println("restored, but the audit failed: " + result.audit().checks().stream().filter(c -> !c.ok())
                    .map(AuditCheck::name).toList() + " (sweetshop --data-dir " + result.dataDir() + " audit shows the details)");
            return Cli.REFUSED;
        }
        return Cli.OK;
    }
}
