package org.sahaya.core.secret;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.sahaya.core.config.ConfigException;
import org.sahaya.core.persistence.Database;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * At start, before any gateway listens: checks that the master key opens the secrets already sealed in
 * the database (a wrong key must stop the node with a message naming the setting, not fail every
 * device's login later), then seals every value still in plain text (a data directory from before
 * sealing, a row written by hand). Idempotent: sealed values carry the {@code v1:} prefix and are left
 * alone, and a value is only replaced if it is still the plain one read (two members starting at once).
 */
public final class SecretSealing {

    private static final Logger LOG = LoggerFactory.getLogger(SecretSealing.class);
    private static final int BATCH = 500;

    private SecretSealing() {
    }

    /**
     * @return how many plain values were sealed
     * @throws ConfigException naming {@link MasterKey#source()} if a sealed value does not open with the key
     */
    public static int run(Database database, MasterKey key) {
        int sealed = 0;
        for (SecretColumn column : SecretColumn.values()) {
            database.withConnection(c -> {
                check(c, column, key);
                return null;
            });
            sealed += database.inTransaction(c -> sealPlain(c, column, key.box()));
        }
        if (sealed > 0) {
            LOG.info("Sealed {} device secrets and DC-09 keys stored in plain text with the master key", sealed);
        }
        return sealed;
    }

    /**
     * Re-seals every secret under another master key, in one transaction: all or nothing. Every member
     * must be stopped (a running one would no longer open what it reads) and started with {@code to} after.
     *
     * @return how many values were re-sealed
     * @throws ConfigException naming {@code from}'s setting if a value does not open with it (nothing changed)
     */
    public static int reseal(Database database, MasterKey from, MasterKey to) {
        return database.inTransaction(c -> {
            int resealed = 0;
            for (SecretColumn column : SecretColumn.values()) {
                check(c, column, from);
                List<String[]> rows = read(c, column, column.column() + " IS NOT NULL");
                for (String[] row : rows) {
                    try {
                        row[1] = to.box().seal(column, row[0], from.box().open(column, row[0], row[1]));
                    } catch (SecretBox.Unopenable e) {
                        throw new ConfigException(from.source(), "does not open every sealed secret (" + e.getMessage()
                                + "): nothing was re-sealed");
                    }
                }
                update(c, column, rows);
                resealed += rows.size();
            }
            return resealed;
        });
    }

    private static List<String[]> read(Connection c, SecretColumn column, String where) throws SQLException {
        List<String[]> rows = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT " + column.idColumn() + ", " + column.column() + " FROM "
                + column.table() + " WHERE " + where); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                rows.add(new String[] {rs.getString(1), rs.getString(2)});
            }
        }
        return rows;
    }

    /** Writes each row's new value ({@code [id, value]}) by id. */
    private static void update(Connection c, SecretColumn column, List<String[]> rows) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE " + column.table() + " SET " + column.column() + " = ? WHERE "
                + column.idColumn() + " = ?")) {
            int pending = 0;
            for (String[] row : rows) {
                ps.setString(1, row[1]);
                ps.setString(2, row[0]);
                ps.addBatch();
                if (++pending == BATCH) {
                    ps.executeBatch();
                    pending = 0;
                }
            }
            if (pending > 0) {
                ps.executeBatch();
            }
        }
    }

    private static void check(Connection c, SecretColumn column, MasterKey key) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + column.idColumn() + ", " + column.column() + " FROM "
                + column.table() + " WHERE " + column.column() + " LIKE 'v1:%' ORDER BY " + column.idColumn()
                + " FETCH FIRST 1 ROWS ONLY"); ResultSet rs = ps.executeQuery()) {
            if (rs.next()) {
                try {
                    key.box().open(column, rs.getString(1), rs.getString(2));
                } catch (SecretBox.Unopenable e) {
                    throw new ConfigException(key.source(), "is not the master key this database's secrets were sealed"
                            + " with (" + e.getMessage() + "): start with the key they were sealed with");
                }
            }
        }
    }

    private static int sealPlain(Connection c, SecretColumn column, SecretBox box) throws SQLException {
        List<String[]> plain = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT " + column.idColumn() + ", " + column.column() + " FROM "
                + column.table() + " WHERE " + column.column() + " IS NOT NULL AND " + column.column() + " NOT LIKE 'v1:%'");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                plain.add(new String[] {rs.getString(1), rs.getString(2)});
            }
        }
        if (plain.isEmpty()) {
            return 0;
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE " + column.table() + " SET " + column.column() + " = ? WHERE "
                + column.idColumn() + " = ? AND " + column.column() + " = ?")) {
            int pending = 0;
            for (String[] row : plain) {
                ps.setString(1, box.seal(column, row[0], row[1]));
                ps.setString(2, row[0]);
                ps.setString(3, row[1]);
                ps.addBatch();
                if (++pending == BATCH) {
                    ps.executeBatch();
                    pending = 0;
                }
            }
            if (pending > 0) {
                ps.executeBatch();
            }
        }
        return plain.size();
    }
}
