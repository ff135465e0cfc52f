package org.sweetshop.db;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The unprivileged system user that runs the store server's PostgreSQL when the app runs as root
 * (default {@code sweetshop}, made by the installer and {@code .ci/run} with
 * {@code useradd --system}). PostgreSQL never runs with root's powers; see {@link ServerPostmaster}.
 */
public record SystemUser(String name, int uid, int gid) {

    public static final String DEFAULT = "sweetshop";
    private static final Pattern NAME = Pattern.compile("[a-z_][a-z0-9_-]{0,31}");

    /** Whether this process runs as root (Linux: the owner of {@code /proc/self}; elsewhere user.name). */
    public static boolean runningAsRoot() {
        Path self = Path.of("/proc/self");
        if (Files.isDirectory(self)) {
            try {
                return ((Integer) Files.getAttribute(self, "unix:uid")) == 0;
            } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
                // fall through
            }
        }
        return "root".equals(System.getProperty("user.name"));
    }

    /** The system user called {@code name}, if this machine has one (and it is not root itself). */
    public static Optional<SystemUser> find(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            return Optional.empty();
        }
        Optional<String> uid = id("-u", name);
        Optional<String> gid = id("-g", name);
        if (uid.isEmpty() || gid.isEmpty()) {
            return Optional.empty();
        }
        int u = Integer.parseInt(uid.get());
        return u == 0 ? Optional.empty() : Optional.of(new SystemUser(name, u, Integer.parseInt(gid.get())));
    }

    static boolean hasSetpriv() {
        return Stream.of("/usr/bin/setpriv", "/bin/setpriv").anyMatch(p -> Files.isExecutable(Path.of(p)));
    }

    /**
     * Gives {@code pgData} to this user, and lets it pass through the directories above it (the
     * data directory and {@code db/} stay root's: search permission only). {@code pgData} is handed
     * over only while it is not the user's yet (made by root, or by the single-till start-up as
     * root), when the user cannot have planted a link in it for root to follow.
     */
    void takeOver(Path dbDir, Path pgData) {
        try {
            for (Path dir : List.of(dbDir.getParent(), dbDir)) {
                Set<PosixFilePermission> mode = Files.getPosixFilePermissions(dir, LinkOption.NOFOLLOW_LINKS);
                if (mode.add(PosixFilePermission.OTHERS_EXECUTE)) {
                    Files.setPosixFilePermissions(dir, mode);
                }
            }
            if (!Integer.valueOf(uid).equals(Files.getAttribute(pgData, "unix:uid", LinkOption.NOFOLLOW_LINKS))) {
                try (Stream<Path> paths = Files.walk(pgData)) {
                    for (Path p : paths.toList()) {
                        Files.setAttribute(p, "unix:uid", uid, LinkOption.NOFOLLOW_LINKS);
                        Files.setAttribute(p, "unix:gid", gid, LinkOption.NOFOLLOW_LINKS);
                    }
                }
            }
        } catch (IOException | UnsupportedOperationException e) {
            throw new DatabaseStartException("cannot give " + pgData + " to the system user " + name + ": " + e.getMessage(), e);
        }
    }

    /** A root-owned file this user's group may read (mode 640: PostgreSQL accepts a key so), nobody else. */
    void mayRead(Path file) {
        try {
            Files.setAttribute(file, "unix:gid", gid, LinkOption.NOFOLLOW_LINKS);
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));
            for (Path dir = file.getParent(); dir != null && !dir.equals(file.getParent().getParent()); dir = dir.getParent()) {
                Set<PosixFilePermission> mode = Files.getPosixFilePermissions(dir, LinkOption.NOFOLLOW_LINKS);
                if (mode.add(PosixFilePermission.OTHERS_EXECUTE)) {
                    Files.setPosixFilePermissions(dir, mode);
                }
            }
        } catch (IOException | UnsupportedOperationException e) {
            throw new DatabaseStartException("cannot let the system user " + name + " read " + file + ": " + e.getMessage(), e);
        }
    }

    private static Optional<String> id(String flag, String name) {
        try {
            Process p = new ProcessBuilder(List.of("id", flag, name)).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0 || !out.matches("[0-9]+")) {
                return Optional.empty();
            }
            return Optional.of(out);
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
