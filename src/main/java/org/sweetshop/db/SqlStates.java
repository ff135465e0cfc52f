package org.sweetshop.db;

import java.net.ConnectException;
import java.net.SocketException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.hibernate.JDBCException;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * Classifies database faults by SQLState, walking the cause chain; never by message text.
 */
public final class SqlStates {

    public static final String UNIQUE_VIOLATION = "23505";
    public static final String CHECK_VIOLATION = "23514";
    public static final String FOREIGN_KEY_VIOLATION = "23503";
    public static final String NOT_NULL_VIOLATION = "23502";
    public static final String LOCK_NOT_AVAILABLE = "55P03";
    public static final String DEADLOCK_DETECTED = "40P01";
    public static final String SERIALIZATION_FAILURE = "40001";
    public static final String QUERY_CANCELED = "57014";
    public static final String ADMIN_SHUTDOWN = "57P01";
    public static final String CRASH_SHUTDOWN = "57P02";
    public static final String CANNOT_CONNECT_NOW = "57P03";
    /** The server ended a session left idle inside a transaction (idle_in_transaction_session_timeout). */
    public static final String IDLE_IN_TRANSACTION_TIMEOUT = "25P03";

    /** What kind of fault a throwable stands for. */
    public enum Fault {
        LOCK_TIMEOUT, DEADLOCK, SERIALIZATION, CONSTRAINT, CONNECTION, POOL_EXHAUSTED, OTHER;

        public boolean retryable() {
            return this == DEADLOCK || this == SERIALIZATION;
        }
    }

    private SqlStates() {
    }

    public static Fault classify(Throwable error) {
        String state = sqlState(error);
        if (state != null) {
            // 08: connection exceptions; 57P01/57P02/57P03 (admin shutdown, crash shutdown, cannot
            // connect now) and the rest of 57P: the server is going or gone; 25P03: the server closed
            // a session it thought idle in a transaction (a stalled till), so the connection is gone
            if (state.startsWith("08") || state.startsWith("57P") || state.equals(IDLE_IN_TRANSACTION_TIMEOUT)) {
                return Fault.CONNECTION;
            }
            switch (state) {
                case LOCK_NOT_AVAILABLE:
                    return Fault.LOCK_TIMEOUT;
                case DEADLOCK_DETECTED:
                    return Fault.DEADLOCK;
                case SERIALIZATION_FAILURE:
                    return Fault.SERIALIZATION;
                default:
                    if (state.startsWith("23")) {
                        return Fault.CONSTRAINT;
                    }
            }
        }
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof ConnectException || t instanceof SocketException) {
                return Fault.CONNECTION;
            }
            if (t instanceof SQLTransientConnectionException) {
                // HikariCP's "connection is not available": no server fault behind it means every
                // connection of the pool is busy; with one (08xxx) it was handled above
                return state == null ? Fault.POOL_EXHAUSTED : Fault.CONNECTION;
            }
        }
        return Fault.OTHER;
    }

    /** The first SQLState found along the cause chain, or null. */
    public static String sqlState(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState();
            }
            if (t instanceof JDBCException jdbc && jdbc.getSQLState() != null) {
                return jdbc.getSQLState();
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }

    /** The name of the constraint PostgreSQL reported as violated, or null. */
    public static String constraintName(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof PSQLException psql) {
                ServerErrorMessage server = psql.getServerErrorMessage();
                if (server != null && server.getConstraint() != null) {
                    return server.getConstraint();
                }
            }
            if (t instanceof SQLException sql && sql.getNextException() != null) {
                String next = constraintName(sql.getNextException());
                if (next != null) {
                    return next;
                }
            }
        }
        return null;
    }
}
