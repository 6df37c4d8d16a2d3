package org.sahaya.dispatch.intake;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.sahaya.core.persistence.Database;
import org.sahaya.core.persistence.PostgresSchema;

/**
 * {@link AlertSurgeTest} on the production database, where two transactions waiting on each other's
 * slot rows are a deadlock PostgreSQL breaks after a second. Runs in the {@code postgres} profile, in a
 * schema of its own.
 */
@Tag("postgres")
class AlertSurgePostgresTest extends AlertSurgeTest {

    private PostgresSchema schema;

    @Override
    Database openDatabase() {
        schema = new PostgresSchema("sahaya_surge_");
        return schema.open();
    }

    @AfterEach
    void dropSchema() {
        schema.close();
    }
}
