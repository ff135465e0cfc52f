package org.sweetshop.cli;

import java.io.Console;
import java.util.Arrays;
import org.sweetshop.common.InvalidInputException;
import org.sweetshop.staff.Caller;
import org.sweetshop.staff.Role;
import org.sweetshop.staff.StaffView;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "staff", description = "Staff accounts.", subcommands = {StaffCommand.Add.class, StaffCommand.Pin.class})
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

    @Command(name = "pin", description = {"Sets or clears a PIN (4 to 6 digits) for the till's lock screen and a manager's approval.",
            "Your own: --as yourself (your password checks it). A cashier's: a manager or owner; a manager's or owner's: an owner.",
            "The PIN comes from SWEETSHOP_PIN or standard input (asked twice on a terminal); --as's password from SWEETSHOP_PASSWORD.",
            "One digit repeated (1111) and runs (1234, 4321) are refused. Five wrong PINs lock the PIN for 15 minutes."})
    static final class Pin extends CliCommand {

        @picocli.CommandLine.Parameters(index = "0", paramLabel = "USER", description = "whose PIN")
        String username;

        @Option(names = "--as", required = true, paramLabel = "USER", description = "who sets it (password: SWEETSHOP_PASSWORD)")
        String as;

        @Option(names = "--clear", description = "remove the PIN instead (the person unlocks no till with one)")
        boolean clear;

        @Override
        public Integer call() {
            boolean own = username.strip().equalsIgnoreCase(as.strip());
            if (clear) {
                boolean cleared = context().staff().clearPin(login(as), username);
                out().println(cleared ? "PIN of " + username.strip() + " cleared" : username.strip() + " had no PIN: nothing changed");
                return Cli.OK;
            }
            String pin = newPin();
            if (own) {
                String password = cli().password(as);
                context().staff().setOwnPin(context().staff().login(as, password), password, pin);
            } else {
                context().staff().setPin(login(as), username, pin);
            }
            out().println("PIN of " + username.strip() + " set");
            return Cli.OK;
        }

        /** SWEETSHOP_PIN, else asked twice on a terminal, else the first line of standard input. */
        private String newPin() {
            String fromEnv = cli().env.get("SWEETSHOP_PIN");
            if (fromEnv != null) {
                return fromEnv;
            }
            Console console = System.console();
            if (console != null) {
                char[] first = console.readPassword("New PIN for %s: ", username);
                char[] again = console.readPassword("Again: ");
                if (first == null || !Arrays.equals(first, again)) {
                    throw new InvalidInputException("pin", "the two PINs differ");
                }
                return new String(first);
            }
            String line = cli().readLine();
            if (line == null || line.isEmpty()) {
                throw new InvalidInputException("pin", "no PIN for " + username + ": pipe it on standard input or set SWEETSHOP_PIN");
            }
            return line;
        }
    }
}
