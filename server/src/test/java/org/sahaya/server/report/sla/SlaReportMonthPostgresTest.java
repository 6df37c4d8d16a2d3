package org.sahaya.server.report.sla;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.sahaya.core.persistence.Database;
import org.sahaya.core.persistence.PostgresSchema;

/**
 * The month of {@link SlaReportMonthTest} on the production database, in a schema of its own: the reader's
 * SQL and the instants' round trip give the same figures on PostgreSQL. Runs in the {@code postgres}
 * profile; {@code SAHAYA_TEST_PG_URL} and {@code SAHAYA_TEST_PG_USER} point elsewhere than the local server.
 */
@Tag("postgres")
class SlaReportMonthPostgresTest extends SlaReportMonthTest {

    private PostgresSchema schema;

    @Override
    Database openDatabase() {
        schema = new PostgresSchema("sahaya_sla_");
        return schema.open();
    }

    /** Closes the pool first, then drops the schema. */
    @Override
    @AfterAll
    void close() {
        super.close();
        schema.close();
    }
}
