package org.sahaya.core.persistence;

import java.sql.SQLException;

/**
 * A database failure, unchecked so it crosses functional interfaces; the cause is kept. Its own message
 * names only the SQLState and error code: the driver's message quotes the statement's parameters
 * (personal and health data), so it stays in the cause, which is logged only {@link org.sahaya.core.log.Redacted}.
 */
public final class PersistenceException extends RuntimeException {

    public PersistenceException(SQLException cause) {
        super("database failure (SQLState " + cause.getSQLState() + ", error " + cause.getErrorCode() + ")", cause);
    }

    public PersistenceException(String message) {
        super(message);
    }

    /** True when the cause is a unique-key violation (SQLState 23505 on H2 and PostgreSQL alike). */
    public boolean isDuplicateKey() {
        return getCause() instanceof SQLException e && "23505".equals(e.getSQLState());
    }
}
