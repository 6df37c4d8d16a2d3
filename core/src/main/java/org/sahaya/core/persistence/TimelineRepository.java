package org.sahaya.core.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.sahaya.core.incident.TimelineEntry;
import org.sahaya.core.incident.TimelineStage;

/** The append-only history of each incident. Blocking JDBC. */
public final class TimelineRepository {

    public void append(Connection c, TimelineEntry e) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO timeline (incident_id, stamped_at, stage, message) VALUES (?,?,?,?)")) {
            ps.setString(1, e.incidentId());
            Jdbc.setInstant(ps, 2, e.at());
            ps.setString(3, e.stage().name());
            ps.setString(4, e.message().length() > 4000 ? e.message().substring(0, 3997) + "..." : e.message());
            ps.executeUpdate();
        }
    }

    public void appendAll(Connection c, List<TimelineEntry> entries) throws SQLException {
        for (TimelineEntry e : entries) {
            append(c, e);
        }
    }

    /** Entries in the order they were written. */
    public List<TimelineEntry> of(Connection c, String incidentId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT * FROM timeline WHERE incident_id = ? ORDER BY seq")) {
            ps.setString(1, incidentId);
            try (ResultSet rs = ps.executeQuery()) {
                List<TimelineEntry> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(new TimelineEntry(rs.getString("incident_id"), Jdbc.getInstant(rs, "stamped_at"),
                            TimelineStage.valueOf(rs.getString("stage")), rs.getString("message")));
                }
                return out;
            }
        }
    }
}
