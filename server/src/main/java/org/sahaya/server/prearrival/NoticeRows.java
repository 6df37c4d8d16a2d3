package org.sahaya.server.prearrival;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.sahaya.core.persistence.Jdbc;
import org.sahaya.core.secret.SecretBox;
import org.sahaya.server.admin.privacy.MedicalProfile;
import org.sahaya.server.delivery.PartnerDelivery;

/**
 * What pre-arrival notices read and write in the database: the last notice told per incident and hospital
 * ({@code pre_arrival_notices}), where a hospital hears (its FHIR base URL, else its partner webhook), and the
 * patient as the notice describes them, with the medical profile only under the subscriber's consent.
 * Blocking JDBC on the caller's connection.
 */
final class NoticeRows {

    /** How a hospital hears: its transport, or none (no FHIR endpoint, no webhook). */
    record Channel(Optional<PartnerDelivery.Transport> transport) {
        String describe() {
            return transport.map(t -> t == PartnerDelivery.Transport.FHIR ? "FHIR" : "webhook").orElse("none");
        }
    }

    private NoticeRows() {
    }

    /** The last notice told to {@code hospitalId} about {@code incidentId}; with {@code lock}, its row is locked. */
    static Optional<NoticeKind.Told> told(Connection c, String incidentId, String hospitalId, boolean lock)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT seq, status, expected_arrival FROM pre_arrival_notices"
                + " WHERE incident_id = ? AND hospital_id = ?" + (lock ? " FOR UPDATE" : ""))) {
            ps.setString(1, incidentId);
            ps.setString(2, hospitalId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new NoticeKind.Told(rs.getInt("seq"),
                        NoticeStatus.valueOf(rs.getString("status")), Jdbc.getInstant(rs, "expected_arrival")))
                        : Optional.empty();
            }
        }
    }

    /** Stores {@code now} as the last notice told (the first inserts, later ones update). */
    static void remember(Connection c, String incidentId, String hospitalId, NoticeKind.Told now, Channel channel,
                         Instant at) throws SQLException {
        boolean first = now.seq() == 1;
        String sql = first
                ? "INSERT INTO pre_arrival_notices (seq, status, expected_arrival, transport, told_at, incident_id,"
                + " hospital_id) VALUES (?,?,?,?,?,?,?)"
                : "UPDATE pre_arrival_notices SET seq = ?, status = ?, expected_arrival = ?, transport = ?, told_at = ?"
                + " WHERE incident_id = ? AND hospital_id = ?";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setInt(1, now.seq());
            ps.setString(2, now.status().name());
            Jdbc.setInstant(ps, 3, now.expectedArrival());
            ps.setString(4, channel.transport().map(Enum::name).orElse(null));
            Jdbc.setInstant(ps, 5, at);
            ps.setString(6, incidentId);
            ps.setString(7, hospitalId);
            ps.executeUpdate();
        }
    }

    /** How {@code hospitalId} hears: FHIR when it has a base URL, else its partner webhook, else not at all. */
    static Channel channel(Connection c, String hospitalId) throws SQLException {
        if (present(c, "SELECT fhir_base_url FROM hospitals WHERE id = ?", hospitalId)) {
            return new Channel(Optional.of(PartnerDelivery.Transport.FHIR));
        }
        if (present(c, "SELECT webhook_url FROM partners WHERE id = ?", hospitalId)) {
            return new Channel(Optional.of(PartnerDelivery.Transport.WEBHOOK));
        }
        return new Channel(Optional.empty());
    }

    /** The subscriber as the hospital needs them; empty if unknown. */
    static Optional<NoticeFacts.Patient> patient(Connection c, String subscriberId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT name, address, language FROM subscribers WHERE id = ?")) {
            ps.setString(1, subscriberId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new NoticeFacts.Patient(subscriberId, rs.getString("name"),
                        rs.getString("address"), rs.getString("language"))) : Optional.empty();
            }
        }
    }

    /**
     * The conditions, allergies and medications of the medical profile, only if the subscriber consented to
     * sharing it ({@code SHARE_MEDICAL_PROFILE}, read now, as a partner's view reads it); empty otherwise.
     */
    static Optional<NoticeFacts.Clinical> clinical(Connection c, SecretBox secrets, String subscriberId)
            throws SQLException {
        return MedicalProfile.shared(c, secrets, subscriberId).map(profile -> {
            Map<String, Object> fields = profile.fields();
            List<NoticeFacts.Medication> medications = new ArrayList<>();
            if (fields.get("medications") instanceof List<?> list) {
                for (Object item : list) {
                    if (item instanceof Map<?, ?> m && m.get("name") instanceof String name && !name.isBlank()) {
                        medications.add(new NoticeFacts.Medication(name, m.get("dose") instanceof String d ? d : null));
                    }
                }
            }
            return new NoticeFacts.Clinical(texts(fields.get("conditions")), texts(fields.get("allergies")), medications);
        });
    }

    private static List<String> texts(Object value) {
        List<String> out = new ArrayList<>();
        if (value instanceof List<?> list) {
            list.stream().filter(String.class::isInstance).map(String.class::cast).filter(s -> !s.isBlank())
                    .forEach(out::add);
        }
        return out;
    }

    private static boolean present(Connection c, String sql, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getString(1) != null && !rs.getString(1).isBlank();
            }
        }
    }
}
