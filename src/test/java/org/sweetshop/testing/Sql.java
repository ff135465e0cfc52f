package org.sweetshop.testing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;

/** Plain SQL against the test database, for what tests check or break behind the services' back. */
public final class Sql {

    private Sql() {
    }

    /** The first column of the first row, e.g. of {@code select count(*) ...}. */
    public static long queryLong(DataSource dataSource, String sql, Object... parameters) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                long value = rs.getLong(1);
                c.rollback();
                return value;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /** Runs and commits one statement (tests that damage data on purpose). */
    public static void execute(DataSource dataSource, String sql) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.execute();
            c.commit();
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }
}
