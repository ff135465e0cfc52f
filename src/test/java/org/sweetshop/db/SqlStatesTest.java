package org.sweetshop.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;

class SqlStatesTest {

    private static RuntimeException wrapped(Throwable cause) {
        return new RuntimeException("outer", new IllegalStateException("middle", cause));
    }

    @Test
    void classifiesBySqlStateAlongTheCauseChain() {
        assertThat(SqlStates.classify(wrapped(new SQLException("x", "55P03")))).isEqualTo(SqlStates.Fault.LOCK_TIMEOUT);
        assertThat(SqlStates.classify(wrapped(new SQLException("x", "40P01")))).isEqualTo(SqlStates.Fault.DEADLOCK);
        assertThat(SqlStates.classify(wrapped(new SQLException("x", "40001")))).isEqualTo(SqlStates.Fault.SERIALIZATION);
        assertThat(SqlStates.classify(wrapped(new SQLException("x", "23505")))).isEqualTo(SqlStates.Fault.CONSTRAINT);
        assertThat(SqlStates.classify(wrapped(new SQLException("x", "08006")))).isEqualTo(SqlStates.Fault.CONNECTION);
        assertThat(SqlStates.classify(wrapped(new PSQLException("refused", PSQLState.CONNECTION_UNABLE_TO_CONNECT))))
                .isEqualTo(SqlStates.Fault.CONNECTION);
        assertThat(SqlStates.classify(wrapped(new SQLException("x", "42601")))).isEqualTo(SqlStates.Fault.OTHER);
    }

    @Test
    void aServerShuttingDownOrEndingAnIdleTransactionIsUnreachable() {
        for (String state : new String[] {"57P01", "57P02", "57P03", "25P03"}) {
            assertThat(SqlStates.classify(wrapped(new SQLException("x", state)))).as(state).isEqualTo(SqlStates.Fault.CONNECTION);
        }
        // the other 25P states are mistakes in our own transaction handling, not a lost server
        assertThat(SqlStates.classify(wrapped(new SQLException("x", "25P02")))).isEqualTo(SqlStates.Fault.OTHER);
        assertThat(SqlStates.classify(wrapped(new SQLException("x", "57014")))).isEqualTo(SqlStates.Fault.OTHER);
    }

    @Test
    void neverLooksAtMessageText() {
        assertThat(SqlStates.classify(new RuntimeException("deadlock detected; lock timeout; duplicate key"))).isEqualTo(SqlStates.Fault.OTHER);
    }

    @Test
    void aBrokenSocketIsUnreachableAndAFullPoolIsBusy() {
        assertThat(SqlStates.classify(wrapped(new ConnectException("refused")))).isEqualTo(SqlStates.Fault.CONNECTION);
        assertThat(SqlStates.classify(wrapped(new SQLTransientConnectionException("pool timed out")))).isEqualTo(SqlStates.Fault.POOL_EXHAUSTED);
    }

    @Test
    void onlyDeadlocksAndSerializationFailuresAreRetried() {
        for (SqlStates.Fault fault : SqlStates.Fault.values()) {
            assertThat(fault.retryable()).as(fault.name())
                    .isEqualTo(fault == SqlStates.Fault.DEADLOCK || fault == SqlStates.Fault.SERIALIZATION);
        }
    }
}
