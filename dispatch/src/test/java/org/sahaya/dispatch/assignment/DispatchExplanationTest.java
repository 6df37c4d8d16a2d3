package org.sahaya.dispatch.assignment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sahaya.core.fleet.UnitLevel;
import org.sahaya.core.hospital.BedKind;
import org.sahaya.core.incident.TimelineEntry;
import org.sahaya.core.incident.TimelineStage;
import org.sahaya.dispatch.policy.HospitalOption;
import org.sahaya.dispatch.policy.UnitOption;

/** What a dispatch says on the timeline, pure: the decision in, the sentences out. */
class DispatchExplanationTest {

    private static final Instant AT = Instant.parse("2026-01-01T10:00:00Z");
    private static final UnitOption KA01 = new UnitOption("U-1", "KA-01", UnitLevel.BLS, 1_200, Duration.ofSeconds(150));
    private static final UnitOption KA02 = new UnitOption("U-2", "KA-02", UnitLevel.ALS, 2_500, Duration.ofSeconds(300));
    private static final HospitalOption BOWRING =
            new HospitalOption("H-1", "Bowring", 3_000, Duration.ofMinutes(6), true, false, 2);

    @Test
    void theCandidatesAreListedWithThoseLostAndThosePassedOver() {
        assertThat(DispatchExplanation.considered(List.of(KA01, KA02), 0, List.of()))
                .isEqualTo("Considered: KA-01 BLS 1.2 km ETA 3 min; KA-02 ALS 2.5 km ETA 5 min");
        assertThat(DispatchExplanation.considered(List.of(KA02), 1, List.of("KA-09 (declined this incident)")))
                .isEqualTo("Considered: KA-02 ALS 2.5 km ETA 5 min (1 nearer taken by other incidents first)."
                        + " Not considered: KA-09 (declined this incident)");
    }

    @Test
    void noUnitSaysWhetherNoneWasNearOrEveryOneWasTakenFirst() {
        assertThat(DispatchExplanation.noUnit(UnitLevel.ALS, false, 60, List.of()))
                .isEqualTo("no available ALS-capable unit within 60 km");
        assertThat(DispatchExplanation.noUnit(UnitLevel.BLS, true, 60, List.of("KA-07 (outside its service area North)")))
                .isEqualTo("every candidate was claimed by another incident first (not considered: KA-07 (outside its service area North))");
    }

    @Test
    void aDispatchWritesCandidatesUnitAndBedInThatOrder() {
        List<TimelineEntry> entries = DispatchExplanation.dispatched("INC-1", AT, "Considered: KA-01", "Unit KA-01: nearest",
                BedKind.ER, BOWRING, false, "Hospital Bowring: fastest");

        assertThat(entries).extracting(TimelineEntry::stage)
                .containsExactly(TimelineStage.UNIT_CANDIDATES, TimelineStage.DISPATCHED, TimelineStage.BED_RESERVED);
        assertThat(entries.get(2).message()).isEqualTo("ER bed reserved. Hospital Bowring: fastest");
    }

    @Test
    void aKeptBedAndNoBedAreSaidSo() {
        assertThat(DispatchExplanation.dispatched("INC-1", AT, "c", "w", BedKind.ER, BOWRING, true, null).get(2).message())
                .isEqualTo("ER bed kept: reserved for this incident before, at Bowring 3.0 km 6 min, 2 free, partner");
        TimelineEntry none = DispatchExplanation.dispatched("INC-1", AT, "c", "w", BedKind.ICU, null, false, null).get(2);
        assertThat(none.stage()).isEqualTo(TimelineStage.NO_BED);
        assertThat(none.message()).isEqualTo("No hospital has a free ICU bed: the coordinator must find one");
    }

    @Test
    void queuedLateBedAndTheCoordinatorsChoiceReadAsSentences() {
        assertThat(DispatchExplanation.queued("INC-1", AT, "no available BLS-capable unit within 60 km").message())
                .isEqualTo("Queued: no available BLS-capable unit within 60 km; it is dispatched the moment a unit frees up");
        assertThat(DispatchExplanation.lateBed("INC-1", AT, BedKind.ER, "Hospital Bowring: fastest").message())
                .isEqualTo("ER bed reserved after a hospital reported free beds. Hospital Bowring: fastest");
        assertThat(DispatchExplanation.reassigned(KA02, "KA-01", "closer to the scene", "asha"))
                .isEqualTo("Coordinator asha assigned unit KA-02 ALS 2.5 km ETA 5 min in place of KA-01: closer to the scene");
        assertThat(DispatchExplanation.override(KA02, "family request", "asha"))
                .isEqualTo("Unit KA-02 ALS 2.5 km ETA 5 min: coordinator override by asha: family request");
    }
}
