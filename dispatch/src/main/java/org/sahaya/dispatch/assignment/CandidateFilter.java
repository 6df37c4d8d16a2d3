package org.sahaya.dispatch.assignment;

import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.sahaya.core.fleet.Unit;
import org.sahaya.dispatch.area.ServiceAreas;
import org.sahaya.dispatch.policy.UnitOption;
import org.sahaya.geo.GeoPoint;
import org.sahaya.geo.GeodesicDistance;
import org.sahaya.geo.eta.EtaModel;
import org.sahaya.geo.index.Candidate;

/**
 * Which of the nearest available units may be offered an incident: not one that declined it, not
 * one bound to a service area the scene lies outside, not one already lost to another incident in
 * this dispatch. Pure: the index's answer and this member's last sight of each unit in, the options
 * to rank and the units passed over (with why, for the timeline) out.
 */
public final class CandidateFilter {

    /** How many nearest candidates to rank; more than the policy will realistically need. */
    static final int CANDIDATES = 8;
    /** How far from the scene a unit is still a candidate. */
    public static final double RADIUS_METRES = 60_000;

    private final ServiceAreas areas;
    private final EtaModel eta;

    public CandidateFilter(ServiceAreas areas, EtaModel eta) {
        this.areas = areas;
        this.eta = eta;
    }

    /**
     * The options and the units passed over.
     *
     * @param passedOver call signs with the reason they were not considered, in the index's order
     */
    public record Shortlist(List<UnitOption> options, List<String> passedOver) {
    }

    /** How many nearest units to ask the index for, so that enough remain after the checks. */
    public int searchSize(Set<String> excluded, Set<String> lost) {
        // Units bound elsewhere may be nearest: look further so that enough remain after the area check.
        return (areas.isEmpty() ? CANDIDATES : CANDIDATES * 4) + excluded.size() + lost.size();
    }

    /**
     * @param nearest  the index's nearest available units, nearest first
     * @param seen     each unit as this member last saw it (its call sign and level), empty if not yet
     * @param excluded units not to offer this incident (they declined it, or just left it)
     * @param lost     units claimed by another incident first during this dispatch: skipped silently
     * @param at       when the units would set off (time of day drives the ETA)
     */
    public Shortlist shortlist(List<Candidate> nearest, GeoPoint scene, Function<String, Optional<Unit>> seen,
                               Set<String> excluded, Set<String> lost, ZonedDateTime at) {
        List<UnitOption> options = new ArrayList<>();
        List<String> passedOver = new ArrayList<>();
        for (Candidate c : nearest) {
            if (options.size() == CANDIDATES) {
                break;
            }
            if (lost.contains(c.unitId())) {
                continue;
            }
            Unit unit = seen.apply(c.unitId()).orElse(null);
            if (unit != null && excluded.contains(unit.id())) {
                passedOver.add(unit.callSign() + " (declined this incident)");
            } else if (unit != null && !areas.serves(unit.id(), scene)) {
                passedOver.add(unit.callSign() + " (outside its service area " + areas.areaOf(unit.id()).orElse("") + ")");
            } else if (unit != null) {
                options.add(new UnitOption(unit.id(), unit.callSign(), unit.level(), c.distanceMetres(),
                        eta.eta(c.position(), scene, at)));
            }
        }
        return new Shortlist(options, passedOver);
    }

    /** The option one unit makes for an incident at {@code scene}: distance and ETA from where it is now. */
    public UnitOption option(Unit unit, GeoPoint scene, ZonedDateTime at) {
        GeoPoint from = GeoPoint.of(unit.position().lat(), unit.position().lon());
        return new UnitOption(unit.id(), unit.callSign(), unit.level(), GeodesicDistance.metres(from, scene),
                eta.eta(from, scene, at));
    }
}
