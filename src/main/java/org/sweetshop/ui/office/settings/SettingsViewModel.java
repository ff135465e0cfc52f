package org.sweetshop.ui.office.settings;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.sweetshop.common.InvalidInputException;
import org.sweetshop.settings.SettingKey;
import org.sweetshop.settings.SettingsService;
import org.sweetshop.settings.StoreSettings;
import org.sweetshop.staff.Caller;
import org.sweetshop.staff.Role;
import org.sweetshop.ui.common.TaskExecutor;
import org.sweetshop.ui.office.shared.OfficeStatus;

/**
 * The store's settings as a form: one value per key, as read, edited in place; Save sends the
 * ones that changed (each checked first, so a bad one sends nothing). Only the owner may save; a
 * manager sees them read-only.
 */
public final class SettingsViewModel {

    /** What a manager is told beside the read-only form. */
    public static final String OWNER_ONLY = "Only the owner can change the store's settings.";

    private final SettingsService settingsService;
    private final Caller manager;
    private final String till;
    private final OfficeStatus status;
    private final TaskExecutor tasks;
    private final Map<SettingKey, StringProperty> values = new EnumMap<>(SettingKey.class);
    private final Map<SettingKey, ReadOnlyStringWrapper> origins = new EnumMap<>(SettingKey.class);
    private StoreSettings loaded;

    public SettingsViewModel(SettingsService settingsService, Caller manager, String till, OfficeStatus status, TaskExecutor tasks) {
        this.settingsService = settingsService;
        this.manager = manager;
        this.till = till;
        this.status = status;
        this.tasks = tasks;
        for (SettingKey key : SettingKey.values()) {
            values.put(key, new SimpleStringProperty(""));
            origins.put(key, new ReadOnlyStringWrapper(""));
        }
    }

    /** True for the owner: the form may be saved. */
    public boolean editable() {
        return manager.role() == Role.OWNER;
    }

    /** Reads the settings again (another owner's till may have changed them); edits not saved are dropped. */
    public void reload() {
        status.task(settingsService::read).onSuccess(this::show).executeWith(tasks);
    }

    /** Sends every value that differs from the one read, one setting at a time, and shows what the tills now use. */
    public void save() {
        if (!editable()) {
            status.refuse(OWNER_ONLY);
            return;
        }
        if (loaded == null) {
            status.refuse("the settings are not read yet: wait a moment and save again");
            return;
        }
        Map<SettingKey, String> changed = new EnumMap<>(SettingKey.class);
        try {
            for (SettingKey key : SettingKey.values()) {
                String kept = key.check(values.get(key).get());
                if (!kept.equals(loaded.value(key))) {
                    changed.put(key, kept);
                }
            }
        } catch (InvalidInputException e) {
            status.refuse(e.getMessage());
            return;
        }
        if (changed.isEmpty()) {
            status.say("Nothing to save: no setting was changed.");
            return;
        }
        status.say("Saving the store's settings…");
        status.task(() -> {
            StoreSettings after = null;
            for (Map.Entry<SettingKey, String> e : changed.entrySet()) {
                after = settingsService.set(manager, e.getKey().key(), e.getValue(), till);
            }
            return after;
        }).onSuccess(after -> {
            show(after);
            List<String> keys = new ArrayList<>();
            changed.keySet().forEach(k -> keys.add(k.key()));
            status.say("Saved " + String.join(", ", keys) + ": every till uses " + (keys.size() == 1 ? "it" : "them")
                    + " from its next log-in.");
        }).executeWith(tasks);
    }

    private void show(StoreSettings settings) {
        loaded = settings;
        for (SettingKey key : SettingKey.values()) {
            values.get(key).set(settings.value(key));
            origins.get(key).set(settings.get(key).isDefault() ? "default"
                    : "set by " + settings.get(key).changedBy());
        }
    }

    /** The value in the form (edited, or as read). */
    public StringProperty valueProperty(SettingKey key) {
        return values.get(key);
    }

    /** "default", or "set by olive". */
    public ReadOnlyStringProperty originProperty(SettingKey key) {
        return origins.get(key).getReadOnlyProperty();
    }
}
