package org.sweetshop.backup;

import java.nio.file.Path;
import java.util.List;

/** A scheduled backup: the file written and this till's older backups removed to keep the last N. */
public record ScheduledBackup(BackupResult backup, List<Path> removed) {
}
