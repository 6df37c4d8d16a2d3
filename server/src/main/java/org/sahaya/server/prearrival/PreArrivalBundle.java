package org.sahaya.server.prearrival;

import ca.uhn.fhir.context.FhirContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Date;
import java.util.HexFormat;
import java.util.Locale;
import java.util.UUID;
import org.hl7.fhir.r4.model.AllergyIntolerance;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

/**
 * Builds the FHIR R4 transaction Bundle of a pre-arrival notice from plain data: the Patient, the Encounter
 * (emergency, planned / arrived / cancelled, starting at the expected arrival, at the hospital) and, only when
 * the facts carry the shared medical profile, a Condition, an AllergyIntolerance and a MedicationStatement per
 * item. Pure: the same facts give the same Bundle (entry ids are name-based UUIDs).
 *
 * <p>Every entry is a conditional update ({@code PUT Patient?identifier=urn:sahaya:subscriber|S-1}), so the
 * hospital's server creates each resource the first time and updates it with every later notice instead of
 * storing duplicates. A cancelled notice carries no health data: a patient who is not coming need not be
 * described.
 */
public final class PreArrivalBundle {

    /** Identifies a subscriber (the Patient). */
    public static final String SUBSCRIBER_SYSTEM = "urn:sahaya:subscriber";
    /** Identifies an incident (the Encounter). */
    public static final String INCIDENT_SYSTEM = "urn:sahaya:incident";
    /** Identifies a hospital (the Encounter's service provider). */
    public static final String HOSPITAL_SYSTEM = "urn:sahaya:hospital";
    /** Identifies one item of a subscriber's medical profile (a condition, an allergy, a medication). */
    public static final String PROFILE_ITEM_SYSTEM = "urn:sahaya:medical-profile-item";

    private static final String ACT_CODE = "http://terminology.hl7.org/CodeSystem/v3-ActCode";
    private static final String ACT_PRIORITY = "http://terminology.hl7.org/CodeSystem/v3-ActPriority";
    private static final String CONDITION_CLINICAL = "http://terminology.hl7.org/CodeSystem/condition-clinical";
    private static final String ALLERGY_CLINICAL = "http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical";
    private static final String BCP_47 = "urn:ietf:bcp:47";

    private PreArrivalBundle() {
    }

    /** The R4 context every notice is built and encoded with (HAPI's cached one: building a context is slow). */
    public static FhirContext context() {
        return FhirContext.forR4Cached();
    }

    /** The transaction Bundle of {@code facts}. */
    public static Bundle of(NoticeFacts facts) {
        Bundle bundle = new Bundle();
        bundle.setType(Bundle.BundleType.TRANSACTION);
        String patientUrl = entryUrl(facts, "Patient", facts.patient().subscriberId());
        put(bundle, patientUrl, patient(facts.patient()),
                "Patient?identifier=" + SUBSCRIBER_SYSTEM + "|" + facts.patient().subscriberId());
        put(bundle, entryUrl(facts, "Encounter", facts.incidentId()), encounter(facts, patientUrl),
                "Encounter?identifier=" + INCIDENT_SYSTEM + "|" + facts.incidentId());
        if (facts.status() != NoticeStatus.CANCELLED) {
            facts.clinical().ifPresent(clinical -> clinical(bundle, facts, clinical, patientUrl));
        }
        return bundle;
    }

    /** {@code bundle} as FHIR JSON, exactly what is sent. */
    public static String json(Bundle bundle) {
        return context().newJsonParser().encodeResourceToString(bundle);
    }

    private static Patient patient(NoticeFacts.Patient who) {
        Patient patient = new Patient();
        patient.addIdentifier(new Identifier().setSystem(SUBSCRIBER_SYSTEM).setValue(who.subscriberId()));
        patient.addName().setText(who.name());
        if (who.address() != null && !who.address().isBlank()) {
            patient.addAddress().setText(who.address());
        }
        if (who.language() != null && !who.language().isBlank()) {
            patient.addCommunication().setPreferred(true)
                    .setLanguage(new CodeableConcept(new Coding().setSystem(BCP_47).setCode(who.language())));
        }
        return patient;
    }

    private static Encounter encounter(NoticeFacts facts, String patientUrl) {
        Encounter encounter = new Encounter();
        encounter.addIdentifier(new Identifier().setSystem(INCIDENT_SYSTEM).setValue(facts.incidentId()));
        encounter.setStatus(facts.status().encounter());
        encounter.setClass_(new Coding(ACT_CODE, "EMER", "emergency"));
        encounter.setPriority(priority(facts.priority()));
        encounter.setSubject(new Reference(patientUrl));
        encounter.getPeriod().setStart(Date.from(facts.expectedArrival()));
        encounter.setServiceProvider(new Reference()
                .setIdentifier(new Identifier().setSystem(HOSPITAL_SYSTEM).setValue(facts.hospitalId()))
                .setDisplay(facts.hospitalName()));
        encounter.addReasonCode().setText(facts.alertType());
        return encounter;
    }

    /** P1 is an emergency, P2 urgent, P3 as soon as possible, P4 routine (HL7 v3 ActPriority). */
    private static CodeableConcept priority(String priority) {
        Coding coding = switch (priority) {
            case "P1" -> new Coding(ACT_PRIORITY, "EM", "emergency");
            case "P2" -> new Coding(ACT_PRIORITY, "UR", "urgent");
            case "P3" -> new Coding(ACT_PRIORITY, "A", "ASAP");
            default -> new Coding(ACT_PRIORITY, "R", "routine");
        };
        return new CodeableConcept(coding).setText(priority);
    }

    private static void clinical(Bundle bundle, NoticeFacts facts, NoticeFacts.Clinical clinical, String patientUrl) {
        String subscriber = facts.patient().subscriberId();
        for (String text : clinical.conditions()) {
            Identifier id = itemId(subscriber, "condition", text);
            Condition condition = new Condition();
            condition.addIdentifier(id);
            condition.setClinicalStatus(new CodeableConcept(new Coding(CONDITION_CLINICAL, "active", "Active")));
            condition.setCode(new CodeableConcept().setText(text));
            condition.setSubject(new Reference(patientUrl));
            put(bundle, entryUrl(facts, "Condition", id.getValue()), condition, conditional("Condition", id));
        }
        for (String text : clinical.allergies()) {
            Identifier id = itemId(subscriber, "allergy", text);
            AllergyIntolerance allergy = new AllergyIntolerance();
            allergy.addIdentifier(id);
            allergy.setClinicalStatus(new CodeableConcept(new Coding(ALLERGY_CLINICAL, "active", "Active")));
            allergy.setCode(new CodeableConcept().setText(text));
            allergy.setPatient(new Reference(patientUrl));
            put(bundle, entryUrl(facts, "AllergyIntolerance", id.getValue()), allergy,
                    conditional("AllergyIntolerance", id));
        }
        for (NoticeFacts.Medication medication : clinical.medications()) {
            Identifier id = itemId(subscriber, "medication", medication.name());
            MedicationStatement statement = new MedicationStatement();
            statement.addIdentifier(id);
            statement.setStatus(MedicationStatement.MedicationStatementStatus.ACTIVE);
            statement.setMedication(new CodeableConcept().setText(medication.name()));
            statement.setSubject(new Reference(patientUrl));
            if (medication.dose() != null && !medication.dose().isBlank()) {
                statement.addDosage().setText(medication.dose());
            }
            put(bundle, entryUrl(facts, "MedicationStatement", id.getValue()), statement,
                    conditional("MedicationStatement", id));
        }
    }

    private static void put(Bundle bundle, String fullUrl, Resource resource, String conditionalUrl) {
        bundle.addEntry().setFullUrl(fullUrl).setResource(resource).getRequest()
                .setMethod(Bundle.HTTPVerb.PUT).setUrl(conditionalUrl);
    }

    private static String conditional(String type, Identifier id) {
        return type + "?identifier=" + id.getSystem() + "|" + id.getValue();
    }

    /**
     * A stable identifier of one profile item: the subscriber, the kind and a digest of the item's words, so
     * the same item sent again updates its resource and the item's words do not appear in a URL.
     */
    private static Identifier itemId(String subscriberId, String kind, String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(text.strip().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
            String value = subscriberId + "-" + kind + "-" + HexFormat.of().formatHex(digest, 0, 8);
            return new Identifier().setSystem(PROFILE_ITEM_SYSTEM).setValue(value);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static String entryUrl(NoticeFacts facts, String type, String key) {
        byte[] name = (facts.incidentId() + "/" + type + "/" + key).getBytes(StandardCharsets.UTF_8);
        return "urn:uuid:" + UUID.nameUUIDFromBytes(name);
    }
}
