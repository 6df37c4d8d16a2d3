package org.sahaya.dispatch.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sahaya.core.fleet.UnitLevel.ALS;
import static org.sahaya.core.fleet.UnitLevel.BLS;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sahaya.core.fleet.UnitLevel;

/** The ranking rules, with the defaults: ALS penalty 5 min, preference tolerance 10 min, partner tolerance 2 min. */
class DispatchPolicyTest {

    private final DispatchPolicy policy = DispatchPolicy.defaults();

    @Test
    void theUnitThatArrivesFirstWins() {
        List<UnitOption> ranked = policy.rankUnits(BLS, List.of(
                unit("U-FAR", BLS, 6_000, 14), unit("U-NEAR", BLS, 2_000, 6), unit("U-MID", BLS, 4_000, 9)));

        assertThat(ids(ranked)).containsExactly("U-NEAR", "U-MID", "U-FAR");
    }

    @Test
    void etaNotStraightLineDistanceDecides() {
        // Across the lake is closer as the crow flies but slower by road.
        List<UnitOption> ranked = policy.rankUnits(BLS, List.of(
                unit("U-ACROSS-LAKE", BLS, 1_500, 12), unit("U-ON-THE-ROAD", BLS, 3_000, 7)));

        assertThat(ids(ranked)).containsExactly("U-ON-THE-ROAD", "U-ACROSS-LAKE");
    }

    @Test
    void aBasicCallKeepsTheAdvancedUnitFreeWhenItIsOnlyAFewMinutesCloser() {
        List<UnitOption> ranked = policy.rankUnits(BLS, List.of(
                unit("U-ALS", ALS, 2_000, 6), unit("U-BLS", BLS, 5_000, 10)));

        assertThat(ids(ranked)).containsExactly("U-BLS", "U-ALS");
    }

    @Test
    void aBasicCallTakesTheAdvancedUnitWhenItIsMoreThanThePenaltyCloser() {
        List<UnitOption> ranked = policy.rankUnits(BLS, List.of(
                unit("U-ALS", ALS, 2_000, 6), unit("U-BLS", BLS, 9_000, 12)));

        assertThat(ids(ranked)).containsExactly("U-ALS", "U-BLS");
    }

    @Test
    void aBasicUnitNeverServesAnAdvancedCallHoweverCloseItIs() {
        List<UnitOption> ranked = policy.rankUnits(ALS, List.of(
                unit("U-BLS-NEXT-DOOR", BLS, 200, 2), unit("U-ALS-FAR", ALS, 15_000, 25)));

        assertThat(ids(ranked)).containsExactly("U-ALS-FAR");
    }

    @Test
    void anAdvancedCallWithOnlyBasicUnitsAroundHasNoCandidate() {
        assertThat(policy.rankUnits(ALS, List.of(unit("U-BLS", BLS, 1_000, 4)))).isEmpty();
    }

    @Test
    void anAdvancedCallGetsABasicUnitFirstOnlyWhenNoAdvancedUnitArrivesWithinTheWait() {
        assertThat(policy.blsFirst(ALS, null)).as("none free").isTrue();
        assertThat(policy.blsFirst(ALS, unit("U-ALS-FAR", ALS, 15_000, 23))).as("23 min > 10 min").isTrue();
        assertThat(policy.blsFirst(ALS, unit("U-ALS", ALS, 5_000, 10))).as("just in time").isFalse();
        assertThat(policy.blsFirst(BLS, null)).as("a basic call never").isFalse();
        assertThat(policy.withAlsWait(Duration.ofMinutes(30)).blsFirst(ALS, unit("U-ALS-FAR", ALS, 15_000, 23))).isFalse();
    }

    @Test
    void onlyBasicUnitsNearerThanTheAdvancedUnitGoFirstNearestFirst() {
        UnitOption als = unit("U-ALS-FAR", ALS, 15_000, 23);
        List<UnitOption> first = policy.rankFirstResponders(List.of(unit("U-BLS-FAR", BLS, 20_000, 30),
                unit("U-BLS-2", BLS, 3_000, 8), unit("U-BLS-1", BLS, 1_000, 4), unit("U-ALS-NEAR", ALS, 900, 3)), als);

        assertThat(ids(first)).containsExactly("U-BLS-1", "U-BLS-2");
    }

    @Test
    void theTimelineSaysWhyTheBasicUnitWentFirst() {
        UnitOption bls = new UnitOption("U-3", "KA-03", BLS, 1_000, Duration.ofMinutes(6));

        assertThat(policy.explainBlsFirst(bls, new UnitOption("U-7", "AMB-7", ALS, 15_000, Duration.ofMinutes(23))))
                .isEqualTo("No ALS unit can arrive within 10 min (nearest: AMB-7 at 23 min): BLS unit KA-03 sent first,"
                        + " ETA 6 min; an ALS unit is still sought");
        assertThat(policy.explainBlsFirst(bls, null)).startsWith("No ALS unit can arrive within 10 min (nearest: none free)");
    }

    @Test
    void whoCanServeWhom() {
        assertThat(DispatchPolicy.canServe(ALS, ALS)).isTrue();
        assertThat(DispatchPolicy.canServe(ALS, BLS)).isTrue();
        assertThat(DispatchPolicy.canServe(BLS, BLS)).isTrue();
        assertThat(DispatchPolicy.canServe(BLS, ALS)).isFalse();
    }

    @Test
    void aHospitalWithoutAFreeBedIsNotConsidered() {
        List<HospitalOption> ranked = policy.rankHospitals(List.of(
                hospital("H-FULL", 3, false, false, 0), hospital("H-FREE", 9, false, false, 2)));

        assertThat(hospitalIds(ranked)).containsExactly("H-FREE");
    }

    @Test
    void noHospitalWithAFreeBedMeansNoHospital() {
        assertThat(policy.rankHospitals(List.of(hospital("H-FULL", 3, true, true, 0)))).isEmpty();
    }

    @Test
    void theFastestTransportWinsAmongOrdinaryHospitals() {
        List<HospitalOption> ranked = policy.rankHospitals(List.of(
                hospital("H-SLOW", 18, false, false, 4), hospital("H-FAST", 8, false, false, 1)));

        assertThat(hospitalIds(ranked)).containsExactly("H-FAST", "H-SLOW");
    }

    @Test
    void theFamilysPreferredHospitalWinsWhenItIsWithinTenMinutesOfTheFastest() {
        List<HospitalOption> ranked = policy.rankHospitals(List.of(
                hospital("H-FASTEST", 8, true, false, 4), hospital("H-PREFERRED", 17, false, true, 1)));

        assertThat(hospitalIds(ranked)).containsExactly("H-PREFERRED", "H-FASTEST");
    }

    @Test
    void theFamilysPreferredHospitalLosesWhenItIsFurtherThanThat() {
        List<HospitalOption> ranked = policy.rankHospitals(List.of(
                hospital("H-FASTEST", 8, false, false, 4), hospital("H-PREFERRED", 25, false, true, 1)));

        assertThat(hospitalIds(ranked)).containsExactly("H-FASTEST", "H-PREFERRED");
    }

    @Test
    void aPartnerHospitalWinsANearTie() {
        List<HospitalOption> ranked = policy.rankHospitals(List.of(
                hospital("H-OTHER", 10, false, false, 4), hospital("H-PARTNER", 11, true, false, 2)));

        assertThat(hospitalIds(ranked)).containsExactly("H-PARTNER", "H-OTHER");
    }

    @Test
    void aPartnerHospitalDoesNotWinWhenItIsClearlySlower() {
        List<HospitalOption> ranked = policy.rankHospitals(List.of(
                hospital("H-OTHER", 10, false, false, 4), hospital("H-PARTNER", 15, true, false, 2)));

        assertThat(hospitalIds(ranked)).containsExactly("H-OTHER", "H-PARTNER");
    }

    @Test
    void theUnitExplanationNamesTheChosenUnitAndWhy() {
        UnitOption chosen = new UnitOption("U-1", "KA-07", BLS, 2_300, Duration.ofMinutes(6));
        List<UnitOption> ranked = List.of(chosen, new UnitOption("U-2", "KA-12", BLS, 4_000, Duration.ofMinutes(9)));

        assertThat(policy.explainUnit(chosen, BLS, ranked))
                .contains("KA-07")
                .contains("ETA 6 min")
                .contains("nearest available BLS unit by ETA")
                .contains("2 candidates");
    }

    @Test
    void theUnitExplanationSaysWhenAnAdvancedUnitTakesABasicCall() {
        UnitOption chosen = new UnitOption("U-1", "KA-03", ALS, 1_000, Duration.ofMinutes(4));

        assertThat(policy.explainUnit(chosen, BLS, List.of(chosen)))
                .contains("KA-03")
                .contains("ALS unit takes a BLS call")
                .contains("5 min");
    }

    @Test
    void theHospitalExplanationNamesTheChosenHospitalAndWhy() {
        HospitalOption fastest = hospital("H-1", 8, false, false, 3);
        HospitalOption preferred = new HospitalOption("H-2", "Manipal Hospital", 7_000, Duration.ofMinutes(14), true, true, 1);

        assertThat(policy.explainHospital(fastest, List.of(fastest)))
                .contains(fastest.name())
                .contains("fastest transport with a free bed");
        assertThat(policy.explainHospital(preferred, List.of(preferred, fastest)))
                .contains("Manipal Hospital")
                .contains("family's preferred hospital")
                .contains("2 with free beds");
    }

    @Test
    void whenAPartnerWinsANearTieTheExplanationDoesNotClaimItWasTheFastest() {
        HospitalOption fastest = hospital("H-OTHER", 10, false, false, 4);
        HospitalOption partner = hospital("H-PARTNER", 11, true, false, 2);
        List<HospitalOption> ranked = policy.rankHospitals(List.of(fastest, partner));
        assertThat(ranked.get(0)).isEqualTo(partner);

        // The coordinator reads this sentence on the timeline; H-OTHER was a minute faster.
        assertThat(policy.explainHospital(partner, ranked))
                .contains(partner.name())
                .doesNotContain("fastest transport");
    }

    private static UnitOption unit(String id, UnitLevel level, double metres, int etaMinutes) {
        return new UnitOption(id, "KA-" + id, level, metres, Duration.ofMinutes(etaMinutes));
    }

    private static HospitalOption hospital(String id, int transportMinutes, boolean partner, boolean preferred, int free) {
        return new HospitalOption(id, "Hospital " + id, transportMinutes * 500.0, Duration.ofMinutes(transportMinutes),
                partner, preferred, free);
    }

    private static List<String> ids(List<UnitOption> ranked) {
        return ranked.stream().map(UnitOption::unitId).toList();
    }

    private static List<String> hospitalIds(List<HospitalOption> ranked) {
        return ranked.stream().map(HospitalOption::hospitalId).toList();
    }
}
