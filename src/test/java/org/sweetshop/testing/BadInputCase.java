package org.sweetshop.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Arrays;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/**
 * The bad-input tests' common ground: hostile inputs, and the two things every refusal must show,
 * a clear short message and a database left exactly as it was.
 */
public abstract class BadInputCase extends DatabaseTest {

    /** A refusal's message is for a person: a 10 kB input must not come back whole. */
    public static final int SHORT = 300;

    public static final String TEN_KB = "A".repeat(10 * 1024);
    public static final String TEN_KB_DIGITS = "9".repeat(10 * 1024);
    public static final String DROP_TABLE = "'; drop table sweet; --";
    public static final String OR_TRUE = "' or '1'='1";

    private static final ObjectMapper JSON = new ObjectMapper();

    protected String snapshot() {
        return Snapshot.of(app.database().dataSource());
    }

    /** A snapshot with the log-in counters blanked: what a failed log-in may change, by design. */
    protected String snapshotIgnoringLoginCounters() {
        return snapshot().replaceAll("failed_logins=\\d+ locked_until=.*? created_at=", "failed_logins=* locked_until=* created_at=");
    }

    /**
     * Runs {@code action}, which must throw {@code type} with a short one-line message and leave
     * every table as it was; returns what was thrown for further checks.
     */
    protected <E extends Throwable> E refused(Class<E> type, ThrowingCallable action) {
        String before = snapshot();
        Throwable thrown = catchThrowable(action);
        assertThat(thrown).as("what was thrown").isInstanceOf(type);
        assertShortMessage(thrown.getMessage());
        assertThat(snapshot()).as("the database after the refusal").isEqualTo(before);
        return type.cast(thrown);
    }

    protected static void assertShortMessage(String message) {
        assertThat(message).as("the refusal's message").isNotBlank().hasSizeLessThan(SHORT).doesNotContain("\n", "\r");
    }

    /** The failed-log-in counter of one account, read straight from the table. */
    protected int failedLogins(String username) {
        return (int) queryLong("select failed_logins from staff where username_key = ?", username.toLowerCase());
    }

    protected boolean locked(String username) {
        return queryLong("select count(*) from staff where username_key = ? and locked_until > now()", username.toLowerCase()) > 0;
    }

    protected long count(String table) {
        return queryLong("select count(*) from " + table, null);
    }

    private long queryLong(String sql, String parameter) {
        return parameter == null ? Sql.queryLong(app.database().dataSource(), sql) : Sql.queryLong(app.database().dataSource(), sql, parameter);
    }

    // ---- the command line

    /**
     * Runs a command that must be refused with {@code exitCode}, a short stderr naming
     * {@code fragment}, nothing on stdout (a JSON error object with --json) and no change at all.
     */
    protected CliRunner.Result cliRefused(int exitCode, String fragment, String... args) {
        return cliRefused(new CliRunner(), exitCode, fragment, args);
    }

    protected CliRunner.Result cliRefused(CliRunner runner, int exitCode, String fragment, String... args) {
        String before = snapshot();
        CliRunner.Result result = runner.run(args);
        assertCliRefusal(result, exitCode, fragment, Arrays.asList(args).contains("--json"));
        assertThat(snapshot()).as("the database after " + describe(result)).isEqualTo(before);
        return result;
    }

    protected static void assertCliRefusal(CliRunner.Result result, int exitCode, String fragment, boolean json) {
        assertThat(result.exitCode()).as(describe(result)).isEqualTo(exitCode);
        assertThat(result.err()).as("stderr of " + describe(result))
                .hasSizeLessThan(SHORT)
                .contains(fragment)
                .doesNotContain("\tat ", "Exception")
                .doesNotContainPattern("java\\.[a-z]+\\.");
        assertThat(result.err().strip().lines().count()).as("lines on stderr: " + describe(result)).isBetween(1L, 2L);
        if (json) {
            JsonNode error = jsonError(result);
            assertThat(error.path("exitCode").asInt()).as("exitCode in " + result.out()).isEqualTo(exitCode);
        } else {
            assertThat(result.out()).as("stdout of " + describe(result)).isEmpty();
        }
    }

    /** The JSON error object a --json command must print on stdout when it is refused. */
    protected static JsonNode jsonError(CliRunner.Result result) {
        assertThat(result.out()).as("stdout of a refused --json command: " + describe(result)).isNotBlank();
        try {
            JsonNode node = JSON.readTree(result.out().strip());
            assertThat(node.path("ok").isBoolean() && !node.path("ok").asBoolean()).as("ok=false in " + result.out()).isTrue();
            assertThat(node.path("error").asText()).as("error in " + result.out()).isNotBlank();
            assertThat(node.path("message").asText()).as("message in " + result.out()).isNotBlank().hasSizeLessThan(SHORT);
            return node;
        } catch (java.io.IOException e) {
            throw new AssertionError("stdout is not one JSON object: " + shorten(result.out()), e);
        }
    }

    protected static String describe(CliRunner.Result result) {
        return "exit " + result.exitCode() + ", stderr [" + shorten(result.err()) + "], stdout [" + shorten(result.out()) + "]";
    }

    protected static String shorten(String text) {
        return text.length() <= 400 ? text : text.substring(0, 400) + "... (" + text.length() + " chars)";
    }
}
