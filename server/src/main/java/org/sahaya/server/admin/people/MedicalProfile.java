package org.sahaya.server.admin.people;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What a crew or an emergency room needs to know about a subscriber's health. Health data: stored
 * only sealed ({@code subscribers.medical_profile}), never logged; {@link #toString()} names nothing.
 *
 * @param bloodGroup ABO and Rh, e.g. {@code O+}; null when not known
 */
public record MedicalProfile(List<String> conditions, List<String> allergies, List<Medication> medications,
                             String bloodGroup, String mobilityNotes, String communicationNotes) {

    /** A medicine taken and its dose as written, e.g. "Metformin", "500 mg twice a day". */
    public record Medication(String name, String dose) {
        @Override
        public String toString() {
            return "Medication[…]";
        }
    }

    static final Set<String> BLOOD_GROUPS = Set.of("A+", "A-", "B+", "B-", "AB+", "AB-", "O+", "O-");
    private static final int MOST_ITEMS = 50;
    private static final int ITEM_CHARS = 200;
    private static final int NOTE_CHARS = 2000;
    /** What fits sealed (base64 of IV, UTF-8 text and tag) in {@code subscribers.medical_profile}, VARCHAR(16000). */
    private static final int MOST_BYTES = 11_000;

    public MedicalProfile {
        conditions = List.copyOf(conditions);
        allergies = List.copyOf(allergies);
        medications = List.copyOf(medications);
    }

    /** Reads {@code json} (at {@code path} of the record), collecting faults in {@code checks}. */
    static MedicalProfile read(JsonObject json, String path, Checks checks) {
        List<String> conditions = checks.texts(json, "conditions", path + ".conditions", ITEM_CHARS, MOST_ITEMS);
        List<String> allergies = checks.texts(json, "allergies", path + ".allergies", ITEM_CHARS, MOST_ITEMS);
        List<Medication> medications = new ArrayList<>();
        Object given = json.getValue("medications");
        if (given != null && !(given instanceof JsonArray)) {
            checks.fault(path + ".medications", "must be an array");
        } else if (given instanceof JsonArray array) {
            if (array.size() > MOST_ITEMS) {
                checks.fault(path + ".medications", "must have at most " + MOST_ITEMS + " items");
            }
            for (int i = 0; i < array.size() && i < MOST_ITEMS; i++) {
                String at = path + ".medications[" + i + "]";
                if (!(array.getValue(i) instanceof JsonObject m)) {
                    checks.fault(at, "must be an object with name and dose");
                    continue;
                }
                String name = checks.text(m, "name", at + ".name", ITEM_CHARS, true);
                String dose = checks.text(m, "dose", at + ".dose", ITEM_CHARS, false);
                if (name != null) {
                    medications.add(new Medication(name, dose));
                }
            }
        }
        String blood = checks.text(json, "bloodGroup", path + ".bloodGroup", 3, false);
        if (blood != null && !BLOOD_GROUPS.contains(blood.toUpperCase())) {
            checks.fault(path + ".bloodGroup", "must be one of A+, A-, B+, B-, AB+, AB-, O+, O-");
        }
        String mobility = checks.text(json, "mobilityNotes", path + ".mobilityNotes", NOTE_CHARS, false);
        String communication = checks.text(json, "communicationNotes", path + ".communicationNotes", NOTE_CHARS, false);
        MedicalProfile profile = new MedicalProfile(conditions, allergies, medications,
                blood == null ? null : blood.toUpperCase(), mobility, communication);
        if (profile.toJson().encode().getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MOST_BYTES) {
            checks.fault(path, "is too long: at most " + MOST_BYTES + " bytes of UTF-8 in all");
        }
        return profile;
    }

    /** The profile as the API and the sealed column hold it. */
    public JsonObject toJson() {
        JsonArray meds = new JsonArray();
        medications.forEach(m -> meds.add(new JsonObject().put("name", m.name()).put("dose", m.dose())));
        return new JsonObject().put("conditions", new JsonArray(conditions)).put("allergies", new JsonArray(allergies))
                .put("medications", meds).put("bloodGroup", bloodGroup).put("mobilityNotes", mobilityNotes)
                .put("communicationNotes", communicationNotes);
    }

    /** Reads back what {@link #toJson()} wrote (already checked when it was stored). */
    static MedicalProfile fromJson(JsonObject json) {
        return read(json, "medicalProfile", new Checks());
    }

    @Override
    public String toString() {
        return "MedicalProfile[…]";
    }
}
