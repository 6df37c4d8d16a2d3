package org.sahaya.dispatch.policy;

import java.time.Duration;
import org.sahaya.core.fleet.UnitLevel;

/**
 * An available unit considered for an incident.
 *
 * @param unitId         unit
 * @param callSign       short name
 * @param level          ALS or BLS
 * @param distanceMetres geodesic distance to the incident
 * @param eta            estimated time to reach the incident
 */
public record UnitOption(String unitId, String callSign, UnitLevel level, double distanceMetres, Duration eta) {

    public String describe() {
        return callSign + " " + level + " " + String.format(java.util.Locale.ROOT, "%.1f km", distanceMetres / 1000) + " ETA " + minutes(eta) + " min";
    }

    static long minutes(Duration d) {
        return (d.toSeconds() + 59) / 60;
    }
}
