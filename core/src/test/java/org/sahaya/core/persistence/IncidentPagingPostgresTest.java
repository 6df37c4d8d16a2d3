package org.sahaya.core.persistence;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;

/**
 * The incident list's keyset paging on the production database (the row comparison is written out,
 * and timestamps compare at PostgreSQL's precision). Every test of {@link IncidentPagingTest}, each in
 * a schema of its own. Runs in the {@code postgres} profile; {@code SAHAYA_TEST_PG_URL} and
 * {@code SAHAYA_TEST_PG_USER} point elsewhere than the local server.
 */
@Tag("postgres")
class IncidentPagingPostgresTest extends IncidentPagingTest {

    private static final String URL = System.getenv().getOrDefault("SAHAYA_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test");
    private static final String USER = System.getenv().getOrDefault("SAHAYA_TEST_PG_USER", "postgres");
    private static final String PASSWORD = System.getenv("SAHAYA_TEST_PG_PASSWORD");

    private String schema;

    @Override
    Database openDatabase() {
        schema = "sahaya_paging_" + UUID.randomUUID().toString().replace("-", "");
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
