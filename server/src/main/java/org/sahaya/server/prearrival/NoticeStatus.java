package org.sahaya.server.prearrival;

import org.hl7.fhir.r4.model.Encounter;

/**
 * Where the patient stands as a pre-arrival notice tells the hospital: on the way, arrived, or not coming.
 * Each is one FHIR Encounter status.
 */
public enum NoticeStatus {
    /** On the way (or about to be): the Encounter is {@code planned}, its period starting at the expected arrival. */
    PLANNED(Encounter.EncounterStatus.PLANNED),
    /** At the hospital: the Encounter is {@code arrived}. */
    ARRIVED(Encounter.EncounterStatus.ARRIVED),
    /** Not coming after all (stood down, treated at home, taken elsewhere): the Encounter is {@code cancelled}. */
    CANCELLED(Encounter.EncounterStatus.CANCELLED);

    private final Encounter.EncounterStatus encounter;

    NoticeStatus(Encounter.EncounterStatus encounter) {
        this.encounter = encounter;
    }

    Encounter.EncounterStatus encounter() {
        return encounter;
    }
}
