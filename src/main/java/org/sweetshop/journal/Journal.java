package org.sweetshop.journal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The till's local journal of sales made offline: one file per sale in
 * {@code DATA_DIR/journal/sales/}, named by its sale id, written durably ({@link DurableFiles}:
 * temporary file, fsync, atomic rename, fsync of the folder) before its receipt is shown, removed
 * once the store database has the sale. A till killed mid-write leaves at most a hidden temporary
 * file, which is never listed nor replayed and is removed by {@link #cleanTorn}.
 */
public final class Journal {

    private static final Logger LOG = LoggerFactory.getLogger(Journal.class);

    static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);

    private final Path dir;
    private final Runnable beforeRename;

    private Journal(Path dir, Runnable beforeRename) {
        this.dir = dir;
        this.beforeRename = beforeRename;
    }

    /** The journal of the till whose data directory this is. */
    public static Journal in(Path dataDir) {
        return in(dataDir, () -> { });
    }

    /** As {@link #in(Path)}, running {@code beforeRename} between a sale's fsync and its rename (tests kill a till there). */
    public static Journal in(Path dataDir, Runnable beforeRename) {
        return new Journal(dataDir.resolve("journal").resolve("sales"), beforeRename);
    }

    public Path dir() {
        return dir;
    }

    /** Writes the sale durably; returns once it is on disk. */
    public void write(JournalEntry entry) {
        byte[] bytes;
        try {
            bytes = JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(entry);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the journal entry of sale " + entry.saleId(), e);
        }
        DurableFiles.write(file(entry.saleId()), bytes, beforeRename);
    }

    /** The journaled sale with this id, if it waits here. */
    public Optional<JournalEntry> find(UUID saleId) {
        Path file = file(saleId);
        return Files.isRegularFile(file) ? Optional.of(read(file)) : Optional.empty();
    }

    /** A file of the journal that cannot be read (damaged, of another format): named, kept, never replayed. */
    public record Unreadable(String file, String reason) {
    }

    /** What the journal holds: the sales it can read, oldest first, and the files it cannot. */
    public record Listing(List<JournalEntry> entries, List<Unreadable> unreadable) {
    }

    /** Every sale waiting, oldest first (temporary files of an interrupted write are not sales); an unreadable file is thrown. */
    public List<JournalEntry> waiting() {
        Listing listing = list();
        if (!listing.unreadable().isEmpty()) {
            Unreadable bad = listing.unreadable().get(0);
            throw new IllegalStateException("cannot read the journal entry " + bad.file() + ": " + bad.reason());
        }
        return listing.entries();
    }

    /** Every sale waiting, each file read on its own: one that cannot be read is listed, not in the way of the others. */
    public Listing list() {
        List<JournalEntry> entries = new ArrayList<>();
        List<Unreadable> unreadable = new ArrayList<>();
        for (Path file : files()) {
            try {
                entries.add(read(file));
            } catch (RuntimeException e) {
                if (!Files.exists(file)) {
                    continue; // sent and removed meanwhile by another replay of this journal: not waiting any more
                }
                LOG.warn("journal entry {} cannot be read, it is kept and not sent: {}", file, e.getMessage());
                unreadable.add(new Unreadable(file.getFileName().toString(), e.getMessage()));
            }
        }
        entries.sort(Comparator.comparing(JournalEntry::soldAt).thenComparing(JournalEntry::saleId));
        unreadable.sort(Comparator.comparing(Unreadable::file));
        return new Listing(entries, unreadable);
    }

    /** How many sales wait (without reading them). */
    public int count() {
        return files().size();
    }

    /** The sale is in the store database: its entry goes. */
    public void remove(UUID saleId) {
        DurableFiles.delete(file(saleId));
    }

    /**
     * Removes the temporary files of writes interrupted by a crash, older than {@code age} (a write
     * in progress in another process of the same data directory is younger); returns how many.
     */
    public int cleanTorn(Duration age) {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        int removed = 0;
        Instant before = Instant.now().minus(age);
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir, ".*" + DurableFiles.TEMP_SUFFIX)) {
            for (Path temp : stream) {
                FileTime modified = Files.getLastModifiedTime(temp);
                if (modified.toInstant().isBefore(before)) {
                    Files.deleteIfExists(temp);
                    LOG.warn("removed {}, left by a till stopped while it wrote a sale (that sale's receipt was never shown)", temp);
                    removed++;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clean " + dir, e);
        }
        return removed;
    }

    private List<Path> files() {
        List<Path> files = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return files;
        }
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir, "*.json")) {
            for (Path file : stream) {
                if (!file.getFileName().toString().startsWith(".")) {
                    files.add(file);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + dir, e);
        }
        return files;
    }

    private Path file(UUID saleId) {
        return dir.resolve(saleId + ".json");
    }

    private static JournalEntry read(Path file) {
        try {
            JournalEntry entry = JSON.readValue(file.toFile(), JournalEntry.class);
            if (!JournalEntry.FORMAT.equals(entry.format())) {
                throw new IllegalStateException(file + " is of format " + entry.format() + ", not " + JournalEntry.FORMAT);
            }
            return entry;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the journal entry " + file, e);
        }
    }
}
