package org.sahaya.server.prearrival;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.sahaya.core.Coordinates;
import org.sahaya.geo.GeodesicDistance;
import org.sahaya.geo.eta.EtaModel;

class ExpectedArrivalTest {

    private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");
    private static final Coordinates SCENE = new Coordinates(12.9716, 77.5946);
    private static final Coordinates HOSPITAL = new Coordinates(12.9591, 77.6480);
    /** A minute's turnout, then 10 m/s. */
    private static final EtaModel MODEL = (from, to, at) ->
            Duration.ofSeconds(60 + Math.round(GeodesicDistance.metres(from, to) / 10));

    private final ExpectedArrival arrival = new ExpectedArrival(MODEL, Duration.ofMinutes(15), ZoneId.of("Asia/Kolkata"));

    @Test
    void beforeTransportThePatientIsExpectedAfterTheUnitsEtaTheMinutesOnSceneAndTheDriveWithoutATurnout() {
        Instant expected = arrival.beforeTransport(NOW, Duration.ofSeconds(420), SCENE, HOSPITAL);

        long drive = Math.round(GeodesicDistance.metres(point(SCENE), point(HOSPITAL)) / 10);
        assertThat(expected).isEqualTo(NOW.plusSeconds(420).plus(Duration.ofMinutes(15)).plusSeconds(drive));
    }

    @Test
    void whileTransportingThePatientIsExpectedAfterTheDriveFromWhereTheUnitIs() {
        assertThat(arrival.whileTransporting(NOW, HOSPITAL, HOSPITAL)).isEqualTo(NOW);
        assertThat(arrival.whileTransporting(NOW, SCENE, HOSPITAL))
                .isEqualTo(arrival.beforeTransport(NOW, Duration.ZERO, SCENE, HOSPITAL).minus(Duration.ofMinutes(15)));
    }

    private static org.sahaya.geo.GeoPoint point(Coordinates c) {
        return new org.sahaya.geo.GeoPoint(c.lat(), c.lon());
    }
}
