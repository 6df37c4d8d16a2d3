package org.sahaya.core.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.h2.jdbc.JdbcConnection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sahaya.core.config.DatabasePools;

/**
 * A transaction whose connection broke under it (issue 19: a retry after lock timeouts ran on a closed
 * connection): the caller sees the work's own failure, and the next transaction, on a pool of one, runs
 * on a fresh connection.
 */
class TransactionFailureTest {

    private Database database;

    @BeforeEach
    void open() {
        database = Database.open("jdbc:h2:mem:broken-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "",
                new DatabasePools(2, 1)); // migrating takes two connections; the alert lane has one
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void aConnectionThatCannotBeRolledBackIsNotHandedOutAgain() {
        assertThatThrownBy(() -> database.alerts().inTransaction(c -> {
            c.unwrap(JdbcConnection.class).close(); // what a broken session looks like to the pool
            throw new IllegalStateException("the work's own failure");
        })).isInstanceOf(IllegalStateException.class).hasMessage("the work's own failure");

        Integer one = database.alerts().inTransaction(c -> {
            try (var s = c.createStatement(); var rs = s.executeQuery("SELECT 1")) {
                rs.next();
                return rs.getInt(1);
            }
        });
        assertThat(one).isEqualTo(1);
    }
}
