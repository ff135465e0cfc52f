package org.sweetshop.sale;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The last receipt number of a till; locked by checkout, last in the lock order. */
@Entity
@Table(name = "till_counter")
class TillCounter {

    @Id
    @Column(length = 32)
    private String till;

    @Column(name = "last_number", nullable = false)
    private long lastNumber;

    protected TillCounter() {
    }

    long next() {
        return ++lastNumber;
    }
}
