package org.sahaya.notify.outbox;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.sahaya.core.persistence.Database;

/**
 * The outbox's exactly-once write on the production database: PostgreSQL takes a duplicate with
 * {@code ON CONFLICT DO NOTHING} instead of a savepoint, and must keep the same behaviour. Every test
 * of {@link NotificationRepositoryTest}, each in a schema of its own. Runs in the {@code postgres}
 * profile; {@code SAHAYA_TEST_PG_URL} and {@code SAHAYA_TEST_PG_USER} point elsewhere than the local server.
 */
@Tag("postgres")
class NotificationRepositoryPostgresTest extends NotificationRepositoryTest {

    private static final String URL = System.getenv().getOrDefault("SAHAYA_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test");
    private static final String USER = System.getenv().getOrDefault("SAHAYA_TEST_PG_USER", "postgres");
    private static final String PASSWORD = System.getenv("SAHAYA_TEST_PG_PASSWORD");

    private String schema;

    @Override
    Database openDatabase() {
        schema = "sahaya_outbox_" + UUID.randomUUID().toString().replace("-", "");
        execute("CREATE SCHEMA " + schema);
        return Database.open(URL + (URL.contains("?") ? "&" : "?") + "currentSchema=" + schema, USER, PASSWORD);
    }

    @AfterEach
    void dropSchema() {
        execute("DROP SCHEMA " + schema + " CASCADE");
    }

    private static void execute(String sql) {
        try (Connection c = DriverManager.getConnection(URL, USER, PASSWORD); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }
}
