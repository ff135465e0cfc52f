package org.sweetshop.cli;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.regex.Pattern;
import org.sweetshop.AppContext;
import org.sweetshop.common.InvalidInputException;
import org.sweetshop.common.Texts;
import org.sweetshop.config.AppConfig;
import org.sweetshop.db.Database;
import org.sweetshop.db.EmbeddedDatabase;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "server", description = {"Runs the embedded store database for the other tills, with password authentication.",
        "The password is SWEETSHOP_DB_PASSWORD, or one generated once and kept in the data directory.",
        "Stops on Ctrl+C."})
final class ServerCommand extends CliCommand {

    private static final Pattern LISTEN = Pattern.compile("[A-Za-z0-9.:*_-]{1,100}");

    @Option(names = "--port", defaultValue = "5432", paramLabel = "N", description = "default: 5432")
    int port;

    @Option(names = "--listen", defaultValue = "0.0.0.0", paramLabel = "ADDR", description = "default: 0.0.0.0 (all IPv4 addresses)")
    String listen;

    @Override
    public Integer call() throws InterruptedException {
        AppConfig config = cli().config();
        if (!config.embedded()) {
            throw new InvalidInputException("db", "the server runs the embedded database of the data directory: leave out --db and SWEETSHOP_DB_URL");
        }
        Texts.requireRange("port", port, 1, 65535);
        String address = Texts.requireCode("listen", listen, LISTEN, "an IP address, a host name or *");
        String password = cli().env.get("SWEETSHOP_DB_PASSWORD");
        EmbeddedDatabase database = EmbeddedDatabase.startOrJoin(config.dataDir(),
                EmbeddedDatabase.Options.server(port, address, password));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            database.close();
            stopped.countDown();
        }, "sweetshop-server-stop"));
        var endpoint = database.endpoint();
        Database.migrate(AppContext.settings(config, endpoint.jdbcUrl(), endpoint.user(), endpoint.password()));

        var out = out();
        out.println("Sweetshop store database running (data in " + config.dataDir() + ")");
        List<String> hosts = EmbeddedDatabase.reachableHosts(address);
        if (hosts.isEmpty()) {
            hosts = List.of("<this machine's address>");
        }
        for (String host : hosts) {
            out.println("  JDBC URL: jdbc:postgresql://" + host + ":" + port + "/" + EmbeddedDatabase.DATABASE);
        }
        out.println("  user:     " + endpoint.user());
        if (password != null) {
            out.println("  password: the one in SWEETSHOP_DB_PASSWORD");
        } else {
            out.println("  password: " + endpoint.password() + "   (kept in " + config.dataDir().resolve("db").resolve("password") + ")");
        }
        out.println("On each till: SWEETSHOP_DB_URL=jdbc:postgresql://" + hosts.get(0) + ":" + port + "/" + EmbeddedDatabase.DATABASE
                + " SWEETSHOP_DB_USER=" + endpoint.user() + " SWEETSHOP_DB_PASSWORD=... sweetshop");
        out.println("Press Ctrl+C to stop.");
        out.flush();
        stopped.await();
        return Cli.OK;
    }
}
