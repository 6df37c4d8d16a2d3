package org.sahaya.dispatch.policy;

import java.time.Duration;

/**
 * A hospital with a free bed of the needed kind, considered for an incident.
 *
 * @param hospitalId     hospital
 * @param name           display name
 * @param distanceMetres geodesic distance from the incident
 * @param transport      estimated transport time from the incident
 * @param partner        a partner hospital of the operator
 * @param preferred      the subscriber's preferred hospital
 * @param freeBeds       free beds of the needed kind at the time of the decision
 */
public record HospitalOption(String hospitalId, String name, double distanceMetres, Duration transport,
                             boolean partner, boolean preferred, int freeBeds) {

    public String describe() {
        return name + " " + String.format(java.util.Locale.ROOT, "%.1f km", distanceMetres / 1000) + " " + UnitOption.minutes(transport) + " min, "
                + freeBeds + " free" + (preferred ? ", family's preference" : "") + (partner ? ", partner" : "");
    }
}
