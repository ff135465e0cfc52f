package org.sweetshop.journal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayDeque;
import java.util.Deque;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a file so that a crash at any moment (power cut, SIGKILL) leaves either the whole new file
 * or the old state, never a part: a hidden temporary file ({@code .NAME.RANDOM.tmp}, unique to the
 * write, so two processes of one data directory never share one) in the same folder, forced to
 * disk, atomically renamed to its name, then the folder forced so the rename survives too. Folders
 * created for it are forced with their parents. A temporary file left by a crash is never read as
 * an entry. Once the rename is done the file is written: a folder that cannot be forced afterwards
 * is logged, never reported as "not written" (the entry is there and will be replayed).
 */
final class DurableFiles {

    private static final Logger LOG = LoggerFactory.getLogger(DurableFiles.class);

    static final String TEMP_SUFFIX = ".tmp";

    private DurableFiles() {
    }

    static void write(Path target, byte[] bytes, Runnable beforeRename) {
        Path temp = null;
        try {
            ensureDirectory(target.getParent());
            temp = Files.createTempFile(target.getParent(), "." + target.getFileName() + ".", TEMP_SUFFIX);
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
                restrict(temp);
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            beforeRename.run();
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            removeQuietly(temp);
            throw new UncheckedIOException("cannot write " + target, e);
        } catch (RuntimeException e) {
            removeQuietly(temp);
            throw e;
        }
        try {
            forceDirectory(target.getParent());
        } catch (IOException e) {
            LOG.warn("{} is written, but its folder could not be forced to disk: {}", target, e.toString());
        }
    }

    /** Creates the folder (and its missing parents) durably: each created folder and the one holding it are forced. */
    static void ensureDirectory(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            return;
        }
        Deque<Path> missing = new ArrayDeque<>();
        for (Path p = dir.toAbsolutePath(); p != null && !Files.isDirectory(p); p = p.getParent()) {
            missing.push(p);
        }
        Files.createDirectories(dir);
        for (Path created : missing) {
            forceDirectory(created);
            if (created.getParent() != null) {
                forceDirectory(created.getParent());
            }
        }
    }

    private static void removeQuietly(Path temp) {
        if (temp == null) {
            return;
        }
        try {
            Files.deleteIfExists(temp);
        } catch (IOException ignored) {
            // the temporary file is never read; a later clean-up removes it
        }
    }

    static void delete(Path file) {
        try {
            if (Files.deleteIfExists(file)) {
                forceDirectory(file.getParent());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + file, e);
        }
    }

    static void forceDirectory(Path dir) throws IOException {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // some platforms (Windows) cannot open a folder: the rename is as durable as they make it
            if (Files.isDirectory(dir) && System.getProperty("os.name", "").startsWith("Windows")) {
                return;
            }
            throw e;
        }
    }

    private static void restrict(Path file) {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException | IOException e) {
            // not a POSIX file system: the data directory's own permissions apply
        }
    }
}
