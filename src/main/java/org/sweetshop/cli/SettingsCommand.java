package org.sweetshop.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import org.sweetshop.settings.Setting;
import org.sweetshop.settings.SettingKey;
import org.sweetshop.settings.StoreSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "settings", description = "The store's settings, kept in the store database so every till agrees.",
        subcommands = {SettingsCommand.Show.class, SettingsCommand.Set.class})
final class SettingsCommand extends CliCommand.Group {

    @Command(name = "show", description = "Lists every setting with its value, and whether it is the default.")
    static final class Show extends JsonCommand {

        @Override
        public Integer call() {
            print(context().settings().read());
            return Cli.OK;
        }

        private void print(StoreSettings settings) {
            if (json) {
                out().println(Json.write(settings.settings().stream().map(SettingsCommand::toJson).toList()));
                return;
            }
            for (Setting s : settings.settings()) {
                out().println(line(s));
            }
        }
    }

    @Command(name = "set", description = {"Sets one setting (the owner only); recorded in the audit log.",
            "Keys: store.name, store.address, tax.number, receipt.header, receipt.footer, currency, prices.include.tax,",
            "cash.rounding (0, 0.05, 0.10), weight.display (100g, kg)."})
    static final class Set extends JsonCommand {

        @Parameters(index = "0", paramLabel = "KEY")
        String key;

        @Parameters(index = "1", paramLabel = "VALUE", description = "an empty value ('') clears an address, tax number, header or footer")
        String value;

        @Option(names = "--as", required = true, paramLabel = "USER", description = "the owner")
        String as;

        @Override
        public Integer call() {
            StoreSettings after = context().settings().set(login(as), key, value, cli().config().terminal());
            Setting changed = after.get(SettingKey.of(key));
            out().println(json ? Json.write(toJson(changed)) : line(changed));
            return Cli.OK;
        }
    }

    /** {@code currency = EUR}, {@code cash.rounding = 0 (default)}; a multi-line value with its line ends shown as \n. */
    static String line(Setting s) {
        return s.key() + " = " + s.value().replace("\n", "\\n") + (s.isDefault() ? " (default)" : "");
    }

    private static Map<String, Object> toJson(Setting s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("key", s.key());
        m.put("value", s.value());
        m.put("default", s.isDefault());
        m.put("changedAt", s.changedAt() == null ? null : s.changedAt().toString());
        m.put("changedBy", s.changedBy());
        return m;
    }
}
