package org.sweetshop.cli;

import java.time.LocalDate;
import org.sweetshop.promo.NewPromo;
import org.sweetshop.promo.PromoView;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "promo", description = "Promo codes.", subcommands = {PromoCommand.Add.class, PromoCommand.Show.class})
final class PromoCommand extends CliCommand.Group {

    @Command(name = "add", description = "Creates a promo code.")
    static final class Add extends CliCommand {

        @Option(names = "--code", required = true, paramLabel = "CODE")
        String code;

        @ArgGroup(exclusive = true, multiplicity = "1")
        DiscountOption discount;

        @Option(names = "--max-uses", paramLabel = "N", description = "default: unlimited")
        Integer maxUses;

        @Option(names = "--valid-from", paramLabel = "YYYY-MM-DD")
        LocalDate validFrom;

        @Option(names = "--valid-until", paramLabel = "YYYY-MM-DD", description = "last day it can be used")
        LocalDate validUntil;

        @Option(names = "--as", required = true, paramLabel = "USER")
        String as;

        @Override
        public Integer call() {
            var value = discount.discount();
            PromoView promo = context().promos().add(login(as), new NewPromo(code, value, maxUses, validFrom, validUntil));
            out().println("promo " + promo.code() + ": " + promo.discount().describe()
                    + (promo.maxUses() == null ? ", unlimited uses" : ", up to " + promo.maxUses() + " uses")
                    + (promo.validUntil() == null ? "" : ", valid until " + promo.validUntil()));
            return Cli.OK;
        }
    }

    @Command(name = "show", description = "Shows a promo code and its remaining uses.")
    static final class Show extends JsonCommand {

        @Parameters(paramLabel = "CODE")
        String code;


        @Override
        public Integer call() {
            PromoView promo = context().promos().find(code);
            out().println(json ? Json.write(promo) : "promo " + promo.code() + ": " + promo.discount().describe() + ", used "
                    + promo.uses() + (promo.maxUses() == null ? " times" : " of " + promo.maxUses() + " times")
                    + (promo.active() ? "" : " (switched off)"));
            return Cli.OK;
        }
    }
}
