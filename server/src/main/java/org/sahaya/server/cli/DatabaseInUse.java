package org.sahaya.server.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.sql.SQLException;
import java.util.Optional;
import org.sahaya.core.config.SahayaConfig;
import org.sahaya.core.log.Redacted;
import org.sahaya.core.persistence.Database;

/**
 * The database a command line works on straight ({@code sahaya user}, {@code sahaya import}): the one the
 * node is configured with. The embedded H2 file admits one process, so a running node holding it is told
 * apart from any other failure to open it.
 */
public final class DatabaseInUse {

    /** H2's DATABASE_ALREADY_OPEN_1: "Database may be already in use". */
    public static final int H2_ALREADY_OPEN = 90020;

    private DatabaseInUse() {
    }

    /** Whether opening the embedded H2 file failed because another process (a running node) holds it. */
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

    /**
     * Opens the configured database for {@code command}, or says on {@code out} why it cannot.
     *
     * @param inUse what to do instead when a running node holds the embedded file
     * @param after said after either failure (e.g. "Nothing was imported."); empty for nothing
     * @return the database, or empty when it could not be opened (the reason printed)
     */
    public static Optional<Database> open(SahayaConfig config, PrintStream out, String command, String inUse,
                                          String after) {
        try {
            Files.createDirectories(config.dataDir());
            return Optional.of(Database.open(config.dbUrl(), config.dbUser(), config.dbPassword()));
        } catch (IOException | RuntimeException e) {
            String then = after.isEmpty() ? "" : " " + after;
            if (is(e)) {
                out.println("sahaya " + command + ": the database " + config.dataDir() + " is in use by a running node;"
                        + " the embedded database admits one process. " + inUse + then);
            } else {
                out.println("sahaya " + command + ": cannot open the database (" + Redacted.describe(e) + ")." + then);
            }
            return Optional.empty();
        }
    }
}
