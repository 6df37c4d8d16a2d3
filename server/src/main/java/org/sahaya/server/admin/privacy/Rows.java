package org.sahaya.server.admin.privacy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Rows as JSON-ready maps, for the export: each named column becomes a camelCase field, times become
 * ISO-8601 instants. The export names its columns in every query, so that a column added later (a
 * secret, say) is not exported by accident. Blocking JDBC.
 */
final class Rows {

    private Rows() {
    }

    /** The rows of {@code sql} with its {@code ?} bound in order to {@code args}. */
    static List<Map<String, Object>> list(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                ResultSetMetaData meta = rs.getMetaData();
                List<Map<String, Object>> out = new ArrayList<>();
                while (rs.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int col = 1; col <= meta.getColumnCount(); col++) {
                        row.put(camel(meta.getColumnLabel(col)), value(rs.getObject(col)));
                    }
                    out.add(row);
                }
                return out;
            }
        }
    }

    /** The values of the first column of {@code sql}. */
    static List<String> strings(Connection c, String sql, Object... args) throws SQLException {
        List<String> out = new ArrayList<>();
        for (Map<String, Object> row : list(c, sql, args)) {
            Object first = row.values().iterator().next();
            out.add(first == null ? null : first.toString());
        }
        return out;
    }

    /** Runs an update with its arguments; answers the rows changed. */
    static int update(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            return ps.executeUpdate();
        }
    }

    /** {@code ?, ?, ?} for {@code n} values ({@code NULL} for none, which matches nothing in {@code IN}). */
    static String marks(int n) {
        return n == 0 ? "NULL" : String.join(", ", java.util.Collections.nCopies(n, "?"));
    }

    private static Object value(Object v) {
        if (v instanceof Timestamp t) {
            return t.toInstant().toString();
        }
        if (v instanceof OffsetDateTime t) {
            return t.toInstant().toString();
        }
        if (v instanceof java.time.Instant || v instanceof Number || v instanceof Boolean || v == null) {
            return v;
        }
        return v.toString();
    }

    private static String camel(String column) {
        String lower = column.toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(lower.length());
        boolean up = false;
        for (char ch : lower.toCharArray()) {
            if (ch == '_') {
                up = true;
            } else {
                out.append(up ? Character.toUpperCase(ch) : ch);
                up = false;
            }
        }
        return out.toString();
    }
}
