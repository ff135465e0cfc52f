package org.sweetshop.cli;

import java.io.Console;
import java.util.Arrays;
import org.sweetshop.common.InvalidInputException;
import org.sweetshop.staff.Caller;
import org.sweetshop.staff.Role;
import org.sweetshop.staff.StaffView;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "staff", description = "Staff accounts.", subcommands = StaffCommand.Add.class)
final class StaffCommand extends CliCommand.Group {

    @Command(name = "add", description = {"Adds a member of staff.",
            "The store's first account needs no --as and must be an owner; later ones need an owner or manager.",
            "The new password comes from SWEETSHOP_PASSWORD (first account) or standard input (with --as)."})
    static final class Add extends CliCommand {

        @Option(names = "--username", required = true, paramLabel = "U")
        String username;

        @Option(names = "--role", required = true, paramLabel = "cashier|manager|owner")
        String role;

        @Option(names = "--as", paramLabel = "USER", description = "who is adding (password: SWEETSHOP_PASSWORD)")
        String as;

        @Override
        public Integer call() {
            Role newRole = Role.parse(role);
            String password = newPassword();
            Caller caller = as == null ? null : login(as);
            StaffView added = context().staff().register(caller, username, newRole, password);
            out().println("added " + added.role().label() + " " + added.username());
            return Cli.OK;
        }

        /**
         * Without --as, SWEETSHOP_PASSWORD is the new account's password. With --as it is the
         * caller's, so the new one is read from standard input (or asked for on a terminal).
         */
        private String newPassword() {
            if (as == null && cli().env.get("SWEETSHOP_PASSWORD") != null) {
                return cli().env.get("SWEETSHOP_PASSWORD");
            }
            Console console = System.console();
            if (console != null) {
                char[] first = console.readPassword("New password for %s: ", username);
                char[] again = console.readPassword("Again: ");
                if (first == null || !Arrays.equals(first, again)) {
                    throw new InvalidInputException("password", "the two passwords differ");
                }
                return new String(first);
            }
            String line = cli().readLine();
            if (line == null || line.isEmpty()) {
                throw new InvalidInputException("password", "no password for " + username
                        + ": pipe it on standard input" + (as == null ? " or set SWEETSHOP_PASSWORD" : ""));
            }
            return line;
        }
    }
}
