package org.sweetshop.failover;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sweetshop.db.TillRoles;
import org.sweetshop.testing.Poll;

/**
 * A store database of two PostgreSQL servers with automatic failover by pg_auto_failover, on
 * 127.0.0.1 ports in a temporary directory: a monitor and two nodes, each a {@code pg_autoctl}
 * process this class started and stops (by PID and {@code pg_autoctl stop}), run as the
 * {@code postgres} OS user when the test runs as root (PostgreSQL refuses root).
 *
 * <p>What it sets up is what docs/DESIGN.md, Failover, tells a shop to do: TLS on every
 * connection ({@code --ssl-self-signed}), scram-sha-256 for every TCP connection (initdb's
 * {@code trust} lines are removed; pg_autoctl's own connections on the Unix socket use
 * {@code peer} with a map from the {@code postgres} OS user to its roles), passwords for the
 * monitor's {@code autoctl_node} and for replication, listening on 127.0.0.1 only. With two nodes
 * pg_auto_failover runs the primary with {@code synchronous_standby_names = 'ANY 1 (...)'}.
 */
final class AutoFailoverCluster implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AutoFailoverCluster.class);
    private static final Duration COMMAND = Duration.ofSeconds(60);

    /** Why this machine cannot run the cluster, or empty when it can. */
    static Optional<String> unavailable() {
        if (!System.getProperty("os.name", "").toLowerCase().contains("linux")) {
            return Optional.of("pg_auto_failover test runs on Linux only");
        }
        if (pgAutoctl().isEmpty()) {
            return Optional.of("pg_autoctl is not installed (apt-get install postgresql-15-auto-failover pg-auto-failover-cli)");
        }
        if (bindir().isEmpty()) {
            return Optional.of("pg_autoctl is installed but no PostgreSQL with the pgautofailover extension was found");
        }
        return Optional.empty();
    }

    private static Optional<Path> pgAutoctl() {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(":")) {
            Path candidate = Path.of(dir.isEmpty() ? "." : dir, "pg_autoctl");
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** The bin directory of the newest PostgreSQL whose share has the pgautofailover extension. */
    private static Optional<Path> bindir() {
        Path share = Path.of("/usr/share/postgresql");
        if (!Files.isDirectory(share)) {
            return Optional.empty();
        }
        try (Stream<Path> versions = Files.list(share)) {
            return versions.filter(v -> Files.exists(v.resolve("extension/pgautofailover.control")))
                    .map(v -> Path.of("/usr/lib/postgresql", v.getFileName().toString(), "bin"))
                    .filter(b -> Files.isExecutable(b.resolve("pg_ctl")))
                    .max(Comparator.comparing(Path::toString));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private final Path root;
    private final Path bindir;
    private final boolean asRoot;
    private final String monitorPassword = TillRoles.newPassword();
    private final String replicationPassword = TillRoles.newPassword();
    private final int monitorPort;
    private final int[] ports;
    private final Map<String, Process> services = new LinkedHashMap<>();

    private AutoFailoverCluster(Path root, int monitorPort, int[] ports) {
        this.root = root;
        this.bindir = bindir().orElseThrow();
        this.asRoot = "root".equals(System.getProperty("user.name"));
        this.monitorPort = monitorPort;
        this.ports = ports;
    }

    /** Starts the monitor and node1, then node2 as its synchronous standby; waits until primary and secondary. */
    static AutoFailoverCluster start(String database) {
        Path root;
        try {
            root = Files.createTempDirectory("sweetshop-failover");
            Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwx------"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int[] free = freePorts(3);
        AutoFailoverCluster cluster = new AutoFailoverCluster(root, free[0], new int[] {free[1], free[2]});
        try {
            cluster.chownToPostgres(root);
            cluster.startMonitor();
            cluster.startNode(1, database);
            cluster.awaitStates(Duration.ofSeconds(90), Map.of("node1", "single"));
            // the standby's pg_basebackup logs in as the replicator with this password
            cluster.psql(1, "postgres", "alter user pgautofailover_replicator password '" + cluster.replicationPassword + "'");
            cluster.closeHba(1, database);
            cluster.startNode(2, database);
            // pg_basebackup waits for a checkpoint; a spread one takes minutes: ask for it now
            cluster.awaitStates(Duration.ofSeconds(150), Map.of("node1", "primary", "node2", "secondary"), () -> cluster.checkpoint(1));
            cluster.closeHba(2, database);
            return cluster;
        } catch (RuntimeException | Error e) {
            cluster.close();
            throw e;
        }
    }

    int port(int node) {
        return ports[node - 1];
    }

    /** {@code jdbc:postgresql://127.0.0.1:P1,127.0.0.1:P2/DB?targetServerType=primary&sslmode=require}: what a till is given. */
    String multiHostUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + ports[0] + ",127.0.0.1:" + ports[1] + "/" + database
                + "?targetServerType=primary&sslmode=require";
    }

    /** One node only, for the checks that must look at a given server. */
    String nodeUrl(int node, String database) {
        return "jdbc:postgresql://127.0.0.1:" + port(node) + "/" + database + "?sslmode=require";
    }

    Path root() {
        return root;
    }

    /** Runs SQL as the superuser on the node's Unix socket (peer); returns psql's unaligned output. */
    String psql(int node, String database, String sql) {
        return runAsPostgres(List.of(bindir.resolve("psql").toString(), "-X", "-v", "ON_ERROR_STOP=1", "-Aqt",
                "-h", socketDir().toString(), "-p", Integer.toString(port(node)), "-d", database, "-c", sql), COMMAND);
    }

    /** Each node's reported and goal state, from the monitor: {node1=[primary, primary], ...}. */
    Map<String, List<String>> states() {
        String out = autoctl(List.of("show", "state", "--pgdata", dir("monitor").toString()), COMMAND);
        Map<String, List<String>> states = new LinkedHashMap<>();
        for (String line : out.split("\n")) {
            // Name | Node | Host:Port | TLI: LSN | Connection | Reported State | Assigned State
            String[] cells = line.split("\\|");
            if (cells.length == 7 && cells[0].strip().startsWith("node")) {
                states.put(cells[0].strip(), List.of(cells[5].strip(), cells[6].strip()));
            }
        }
        return states;
    }

    /** Waits until each named node's reported and goal states are the state given. */
    void awaitStates(Duration timeout, Map<String, String> wanted) {
        awaitStates(timeout, wanted, () -> { });
    }

    private void awaitStates(Duration timeout, Map<String, String> wanted, Runnable meanwhile) {
        AtomicReference<Map<String, List<String>>> seen = new AtomicReference<>(Map.of());
        long[] lastNudge = {0};
        Poll.until(timeout, Duration.ofMillis(500), () -> {
            try {
                seen.set(states());
            } catch (RuntimeException e) {
                seen.set(Map.of("error", List.of(String.valueOf(e.getMessage()))));
                return false;
            }
            boolean reached = wanted.entrySet().stream().allMatch(w -> List.of(w.getValue(), w.getValue()).equals(seen.get().get(w.getKey())));
            if (!reached && System.nanoTime() - lastNudge[0] > TimeUnit.SECONDS.toNanos(2)) {
                lastNudge[0] = System.nanoTime();
                try {
                    meanwhile.run();
                } catch (RuntimeException e) {
                    LOG.debug("while waiting for {}: {}", wanted, e.getMessage());
                }
            }
            return reached;
        }, () -> "states " + seen.get() + ", wanted " + wanted + "; logs in " + root);
    }

    /**
     * The loss of the primary's machine: its pg_autoctl (and every process under it) is killed
     * with SIGKILL, so nothing restarts PostgreSQL, then PostgreSQL is stopped with
     * {@code pg_ctl stop -m immediate} (no shutdown checkpoint, sessions cut as by a crash).
     */
    void killNode(int node) {
        Process service = services.remove("node" + node);
        if (service != null) {
            List<ProcessHandle> tree = new ArrayList<>(service.descendants().toList());
            tree.add(service.toHandle());
            // the supervisor first, so it restarts nothing; postgres itself is left to pg_ctl
            for (ProcessHandle p : tree) {
                if (p.info().command().map(c -> c.endsWith("pg_autoctl") || c.endsWith("runuser") || c.endsWith("env")).orElse(true)) {
                    p.destroyForcibly();
                }
            }
        }
        runAsPostgres(List.of(bindir.resolve("pg_ctl").toString(), "stop", "-m", "immediate", "-D", dir("node" + node).toString()), COMMAND);
    }

    private void startMonitor() {
        Path monitor = dir("monitor");
        services.put("monitor", spawn("monitor", List.of("create", "monitor", "--pgdata", monitor.toString(),
                "--pgport", Integer.toString(monitorPort), "--hostname", "127.0.0.1",
                "--ssl-self-signed", "--auth", "scram-sha-256", "--run")));
        Poll.until(Duration.ofSeconds(60), Duration.ofMillis(300), () -> {
            try {
                // the monitor is ready once pg_autoctl made its extension and its role
                if ("1".equals(psqlOn(monitorPort, "pg_auto_failover",
                        "select count(*) from pg_extension e, pg_roles r where e.extname = 'pgautofailover' and r.rolname = 'autoctl_node'"))) {
                    return true;
                }
            } catch (RuntimeException e) {
                LOG.debug("monitor not up yet: {}", e.getMessage());
            }
            return false;
        }, () -> "the monitor did not start; see " + root.resolve("monitor.log"));
        psqlOn(monitorPort, "pg_auto_failover", "alter user autoctl_node password '" + monitorPassword + "'");
        closeHbaFile(monitor);
        psqlOn(monitorPort, "postgres", "select pg_reload_conf()");
    }

    private void startNode(int node, String database) {
        String name = "node" + node;
        String monitorUri = "postgres://autoctl_node:" + monitorPassword + "@127.0.0.1:" + monitorPort
                + "/pg_auto_failover?sslmode=require";
        services.put(name, spawn(name, List.of("create", "postgres", "--pgdata", dir(name).toString(),
                "--pgport", Integer.toString(port(node)), "--listen", "127.0.0.1", "--hostname", "127.0.0.1",
                "--name", name, "--dbname", database, "--ssl-self-signed", "--auth", "scram-sha-256",
                "--monitor", monitorUri, "--run")));
    }

    /**
     * After pg_autoctl wrote its rules: no {@code trust} left but pg_auto_failover's own for its
     * health checks ({@code pgautofailover_monitor}, which can read nothing), TCP needs scram, the
     * socket is peer-mapped to the postgres OS user; the replication password is in the keeper's
     * configuration so it can follow a new primary.
     */
    private void closeHba(int node, String database) {
        Path pgdata = dir("node" + node);
        closeHbaFile(pgdata);
        try {
            Files.writeString(pgdata.resolve("pg_hba.conf"),
                    "hostssl " + database + " all 127.0.0.1/32 scram-sha-256 # the store's roles\n",
                    StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        autoctl(List.of("config", "set", "--pgdata", pgdata.toString(), "replication.password", replicationPassword), COMMAND);
        psql(node, "postgres", "select pg_reload_conf()");
    }

    private void closeHbaFile(Path pgdata) {
        try {
            Path hba = pgdata.resolve("pg_hba.conf");
            List<String> kept = new ArrayList<>();
            for (String line : Files.readAllLines(hba, StandardCharsets.UTF_8)) {
                String t = line.strip();
                if (t.startsWith("host ") && t.endsWith("trust")) {
                    continue; // initdb's loopback trust
                }
                if (t.startsWith("local ") && t.endsWith("trust")) {
                    line = line.substring(0, line.lastIndexOf("trust")) + "peer map=pgautoctl";
                }
                kept.add(line);
            }
            Files.write(hba, kept, StandardCharsets.UTF_8);
            Files.writeString(pgdata.resolve("pg_ident.conf"), String.join("\n",
                    "pgautoctl postgres postgres", "pgautoctl postgres autoctl_node", "pgautoctl postgres pgautofailover_monitor",
                    "pgautoctl postgres pgautofailover_replicator", ""), StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void checkpoint(int node) {
        psql(node, "postgres", "checkpoint");
    }

    private String psqlOn(int port, String database, String sql) {
        return runAsPostgres(List.of(bindir.resolve("psql").toString(), "-X", "-v", "ON_ERROR_STOP=1", "-Aqt",
                "-h", socketDir().toString(), "-p", Integer.toString(port), "-d", database, "-c", sql), COMMAND);
    }

    private Path socketDir() {
        return Path.of("/var/run/postgresql");
    }

    private Path dir(String name) {
        return root.resolve(name);
    }

    /** Starts a long-running pg_autoctl ({@code create ... --run}), its output in ROOT/NAME.log. */
    private Process spawn(String name, List<String> args) {
        List<String> command = command(args);
        try {
            Path log = root.resolve(name + ".log");
            ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
            Process p = pb.start();
            LOG.info("started {} (pid {}): {}", name, p.pid(), String.join(" ", args));
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start pg_autoctl for " + name, e);
        }
    }

    private String autoctl(List<String> args, Duration timeout) {
        return run(command(args), timeout);
    }

    /** {@code pg_autoctl ARGS}, as the postgres OS user when root, with this cluster's own config and run dirs. */
    private List<String> command(List<String> args) {
        List<String> command = new ArrayList<>(asPostgres());
        command.add("pg_autoctl");
        command.addAll(args);
        return command;
    }

    /** runuser (when root) and env: PATH with the extension's PostgreSQL first, XDG dirs under ROOT. */
    private List<String> asPostgres() {
        List<String> prefix = new ArrayList<>();
        if (asRoot) {
            prefix.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        prefix.addAll(List.of("env", "PATH=" + bindir + ":/usr/bin:/bin",
                "XDG_CONFIG_HOME=" + root.resolve("xdg/config"), "XDG_DATA_HOME=" + root.resolve("xdg/data"),
                "XDG_RUNTIME_DIR=" + root.resolve("xdg/run"), "PGPASSWORD=" + replicationPassword, "LC_ALL=C.UTF-8"));
        return prefix;
    }

    /** Runs a PostgreSQL tool as the postgres OS user (see {@link #asPostgres()}). */
    private String runAsPostgres(List<String> command, Duration timeout) {
        List<String> full = new ArrayList<>(asPostgres());
        full.addAll(command);
        return run(full, timeout);
    }

    private String run(List<String> command, Duration timeout) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            p.getOutputStream().close();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("timed out: " + String.join(" ", command));
            }
            String text = new String(out, StandardCharsets.UTF_8);
            if (p.exitValue() != 0) {
                throw new IllegalStateException("exit " + p.exitValue() + " from " + redact(command) + ": " + text.strip());
            }
            return text.strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private String redact(List<String> command) {
        return String.join(" ", command).replace(monitorPassword, "***").replace(replicationPassword, "***");
    }

    private void chownToPostgres(Path dir) {
        try {
            for (String sub : List.of("xdg/config", "xdg/data", "xdg/run")) {
                Files.createDirectories(root.resolve(sub));
                Files.setPosixFilePermissions(root.resolve(sub), PosixFilePermissions.fromString("rwx------"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (asRoot) {
            run(List.of("chown", "-R", "postgres:postgres", dir.toString()), COMMAND);
        }
    }

    private static int[] freePorts(int n) {
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            int[] ports = new int[n];
            for (int i = 0; i < n; i++) {
                ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                sockets.add(s);
                ports[i] = s.getLocalPort();
            }
            return ports;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            for (ServerSocket s : sockets) {
                try {
                    s.close();
                } catch (IOException ignored) {
                    // closing a probe
                }
            }
        }
    }

    /**
     * Stops what this cluster started, nodes before the monitor: {@code pg_autoctl stop} (fast),
     * then SIGKILL of any of its processes still there and {@code pg_ctl stop -m immediate} of a
     * PostgreSQL left running; removes the directory. Never throws.
     */
    @Override
    public void close() {
        List<String> names = new ArrayList<>(List.of("node2", "node1", "monitor"));
        for (String name : names) {
            Path pgdata = dir(name);
            Process service = services.get(name);
            if (service != null && service.isAlive()) {
                try {
                    autoctl(List.of("stop", "--pgdata", pgdata.toString()), Duration.ofSeconds(30));
                    service.waitFor(30, TimeUnit.SECONDS);
                } catch (RuntimeException e) {
                    LOG.warn("pg_autoctl stop {}: {}", name, e.getMessage());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            if (service != null) {
                service.descendants().forEach(ProcessHandle::destroyForcibly);
                service.destroyForcibly();
            }
            if (Files.exists(pgdata.resolve("postmaster.pid"))) {
                try {
                    runAsPostgres(List.of(bindir.resolve("pg_ctl").toString(), "stop", "-m", "immediate", "-D", pgdata.toString()), COMMAND);
                } catch (RuntimeException e) {
                    LOG.debug("pg_ctl stop {}: {}", name, e.getMessage());
                }
            }
        }
        services.clear();
        if (!Boolean.getBoolean("sweetshop.failover.keep")) {
            try {
                run(List.of("rm", "-rf", root.toString()), COMMAND);
            } catch (RuntimeException e) {
                LOG.warn("cannot remove {}: {}", root, e.getMessage());
            }
        }
    }
}
