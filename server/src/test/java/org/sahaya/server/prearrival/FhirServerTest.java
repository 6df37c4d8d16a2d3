package org.sahaya.server.prearrival;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Date;
import org.hl7.fhir.r4.model.AllergyIntolerance;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Bundles built by the node, sent to a real HAPI FHIR server that validates what it takes. */
class FhirServerTest {

    private static FhirServer hospital;

    @BeforeAll
    static void start() throws Exception {
        hospital = FhirServer.start();
    }

    @AfterAll
    static void stop() throws Exception {
        hospital.close();
    }

    @Test
    void theHospitalsServerStoresThePatientAndThePlannedEncounterOfANotice() throws Exception {
        HttpResponse<String> answer = FhirServer.post(hospital.baseUrl(),
                PreArrivalBundle.json(PreArrivalBundle.of(Notices.withConsent())));

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        Patient patient = hospital.search(Patient.class, "urn:sahaya:subscriber", "S-1").getFirst();
        assertThat(patient.getNameFirstRep().getText()).isEqualTo("Asha Rao");
        Encounter encounter = hospital.search(Encounter.class, "urn:sahaya:incident", "INC-1").getFirst();
        assertThat(encounter.getStatus()).isEqualTo(Encounter.EncounterStatus.PLANNED);
        assertThat(encounter.getPeriod().getStart().toInstant()).isEqualTo(Notices.EXPECTED);
        assertThat(encounter.getSubject().getReference()).isEqualTo("Patient/" + patient.getIdElement().getIdPart());
        assertThat(encounter.getServiceProvider().getDisplay()).isEqualTo("Manipal Hospital");
        assertThat(hospital.stored("Condition")).hasSize(2).allSatisfy(c -> assertThat(((Condition) c).getSubject()
                .getReference()).isEqualTo("Patient/" + patient.getIdElement().getIdPart()));
        assertThat(hospital.stored("AllergyIntolerance")).hasSize(1);
        assertThat(hospital.stored("MedicationStatement")).hasSize(2);
    }

    @Test
    void aLaterNoticeUpdatesTheEncounterInsteadOfAddingOne() throws Exception {
        NoticeFacts first = Notices.withoutConsent();
        Instant later = Notices.EXPECTED.plusSeconds(420);
        FhirServer.post(hospital.baseUrl(), PreArrivalBundle.json(PreArrivalBundle.of(first)));

        HttpResponse<String> answer = FhirServer.post(hospital.baseUrl(),
                PreArrivalBundle.json(PreArrivalBundle.of(first.with(NoticeStatus.ARRIVED, later))));

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        assertThat(hospital.search(Patient.class, "urn:sahaya:subscriber", "S-1")).hasSize(1);
        assertThat(hospital.search(Encounter.class, "urn:sahaya:incident", "INC-1")).singleElement().satisfies(e -> {
            assertThat(e.getStatus()).isEqualTo(Encounter.EncounterStatus.ARRIVED);
            assertThat(e.getPeriod().getStart()).isEqualTo(Date.from(later));
        });
    }

    @Test
    void theServerRefusesABundleThatIsNotValidR4AndStoresNothingOfIt() throws Exception {
        int before = hospital.transactions();
        Bundle broken = PreArrivalBundle.of(new NoticeFacts("INC-BROKEN", "P2", "SOS", Notices.asha(), "H-1", "Apollo",
                Notices.EXPECTED, NoticeStatus.PLANNED, java.util.Optional.empty()));
        ((Encounter) broken.getEntry().get(1).getResource()).setStatus(null);

        HttpResponse<String> answer = FhirServer.post(hospital.baseUrl(), PreArrivalBundle.json(broken));

        assertThat(answer.statusCode()).isEqualTo(422);
        assertThat(answer.body()).contains("OperationOutcome");
        assertThat(hospital.transactions()).isEqualTo(before);
        assertThat(hospital.search(Encounter.class, "urn:sahaya:incident", "INC-BROKEN")).isEmpty();
        assertThat(hospital.search(AllergyIntolerance.class, "urn:sahaya:medical-profile-item", "none")).isEmpty();
        assertThat(hospital.search(MedicationStatement.class, "urn:sahaya:medical-profile-item", "none")).isEmpty();
    }
}
