package org.sahaya.geo.eta;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.Set;
import net.sf.geographiclib.Geodesic;
import net.sf.geographiclib.GeodesicData;
import org.junit.jupiter.api.Test;
import org.sahaya.geo.GeoPoint;

class DetourEtaModelTest {

    private static final ZoneId IST = ZoneId.of("Asia/Kolkata");
    private static final ZonedDateTime AFTERNOON = ZonedDateTime.of(2025, 3, 4, 14, 0, 0, 0, IST);
    private static final ZonedDateTime MORNING_RUSH = ZonedDateTime.of(2025, 3, 4, 9, 30, 0, 0, IST);

    /** Round numbers so expected ETAs can be worked out by hand. */
    private static final EtaFactors ROUND = new EtaFactors(1.5,
            Map.of(AreaType.URBAN_CORE, 10.0, AreaType.URBAN, 20.0, AreaType.SUBURBAN, 30.0),
            0.5, Set.of(9), Duration.ofSeconds(60), IST);

    private static final GeoPoint START = GeoPoint.of(12.97, 77.59);
    private static final GeoPoint TEN_KM_NORTH = metresNorthOf(START, 10_000);

    @Test
    void etaIsTurnoutPlusDetouredDistanceAtTheAreaSpeed() {
        EtaModel model = new DetourEtaModel(ROUND, point -> AreaType.URBAN);

        // 10 km straight, 15 km by road, at 20 km/h: 45 minutes, plus one minute to get rolling.
        assertThat(model.eta(START, TEN_KM_NORTH, AFTERNOON)).isEqualTo(Duration.ofMinutes(46));
    }

    @Test
    void peakHourTripsTakeLonger() {
        EtaModel model = new DetourEtaModel(ROUND, point -> AreaType.URBAN);

        // Half speed: 90 minutes on the road.
        assertThat(model.eta(START, TEN_KM_NORTH, MORNING_RUSH)).isEqualTo(Duration.ofMinutes(91));
    }

    @Test
    void peakHoursAreReadInTheCitysTimeZoneWhateverZoneTheCallerUses() {
        EtaModel model = new DetourEtaModel(ROUND, point -> AreaType.URBAN);
        ZonedDateTime rushInUtc = MORNING_RUSH.withZoneSameInstant(ZoneOffset.UTC); // 04:00 UTC

        assertThat(model.eta(START, TEN_KM_NORTH, rushInUtc)).isEqualTo(model.eta(START, TEN_KM_NORTH, MORNING_RUSH));
    }

    @Test
    void theSlowerEndOfTheTripSetsTheSpeed() {
        AreaClassifier coreAtStart = point -> point.equals(START) ? AreaType.URBAN_CORE : AreaType.SUBURBAN;
        EtaModel model = new DetourEtaModel(ROUND, coreAtStart);

        // 15 km by road at the core's 10 km/h, both leaving and entering the core.
        assertThat(model.eta(START, TEN_KM_NORTH, AFTERNOON)).isEqualTo(Duration.ofMinutes(91));
        assertThat(model.eta(TEN_KM_NORTH, START, AFTERNOON)).isEqualTo(Duration.ofMinutes(91));
    }

    @Test
    void aUnitAlreadyOnTheSpotStillNeedsItsTurnoutTime() {
        assertThat(DetourEtaModel.bengaluru().eta(START, START, AFTERNOON)).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void bengaluruDefaultsGiveBelievableCityEtas() {
        EtaModel model = DetourEtaModel.bengaluru();
        GeoPoint mgRoad = GeoPoint.of(12.9755, 77.6069);
        GeoPoint indiranagar = GeoPoint.of(12.9784, 77.6408); // ~3.7 km east, both in the core

        assertThat(model.eta(mgRoad, indiranagar, AFTERNOON)).isBetween(Duration.ofMinutes(12), Duration.ofMinutes(20));
        assertThat(model.eta(mgRoad, indiranagar, MORNING_RUSH)).isBetween(Duration.ofMinutes(20), Duration.ofMinutes(30));
    }

    private static GeoPoint metresNorthOf(GeoPoint from, double metres) {
        GeodesicData to = Geodesic.WGS84.Direct(from.lat(), from.lon(), 0, metres);
        return GeoPoint.of(to.lat2, to.lon2);
    }
}
