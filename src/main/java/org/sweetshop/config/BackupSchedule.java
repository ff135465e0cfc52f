package org.sweetshop.config;

import java.nio.file.Path;

/**
 * The store's scheduled backups: after every shift close and once a day when the till starts, a
 * backup goes into {@code dir} (a USB drive, a network folder) and only the newest {@code keep} of
 * this till's backups there are kept. Set in {@code sweetshop.properties} as {@code backup.dir} and
 * {@code backup.keep} (or {@code SWEETSHOP_BACKUP_DIR} / {@code SWEETSHOP_BACKUP_KEEP}).
 */
public record BackupSchedule(Path dir, int keep) {

    public static final int DEFAULT_KEEP = 7;
    public static final int MAX_KEEP = 1000;
}
