package org.sahaya.server.audit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.sahaya.core.persistence.Database;
import org.sahaya.core.persistence.PostgresSchema;

/**
 * The audit log on the production database: every test of {@link AuditLogTest} (the chain from many
 * threads and from two members locking {@code audit_head}, the instant's round trip at PostgreSQL's
 * precision, edits and deletions named), each in a schema of its own. Runs in the {@code postgres}
 * profile; {@code SAHAYA_TEST_PG_URL} and {@code SAHAYA_TEST_PG_USER} point elsewhere than the local server.
 */
@Tag("postgres")
class AuditLogPostgresTest extends AuditLogTest {

    private PostgresSchema schema;

    @Override
    Database openDatabase() {
        schema = new PostgresSchema("sahaya_audit_");
        return schema.open();
    }

    @Override
    Database openAgain() {
        return schema.open();
    }

    @AfterEach
    void dropSchema() {
        schema.close();
    }
}
