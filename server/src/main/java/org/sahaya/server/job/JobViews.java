package org.sahaya.server.job;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import org.sahaya.core.fleet.Units;
import org.sahaya.core.incident.Incident;
import org.sahaya.core.json.Json;
import org.sahaya.core.persistence.Database;
import org.sahaya.core.persistence.IncidentRepository;
import org.sahaya.core.secret.SecretBox;
import org.sahaya.dispatch.job.Job;
import org.sahaya.server.admin.privacy.MedicalProfile;

/**
 * Builds {@link JobView}s from the job, its incident, the senior's record, the incident's alerts, the
 * receiving hospital and the family's first contact. The medical profile is opened only with the
 * {@code SHARE_MEDICAL_PROFILE} consent, read at each view. Blocking JDBC on the caller's connection.
 *
 * @param units   the unit's call sign
 * @param secrets opens the sealed medical profile
 */
public record JobViews(Units units, SecretBox secrets) {

    private static final IncidentRepository INCIDENTS = new IncidentRepository();
    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {
    };

    /** The job's view, reading its incident now. */
    public JobView of(Database database, Job job) {
        return database.withConnection(c -> of(c, job, null));
    }

    /** @param incident the incident as it is now; null to read it */
    public JobView of(Connection c, Job job, Incident incident) throws SQLException {
        Incident i = incident != null ? incident : INCIDENTS.find(c, job.incidentId())
                .orElseThrow(() -> new IllegalStateException("job " + job.id() + " has no incident"));
        String callSign = units.unit(job.unitId()).map(u -> u.callSign()).orElse(job.unitId());
        Senior senior = senior(c, i.subscriberId());
        MedicalProfile medical = MedicalProfile.shared(c, secrets, i.subscriberId()).orElse(null);
        return new JobView(job.id(), i.id(), job.role().name(), job.state().name(), job.offeredAt(), job.acceptBy(),
                new JobView.UnitRef(job.unitId(), callSign), i.priority().name(), i.alertType().name(),
                vitals(c, i.id()),
                new JobView.Where(i.location().lat(), i.location().lon(), senior.address, senior.landmark,
                        senior.accessNotes),
                new JobView.Patient(senior.name, null, senior.language, medical),
                hospital(c, i), contact(c, i.subscriberId()), i.unitId() != null && i.unitId().equals(job.unitId())
                        ? i.etaSeconds() : null);
    }

    private record Senior(String name, String language, String address, String landmark, String accessNotes) {
    }

    private static Senior senior(Connection c, String subscriberId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT name, language, address, landmark, access_notes FROM subscribers WHERE id = ?")) {
            ps.setString(1, subscriberId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? new Senior(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5)) : new Senior(null, null, null, null, null);
            }
        }
    }

    /** The latest vitals an alert of the incident carried; null if none did. */
    private static Map<String, Object> vitals(Connection c, String incidentId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT vitals FROM alerts WHERE incident_id = ?"
                + " AND vitals IS NOT NULL ORDER BY received_at DESC")) {
            ps.setString(1, incidentId);
            ps.setMaxRows(1);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                try {
                    return Json.mapper().readValue(rs.getString(1), OBJECT);
                } catch (JsonProcessingException e) {
                    return null; // vitals are stored as compact JSON objects; anything else is not shown
                }
            }
        }
    }

    private static JobView.HospitalRef hospital(Connection c, Incident i) throws SQLException {
        if (i.hospitalId() == null) {
            return null;
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT name, address, phone FROM hospitals WHERE id = ?")) {
            ps.setString(1, i.hospitalId());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? new JobView.HospitalRef(i.hospitalId(), rs.getString(1), rs.getString(2),
                        rs.getString(3), i.bedKind() == null ? null : i.bedKind().name()) : null;
            }
        }
    }

    private static JobView.ContactRef contact(Connection c, String subscriberId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT name, relation, phone FROM contacts WHERE subscriber_id = ? ORDER BY call_order, id")) {
            ps.setString(1, subscriberId);
            ps.setMaxRows(1);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? new JobView.ContactRef(rs.getString(1), rs.getString(2), rs.getString(3)) : null;
            }
        }
    }
}
