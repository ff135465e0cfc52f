package org.sweetshop.testing;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import org.sweetshop.AppContext;
import org.sweetshop.catalog.SweetView;
import org.sweetshop.staff.Caller;

/**
 * A weighed sweet for tests of what comes after a sale (receipts, refunds, reports, the audit,
 * offline selling), made behind the catalogue's back: inserted as the owner with no stock, then
 * restocked in grams through the stock service, so its ledger is the one a restock writes.
 */
public final class WeighedSweets {

    private WeighedSweets() {
    }

    /** A weighed sweet {@code sku} at {@code perKg} per kilogram with {@code grams} in stock. */
    public static SweetView add(AppContext office, Caller manager, String sku, String perKg, int grams) {
        try (Connection c = office.database().dataSource().getConnection();
             PreparedStatement s = c.prepareStatement("insert into sweet (id, sku, name, category, price, stock, sold_by, created_at)"
                     + " values (nextval('sweet_seq'), ?, ?, 'Pick and mix', ?, 0, 'WEIGHED', ?)")) {
            s.setString(1, sku);
            s.setString(2, "Weighed " + sku);
            s.setBigDecimal(3, new BigDecimal(perKg));
            s.setObject(4, java.time.OffsetDateTime.ofInstant(Instant.now(), java.time.ZoneOffset.UTC));
            s.executeUpdate();
            c.commit();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot add weighed sweet " + sku, e);
        }
        if (grams > 0) {
            office.stock().restock(manager, sku, grams, "T0", "test stock");
        }
        return office.catalog().find(sku);
    }
}
