package org.sahaya.server;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.sahaya.core.persistence.Database;
import org.sahaya.core.secret.SecretBox;
import org.sahaya.core.secret.SecretColumn;

/**
 * A table's rows as comparable maps, for tests that check two ways of writing give the same content:
 * ordered by the first two columns, the stamps of when a row was written left out, and the sealed
 * columns (device secrets, DC-09 keys) opened, since each sealing has its own IV.
 */
public final class TableRows {

    /** Columns that say when a row was written, not what it holds. */
    public static final Set<String> STAMPS = Set.of("UPDATED_AT", "CREATED_AT", "KEY_CREATED_AT");

    private TableRows() {
    }

    public static List<Map<String, Object>> of(Database db, SecretBox secrets, String table) {
        return db.withConnection(c -> {
            List<Map<String, Object>> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT * FROM " + table + " ORDER BY 1, 2");
                 ResultSet rs = ps.executeQuery()) {
                ResultSetMetaData meta = rs.getMetaData();
                while (rs.next()) {
                    Map<String, Object> row = new TreeMap<>();
                    for (int i = 1; i <= meta.getColumnCount(); i++) {
                        String column = meta.getColumnName(i).toUpperCase(Locale.ROOT);
                        if (!STAMPS.contains(column)) {
                            row.put(column, opened(secrets, table, column, rs.getString(1), rs.getObject(i)));
                        }
                    }
                    out.add(row);
                }
            }
            return out;
        });
    }

    private static Object opened(SecretBox secrets, String table, String column, String id, Object value) {
        if (value == null) {
            return null;
        }
        if (table.equals("devices") && column.equals("SECRET")) {
            return secrets.open(SecretColumn.DEVICE_SECRET, id, (String) value);
        }
        if (table.equals("dc09_accounts") && column.equals("ENCRYPTION_KEY")) {
            return secrets.open(SecretColumn.DC09_KEY, id, (String) value);
        }
        if (table.equals("subscribers") && column.equals("MEDICAL_PROFILE")) {
            return secrets.open(SecretColumn.MEDICAL_PROFILE, id, (String) value);
        }
        return value;
    }
}
