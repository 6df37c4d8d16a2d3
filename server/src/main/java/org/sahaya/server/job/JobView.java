package org.sahaya.server.job;

import java.time.Instant;
import java.util.Map;
import org.sahaya.server.admin.privacy.MedicalProfile;

/**
 * A job as the crew app, the jobs API and the fleet's webhook show it: what the crew needs to go, find
 * the patient, treat them and take them somewhere, and nothing else (no timeline, no family messages).
 * The medical profile only with the senior's consent to share it; otherwise {@code medical} is null.
 */
public record JobView(String jobId, String incidentId, String role, String state, Instant offeredAt, Instant acceptBy,
                      UnitRef unit, String priority, String alertType, Map<String, Object> vitals, Where where,
                      Patient patient, HospitalRef hospital, ContactRef contact, Integer etaSeconds) {

    public record UnitRef(String id, String callSign) {
    }

    /** Where to go: the incident's position and the senior's home as recorded (address, landmark, access notes). */
    public record Where(double lat, double lon, String address, String landmark, String accessNotes) {
    }

    /** Who: {@code age} is null (no birth date is recorded), {@code medical} null without consent. */
    public record Patient(String name, Integer age, String language, MedicalProfile medical) {
    }

    public record HospitalRef(String id, String name, String address, String phone, String bedKind) {
    }

    /** The first contact of the family, for the crew to call. */
    public record ContactRef(String name, String relation, String phone) {
    }
}
