package org.sweetshop.config;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/** The OS convention for where an app keeps its data, overridable with {@code --data-dir}. */
public final class DataDirectory {

    private DataDirectory() {
    }

    public static Path resolve(String override, Map<String, String> env) {
        if (override != null && !override.isBlank()) {
            return Path.of(override).toAbsolutePath().normalize();
        }
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String home = System.getProperty("user.home");
        if (os.contains("win")) {
            String appData = env.get("APPDATA");
            return Path.of(appData != null ? appData : home, "Sweetshop");
        }
        if (os.contains("mac")) {
            return Path.of(home, "Library", "Application Support", "Sweetshop");
        }
        String xdg = env.get("XDG_DATA_HOME");
        return xdg != null && !xdg.isBlank() ? Path.of(xdg, "sweetshop") : Path.of(home, ".local", "share", "sweetshop");
    }

    /**
     * Finds {@code --data-dir} among raw arguments before any parsing, so logging can be pointed at
     * the data directory before the first logger is created.
     */
    public static String findOverride(String[] args) {
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--data-dir") && i + 1 < args.length) {
                return args[i + 1];
            }
            if (args[i].startsWith("--data-dir=")) {
                return args[i].substring("--data-dir=".length());
            }
        }
        return null;
    }
}
