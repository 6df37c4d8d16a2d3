package org.sahaya.core.secret;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.sahaya.core.persistence.Database;
import org.sahaya.core.persistence.PostgresSchema;

/** {@link SecretSealingTest} on PostgreSQL, in a schema of its own ({@code postgres} profile). */
@Tag("postgres")
class SecretSealingPostgresTest extends SecretSealingTest {

    private PostgresSchema schema;

    @Override
    Database openDatabase() {
        schema = new PostgresSchema("sahaya_sealing_");
        return schema.open();
    }

    @AfterEach
    void dropSchema() {
        schema.close();
    }
}
