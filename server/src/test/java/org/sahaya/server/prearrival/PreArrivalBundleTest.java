package org.sahaya.server.prearrival;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.hl7.fhir.r4.model.AllergyIntolerance;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.Test;

class PreArrivalBundleTest {

    @Test
    void withoutConsentTheBundleHoldsOnlyThePatientAndTheEncounter() {
        Bundle bundle = PreArrivalBundle.of(Notices.withoutConsent());

        assertThat(bundle.getType()).isEqualTo(Bundle.BundleType.TRANSACTION);
        assertThat(types(bundle)).containsExactly("Patient", "Encounter");
        assertThat(PreArrivalBundle.json(bundle)).doesNotContain("Penicillin", "Metformin", "diabetes");
    }

    @Test
    void withConsentTheBundleCarriesConditionsAllergiesAndMedicationsOfThePatient() {
        Bundle bundle = PreArrivalBundle.of(Notices.withConsent());

        assertThat(types(bundle)).containsExactly("Patient", "Encounter", "Condition", "Condition",
                "AllergyIntolerance", "MedicationStatement", "MedicationStatement");
        String patientUrl = bundle.getEntry().get(0).getFullUrl();
        assertThat(patientUrl).startsWith("urn:uuid:");
        List<Resource> resources = bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource).toList();
        assertThat(resources).filteredOn(Condition.class::isInstance).map(r -> (Condition) r)
                .allSatisfy(c -> assertThat(c.getSubject().getReference()).isEqualTo(patientUrl))
                .extracting(c -> c.getCode().getText()).containsExactly("Type 2 diabetes", "Hypertension");
        assertThat(resources).filteredOn(AllergyIntolerance.class::isInstance).map(r -> (AllergyIntolerance) r)
                .singleElement().satisfies(a -> {
                    assertThat(a.getPatient().getReference()).isEqualTo(patientUrl);
                    assertThat(a.getCode().getText()).isEqualTo("Penicillin");
                });
        assertThat(resources).filteredOn(MedicationStatement.class::isInstance).map(r -> (MedicationStatement) r)
                .first().satisfies(m -> {
                    assertThat(m.getSubject().getReference()).isEqualTo(patientUrl);
                    assertThat(m.getMedicationCodeableConcept().getText()).isEqualTo("Metformin");
                    assertThat(m.getDosageFirstRep().getText()).isEqualTo("500 mg twice a day");
                });
    }

    @Test
    void thePatientAndTheEncounterSayWhoIsComingWhereWhenAndWhy() {
        Bundle bundle = PreArrivalBundle.of(Notices.withoutConsent());
        Patient patient = (Patient) bundle.getEntry().get(0).getResource();
        Encounter encounter = (Encounter) bundle.getEntry().get(1).getResource();

        assertThat(patient.getIdentifierFirstRep().getSystem()).isEqualTo("urn:sahaya:subscriber");
        assertThat(patient.getIdentifierFirstRep().getValue()).isEqualTo("S-1");
        assertThat(patient.getNameFirstRep().getText()).isEqualTo("Asha Rao");
        assertThat(patient.getAddressFirstRep().getText()).isEqualTo("12 MG Road, Bengaluru");
        assertThat(patient.getCommunicationFirstRep().getLanguage().getCodingFirstRep().getCode()).isEqualTo("kn");
        assertThat(encounter.getIdentifierFirstRep().getSystem()).isEqualTo("urn:sahaya:incident");
        assertThat(encounter.getIdentifierFirstRep().getValue()).isEqualTo("INC-1");
        assertThat(encounter.getStatus()).isEqualTo(Encounter.EncounterStatus.PLANNED);
        assertThat(encounter.getClass_().getSystem()).isEqualTo("http://terminology.hl7.org/CodeSystem/v3-ActCode");
        assertThat(encounter.getClass_().getCode()).isEqualTo("EMER");
        assertThat(encounter.getPriority().getText()).isEqualTo("P1");
        assertThat(encounter.getPriority().getCodingFirstRep().getCode()).isEqualTo("EM");
        assertThat(encounter.getPeriod().getStart().toInstant()).isEqualTo(Notices.EXPECTED);
        assertThat(encounter.getServiceProvider().getDisplay()).isEqualTo("Manipal Hospital");
        assertThat(encounter.getReasonCodeFirstRep().getText()).isEqualTo("FALL");
        assertThat(encounter.getSubject().getReference()).isEqualTo(bundle.getEntry().get(0).getFullUrl());
    }

    @Test
    void everyEntryIsAConditionalUpdateSoALaterNoticeUpdatesInsteadOfDuplicating() {
        Bundle bundle = PreArrivalBundle.of(Notices.withConsent());

        assertThat(bundle.getEntry()).allSatisfy(e -> assertThat(e.getRequest().getMethod()).isEqualTo(Bundle.HTTPVerb.PUT));
        assertThat(bundle.getEntry().get(0).getRequest().getUrl()).isEqualTo("Patient?identifier=urn:sahaya:subscriber|S-1");
        assertThat(bundle.getEntry().get(1).getRequest().getUrl()).isEqualTo("Encounter?identifier=urn:sahaya:incident|INC-1");
        assertThat(bundle.getEntry().get(2).getRequest().getUrl())
                .startsWith("Condition?identifier=urn:sahaya:medical-profile-item|S-1-condition-")
                .doesNotContain("diabetes");
        assertThat(PreArrivalBundle.json(PreArrivalBundle.of(Notices.withConsent())))
                .as("the same facts give the same bundle").isEqualTo(PreArrivalBundle.json(bundle));
    }

    @Test
    void theEncounterFollowsThePatientFromPlannedToArrivedOrCancelled() {
        Encounter arrived = encounter(PreArrivalBundle.of(
                Notices.withConsent().with(NoticeStatus.ARRIVED, Notices.EXPECTED.plusSeconds(300))));
        Bundle cancelled = PreArrivalBundle.of(Notices.withConsent().with(NoticeStatus.CANCELLED, Notices.EXPECTED));

        assertThat(arrived.getStatus()).isEqualTo(Encounter.EncounterStatus.ARRIVED);
        assertThat(arrived.getPeriod().getStart().toInstant()).isEqualTo(Notices.EXPECTED.plusSeconds(300));
        assertThat(encounter(cancelled).getStatus()).isEqualTo(Encounter.EncounterStatus.CANCELLED);
        assertThat(types(cancelled)).as("no health data about a patient who is not coming")
                .containsExactly("Patient", "Encounter");
    }

    private static Encounter encounter(Bundle bundle) {
        return (Encounter) bundle.getEntry().get(1).getResource();
    }

    private static List<String> types(Bundle bundle) {
        return bundle.getEntry().stream().map(e -> e.getResource().fhirType()).toList();
    }
}
