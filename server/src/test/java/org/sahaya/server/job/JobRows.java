package org.sahaya.server.job;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sahaya.core.persistence.Database;

/** Reads the rows the jobs wrote (jobs, partner deliveries, declines) for tests' assertions. */
final class JobRows {

    private JobRows() {
    }

    /** The jobs of an incident, oldest first: column name (lower case) to value. */
    static List<Map<String, Object>> jobs(Database db, String incidentId) {
        return rows(db, "SELECT * FROM jobs WHERE incident_id = ? ORDER BY offered_at, id", incidentId);
    }

    /** The deliveries about an incident, in the order written. */
    static List<Map<String, Object>> deliveries(Database db, String incidentId) {
        return rows(db, "SELECT * FROM partner_deliveries WHERE incident_id = ? ORDER BY id", incidentId);
    }

    static List<Map<String, Object>> rows(Database db, String sql, String arg) {
        return db.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setString(1, arg);
                try (ResultSet rs = ps.executeQuery()) {
                    List<Map<String, Object>> out = new ArrayList<>();
                    while (rs.next()) {
                        Map<String, Object> row = new LinkedHashMap<>();
                        for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                            row.put(rs.getMetaData().getColumnName(i).toLowerCase(java.util.Locale.ROOT), rs.getObject(i));
                        }
                        out.add(row);
                    }
                    return out;
                }
            }
        });
    }

    static void update(Database db, String sql, String... args) {
        db.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (int i = 0; i < args.length; i++) {
                    ps.setString(i + 1, args[i]);
                }
                return ps.executeUpdate();
            }
        });
    }
}
