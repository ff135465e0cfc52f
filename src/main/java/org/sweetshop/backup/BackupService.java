package org.sweetshop.backup;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipOutputStream;
import org.hibernate.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sweetshop.common.InvalidInputException;
import org.sweetshop.config.BackupSchedule;
import org.sweetshop.db.BackupManifest;
import org.sweetshop.db.DatabaseBackup;
import org.sweetshop.db.Transactor;
import org.sweetshop.staff.Caller;
import org.sweetshop.staff.Role;
import org.sweetshop.staff.StaffService;

/**
 * Online backups of the store database while tills sell ({@link DatabaseBackup}: one read-only
 * repeatable-read snapshot, every table through {@code COPY}), into one zip file per backup,
 * written atomically: a hidden temporary file in the target folder, forced to disk, then given its
 * name (never over an existing file). A failure leaves no file and no temporary file behind.
 *
 * <p>A backup holds every account's password hash and every coupon's token hash, so only a
 * manager or an owner may take one.
 */
public final class BackupService {

    private static final Logger LOG = LoggerFactory.getLogger(BackupService.class);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");
    static final String PREFIX = "sweetshop-backup-";

    private final Transactor tx;
    private final Clock clock;
    private final String appVersion;

    public BackupService(Transactor tx, Clock clock, String appVersion) {
        this.tx = tx;
        this.clock = clock;
        this.appVersion = appVersion;
    }

    /**
     * Backs the whole store database up into a new file
     * {@code sweetshop-backup-<till>-<yyyyMMdd-HHmmss>.zip} in {@code dir}. Managers and owners only.
     *
     * @param till this till's name (in the file's name and manifest); null or blank: "store"
     * @throws InvalidInputException when {@code dir} is missing, not a folder, not writable, the file
     *                               exists already, or the disk fills up (nothing is left behind)
     */
    public BackupResult backup(Caller caller, Path dir, String till) {
        Caller.require(caller, Role.MANAGER, "take a backup (it holds every account's password hash)");
        return write(caller, dir, till);
    }

    /**
     * A scheduled backup (after a shift close, or the day's first start of the till) into the
     * store's backup folder, then only the newest {@code schedule.keep()} of this till's backups
     * there are kept; other files in the folder are never touched. Any active member of staff's
     * action may trigger it (a cashier closes her shift): the folder was chosen in the store's
     * settings, not by the caller.
     *
     * @return the backup written and the older backups removed
     * @throws InvalidInputException as {@link #backup}; nothing is removed then
     */
    public ScheduledBackup scheduled(Caller caller, BackupSchedule schedule, String till) {
        Caller.require(caller, Role.CASHIER, "take a backup");
        BackupResult result = write(caller, schedule.dir(), till);
        List<Path> removed = new ArrayList<>();
        List<Path> mine = backupsOf(schedule.dir(), till);
        for (Path old : mine.subList(0, Math.max(0, mine.size() - schedule.keep()))) {
            try {
                Files.deleteIfExists(old);
                removed.add(old);
            } catch (IOException e) {
                LOG.warn("cannot remove the old backup {}", old, e);
            }
        }
        if (!removed.isEmpty()) {
            LOG.info("removed {} old backup(s) from {}, keeping {}", removed.size(), schedule.dir(), schedule.keep());
        }
        return new ScheduledBackup(result, List.copyOf(removed));
    }

    /** True when {@code dir} holds no backup of this till made today (the clock's day): the till's start takes one. */
    public boolean dailyDue(BackupSchedule schedule, String till) {
        String today = STAMP.format(clock.instant().atZone(clock.getZone())).substring(0, 8);
        return backupsOf(schedule.dir(), till).stream()
                .noneMatch(p -> p.getFileName().toString().startsWith(PREFIX + name(till) + "-" + today + "-"));
    }

    /** This till's backups in {@code dir}, oldest first (the names sort by time); none when the folder cannot be read. */
    static List<Path> backupsOf(Path dir, String till) {
        Pattern mine = Pattern.compile(Pattern.quote(PREFIX + name(till) + "-") + "\\d{8}-\\d{6}\\.zip");
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> mine.matcher(p.getFileName().toString()).matches() && Files.isRegularFile(p))
                    .sorted(Comparator.comparing(p -> p.getFileName().toString())).toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private BackupResult write(Caller caller, Path dir, String till) {
        Path target = target(dir, till);
        Path temp = createTemp(dir);
        try {
            Instant createdAt = clock.instant().truncatedTo(ChronoUnit.MILLIS);
            Map<String, String> info = new LinkedHashMap<>();
            info.put("app", appVersion);
            info.put("till", name(till));
            info.put("taken_by", caller.username());
            BackupManifest manifest;
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                OutputStream file = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16);
                ZipOutputStream zip = new ZipOutputStream(file);
                manifest = tx.call(em -> {
                    Session session = em.unwrap(Session.class);
                    session.doWork(DatabaseBackup::snapshot); // first statement: the one snapshot
                    StaffService.requireActive(em, caller);
                    return session.doReturningWork(c -> {
                        try {
                            return DatabaseBackup.dump(c, zip, info, createdAt);
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    });
                });
                zip.finish();
                file.flush();
                channel.force(true);
            }
            publish(temp, target);
            long bytes = Files.size(target);
            LOG.info("backup written: {} ({} bytes, schema {}, rows {})", target, bytes, manifest.schemaVersion(), manifest.rowCounts());
            return new BackupResult(target, bytes, manifest.createdAt(), manifest.schemaVersion(), manifest.rowCounts());
        } catch (UncheckedIOException e) {
            throw cannotWrite(dir, e.getCause());
        } catch (IOException e) {
            throw cannotWrite(dir, e);
        } finally {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException e) {
                LOG.warn("cannot remove the temporary file {}", temp, e);
            }
        }
    }

    /** The file a backup taken now would get; refused when the folder is unusable or the file exists. */
    private Path target(Path dir, String till) {
        if (dir == null || dir.toString().isBlank()) {
            throw new InvalidInputException("to", "name the folder the backup goes to");
        }
        if (!Files.exists(dir)) {
            throw new InvalidInputException("to", "cannot back up to " + dir + ": the folder does not exist");
        }
        if (!Files.isDirectory(dir)) {
            throw new InvalidInputException("to", "cannot back up to " + dir + ": it is not a folder");
        }
        String stamp = STAMP.format(clock.instant().atZone(clock.getZone() == null ? ZoneId.systemDefault() : clock.getZone()));
        Path target = dir.resolve(PREFIX + name(till) + "-" + stamp + ".zip");
        if (Files.exists(target)) {
            throw new InvalidInputException("to", "cannot back up to " + target + ": the file exists already (a backup never"
                    + " overwrites one)");
        }
        return target;
    }

    private static Path createTemp(Path dir) {
        try {
            return Files.createTempFile(dir, "." + PREFIX, ".tmp");
        } catch (IOException | SecurityException e) {
            throw new InvalidInputException("to", "cannot back up to " + dir + ": the folder is not writable (" + reason(e) + ")");
        }
    }

    /**
     * Gives the finished file its name: a hard link, which fails rather than replace a file of that
     * name, or where the file system has none (FAT on a USB stick), a move that refuses an existing
     * target; then the folder is forced, so the name survives a power cut too.
     */
    private static void publish(Path temp, Path target) throws IOException {
        try {
            Files.createLink(target, temp);
        } catch (FileAlreadyExistsException e) {
            throw e;
        } catch (IOException | UnsupportedOperationException e) {
            Files.move(temp, target);
        }
        try (FileChannel folder = FileChannel.open(target.getParent(), StandardOpenOption.READ)) {
            folder.force(true);
        } catch (IOException e) {
            LOG.debug("cannot force the folder {} (not every file system allows it)", target.getParent(), e);
        }
    }

    private static InvalidInputException cannotWrite(Path dir, Throwable e) {
        if (e instanceof FileAlreadyExistsException) {
            return new InvalidInputException("to", "cannot back up to " + dir + ": the file " + e.getMessage()
                    + " exists already (a backup never overwrites one)");
        }
        LOG.warn("backup to {} failed", dir, e);
        return new InvalidInputException("to", "cannot back up to " + dir + ": " + reason(e) + "; nothing was left there");
    }

    private static String reason(Throwable e) {
        String message = e.getMessage();
        return message == null ? e.getClass().getSimpleName() : message;
    }

    /** A till's name as it may stand in a file name. */
    static String name(String till) {
        if (till == null || till.isBlank()) {
            return "store";
        }
        String safe = till.strip().replaceAll("[^A-Za-z0-9_-]+", "_");
        return safe.length() <= 32 ? safe : safe.substring(0, 32);
    }
}
