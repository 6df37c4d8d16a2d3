package org.sahaya.dispatch.assignment;

import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.sahaya.core.hospital.BedKind;
import org.sahaya.core.hospital.Hospital;
import org.sahaya.dispatch.fleet.FleetIndex;
import org.sahaya.dispatch.policy.DispatchPolicy;
import org.sahaya.dispatch.policy.HospitalOption;
import org.sahaya.geo.GeoPoint;
import org.sahaya.geo.GeodesicDistance;
import org.sahaya.geo.eta.EtaModel;

/**
 * Where to try to reserve an incident's bed, in order. Pure: the bed boards as this member sees them,
 * the family's preference and any bed already held for the incident in; the hospitals to try out.
 * A bed a previous run reserved before it died is kept rather than a second one held. Hospitals that
 * declined the incident are never among those tried.
 */
public final class BedChoice {

    private final DispatchPolicy policy;
    private final EtaModel eta;

    public BedChoice(DispatchPolicy policy, EtaModel eta) {
        this.policy = policy;
        this.eta = eta;
    }

    /**
     * The hospitals to try, best first.
     *
     * @param order the one hospital already holding the bed when {@code kept}; otherwise the ranking
     * @param kept  a bed was reserved for this incident before (a dispatch cut short): it is kept
     */
    public record Plan(List<HospitalOption> order, boolean kept) {
    }

    /**
     * @param preferredId the family's preferred hospital, or null
     * @param heldAt      the hospital holding a bed reserved for this incident before, if any
     * @param at          when the transport would set off
     */
    public Plan plan(Collection<Hospital> hospitals, GeoPoint scene, BedKind kind, String preferredId,
                     Optional<String> heldAt, ZonedDateTime at) {
        return plan(hospitals, scene, kind, preferredId, heldAt, Set.of(), at);
    }

    /**
     * As {@link #plan(Collection, GeoPoint, BedKind, String, Optional, ZonedDateTime)}, never trying (nor
     * keeping a bed at) a hospital in {@code excluded}: those that declined the incident.
     */
    public Plan plan(Collection<Hospital> hospitals, GeoPoint scene, BedKind kind, String preferredId,
                     Optional<String> heldAt, Set<String> excluded, ZonedDateTime at) {
        List<HospitalOption> options = options(excluded.isEmpty() ? hospitals
                : hospitals.stream().filter(h -> !excluded.contains(h.id())).toList(), scene, kind, preferredId, at);
        Optional<HospitalOption> held = heldAt.flatMap(id -> options.stream().filter(o -> o.hospitalId().equals(id)).findFirst());
        return held.map(h -> new Plan(List.of(h), true)).orElseGet(() -> new Plan(policy.rankHospitals(options), false));
    }

    /** Every hospital as an option for a bed of {@code kind}, distance and transport time from the scene. */
    public List<HospitalOption> options(Collection<Hospital> hospitals, GeoPoint scene, BedKind kind, String preferredId,
                                        ZonedDateTime at) {
        List<HospitalOption> options = new ArrayList<>();
        for (Hospital h : hospitals) {
            GeoPoint to = FleetIndex.point(h.position());
            options.add(new HospitalOption(h.id(), h.name(), GeodesicDistance.metres(scene, to), eta.eta(scene, to, at),
                    h.partner(), h.id().equals(preferredId), h.free(kind)));
        }
        return options;
    }
}
