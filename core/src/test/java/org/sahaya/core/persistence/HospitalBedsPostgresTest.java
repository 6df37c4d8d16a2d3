package org.sahaya.core.persistence;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;

/** {@link HospitalBedsTest} on PostgreSQL, each test in a schema of its own ({@code postgres} profile). */
@Tag("postgres")
class HospitalBedsPostgresTest extends HospitalBedsTest {

    private final List<String> schemas = new ArrayList<>();

    @Override
    String freshUrl() {
        String name = "sahaya_beds_" + UUID.randomUUID().toString().replace("-", "");
        execute("CREATE SCHEMA " + name);
        schemas.add(name);
        String url = PostgresSchema.URL;
        return url + (url.contains("?") ? "&" : "?") + "currentSchema=" + name;
    }

    @Override
    String user() {
        return PostgresSchema.USER;
    }

    @Override
    String password() {
        return PostgresSchema.PASSWORD;
    }

    @AfterEach
    void dropSchemas() {
        schemas.forEach(s -> execute("DROP SCHEMA " + s + " CASCADE"));
    }

    private static void execute(String sql) {
        try (Connection c = DriverManager.getConnection(PostgresSchema.URL, PostgresSchema.USER, PostgresSchema.PASSWORD);
             Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
