package org.sahaya.server.prearrival;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Encounter;
import org.junit.jupiter.api.Test;

class R4ValidatorTest {

    private final R4Validator validator = R4Validator.shared();

    @Test
    void everyBundleTheNodeBuildsIsValidR4() {
        for (NoticeFacts facts : new NoticeFacts[] {Notices.withConsent(), Notices.withoutConsent(),
                Notices.withConsent().with(NoticeStatus.ARRIVED, Notices.EXPECTED),
                Notices.withConsent().with(NoticeStatus.CANCELLED, Notices.EXPECTED),
                new NoticeFacts("INC-2", "P4", "SMOKE", new NoticeFacts.Patient("S-2", "Ravi", null, null), "H-2",
                        "St. John's", Notices.EXPECTED, NoticeStatus.PLANNED, Optional.empty())}) {
            R4Validator.Verdict verdict = validator.check(PreArrivalBundle.of(facts));
            assertThat(verdict.errors()).as(facts.toString()).isEmpty();
        }
    }

    @Test
    void aBrokenBundleFailsAndTheVerdictNamesWhereButNotWhat() {
        Bundle bundle = PreArrivalBundle.of(Notices.withConsent());
        Encounter encounter = (Encounter) bundle.getEntry().get(1).getResource();
        encounter.setStatus(null); // required: 1..1
        encounter.setClass_(null); // required: 1..1

        R4Validator.Verdict verdict = validator.check(bundle);

        assertThat(verdict.valid()).isFalse();
        assertThat(verdict.summary()).contains("Encounter").doesNotContain("Asha", "Penicillin");
    }
}
