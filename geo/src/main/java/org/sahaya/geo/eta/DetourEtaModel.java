package org.sahaya.geo.eta;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.Objects;
import org.sahaya.geo.GeoPoint;
import org.sahaya.geo.GeodesicDistance;

/**
 * ETA without a road network: turnout time plus straight-line distance times a detour factor,
 * driven at the speed of the area and hour.
 *
 * <p>Of the two ends of a trip, the slower area sets the speed: a unit leaving the congested core
 * spends its first kilometres in it, and one heading into the core spends its last ones there.
 * The hour the trip sets off decides peak or off-peak for the whole trip; city ETAs are minutes
 * long, shorter than the error of a speed model this simple.
 */
public final class DetourEtaModel implements EtaModel {

    private final EtaFactors factors;
    private final AreaClassifier areas;

    public DetourEtaModel(EtaFactors factors, AreaClassifier areas) {
        this.factors = Objects.requireNonNull(factors, "factors");
        this.areas = Objects.requireNonNull(areas, "areas");
    }

    /** The model with {@link EtaFactors#bengaluru()} and {@link AreaClassifier#bengaluru()}. */
    public static DetourEtaModel bengaluru() {
        return new DetourEtaModel(EtaFactors.bengaluru(), AreaClassifier.bengaluru());
    }

    @Override
    public Duration eta(GeoPoint from, GeoPoint to, ZonedDateTime at) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(at, "at");
        double roadMetres = GeodesicDistance.metres(from, to) * factors.detourFactor();
        int localHour = at.withZoneSameInstant(factors.zone()).getHour();
        double kmh = Math.min(factors.speedKmh(areas.classify(from), localHour),
                factors.speedKmh(areas.classify(to), localHour));
        // Whole seconds: a model this coarse has no business reporting milliseconds.
        long travelSeconds = Math.round(roadMetres / (kmh / 3.6));
        return factors.turnout().plusSeconds(travelSeconds);
    }
}
