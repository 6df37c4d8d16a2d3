package org.sahaya.dispatch.assignment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.sahaya.core.Coordinates;
import org.sahaya.core.fleet.Unit;
import org.sahaya.core.fleet.UnitLevel;
import org.sahaya.core.fleet.UnitStatus;
import org.sahaya.dispatch.area.ServiceAreas;
import org.sahaya.dispatch.policy.UnitOption;
import org.sahaya.geo.GeoPoint;
import org.sahaya.geo.area.ServiceArea;
import org.sahaya.geo.eta.EtaModel;
import org.sahaya.geo.index.Candidate;

/** The candidate filter, pure: the index's nearest units in, the options to rank and those passed over out. */
class CandidateFilterTest {

    private static final GeoPoint SCENE = GeoPoint.of(12.9756, 77.6066);
    private static final ZonedDateTime AT = ZonedDateTime.of(2026, 1, 1, 10, 0, 0, 0, ZoneOffset.UTC);
    /** One minute per kilometre: easy to read in the assertions. */
    private static final EtaModel MINUTE_PER_KM = (from, to, at) -> Duration.ofSeconds((long) (60 * metres(from, to) / 1000));
    /** A small square around the scene's north, not reaching 3 km north of it. */
    private static final ServiceArea NORTH_ONLY = ServiceArea.of("North", List.of(
            GeoPoint.of(12.99, 77.59), GeoPoint.of(12.99, 77.62), GeoPoint.of(13.03, 77.62), GeoPoint.of(13.03, 77.59)));

    private final Map<String, Unit> seen = new HashMap<>();

    @Test
    void theNearestSeenUnitsBecomeOptionsInTheIndexsOrder() {
        List<Candidate> nearest = List.of(candidate("U-1", 500), candidate("U-2", 1_000));

        CandidateFilter.Shortlist shortlist = new CandidateFilter(ServiceAreas.none(), MINUTE_PER_KM)
                .shortlist(nearest, SCENE, this::seen, Set.of(), Set.of(), AT);

        assertThat(shortlist.options()).extracting(UnitOption::callSign).containsExactly("CS-U-1", "CS-U-2");
        assertThat(shortlist.options().getFirst().distanceMetres()).isEqualTo(500);
        assertThat(shortlist.passedOver()).isEmpty();
    }

    @Test
    void aUnitThatDeclinedIsPassedOverAndNamedWithWhy() {
        List<Candidate> nearest = List.of(candidate("U-1", 500), candidate("U-2", 1_000));

        CandidateFilter.Shortlist shortlist = new CandidateFilter(ServiceAreas.none(), MINUTE_PER_KM)
                .shortlist(nearest, SCENE, this::seen, Set.of("U-1"), Set.of(), AT);

        assertThat(shortlist.options()).extracting(UnitOption::unitId).containsExactly("U-2");
        assertThat(shortlist.passedOver()).containsExactly("CS-U-1 (declined this incident)");
    }

    @Test
    void aUnitBoundToAnAreaTheSceneLiesOutsideIsPassedOverWithItsAreaNamed() {
        ServiceAreas areas = ServiceAreas.of(Map.of("U-1", NORTH_ONLY));
        List<Candidate> nearest = List.of(candidate("U-1", 500), candidate("U-2", 1_000));

        CandidateFilter.Shortlist shortlist = new CandidateFilter(areas, MINUTE_PER_KM)
                .shortlist(nearest, SCENE, this::seen, Set.of(), Set.of(), AT);

        assertThat(shortlist.options()).extracting(UnitOption::unitId).containsExactly("U-2");
        assertThat(shortlist.passedOver()).containsExactly("CS-U-1 (outside its service area North)");
    }

    @Test
    void aUnitLostToAnotherIncidentIsSkippedSilentlyAndOneNotSeenYetIsLeftOut() {
        List<Candidate> nearest = List.of(candidate("U-1", 500), new Candidate("U-GHOST", SCENE, "BLS", 700),
                candidate("U-2", 1_000));

        CandidateFilter.Shortlist shortlist = new CandidateFilter(ServiceAreas.none(), MINUTE_PER_KM)
                .shortlist(nearest, SCENE, this::seen, Set.of(), Set.of("U-1"), AT);

        assertThat(shortlist.options()).extracting(UnitOption::unitId).containsExactly("U-2");
        assertThat(shortlist.passedOver()).isEmpty();
    }

    @Test
    void noMoreThanEightAreRankedAndTheSearchLooksFurtherWhenAreasOrExclusionsMayThinIt() {
        List<Candidate> nearest = new ArrayList<>();
        for (int i = 1; i <= 12; i++) {
            nearest.add(candidate("U-" + i, 100 * i));
        }
        CandidateFilter plain = new CandidateFilter(ServiceAreas.none(), MINUTE_PER_KM);

        assertThat(plain.shortlist(nearest, SCENE, this::seen, Set.of(), Set.of(), AT).options()).hasSize(8);
        assertThat(plain.searchSize(Set.of("U-1"), Set.of("U-2", "U-3"))).isEqualTo(8 + 1 + 2);
        assertThat(new CandidateFilter(ServiceAreas.of(Map.of("U-1", NORTH_ONLY)), MINUTE_PER_KM)
                .searchSize(Set.of(), Set.of())).isEqualTo(32);
    }

    @Test
    void aUnitsOptionCarriesItsDistanceAndEtaFromWhereItIsNow() {
        Unit unit = unit("U-1", new Coordinates(12.9846, 77.6066)); // about 1 km north

        UnitOption option = new CandidateFilter(ServiceAreas.none(), MINUTE_PER_KM).option(unit, SCENE, AT);

        assertThat(option.distanceMetres()).isBetween(990.0, 1_010.0);
        assertThat(option.eta()).isBetween(Duration.ofSeconds(59), Duration.ofSeconds(61));
    }

    private Candidate candidate(String id, double metres) {
        Unit unit = unit(id, new Coordinates(SCENE.lat(), SCENE.lon()));
        seen.put(id, unit);
        return new Candidate(id, SCENE, "BLS", metres);
    }

    private static Unit unit(String id, Coordinates at) {
        return new Unit(id, "CS-" + id, UnitLevel.BLS, "Station", at, UnitStatus.AVAILABLE, null, Instant.EPOCH);
    }

    private Optional<Unit> seen(String unitId) {
        return Optional.ofNullable(seen.get(unitId));
    }

    private static double metres(GeoPoint a, GeoPoint b) {
        return org.sahaya.geo.GeodesicDistance.metres(a, b);
    }
}
