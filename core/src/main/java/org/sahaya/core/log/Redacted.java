package org.sahaya.core.log;

import java.sql.SQLException;

/**
 * A failure as it may be logged: the same classes, stack frames and causes, with every message we did
 * not write ourselves left out. H2 and PostgreSQL exceptions quote the parameters of the failed
 * statement (a senior's vitals, a name, a phone number), JSON parsers quote the document, and so on;
 * none of that may reach a log line. What stays: each exception's class, a {@link SQLException}'s
 * SQLState and vendor error code, and the messages of exceptions of our own ({@code org.sahaya.*}),
 * which name ids and reasons only.
 *
 * <p>Use it wherever a throwable is logged: {@code LOG.error("... failed", Redacted.of(e))}.
 */
public final class Redacted extends RuntimeException {

    private static final int MAX_CAUSES = 16;

    private Redacted(String description, Redacted cause) {
        super(description, cause, false, true);
    }

    /** The loggable form of {@code failure}; null for null. */
    public static Redacted of(Throwable failure) {
        return of(failure, 0);
    }

    private static Redacted of(Throwable failure, int depth) {
        if (failure == null || depth >= MAX_CAUSES) {
            return null;
        }
        if (failure instanceof Redacted already) {
            return already;
        }
        Redacted redacted = new Redacted(describe(failure),
                failure.getCause() == failure ? null : of(failure.getCause(), depth + 1));
        redacted.setStackTrace(failure.getStackTrace());
        return redacted;
    }

    /** Class, SQLState and error code, and the message only if the exception is one of ours. */
    public static String describe(Throwable failure) {
        StringBuilder b = new StringBuilder(failure.getClass().getName());
        if (failure instanceof SQLException sql) {
            b.append(" [SQLState ").append(sql.getSQLState()).append(", error ").append(sql.getErrorCode()).append(']');
        }
        if (failure.getClass().getName().startsWith("org.sahaya.") && failure.getMessage() != null) {
            b.append(": ").append(failure.getMessage());
        }
        return b.toString();
    }
}
