package org.sahaya.dispatch.assignment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.sahaya.core.Coordinates;
import org.sahaya.core.hospital.BedKind;
import org.sahaya.core.hospital.Hospital;
import org.sahaya.dispatch.policy.DispatchPolicy;
import org.sahaya.dispatch.policy.HospitalOption;
import org.sahaya.geo.GeoPoint;
import org.sahaya.geo.GeodesicDistance;
import org.sahaya.geo.eta.EtaModel;

/** Where to reserve the bed, pure: the bed boards, the family's preference and a bed held before in; the order out. */
class BedChoiceTest {

    private static final GeoPoint SCENE = GeoPoint.of(12.9756, 77.6066);
    private static final ZonedDateTime AT = ZonedDateTime.of(2026, 1, 1, 10, 0, 0, 0, ZoneOffset.UTC);
    private static final EtaModel MINUTE_PER_KM =
            (from, to, at) -> Duration.ofSeconds((long) (60 * GeodesicDistance.metres(from, to) / 1000));
    private static final BedChoice CHOICE = new BedChoice(DispatchPolicy.defaults(), MINUTE_PER_KM);

    private final Hospital near = hospital("H-NEAR", 0.01, 1);
    private final Hospital far = hospital("H-FAR", 0.05, 3);
    private final Hospital full = hospital("H-FULL", 0.005, 0);

    @Test
    void theNearestHospitalWithAFreeBedComesFirstAndOneWithoutIsNotTried() {
        BedChoice.Plan plan = CHOICE.plan(List.of(far, full, near), SCENE, BedKind.ER, null, Optional.empty(), AT);

        assertThat(plan.kept()).isFalse();
        assertThat(plan.order()).extracting(HospitalOption::hospitalId).containsExactly("H-NEAR", "H-FAR");
    }

    @Test
    void aBedHeldForTheIncidentBeforeIsKeptRatherThanASecondOneHeld() {
        BedChoice.Plan plan = CHOICE.plan(List.of(far, near), SCENE, BedKind.ER, null, Optional.of("H-FAR"), AT);

        assertThat(plan.kept()).isTrue();
        assertThat(plan.order()).extracting(HospitalOption::hospitalId).containsExactly("H-FAR");
    }

    @Test
    void aHeldBedAtAHospitalNoLongerOnTheBoardIsIgnoredAndTheRankingUsed() {
        BedChoice.Plan plan = CHOICE.plan(List.of(far, near), SCENE, BedKind.ER, null, Optional.of("H-GONE"), AT);

        assertThat(plan.kept()).isFalse();
        assertThat(plan.order()).extracting(HospitalOption::hospitalId).containsExactly("H-NEAR", "H-FAR");
    }

    @Test
    void eachOptionCarriesTheFreeBedsOfTheNeededKindAndTheFamilysPreference() {
        List<HospitalOption> options = CHOICE.options(List.of(near, far), SCENE, BedKind.ER, "H-FAR", AT);

        assertThat(options).extracting(HospitalOption::hospitalId, HospitalOption::freeBeds, HospitalOption::preferred)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("H-NEAR", 1, false),
                        org.assertj.core.groups.Tuple.tuple("H-FAR", 3, true));
        assertThat(CHOICE.options(List.of(near), SCENE, BedKind.ICU, null, AT).getFirst().freeBeds()).isZero();
    }

    private static Hospital hospital(String id, double degreesNorth, int freeEr) {
        return new Hospital(id, id + " Hospital", new Coordinates(SCENE.lat() + degreesNorth, SCENE.lon()), false,
                Map.of(BedKind.ER, freeEr), Map.of());
    }
}
