package org.sahaya.server.admin.privacy;

import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.core.type.TypeReference;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;
import org.sahaya.core.json.Json;
import org.sahaya.core.persistence.ConsentGate;
import org.sahaya.core.secret.SecretBox;
import org.sahaya.core.secret.SecretColumn;
import org.sahaya.core.subscriber.ConsentPurpose;

/**
 * A subscriber's medical profile, opened from its sealed column ({@code subscribers.medical_profile},
 * {@link SecretColumn#MEDICAL_PROFILE}): conditions, allergies, medications, blood group, mobility and
 * communication notes, as the administration API recorded them. Written out as that JSON object; its
 * {@code toString} never shows it (health data stays out of logs).
 */
public final class MedicalProfile {

    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {
    };

    private final Map<String, Object> fields;

    private MedicalProfile(Map<String, Object> fields) {
        this.fields = Map.copyOf(fields);
    }

    /** The profile as stored (sealed JSON); empty for null. */
    public static Optional<MedicalProfile> open(SecretBox secrets, String subscriberId, String stored) {
        if (stored == null || stored.isBlank()) {
            return Optional.empty();
        }
        String json = secrets.open(SecretColumn.MEDICAL_PROFILE, subscriberId, stored);
        try {
            return Optional.of(new MedicalProfile(Json.mapper().readValue(json, OBJECT)));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("the medical profile of a subscriber is not a JSON object", null);
        }
    }

    /**
     * The profile to give a crew or the receiving hospital: only with the subscriber's consent to
     * {@link ConsentPurpose#SHARE_MEDICAL_PROFILE} (not granted by default), read now, so a withdrawal
     * counts from the next read on. Blocking.
     */
    public static Optional<MedicalProfile> shared(Connection c, SecretBox secrets, String subscriberId)
            throws SQLException {
        if (!ConsentGate.granted(c, subscriberId, ConsentPurpose.SHARE_MEDICAL_PROFILE)) {
            return Optional.empty();
        }
        return open(secrets, subscriberId, stored(c, subscriberId));
    }

    /** The sealed column of the subscriber; null if none. */
    static String stored(Connection c, String subscriberId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT medical_profile FROM subscribers WHERE id = ?")) {
            ps.setString(1, subscriberId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    @JsonValue
    public Map<String, Object> fields() {
        return fields;
    }

    @Override
    public String toString() {
        return "MedicalProfile[" + fields.size() + " fields]";
    }
}
