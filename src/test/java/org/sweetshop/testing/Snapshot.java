package org.sweetshop.testing;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;

/**
 * Every row of every table, as text, in a fixed order: "nothing changed" means two snapshots are
 * equal.
 */
public final class Snapshot {

    private static final List<String> TABLES = List.of(
            "staff order by id", "sweet order by id", "stock_movement order by id", "coupon order by id",
            "promo order by id", "till_counter order by till", "sale order by id", "sale_line order by id",
            "shift order by id", "refund order by id", "refund_line order by refund_id, sale_line_id", "audit_log order by id",
            "sweet_barcode order by code", "store_setting order by key", "sale_payment order by sale_id, seq");

    private Snapshot() {
    }

    public static String of(DataSource dataSource) {
        StringBuilder sb = new StringBuilder();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            for (String table : TABLES) {
                sb.append("== ").append(table).append('\n');
                try (ResultSet rs = s.executeQuery("select * from " + table)) {
                    ResultSetMetaData meta = rs.getMetaData();
                    while (rs.next()) {
                        for (int i = 1; i <= meta.getColumnCount(); i++) {
                            sb.append(meta.getColumnLabel(i)).append('=').append(rs.getString(i)).append(' ');
                        }
                        sb.append('\n');
                    }
                }
            }
            c.rollback();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot take a snapshot", e);
        }
        return sb.toString();
    }
}
