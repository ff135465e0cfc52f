package org.sweetshop.staff;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The store's single row ({@code store}, id 1): locked ({@code PESSIMISTIC_WRITE},
 * {@link org.sweetshop.common.LockOrder#STORE}) to serialise store-wide bootstrap steps, such as
 * creating the first account or changing a store setting. It holds nothing else a service reads
 * (the settings are {@code store_setting}'s).
 */
@Entity
@Table(name = "store")
class Store {

    static final short ID = 1;

    @Id
    @Column(nullable = false)
    private short id;

    protected Store() {
    }
}
