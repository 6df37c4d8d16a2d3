package org.sahaya.server.prearrival;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything one pre-arrival notice says, as plain data: which incident, who is coming, to which hospital,
 * when, and (only with the subscriber's consent to share the medical profile) what the emergency room should
 * know of their health. Holds personal and health data: {@link #toString()} names only the incident.
 *
 * @param incidentId      the incident (the Encounter's identifier)
 * @param priority        triage priority, P1 to P4
 * @param alertType       what raised the incident (FALL, SOS, ...): the Encounter's reason
 * @param patient         who is coming
 * @param hospitalId      the receiving hospital (its partner id)
 * @param hospitalName    the receiving hospital's name
 * @param expectedArrival when the patient is expected (or arrived)
 * @param status          planned, arrived or cancelled
 * @param clinical        the shared medical profile; empty without consent
 */
public record NoticeFacts(String incidentId, String priority, String alertType, Patient patient, String hospitalId,
                          String hospitalName, Instant expectedArrival, NoticeStatus status,
                          Optional<Clinical> clinical) {

    public NoticeFacts {
        Objects.requireNonNull(incidentId, "incidentId");
        Objects.requireNonNull(priority, "priority");
        Objects.requireNonNull(alertType, "alertType");
        Objects.requireNonNull(patient, "patient");
        Objects.requireNonNull(hospitalId, "hospitalId");
        Objects.requireNonNull(hospitalName, "hospitalName");
        Objects.requireNonNull(expectedArrival, "expectedArrival");
        Objects.requireNonNull(status, "status");
        clinical = clinical == null ? Optional.empty() : clinical;
    }

    /** The same notice with another status and expected arrival. */
    public NoticeFacts with(NoticeStatus next, Instant expected) {
        return new NoticeFacts(incidentId, priority, alertType, patient, hospitalId, hospitalName, expected, next,
                clinical);
    }

    @Override
    public String toString() {
        return "NoticeFacts[" + incidentId + " " + status + "]";
    }

    /**
     * The subscriber as the hospital needs them.
     *
     * @param subscriberId our id (the Patient's identifier)
     * @param name         display name
     * @param address      home address; null if not recorded
     * @param language     BCP 47 tag of the language they speak
     */
    public record Patient(String subscriberId, String name, String address, String language) {

        public Patient {
            Objects.requireNonNull(subscriberId, "subscriberId");
            Objects.requireNonNull(name, "name");
        }

        @Override
        public String toString() {
            return "Patient[" + subscriberId + "]";
        }
    }

    /** The medical profile's conditions, allergies and medications, shared with consent only. */
    public record Clinical(List<String> conditions, List<String> allergies, List<Medication> medications) {

        public Clinical {
            conditions = List.copyOf(conditions);
            allergies = List.copyOf(allergies);
            medications = List.copyOf(medications);
        }

        @Override
        public String toString() {
            return "Clinical[…]";
        }
    }

    /** A medicine taken, with its dose as written (null if none). */
    public record Medication(String name, String dose) {

        public Medication {
            Objects.requireNonNull(name, "name");
        }

        @Override
        public String toString() {
            return "Medication[…]";
        }
    }
}
