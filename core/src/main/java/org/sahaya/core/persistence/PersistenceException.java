package org.sahaya.core.persistence;

import java.sql.SQLException;

/** A database failure, unchecked so it crosses functional interfaces; the cause is kept. */
public final class PersistenceException extends RuntimeException {

    public PersistenceException(SQLException cause) {
        super(cause.getMessage(), cause);
    }

    public PersistenceException(String message) {
        super(message);
    }

    /** True when the cause is a unique-key violation (SQLState 23505 on H2 and PostgreSQL alike). */
    public boolean isDuplicateKey() {
        return getCause() instanceof SQLException e && "23505".equals(e.getSQLState());
    }
}
