package org.sweetshop.settings;

import jakarta.persistence.EntityManager;
import org.hibernate.SharedSessionContract;
import java.time.Clock;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.sweetshop.common.TillNames;
import org.sweetshop.db.Transactor;
import org.sweetshop.staff.AuditAction;
import org.sweetshop.staff.AuditLog;
import org.sweetshop.staff.Caller;
import org.sweetshop.staff.Role;
import org.sweetshop.staff.StaffService;

/**
 * The store's settings (store name, address, tax number, receipt header and footer, currency,
 * prices with or without tax, cash rounding, weight display), kept in the store database so that
 * every till agrees. Anyone may read them (a till reads them at log-in); only the owner changes
 * them, and every change is an audit-log entry with the old and the new value.
 */
public final class SettingsService {

    private final Transactor tx;
    private final Clock clock;
    private final Supplier<SettingDefaults> defaults;

    /** @param defaults what an unset key is: for the name, currency and weight display, the till's properties */
    public SettingsService(Transactor tx, Clock clock, Supplier<SettingDefaults> defaults) {
        this.tx = tx;
        this.clock = clock;
        this.defaults = defaults;
    }

    /** The entities of this package, for the Hibernate bootstrap. */
    public static List<Class<?>> entities() {
        return List.of(StoreSetting.class);
    }

    /** Every setting, in {@link SettingKey} order: what is set, and the default of what is not. */
    public StoreSettings read() {
        return tx.call(this::read);
    }

    /**
     * The store's cash rounding (0 for none), read inside the caller's transaction: checkout asks
     * for it when a sale takes cash, so that every till rounds the way the store is set now.
     */
    public static BigDecimal cashRounding(SharedSessionContract session) {
        return session.createSelectionQuery("select st.value from StoreSetting st where st.key = :key", String.class)
                .setParameter("key", SettingKey.CASH_ROUNDING.key())
                .getResultStream().findFirst().map(BigDecimal::new).orElse(BigDecimal.ZERO);
    }

    private StoreSettings read(EntityManager em) {
        Map<String, Setting> set = new HashMap<>();
        em.createQuery("select st.key, st.value, st.changedAt, s.username from StoreSetting st join Staff s on s.id = st.changedBy",
                        Object[].class)
                .getResultList()
                .forEach(row -> set.put((String) row[0], new Setting((String) row[0], (String) row[1], false, (Instant) row[2],
                        (String) row[3])));
        SettingDefaults fallback = defaults.get();
        List<Setting> all = new ArrayList<>();
        for (SettingKey key : SettingKey.values()) {
            Setting kept = set.get(key.key());
            all.add(kept != null ? kept : new Setting(key.key(), key.defaultValue(fallback), true, null, null));
        }
        return new StoreSettings(all);
    }

    /**
     * Sets one setting (the owner only). The value is checked ({@link SettingKey#check}) before
     * anything is touched; a refused value changes nothing. The store row is locked first, so two
     * owners changing settings at once run one after the other and each entry's old value is the
     * one it really replaced. The value the key already has writes nothing; a key set for the
     * first time is kept even at its default value: from then on every till uses it, not its own
     * properties. Returns the settings after the change.
     *
     * @param till where the change was made (the audit entry's till); may be null
     */
    public StoreSettings set(Caller caller, String key, String value, String till) {
        Caller.require(caller, Role.OWNER, "change the store's settings");
        SettingKey setting = SettingKey.of(key);
        String kept = setting.check(value);
        String where = TillNames.optional(till);
        return tx.call(em -> {
            StaffService.requireActive(em, caller);
            StaffService.lockStore(em);
            StoreSettings before = read(em);
            Setting old = before.get(setting);
            if (!old.isDefault() && old.value().equals(kept)) {
                return before;
            }
            Instant now = clock.instant();
            StoreSetting row = em.find(StoreSetting.class, setting.key());
            if (row == null) {
                em.persist(new StoreSetting(setting.key(), kept, now, caller.staffId()));
            } else {
                row.change(kept, now, caller.staffId());
            }
            em.flush();
            AuditLog.record(em, caller.staffId(), AuditAction.SETTING_CHANGE, setting.key(), old.value(), kept, where, now);
            return read(em);
        });
    }
}
