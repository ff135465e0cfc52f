package org.sweetshop.cli;

import java.io.PrintWriter;
import java.math.BigDecimal;
import java.util.concurrent.Callable;
import org.sweetshop.AppContext;
import org.sweetshop.common.Discount;
import org.sweetshop.common.Money;
import org.sweetshop.staff.Caller;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** What every command shares: the root {@link Cli} with its services, streams and log-in. */
abstract class CliCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    Cli cli() {
        return (Cli) spec.root().userObject();
    }

    AppContext context() {
        return cli().context();
    }

    PrintWriter out() {
        return cli().out;
    }

    Caller login(String username) {
        return cli().login(username);
    }

    /**
     * The sale id this command sent to the database, for its failure messages (a script re-sends
     * it with {@code --sale-id}); null when it sent none.
     */
    java.util.UUID saleIdSent() {
        return null;
    }

    /** {@code --percent P | --amount A}, exactly one. */
    static final class DiscountOption {
        @Option(names = "--percent", paramLabel = "P", required = true, description = "percentage off, e.g. 10")
        String percent;

        @Option(names = "--amount", paramLabel = "A", required = true, description = "amount off, e.g. 1.50")
        String amount;

        Discount discount() {
            if (percent != null) {
                return Discount.percent(Money.parse("percent", percent));
            }
            return Discount.amount(Money.parse("amount", amount));
        }
    }

    /** A group command such as {@code staff}: it needs one of its subcommands. */
    abstract static class Group implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "missing command: sweetshop " + spec.name() + " " + String.join("|", spec.subcommands().keySet()));
        }
    }

    static String money(BigDecimal amount) {
        return amount == null ? "" : Money.format(amount);
    }
}
