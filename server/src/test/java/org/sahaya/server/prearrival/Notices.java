package org.sahaya.server.prearrival;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Made-up notices for tests: Asha Rao, coming to Manipal Hospital. */
final class Notices {

    static final Instant EXPECTED = Instant.parse("2026-03-02T09:02:00Z");

    private Notices() {
    }

    static NoticeFacts.Patient asha() {
        return new NoticeFacts.Patient("S-1", "Asha Rao", "12 MG Road, Bengaluru", "kn");
    }

    static NoticeFacts.Clinical profile() {
        return new NoticeFacts.Clinical(List.of("Type 2 diabetes", "Hypertension"), List.of("Penicillin"),
                List.of(new NoticeFacts.Medication("Metformin", "500 mg twice a day"),
                        new NoticeFacts.Medication("Amlodipine", null)));
    }

    static NoticeFacts planned(Optional<NoticeFacts.Clinical> clinical) {
        return new NoticeFacts("INC-1", "P1", "FALL", asha(), "H-MANIPAL", "Manipal Hospital", EXPECTED,
                NoticeStatus.PLANNED, clinical);
    }

    static NoticeFacts withConsent() {
        return planned(Optional.of(profile()));
    }

    static NoticeFacts withoutConsent() {
        return planned(Optional.empty());
    }
}
