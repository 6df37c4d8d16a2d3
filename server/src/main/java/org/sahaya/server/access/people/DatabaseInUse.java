package org.sahaya.server.access.people;

import java.sql.SQLException;

/** Whether opening the embedded H2 file failed because another process (a running node) holds it. */
public final class DatabaseInUse {

    /** H2's DATABASE_ALREADY_OPEN_1: "Database may be already in use". */
    static final int H2_ALREADY_OPEN = 90020;

    private DatabaseInUse() {
    }

    public static boolean is(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getErrorCode() == H2_ALREADY_OPEN) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }
}
