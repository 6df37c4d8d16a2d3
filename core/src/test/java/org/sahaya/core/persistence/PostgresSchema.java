package org.sahaya.core.persistence;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * A schema of its own on the test PostgreSQL server, for one test of the {@code postgres} profile:
 * created on construction, dropped with everything in it on {@link #close()}. The server is the local
 * one unless {@code SAHAYA_TEST_PG_URL}, {@code SAHAYA_TEST_PG_USER} and {@code SAHAYA_TEST_PG_PASSWORD}
 * point elsewhere.
 */
public final class PostgresSchema implements AutoCloseable {

    public static final String URL = System.getenv().getOrDefault("SAHAYA_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test");
    public static final String USER = System.getenv().getOrDefault("SAHAYA_TEST_PG_USER", "postgres");
    public static final String PASSWORD = System.getenv("SAHAYA_TEST_PG_PASSWORD");

    private final String name;

    /** @param prefix names the test in the schema's name, e.g. {@code sahaya_outbox_} */
    public PostgresSchema(String prefix) {
        this.name = prefix + UUID.randomUUID().toString().replace("-", "");
        execute("CREATE SCHEMA " + name);
    }

    /** The database in this schema, migrated. */
    public Database open() {
        return Database.open(URL + (URL.contains("?") ? "&" : "?") + "currentSchema=" + name, USER, PASSWORD);
    }

    @Override
    public void close() {
        execute("DROP SCHEMA " + name + " CASCADE");
    }

    private static void execute(String sql) {
        try (Connection c = DriverManager.getConnection(URL, USER, PASSWORD); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }
}
