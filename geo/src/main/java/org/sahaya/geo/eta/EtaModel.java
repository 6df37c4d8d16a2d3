package org.sahaya.geo.eta;

import java.time.Duration;
import java.time.ZonedDateTime;
import org.sahaya.geo.GeoPoint;

/**
 * Estimates how long a unit needs from being told to go until it arrives.
 *
 * <p>This is the seam for travel-time sources: today {@link DetourEtaModel} scales straight-line
 * distance by a road-detour factor and a time-of-day speed; a road-network router (OSRM,
 * GraphHopper, a traffic feed) can replace it later without touching dispatch. Implementations
 * must be pure and fast (dispatch ranks every candidate on the alert's hot path), so a router
 * behind this interface should answer from a local graph or cache, never a blocking network call.
 */
@FunctionalInterface
public interface EtaModel {

    /**
     * Estimated time from dispatch at {@code at} until arrival at {@code to}.
     *
     * @param from where the unit is now
     * @param to   where it has to go (the patient, or a hospital)
     * @param at   when it would set off; its time of day drives traffic, in whatever zone the
     *             caller holds (implementations convert to the city's own zone)
     * @return a duration, never negative
     */
    Duration eta(GeoPoint from, GeoPoint to, ZonedDateTime at);
}
