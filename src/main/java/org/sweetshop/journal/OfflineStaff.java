package org.sweetshop.journal;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.StandardOpenOption;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Properties;
import org.sweetshop.common.DatabaseUnreachableException;
import org.sweetshop.common.NotPermittedException;
import org.sweetshop.staff.Caller;
import org.sweetshop.staff.PasswordHasher;
import org.sweetshop.staff.Role;

/**
 * Who may sell on this till while it is offline: each cashier who logged in here while the store
 * database was reachable (and offline selling was on), with her staff id, role and an Argon2id hash
 * of the password she logged in with, made by this till ({@code DATA_DIR/journal/staff.properties},
 * mode 600). Offline, a log-in is checked against it; a cashier who never logged in here online
 * cannot sell offline. A deactivated account keeps selling offline until the till is back online,
 * when its next log-in fails: the store database stays the authority.
 *
 * <p>Wrong passwords are counted offline too, as online ({@link #MAX_FAILED_LOGINS} in a row): then
 * the account is locked on this till until it logs in online again, so pulling the network cable
 * does not give unlimited guesses. The count lives in the same file, under the same lock.
 */
public final class OfflineStaff {

    /** Wrong passwords in a row that lock an account offline (as online: staff.Staff). */
    public static final int MAX_FAILED_LOGINS = 5;

    private final Path file;
    private final PasswordHasher hasher;

    private OfflineStaff(Path file, PasswordHasher hasher) {
        this.file = file;
        this.hasher = hasher;
    }

    public static OfflineStaff in(Path dataDir, PasswordHasher hasher) {
        return new OfflineStaff(dataDir.resolve("journal").resolve("staff.properties"), hasher);
    }

    /** Serialises the read-modify-write of the file within this JVM (a file lock cannot be taken twice by one JVM). */
    private static final Object IN_PROCESS = new Object();

    /**
     * After a log-in the store database accepted: remembers it (hashing the password again only
     * when it changed). The read-modify-write holds a lock ({@code .staff.lock} next to the file)
     * across processes of the same data directory, so two tills logging in at once lose no cashier.
     */
    public void remember(Caller caller, String password) {
        locked(() -> {
            rememberLocked(caller, password);
            return null;
        });
    }

    /** Runs {@code work} holding this JVM's lock and the data directory's {@code .staff.lock}. */
    private <T> T locked(java.util.function.Supplier<T> work) {
        synchronized (IN_PROCESS) {
            Path lock = file.resolveSibling(".staff.lock");
            try {
                DurableFiles.ensureDirectory(file.getParent());
                try (FileChannel channel = FileChannel.open(lock, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                     FileLock held = channel.lock()) {
                    return work.get();
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot lock " + lock, e);
            }
        }
    }

    private void rememberLocked(Caller caller, String password) {
        Properties staff = read();
        String key = caller.username().toLowerCase(Locale.ROOT);
        String hash = staff.getProperty(key + ".hash");
        if (hash != null && String.valueOf(caller.staffId()).equals(staff.getProperty(key + ".id"))
                && caller.role().name().equals(staff.getProperty(key + ".role")) && hasher.matches(password, hash)
                && staff.getProperty(key + ".failed") == null) {
            return;
        }
        staff.remove(key + ".failed");
        staff.setProperty(key + ".id", String.valueOf(caller.staffId()));
        staff.setProperty(key + ".username", caller.username());
        staff.setProperty(key + ".role", caller.role().name());
        staff.setProperty(key + ".hash", hasher.hash(password));
        write(staff);
    }

    private void write(Properties staff) {
        StringWriter text = new StringWriter();
        try {
            staff.store(text, "cashiers who may sell on this till while it is offline");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        DurableFiles.write(file, text.toString().getBytes(StandardCharsets.UTF_8), () -> { });
    }

    /**
     * Logs in offline; refused like an online log-in when the password is wrong, and locked on this
     * till after {@link #MAX_FAILED_LOGINS} wrong passwords in a row until an online log-in.
     */
    public Caller login(String username, String password) {
        String key = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
        return locked(() -> {
            Properties staff = read();
            String hash = staff.getProperty(key + ".hash");
            if (hash == null) {
                throw new DatabaseUnreachableException("the store database cannot be reached, and " + username
                        + " has not logged in on this till while it was online, so the password cannot be checked offline", null);
            }
            int failed = Integer.parseInt(staff.getProperty(key + ".failed", "0"));
            if (failed >= MAX_FAILED_LOGINS) {
                throw lockedOffline();
            }
            if (!hasher.matches(password == null ? "" : password, hash)) {
                staff.setProperty(key + ".failed", String.valueOf(failed + 1));
                write(staff);
                throw failed + 1 >= MAX_FAILED_LOGINS ? lockedOffline() : NotPermittedException.badCredentials();
            }
            if (failed > 0) {
                staff.remove(key + ".failed");
                write(staff);
            }
            return new Caller(Long.parseLong(staff.getProperty(key + ".id")), staff.getProperty(key + ".username"),
                    Role.valueOf(staff.getProperty(key + ".role")));
        });
    }

    private static NotPermittedException lockedOffline() {
        return NotPermittedException.lockedOffline(MAX_FAILED_LOGINS);
    }

    private Properties read() {
        Properties staff = new Properties();
        if (Files.isRegularFile(file)) {
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                staff.load(reader);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file, e);
            }
        }
        return staff;
    }
}
