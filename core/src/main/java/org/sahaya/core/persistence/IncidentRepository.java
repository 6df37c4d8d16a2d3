package org.sahaya.core.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.sahaya.core.Coordinates;
import org.sahaya.core.alert.AlertType;
import org.sahaya.core.fleet.UnitLevel;
import org.sahaya.core.hospital.BedKind;
import org.sahaya.core.incident.Incident;
import org.sahaya.core.incident.IncidentState;
import org.sahaya.core.incident.Priority;
import org.sahaya.core.incident.TriageAction;

/** Incidents, open and closed. Blocking JDBC. */
public final class IncidentRepository {

    private static final String COLUMNS = "subscriber_id, alert_type, priority, triage_action, state, lat, lon, opened_at,"
            + " updated_at, needs, bed_kind, unit_id, hospital_id, eta_seconds, dispatched_at, eta_updated_at, id";

    private static final String OPEN_STATES = EnumSet.allOf(IncidentState.class).stream()
            .filter(IncidentState::isOpen).map(s -> "'" + s.name() + "'").collect(Collectors.joining(","));

    public void insert(Connection c, Incident i) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO incidents (" + COLUMNS + ") VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")) {
            bind(ps, i);
            ps.executeUpdate();
        }
    }

    /** Insert or update by id. */
    public void save(Connection c, Incident i) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE incidents SET subscriber_id=?, alert_type=?, priority=?, triage_action=?, state=?, lat=?, lon=?,"
                        + " opened_at=?, updated_at=?, needs=?, bed_kind=?, unit_id=?, hospital_id=?, eta_seconds=?,"
                        + " dispatched_at=?, eta_updated_at=? WHERE id=?")) {
            bind(ps, i);
            if (ps.executeUpdate() > 0) {
                return;
            }
        }
        insert(c, i);
    }

    private static void bind(PreparedStatement ps, Incident i) throws SQLException {
        ps.setString(1, i.subscriberId());
        ps.setString(2, i.alertType().name());
        ps.setString(3, i.priority().name());
        ps.setString(4, i.action().name());
        ps.setString(5, i.state().name());
        ps.setDouble(6, i.location().lat());
        ps.setDouble(7, i.location().lon());
        Jdbc.setInstant(ps, 8, i.openedAt());
        Jdbc.setInstant(ps, 9, i.updatedAt());
        ps.setString(10, Jdbc.name(i.needs()));
        ps.setString(11, Jdbc.name(i.bedKind()));
        ps.setString(12, i.unitId());
        ps.setString(13, i.hospitalId());
        Jdbc.setInteger(ps, 14, i.etaSeconds());
        Jdbc.setInstant(ps, 15, i.dispatchedAt());
        Jdbc.setInstant(ps, 16, i.etaUpdatedAt());
        ps.setString(17, i.id());
    }

    /**
     * Marks {@code incident} as its subscriber's one open incident.
     *
     * @throws SQLException with an integrity-violation state when the subscriber already has one
     */
    public void claimOpenSlot(Connection c, Incident incident) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO open_incidents (subscriber_id, incident_id) VALUES (?,?)")) {
            ps.setString(1, incident.subscriberId());
            ps.setString(2, incident.id());
            ps.executeUpdate();
        }
    }

    /** Frees the subscriber's open-incident slot held by {@code incidentId}, once it is finished. */
    public void releaseOpenSlot(Connection c, String incidentId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM open_incidents WHERE incident_id = ?")) {
            ps.setString(1, incidentId);
            ps.executeUpdate();
        }
    }

    public Optional<Incident> find(Connection c, String id) throws SQLException {
        return one(c, "SELECT * FROM incidents WHERE id = ?", id);
    }

    /** The subscriber's open incident, if any (the newest, should there ever be two). */
    public Optional<Incident> findOpenBySubscriber(Connection c, String subscriberId) throws SQLException {
        return one(c, "SELECT i.* FROM incidents i JOIN open_incidents o ON o.incident_id = i.id"
                + " WHERE o.subscriber_id = ?", subscriberId);
    }

    /** Incidents in any of {@code states}, oldest first; all states when empty. */
    public List<Incident> findByStates(Connection c, Set<IncidentState> states, int limit) throws SQLException {
        return findByStates(c, states, null, limit);
    }

    /**
     * Incidents in any of {@code states} (all states when empty) that come after {@code after} in the
     * total order (opened_at, id), oldest first: keyset paging. Passing the last row's position of one
     * page gets the next page without skipping or repeating a row, however many rows are inserted
     * meanwhile. (A row whose state changes between two pages may leave or join the listed states.)
     *
     * @param after the position of the last row already read; null for the first page
     */
    public List<Incident> findByStates(Connection c, Set<IncidentState> states, Position after, int limit)
            throws SQLException {
        List<String> where = new ArrayList<>();
        if (!states.isEmpty()) {
            where.add("state IN (" + states.stream().map(s -> "'" + s.name() + "'").collect(Collectors.joining(",")) + ")");
        }
        if (after != null) {
            // (opened_at, id) > (?, ?) written for H2 and PostgreSQL alike; the leading range on opened_at
            // lets the (state, opened_at, id) index seek instead of filtering from the start.
            where.add("opened_at >= ? AND (opened_at > ? OR id > ?)");
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT * FROM incidents"
                + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where))
                + " ORDER BY opened_at, id FETCH FIRST " + Math.max(1, limit) + " ROWS ONLY")) {
            if (after != null) {
                Jdbc.setInstant(ps, 1, after.openedAt());
                Jdbc.setInstant(ps, 2, after.openedAt());
                ps.setString(3, after.id());
            }
            return list(ps);
        }
    }

    /** Where a row stands in the incidents' list order (opened_at, then id). */
    public record Position(Instant openedAt, String id) {

        public Position {
            java.util.Objects.requireNonNull(openedAt, "openedAt");
            java.util.Objects.requireNonNull(id, "id");
        }

        public static Position of(Incident incident) {
            return new Position(incident.openedAt(), incident.id());
        }
    }

    public List<String> openIds(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM incidents WHERE state IN (" + OPEN_STATES + ")");
             ResultSet rs = ps.executeQuery()) {
            List<String> out = new ArrayList<>();
            while (rs.next()) {
                out.add(rs.getString(1));
            }
            return out;
        }
    }

    private Optional<Incident> one(Connection c, String sql, String arg) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, arg);
            ps.setMaxRows(1);
            List<Incident> l = list(ps);
            return l.isEmpty() ? Optional.empty() : Optional.of(l.get(0));
        }
    }

    private static List<Incident> list(PreparedStatement ps) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            List<Incident> out = new ArrayList<>();
            while (rs.next()) {
                out.add(read(rs));
            }
            return out;
        }
    }

    private static Incident read(ResultSet rs) throws SQLException {
        return new Incident(rs.getString("id"), rs.getString("subscriber_id"),
                AlertType.valueOf(rs.getString("alert_type")), Priority.valueOf(rs.getString("priority")),
                TriageAction.valueOf(rs.getString("triage_action")), IncidentState.valueOf(rs.getString("state")),
                new Coordinates(rs.getDouble("lat"), rs.getDouble("lon")),
                Jdbc.getInstant(rs, "opened_at"), Jdbc.getInstant(rs, "updated_at"),
                Jdbc.getEnum(rs, "needs", UnitLevel.class), Jdbc.getEnum(rs, "bed_kind", BedKind.class),
                rs.getString("unit_id"), rs.getString("hospital_id"), Jdbc.getInteger(rs, "eta_seconds"),
                Jdbc.getInstant(rs, "dispatched_at"), Jdbc.getInstant(rs, "eta_updated_at"));
    }
}
