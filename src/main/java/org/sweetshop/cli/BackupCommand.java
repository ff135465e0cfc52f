package org.sweetshop.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.sweetshop.backup.BackupResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "backup", description = {"Backs the store database up into a new file in DIR while the tills sell",
        "(sweetshop-backup-<till>-<yyyyMMdd-HHmmss>.zip: one consistent snapshot). Managers and owners only:",
        "the file holds every account's password hash."})
final class BackupCommand extends JsonCommand {

    @Option(names = "--to", required = true, paramLabel = "DIR", description = "the folder the backup goes to (e.g. a USB drive)")
    Path to;

    @Option(names = "--as", required = true, paramLabel = "USER")
    String as;

    @Override
    public Integer call() {
        BackupResult result = context().backups().backup(login(as), to, cli().config().terminal());
        long rows = result.rows().values().stream().mapToLong(Long::longValue).sum();
        if (json) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("file", result.file().toString());
            out.put("bytes", result.bytes());
            out.put("createdAt", result.createdAt().toString());
            out.put("schemaVersion", result.schemaVersion());
            out.put("rows", result.rows());
            out().println(Json.write(out));
        } else {
            out().println("backup written: " + result.file() + " (" + result.bytes() + " bytes; schema version "
                    + result.schemaVersion() + "; " + result.rows().size() + " tables, " + rows + " rows)");
        }
        return Cli.OK;
    }
}
