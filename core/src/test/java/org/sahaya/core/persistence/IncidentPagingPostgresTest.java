package org.sahaya.core.persistence;

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

    private PostgresSchema schema;

    @Override
    Database openDatabase() {
        schema = new PostgresSchema("sahaya_paging_");
        return schema.open();
    }

    @AfterEach
    void dropSchema() {
        schema.close();
    }
}
