package org.sweetshop.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sweetshop.tax.TaxRateView;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "tax", description = "The store's tax rates (VAT): every sweet is sold at one.",
        subcommands = {TaxCommand.Add.class, TaxCommand.ListRates.class})
final class TaxCommand extends CliCommand.Group {

    @Command(name = "add", description = {"Adds a tax rate (managers and owners); recorded in the audit log.",
            "A rate is never changed once made: its sales keep it. Give a sweet another rate with sweet edit SKU --tax CODE."})
    static final class Add extends JsonCommand {

        @Option(names = "--code", required = true, paramLabel = "CODE", description = "1 to 8 letters or digits, e.g. RED2")
        String code;

        @Option(names = "--name", required = true, paramLabel = "NAME", description = "e.g. Reduced")
        String name;

        @Option(names = "--rate", required = true, paramLabel = "PERCENT", description = "0 to 100, at most two decimals, e.g. 12.5")
        String rate;

        @Option(names = "--as", required = true, paramLabel = "USER", description = "a manager or the owner")
        String as;

        @Override
        public Integer call() {
            TaxRateView added = context().taxes().add(login(as), code, name, rate, cli().config().terminal());
            out().println(json ? Json.write(TaxCommand.json(added)) : "added tax rate " + line(added));
            return Cli.OK;
        }
    }

    @Command(name = "list", description = "Lists the tax rates; the default is the one a new sweet gets.")
    static final class ListRates extends JsonCommand {

        @Override
        public Integer call() {
            List<TaxRateView> rates = context().taxes().list();
            if (json) {
                out().println(Json.write(rates.stream().map(TaxCommand::json).toList()));
                return Cli.OK;
            }
            rates.forEach(r -> out().println(line(r)));
            return Cli.OK;
        }
    }

    /** {@code STD  Standard  20%  (default)}. */
    static String line(TaxRateView r) {
        return String.format("%-8s %-20s %7s%s", r.code(), r.name(), r.percent(), r.isDefault() ? "  (default)" : "");
    }

    static Map<String, Object> json(TaxRateView r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("code", r.code());
        m.put("name", r.name());
        m.put("rate", r.rate());
        m.put("default", r.isDefault());
        return m;
    }
}
