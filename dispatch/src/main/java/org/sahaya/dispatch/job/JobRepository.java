package org.sahaya.dispatch.job;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.sahaya.core.persistence.Jdbc;

/** The {@code jobs} table. Blocking JDBC on the caller's connection. */
public final class JobRepository {

    private static final String COLUMNS = "id, incident_id, unit_id, fleet_id, role, state, offered_at, accept_by,"
            + " accepted_at, ended_at, end_reason, ended_by, updates";
    private static final String LIVE = "state IN ('OFFERED', 'ACCEPTED')";

    public void insert(Connection c, Job job) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO jobs (" + COLUMNS
                + ") VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)")) {
            ps.setString(1, job.id());
            ps.setString(2, job.incidentId());
            ps.setString(3, job.unitId());
            ps.setString(4, job.fleetId());
            ps.setString(5, job.role().name());
            ps.setString(6, job.state().name());
            Jdbc.setInstant(ps, 7, job.offeredAt());
            Jdbc.setInstant(ps, 8, job.acceptBy());
            Jdbc.setInstant(ps, 9, job.acceptedAt());
            Jdbc.setInstant(ps, 10, job.endedAt());
            ps.setString(11, job.endReason());
            ps.setString(12, job.endedBy());
            ps.setInt(13, job.updates());
            ps.executeUpdate();
        }
    }

    /** Writes what may change after the offer. */
    public void update(Connection c, Job job) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE jobs SET state = ?, accepted_at = ?, ended_at = ?,"
                + " end_reason = ?, ended_by = ?, updates = ? WHERE id = ?")) {
            ps.setString(1, job.state().name());
            Jdbc.setInstant(ps, 2, job.acceptedAt());
            Jdbc.setInstant(ps, 3, job.endedAt());
            ps.setString(4, job.endReason() == null || job.endReason().length() <= 500 ? job.endReason()
                    : job.endReason().substring(0, 500));
            ps.setString(5, job.endedBy() == null || job.endedBy().length() <= 128 ? job.endedBy()
                    : job.endedBy().substring(0, 128));
            ps.setInt(6, job.updates());
            ps.setString(7, job.id());
            ps.executeUpdate();
        }
    }

    public Optional<Job> find(Connection c, String id) throws SQLException {
        return one(c, "SELECT " + COLUMNS + " FROM jobs WHERE id = ?", id);
    }

    /** The job, its row locked until the transaction ends: two changes of one job never interleave. */
    public Optional<Job> lock(Connection c, String id) throws SQLException {
        return one(c, "SELECT " + COLUMNS + " FROM jobs WHERE id = ? FOR UPDATE", id);
    }

    /** The unit's live job, if it has one (the newest, should there ever be two). */
    public Optional<Job> liveOfUnit(Connection c, String unitId) throws SQLException {
        List<Job> jobs = list(c, "SELECT " + COLUMNS + " FROM jobs WHERE unit_id = ? AND " + LIVE
                + " ORDER BY offered_at DESC", 1, unitId);
        return jobs.stream().findFirst();
    }

    /** The unit's live job on the incident, if any. */
    public Optional<Job> liveOf(Connection c, String unitId, String incidentId) throws SQLException {
        return list(c, "SELECT " + COLUMNS + " FROM jobs WHERE unit_id = ? AND incident_id = ? AND " + LIVE, 1, unitId,
                incidentId).stream().findFirst();
    }

    /** Every live job on the incident (its PRIMARY and any SUPPORT). */
    public List<Job> liveOnIncident(Connection c, String incidentId) throws SQLException {
        return list(c, "SELECT " + COLUMNS + " FROM jobs WHERE incident_id = ? AND " + LIVE + " ORDER BY offered_at",
                100, incidentId);
    }

    /** How many jobs the incident ever had: numbers the next one. */
    public int countOnIncident(Connection c, String incidentId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM jobs WHERE incident_id = ?")) {
            ps.setString(1, incidentId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    /** OFFERED jobs whose offer ran out before {@code now}, oldest deadline first. */
    public List<Job> overdue(Connection c, Instant now, int limit) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS
                + " FROM jobs WHERE state = 'OFFERED' AND accept_by < ? ORDER BY accept_by")) {
            Jdbc.setInstant(ps, 1, now);
            ps.setMaxRows(limit);
            return read(ps, limit);
        }
    }

    private Optional<Job> one(Connection c, String sql, String id) throws SQLException {
        return list(c, sql, 1, id).stream().findFirst();
    }

    private List<Job> list(Connection c, String sql, int limit, String... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setString(i + 1, args[i]);
            }
            return read(ps, limit);
        }
    }

    private static List<Job> read(PreparedStatement ps, int limit) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            List<Job> out = new ArrayList<>();
            while (rs.next() && out.size() < limit) {
                out.add(new Job(rs.getString("id"), rs.getString("incident_id"), rs.getString("unit_id"),
                        rs.getString("fleet_id"), Jdbc.getEnum(rs, "role", JobRole.class),
                        Jdbc.getEnum(rs, "state", JobState.class), Jdbc.getInstant(rs, "offered_at"),
                        Jdbc.getInstant(rs, "accept_by"), Jdbc.getInstant(rs, "accepted_at"),
                        Jdbc.getInstant(rs, "ended_at"), rs.getString("end_reason"), rs.getString("ended_by"),
                        rs.getInt("updates")));
            }
            return out;
        }
    }
}
