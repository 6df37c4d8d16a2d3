package org.sahaya.geo.eta;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The numbers behind {@link DetourEtaModel}: how much longer roads are than the straight line,
 * how fast a unit moves in each kind of area off-peak and at peak, and how long a crew needs to
 * get rolling. Kept as data so they can be calibrated from real trips without code changes.
 *
 * @param detourFactor   road distance over straight-line distance, at least 1
 * @param offPeakKmh     average speed per area type outside peak hours, km/h; every type present
 * @param peakSpeedRatio peak-hour speed as a fraction of off-peak speed, within (0, 1]
 * @param peakHours      local hours of day (0-23) whose trips run at peak speed
 * @param turnout        time from dispatch until the unit moves (crew to vehicle), never negative
 * @param zone           the city's time zone, in which {@code peakHours} are read
 */
public record EtaFactors(double detourFactor, Map<AreaType, Double> offPeakKmh, double peakSpeedRatio,
                         Set<Integer> peakHours, Duration turnout, ZoneId zone) {

    /**
     * @throws IllegalArgumentException if a factor is out of range or an area type has no speed
     * @throws NullPointerException     if any reference is null
     */
    public EtaFactors {
        Objects.requireNonNull(offPeakKmh, "offPeakKmh");
        Objects.requireNonNull(peakHours, "peakHours");
        Objects.requireNonNull(turnout, "turnout");
        Objects.requireNonNull(zone, "zone");
        if (!(detourFactor >= 1.0 && Double.isFinite(detourFactor))) {
            throw new IllegalArgumentException("detourFactor must be finite and at least 1, was " + detourFactor);
        }
        if (!(peakSpeedRatio > 0.0 && peakSpeedRatio <= 1.0)) {
            throw new IllegalArgumentException("peakSpeedRatio must be within (0, 1], was " + peakSpeedRatio);
        }
        for (AreaType type : AreaType.values()) {
            Double kmh = offPeakKmh.get(type);
            if (kmh == null || !(kmh > 0.0 && Double.isFinite(kmh))) {
                throw new IllegalArgumentException("offPeakKmh for " + type + " must be positive and finite, was " + kmh);
            }
        }
        for (int hour : peakHours) {
            if (hour < 0 || hour > 23) {
                throw new IllegalArgumentException("peakHours must be hours of day within [0, 23], was " + hour);
            }
        }
        if (turnout.isNegative()) {
            throw new IllegalArgumentException("turnout must not be negative, was " + turnout);
        }
        offPeakKmh = Map.copyOf(offPeakKmh);
        peakHours = Set.copyOf(peakHours);
    }

    /**
     * Defaults for Bengaluru, to be replaced by figures fitted to the fleet's own trip history.
     *
     * <ul>
     *   <li>Detour 1.4: street-network studies put road distance at 1.2-1.4 times the straight
     *       line in most cities; one-way streets and an irregular grid put Bengaluru at the top.</li>
     *   <li>Off-peak 20 / 27 / 36 km/h (core / urban / suburban): the TomTom Traffic Index puts the
     *       city centre's all-day car average near 21 km/h; a siren gains little in a jam.</li>
     *   <li>Peak at 0.65 of that (core about 13 km/h), 08:00-10:59 and 17:00-20:59 local time,
     *       Bengaluru's long morning and evening rush.</li>
     *   <li>Turnout 60 s: crew reaches the vehicle and pulls out.</li>
     * </ul>
     * Conservative on purpose: an ETA given to a family should be beaten, not missed.
     */
    public static EtaFactors bengaluru() {
        return new EtaFactors(
                1.4,
                Map.of(AreaType.URBAN_CORE, 20.0, AreaType.URBAN, 27.0, AreaType.SUBURBAN, 36.0),
                0.65,
                Set.of(8, 9, 10, 17, 18, 19, 20),
                Duration.ofSeconds(60),
                ZoneId.of("Asia/Kolkata"));
    }

    /** Expected speed in an area for a trip that sets off in the given local hour, km/h. */
    public double speedKmh(AreaType area, int localHour) {
        double offPeak = offPeakKmh.get(area);
        return peakHours.contains(localHour) ? offPeak * peakSpeedRatio : offPeak;
    }
}
