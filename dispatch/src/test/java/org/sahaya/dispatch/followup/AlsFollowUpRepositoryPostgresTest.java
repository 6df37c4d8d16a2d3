package org.sahaya.dispatch.followup;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.sahaya.core.persistence.Database;
import org.sahaya.core.persistence.PostgresSchema;

/** {@link AlsFollowUpRepositoryTest} on PostgreSQL, in a schema of its own ({@code postgres} profile). */
@Tag("postgres")
class AlsFollowUpRepositoryPostgresTest extends AlsFollowUpRepositoryTest {

    private PostgresSchema schema;

    @Override
    Database openDatabase() {
        schema = new PostgresSchema("sahaya_followup_");
        return schema.open();
    }

    @AfterEach
    void dropSchema() {
        schema.close();
    }
}
