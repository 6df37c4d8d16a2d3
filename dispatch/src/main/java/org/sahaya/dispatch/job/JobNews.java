package org.sahaya.dispatch.job;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Extension point: who hears of a job's changes beyond the database (the fleet's webhook, in
 * {@code server.job}). {@link #record} runs in the transaction that changed the job row, so that what it
 * writes (an outbox row) commits or rolls back with it; {@link #committed} after the commit. Dispatch never
 * names the module that listens.
 */
public interface JobNews {

    /** Hears nothing. */
    JobNews NONE = new JobNews() {
        @Override
        public boolean record(Connection c, JobEvent event) {
            return false;
        }

        @Override
        public void committed() {
        }
    };

    /**
     * Writes what {@code event} means for its listener, in the job's transaction. Blocking.
     *
     * @return whether it wrote something to send after the commit
     */
    boolean record(Connection c, JobEvent event) throws SQLException;

    /** The transaction that recorded something committed: send it now (must not block for long). */
    void committed();
}
