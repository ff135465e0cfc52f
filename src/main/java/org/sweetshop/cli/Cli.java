package org.sweetshop.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sweetshop.AppContext;
import org.sweetshop.common.BusyException;
import org.sweetshop.common.DatabaseUnreachableException;
import org.sweetshop.common.DeviceUnavailableException;
import org.sweetshop.common.InvalidInputException;
import org.sweetshop.common.NotPermittedException;
import org.sweetshop.common.Refusal;
import org.sweetshop.common.Texts;
import org.sweetshop.config.AppConfig;
import org.sweetshop.config.ConfigException;
import org.sweetshop.config.ConfigLoader;
import org.sweetshop.db.DatabaseStartException;
import org.sweetshop.staff.Caller;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The command line. Exit codes: 0 done, 1 unexpected failure, 2 invalid input or usage, 3 refused
 * by a business rule, 4 busy after retries, 5 database unreachable, 6 a device (the receipt printer)
 * did not answer. A refusal prints one line for a
 * person on stderr; with {@code --json} a machine-readable result goes to stdout as well.
 */
@Command(name = "sweetshop", mixinStandardHelpOptions = true, scope = CommandLine.ScopeType.INHERIT, version = "Sweetshop POS 0.1",
        description = "Point of sale for sweet shops. With no command, opens the till.",
        subcommands = {ServerCommand.class, StaffCommand.class, SweetCommand.class, RestockCommand.class, StocktakeCommand.class,
                DeliveryCommand.class, SellCommand.class, RefundCommand.class, CouponCommand.class, PromoCommand.class, AuditCommand.class,
                AuditLogCommand.class, ReportCommand.class, BackupCommand.class, RestoreCommand.class, DemoCommand.class,
                ScanCommand.class, BenchCommand.class, JournalCommand.class, ReceiptCommand.class, SettingsCommand.class, DrawerCommand.class,
                TaxCommand.class},
        footer = {"", "Database password: SWEETSHOP_DB_PASSWORD. Staff password for --as: SWEETSHOP_PASSWORD.",
                "Exit codes: 0 done, 1 unexpected failure, 2 invalid input, 3 refused, 4 busy, 5 database unreachable,"
                        + " 6 a device did not answer."})
public final class Cli implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(Cli.class);

    public static final int OK = 0;
    public static final int UNEXPECTED = 1;
    public static final int INVALID = 2;
    public static final int REFUSED = 3;
    public static final int BUSY = 4;
    public static final int UNREACHABLE = 5;
    /** A device did not answer: the receipt printer (or the drawer behind it) is off, unplugged or unreachable. */
    public static final int DEVICE = 6;

    /** How commands get the services: the real app opens and closes them; tests share one. */
    public interface Contexts {
        AppContext open(AppConfig config);

        void release(AppContext context);

        Contexts REAL = new Contexts() {
            @Override
            public AppContext open(AppConfig config) {
                return AppContext.open(config);
            }

            @Override
            public void release(AppContext context) {
                context.close();
            }
        };
    }

    @Option(names = "--data-dir", paramLabel = "DIR", description = "data directory (embedded database, logs, settings)")
    String dataDir;

    @Option(names = "--db", paramLabel = "JDBC_URL", description = "store database, e.g. jdbc:postgresql://server:5432/sweetshop")
    String dbUrl;

    @Option(names = "--db-user", paramLabel = "USER", description = "store database user")
    String dbUser;

    @Option(names = "--terminal", paramLabel = "NAME", description = "this till's name (default: SWEETSHOP_TERMINAL)")
    String terminal;

    final Map<String, String> env;
    private final InputStream in;
    final PrintWriter out;
    final PrintWriter err;
    private final Contexts contexts;
    private final Function<AppConfig, Integer> openApp;
    private AppConfig config;
    private AppContext context;

    public Cli(Map<String, String> env, InputStream in, OutputStream out, OutputStream err, Contexts contexts,
               Function<AppConfig, Integer> openApp) {
        this.env = env;
        this.in = in;
        this.out = new PrintWriter(new PrintStream(out, true, StandardCharsets.UTF_8), true);
        this.err = new PrintWriter(new PrintStream(err, true, StandardCharsets.UTF_8), true);
        this.contexts = contexts;
        this.openApp = openApp;
    }

    public int execute(String... args) {
        CommandLine commandLine = new CommandLine(this);
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.registerConverter(UUID.class, Cli::uuid);
        commandLine.registerConverter(LocalDate.class, Cli::date);
        commandLine.setParameterExceptionHandler((e, arguments) -> {
            String message = oneLine(e.getMessage());
            if (List.of(arguments).contains("--json")) {
                out.println(Json.error(e, INVALID, message));
            }
            err.println(message);
            err.println("(" + e.getCommandLine().getCommandSpec().qualifiedName() + " --help shows how it is used)");
            return INVALID;
        });
        commandLine.setExecutionExceptionHandler((e, cmd, parseResult) -> failed(e, cmd.getCommand()));
        try {
            return commandLine.execute(args);
        } finally {
            if (context != null) {
                AppContext opened = context;
                context = null;
                contexts.release(opened);
            }
            out.flush();
            err.flush();
        }
    }

    /** No command: open the till. */
    @Override
    public Integer call() {
        return openApp.apply(config());
    }

    AppConfig config() {
        if (config == null) {
            config = ConfigLoader.load(new ConfigLoader.Overrides(dataDir, dbUrl, dbUser, terminal), env);
        }
        return config;
    }

    AppContext context() {
        if (context == null) {
            context = contexts.open(config());
        }
        return context;
    }

    /** Logs in {@code username} with the password in SWEETSHOP_PASSWORD (or asked for on a terminal). */
    Caller login(String username) {
        String password = password(username);
        return context().staff().login(username, password);
    }

    /** The password of {@code username}: SWEETSHOP_PASSWORD, or asked for on a terminal. */
    String password(String username) {
        String password = env.get("SWEETSHOP_PASSWORD");
        if (password == null) {
            Console console = System.console();
            if (console == null) {
                throw new InvalidInputException("password", "set SWEETSHOP_PASSWORD to the password of " + username);
            }
            char[] typed = console.readPassword("Password for %s: ", username);
            password = typed == null ? "" : new String(typed);
        }
        return password;
    }

    /** Reads one line from standard input (a piped password); null at end of input. */
    String readLine() {
        try {
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).readLine();
        } catch (IOException e) {
            return null;
        }
    }

    private int failed(Exception e, Object command) {
        int code = exitCode(e);
        UUID saleId = command instanceof CliCommand c ? c.saleIdSent() : null;
        String message;
        if (code == UNEXPECTED) {
            message = "unexpected failure (" + e.getClass().getSimpleName() + "): details in " + logFile();
        } else if (saleId != null && e instanceof DatabaseUnreachableException) {
            // the checkout was sent: its commit may have happened with the reply lost
            message = "the store database stopped answering: the sale may have been made; send it again with --sale-id "
                    + saleId + ", it is never made twice";
        } else {
            message = oneLine(e.getMessage() + flagHint(e));
        }
        if (code == UNEXPECTED) {
            LOG.error("command failed", e);
        } else {
            LOG.info("command refused: {}", e.getMessage());
        }
        boolean json = command instanceof JsonCommand j && j.json();
        if (json) {
            out.println(Json.error(e, code, message, saleId));
        }
        err.println(message);
        if (saleId != null && !json && !(e instanceof DatabaseUnreachableException)) {
            err.println(SellCommand.saleIdLine(saleId));
        }
        return code;
    }

    private String logFile() {
        try {
            return config().dataDir().resolve("logs").resolve("sweetshop.log").toString();
        } catch (RuntimeException e) {
            return "the log";
        }
    }

    /** The services say what a refusal needs; the command line names the flag that gives it. */
    private static String flagHint(Exception e) {
        if (e instanceof NotPermittedException refusal) {
            switch (refusal.remedy()) {
                case A_CALLER:
                    return " (--as USER)";
                case THE_OWNER_ROLE:
                    return " (--role owner)";
                default:
                    return "";
            }
        }
        return "";
    }

    /** A message for one line of a terminal: no line breaks, and a pasted 10 kB value cut short. */
    static String oneLine(String message) {
        String line = message == null ? "" : message.replaceAll("[\\r\\n\\t]+", " ").strip();
        return line.length() <= 200 ? line : line.substring(0, 197) + "...";
    }

    private static UUID uuid(String text) {
        try {
            return UUID.fromString(text.strip());
        } catch (IllegalArgumentException e) {
            throw new CommandLine.TypeConversionException("not a sale id (a UUID such as 3f1c2a8e-6d1b-4c7e-9a55-0f2f4e6b8d10): '"
                    + Texts.shorten(text) + "'");
        }
    }

    private static LocalDate date(String text) {
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new CommandLine.TypeConversionException("not a date (YYYY-MM-DD, e.g. 2026-12-31): '" + Texts.shorten(text) + "'");
        }
    }

    static int exitCode(Throwable e) {
        if (e instanceof InvalidInputException || e instanceof ConfigException || e instanceof CommandLine.ParameterException) {
            return INVALID;
        }
        if (e instanceof Refusal) {
            return REFUSED;
        }
        if (e instanceof BusyException) {
            return BUSY;
        }
        if (e instanceof DatabaseUnreachableException || e instanceof DatabaseStartException) {
            return UNREACHABLE;
        }
        if (e instanceof DeviceUnavailableException) {
            return DEVICE;
        }
        return UNEXPECTED;
    }
}
