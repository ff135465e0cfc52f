package org.sweetshop.settings;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A setting the store has set ({@code store_setting}, V14): a key with no row has its default. */
@Entity
@Table(name = "store_setting")
class StoreSetting {

    @Id
    @Column(name = "key", nullable = false, length = 40)
    private String key;

    @Column(nullable = false, length = 200)
    private String value;

    @Column(name = "changed_at", nullable = false)
    private Instant changedAt;

    @Column(name = "changed_by", nullable = false)
    private long changedBy;

    protected StoreSetting() {
    }

    StoreSetting(String key, String value, Instant at, long by) {
        this.key = key;
        this.value = value;
        this.changedAt = at;
        this.changedBy = by;
    }

    String getKey() {
        return key;
    }

    String getValue() {
        return value;
    }

    Instant getChangedAt() {
        return changedAt;
    }

    long getChangedBy() {
        return changedBy;
    }

    void change(String newValue, Instant at, long by) {
        this.value = newValue;
        this.changedAt = at;
        this.changedBy = by;
    }
}
