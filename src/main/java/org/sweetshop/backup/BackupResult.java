package org.sweetshop.backup;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

/**
 * A backup that was written: the file (complete and on disk), its size, when its snapshot was
 * taken, the schema version and each table's rows.
 */
public record BackupResult(Path file, long bytes, Instant createdAt, String schemaVersion, Map<String, Long> rows) {
}
