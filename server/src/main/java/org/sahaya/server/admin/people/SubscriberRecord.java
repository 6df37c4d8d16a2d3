package org.sahaya.server.admin.people;

import java.util.Map;
import org.sahaya.core.subscriber.ConsentPurpose;

/**
 * A subscriber as an operator puts them in: checked, not yet stored. Personal data: {@link #toString()}
 * names the id only.
 *
 * @param clientId            the corporate client whose employee enrolled them; null when none
 * @param preferredHospitalId the family's hospital; must exist; null when none
 * @param medicalProfile      null when none recorded
 * @param consents            the consents given with this record (all purposes on a create from the API,
 *                            perhaps none on an update); recorded with {@code recordedBy}
 * @param recordedBy          who records the consents: the admin's username, or {@code import}
 */
public record SubscriberRecord(String id, String name, Home home, String language, String timeZone, String clientId,
                               String preferredHospitalId, MedicalProfile medicalProfile,
                               Map<ConsentPurpose, Consents.Given> consents, String recordedBy) {

    /** Who recorded the consents of a record read from an import bundle. */
    public static final String IMPORT = "import";

    /** Where the senior lives, as a crew needs it. */
    public record Home(double lat, double lon, String address, String landmark, String accessNotes) {
        @Override
        public String toString() {
            return "Home[…]";
        }
    }

    public SubscriberRecord {
        consents = Map.copyOf(consents);
    }

    /** The same record, its consents recorded by {@code who} (the caller's name). */
    public SubscriberRecord recordedBy(String who) {
        return new SubscriberRecord(id, name, home, language, timeZone, clientId, preferredHospitalId, medicalProfile,
                consents, who);
    }

    /** The same record under another id (the one in the path of a PUT). */
    public SubscriberRecord withId(String newId) {
        return new SubscriberRecord(newId, name, home, language, timeZone, clientId, preferredHospitalId,
                medicalProfile, consents, recordedBy);
    }

    @Override
    public String toString() {
        return "SubscriberRecord[" + id + "]";
    }
}
