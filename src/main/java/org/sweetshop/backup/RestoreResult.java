package org.sweetshop.backup;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.sweetshop.audit.AuditReport;

/**
 * A backup restored into a new data directory: when the backup was taken, the schema version it
 * was loaded at and the one the database is at now, each table's rows, and the audit's verdict.
 */
public record RestoreResult(Path dataDir, Instant backupCreatedAt, String backupSchemaVersion, String schemaVersion,
                            Map<String, Long> rows, AuditReport audit) {
}
