package org.sahaya.notify.outbox;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.sahaya.core.persistence.Database;
import org.sahaya.core.persistence.PostgresSchema;

/**
 * The outbox's exactly-once write on the production database: PostgreSQL takes a duplicate with
 * {@code ON CONFLICT DO NOTHING} instead of a savepoint, and must keep the same behaviour. Every test
 * of {@link NotificationRepositoryTest}, each in a schema of its own. Runs in the {@code postgres}
 * profile; {@code SAHAYA_TEST_PG_URL} and {@code SAHAYA_TEST_PG_USER} point elsewhere than the local server.
 */
@Tag("postgres")
class NotificationRepositoryPostgresTest extends NotificationRepositoryTest {

    private PostgresSchema schema;

    @Override
    Database openDatabase() {
        schema = new PostgresSchema("sahaya_outbox_");
        return schema.open();
    }

    @AfterEach
    void dropSchema() {
        schema.close();
    }
}
