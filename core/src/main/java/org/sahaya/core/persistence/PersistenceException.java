package org.sahaya.core.persistence;

import java.sql.SQLException;

/**
 * A database failure, unchecked so it crosses functional interfaces; the cause is kept. Its own message
 * names only the SQLState and error code, and its cause is the driver's exception without the message:
 * drivers quote the statement's parameters (personal and health data) in it. Log it {@link org.sahaya.core.log.Redacted} all the same.
 */
public final class PersistenceException extends RuntimeException {

    public PersistenceException(SQLException cause) {
        super("database failure (SQLState " + cause.getSQLState() + ", error " + cause.getErrorCode() + ")", withheld(cause));
    }

    /**
     * The driver's exception without its message, which quotes the statement's parameters: whoever logs
     * this exception (Hazelcast for a map store, a handler that forgot {@code Redacted}) logs no personal
     * data. The SQLState, the error code and the stack stay, and say what went wrong where.
     */
    private static SQLException withheld(SQLException cause) {
        SQLException copy = new Withheld(cause);
        copy.setStackTrace(cause.getStackTrace());
        return copy;
    }

    /** A driver's exception with its message withheld; its own message names the driver's exception class only. */
    public static final class Withheld extends SQLException {
        Withheld(SQLException cause) {
            super(cause.getClass().getName() + " (message withheld: it may quote personal data)", cause.getSQLState(),
                    cause.getErrorCode());
        }
    }

    public PersistenceException(String message) {
        super(message);
    }

    /**
     * True when the transaction lost a race for a lock and may succeed if run again from the start: a lock
     * timeout (H2 HYT00, PostgreSQL 55P03), a deadlock or serialization failure (40001, PostgreSQL 40P01),
     * or H2's "concurrent update" of a row another transaction changed (90131).
     */
    public boolean isLockConflict() {
        return getCause() instanceof SQLException e && e.getSQLState() != null
                && switch (e.getSQLState()) {
                    case "HYT00", "55P03", "40001", "40P01", "90131" -> true;
                    default -> false;
                };
    }

    /** True when the cause is a unique-key violation (SQLState 23505 on H2 and PostgreSQL alike). */
    public boolean isDuplicateKey() {
        return getCause() instanceof SQLException e && "23505".equals(e.getSQLState());
    }
}
