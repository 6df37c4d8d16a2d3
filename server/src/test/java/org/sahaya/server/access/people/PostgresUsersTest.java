package org.sahaya.server.access.people;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.sahaya.core.persistence.Database;
import org.sahaya.server.access.Role;

/**
 * The {@code users} table (V14_1) on PostgreSQL, in a schema of its own: the migration runs and a
 * user goes in, comes back whole, logs in, is listed without secrets and is disabled. Runs with
 * {@code ./sahaya test-postgres} ({@code SAHAYA_TEST_PG_URL}, {@code SAHAYA_TEST_PG_USER}).
 */
@Tag("postgres")
class PostgresUsersTest {

    static final String URL = System.getenv().getOrDefault("SAHAYA_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test");
    static final String USER = System.getenv().getOrDefault("SAHAYA_TEST_PG_USER", "postgres");
    static final String SCHEMA = "sahaya_test_" + UUID.randomUUID().toString().replace("-", "");
    static Database database;

    @BeforeAll
    static void open() throws Exception {
        try (Connection c = DriverManager.getConnection(URL, USER, System.getenv("SAHAYA_TEST_PG_PASSWORD"));
             Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + SCHEMA);
        }
        database = Database.open(URL + (URL.contains("?") ? "&" : "?") + "currentSchema=" + SCHEMA, USER,
                System.getenv("SAHAYA_TEST_PG_PASSWORD"));
    }

    @AfterAll
    static void drop() throws Exception {
        database.close();
        try (Connection c = DriverManager.getConnection(URL, USER, System.getenv("SAHAYA_TEST_PG_PASSWORD"));
             Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA " + SCHEMA + " CASCADE");
        }
    }

    @Test
    void aUserIsStoredFoundListedAndDisabledOnPostgres() {
        UserRepository users = new UserRepository();
        Instant created = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        String hash = new Passwords(new PasswordHash.Cost(1024, 1, 1), new java.security.SecureRandom()).hash("pg password 1");
        User asha = new User("asha.pg", hash, "JBSWY3DPEHPK3PXP", Set.of(Role.FLEET), "fleet-north", created, false, null);

        database.inTransaction(c -> {
            users.insert(c, asha);
            return null;
        });
        User found = database.withConnection(c -> users.find(c, "asha.pg")).orElseThrow();
        database.withConnection(c -> {
            users.loggedIn(c, "asha.pg", created.plusSeconds(5));
            return null;
        });

        assertThat(found.passwordHash()).isEqualTo(hash);
        assertThat(found.totpSecret()).isEqualTo("JBSWY3DPEHPK3PXP");
        assertThat(found.roles()).containsExactly(Role.FLEET);
        assertThat(found.partner()).isEqualTo("fleet-north");
        assertThat(found.createdAt()).isEqualTo(created);
        assertThat(database.withConnection(users::list)).singleElement().satisfies(u -> {
            assertThat(u.passwordHash()).isNull();
            assertThat(u.totpSecret()).isNull();
            assertThat(u.lastLoginAt()).isEqualTo(created.plusSeconds(5));
        });
        assertThat(database.<Boolean>withConnection(c -> users.active(c, "asha.pg"))).isTrue();
        assertThat(database.<Boolean>withConnection(c -> users.disable(c, "asha.pg"))).isTrue();
        assertThat(database.<Boolean>withConnection(c -> users.active(c, "asha.pg"))).isFalse();
    }

    @Test
    void aCrewUserKeepsItsUnitOnPostgres() {
        UserRepository users = new UserRepository();
        String hash = new Passwords(new PasswordHash.Cost(1024, 1, 1), new java.security.SecureRandom()).hash("pg password 2");

        database.inTransaction(c -> {
            users.insert(c, new User("crew.pg", hash, null, Set.of(Role.CREW), null, Instant.now(), false, null,
                    "AMB-PG-1"));
            return null;
        });

        User found = database.withConnection(c -> users.find(c, "crew.pg")).orElseThrow();
        assertThat(found.unit()).isEqualTo("AMB-PG-1");
        assertThat(found.roles()).containsExactly(Role.CREW);
        assertThat(found.needsCode()).isFalse();
        assertThat(database.withConnection(users::list)).filteredOn(u -> u.username().equals("crew.pg"))
                .singleElement().satisfies(u -> assertThat(u.unit()).isEqualTo("AMB-PG-1"));
        database.withConnection(c -> { // the other test counts the users
            try (var st = c.createStatement()) {
                return st.executeUpdate("DELETE FROM users WHERE username = 'crew.pg'");
            }
        });
    }
}
