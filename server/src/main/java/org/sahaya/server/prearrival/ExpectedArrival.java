package org.sahaya.server.prearrival;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.sahaya.core.Coordinates;
import org.sahaya.geo.GeoPoint;
import org.sahaya.geo.eta.EtaModel;

/**
 * When the patient is expected at the hospital, from the dispatch's own travel-time model. Before transport:
 * the unit's ETA to the patient, the minutes a crew spends on scene ({@code SAHAYA_ON_SCENE_MINUTES}), and the
 * drive from the patient to the hospital. While transporting: the drive from where the unit is now. Pure.
 *
 * <p>The model's ETA counts a turnout (the time a crew needs to set off when told); a unit already driving
 * the patient has set off, so the drive is the model's ETA less its ETA for no distance at all.
 */
public record ExpectedArrival(EtaModel eta, Duration onScene, ZoneId zone) {

    /** Expected arrival at {@code hospital} of a unit {@code toScene} away from the patient at {@code scene}. */
    public Instant beforeTransport(Instant now, Duration toScene, Coordinates scene, Coordinates hospital) {
        Instant leavesScene = now.plus(toScene).plus(onScene);
        return leavesScene.plus(drive(scene, hospital, leavesScene));
    }

    /** Expected arrival at {@code hospital} of a unit driving the patient, now at {@code unit}. */
    public Instant whileTransporting(Instant now, Coordinates unit, Coordinates hospital) {
        return now.plus(drive(unit, hospital, now));
    }

    private Duration drive(Coordinates from, Coordinates to, Instant at) {
        GeoPoint start = new GeoPoint(from.lat(), from.lon());
        GeoPoint end = new GeoPoint(to.lat(), to.lon());
        var when = at.atZone(zone);
        Duration drive = eta.eta(start, end, when).minus(eta.eta(end, end, when));
        return drive.isNegative() ? Duration.ZERO : drive;
    }
}
