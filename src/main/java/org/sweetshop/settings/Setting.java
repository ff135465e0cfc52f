package org.sweetshop.settings;

import java.time.Instant;

/**
 * One setting as the tills use it: its value, and whether that is the default (no one has set it:
 * {@code changedAt} and {@code changedBy} are then null).
 *
 * @param key       {@code store.name}, as {@link SettingKey#key()}
 * @param changedBy the username of the owner who set it last
 */
public record Setting(String key, String value, boolean isDefault, Instant changedAt, String changedBy) {
}
