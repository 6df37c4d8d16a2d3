package org.sahaya.dispatch;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.sahaya.core.fleet.Unit;
import org.sahaya.core.grid.Grid;
import org.sahaya.core.hospital.Hospital;
import org.sahaya.core.incident.Incident;
import org.sahaya.core.incident.IncidentState;
import org.sahaya.core.incident.TimelineEntry;
import org.sahaya.core.incident.TimelineStage;
import org.sahaya.core.persistence.Database;
import org.sahaya.core.persistence.DirectoryRepository;
import org.sahaya.core.persistence.HospitalRepository;
import org.sahaya.core.persistence.TimelineRepository;
import org.sahaya.core.subscriber.Subscriber;
import org.sahaya.core.persistence.UnitRepository;
import org.sahaya.dispatch.area.ServiceAreas;
import org.sahaya.dispatch.claims.BedClaims;
import org.sahaya.dispatch.claims.UnitClaims;
import org.sahaya.dispatch.duty.Declines;
import org.sahaya.dispatch.fleet.FleetIndex;
import org.sahaya.dispatch.hospital.HospitalBoard;
import org.sahaya.dispatch.incident.GridIncidents;
import org.sahaya.dispatch.policy.DispatchPolicy;
import org.sahaya.dispatch.policy.HospitalOption;
import org.sahaya.dispatch.policy.UnitOption;
import org.sahaya.geo.GeoPoint;
import org.sahaya.geo.GeodesicDistance;
import org.sahaya.geo.eta.EtaModel;
import org.sahaya.geo.index.Candidate;

/**
 * Step 4 of the hot path: picks, claims and records a unit and a bed for one incident.
 *
 * <p>Candidates come from the fleet index, the policy ranks them, and the claims are tried in
 * order: a lost race moves on to the next candidate. Every decision is written to the timeline
 * with the candidates considered and why the winner won. Blocking: call from a virtual thread.
 */
public final class Dispatcher {

    /** How many nearest candidates to rank; more than the policy will realistically need. */
    private static final int CANDIDATES = 8;
    private static final double SEARCH_RADIUS_METRES = 60_000;

    private final Grid grid;
    private final GridIncidents incidents;
    private final FleetIndex fleet;
    private final UnitClaims unitClaims;
    private final BedClaims bedClaims;
    private final DispatchPolicy policy;
    private final EtaModel eta;
    private final Database database;
    private final Clock clock;
    private final ZoneId cityZone;
    private final TimelineRepository timeline = new TimelineRepository();
    private final UnitRepository units = new UnitRepository();
    private final DirectoryRepository directory = new DirectoryRepository();
    private final HospitalRepository hospitalRepository = new HospitalRepository();
    private final ServiceAreas areas;
    private final Declines declines;
    private final HospitalBoard hospitals;

    public Dispatcher(Grid grid, FleetIndex fleet, UnitClaims unitClaims, BedClaims bedClaims, DispatchPolicy policy,
                      EtaModel eta, Database database, Clock clock, ZoneId cityZone) {
        this(grid, fleet, unitClaims, bedClaims, policy, eta, database, clock, cityZone, ServiceAreas.none());
    }

    /** @param areas units bound to a service area are candidates only inside it */
    public Dispatcher(Grid grid, FleetIndex fleet, UnitClaims unitClaims, BedClaims bedClaims, DispatchPolicy policy,
                      EtaModel eta, Database database, Clock clock, ZoneId cityZone, ServiceAreas areas) {
        this(grid, fleet, new HospitalBoard(grid.hospitals()), unitClaims, bedClaims, policy, eta, database, clock, cityZone,
                areas);
    }

    /** @param hospitals this member's copy of the bed boards, the one hospitals are ranked from */
    public Dispatcher(Grid grid, FleetIndex fleet, HospitalBoard hospitals, UnitClaims unitClaims, BedClaims bedClaims,
                      DispatchPolicy policy, EtaModel eta, Database database, Clock clock, ZoneId cityZone,
                      ServiceAreas areas) {
        this.hospitals = hospitals;
        this.areas = areas;
        this.declines = new Declines(database);
        this.grid = grid;
        this.incidents = new GridIncidents(grid.incidents());
        this.fleet = fleet;
        this.unitClaims = unitClaims;
        this.bedClaims = bedClaims;
        this.policy = policy;
        this.eta = eta;
        this.database = database;
        this.clock = clock;
        this.cityZone = cityZone;
    }

    public DispatchOutcome dispatch(String incidentId) {
        return dispatch(incidentId, Set.of());
    }

    /**
     * @param excludedNow units not to offer this incident (the one that just left it); units that
     *                    ever declined it are never offered it either
     */
    public DispatchOutcome dispatch(String incidentId, Set<String> excludedNow) {
        Optional<Incident> found = incidents.get(incidentId);
        if (found.isEmpty() || !found.get().state().canMoveTo(IncidentState.DISPATCHED)) {
            return new DispatchOutcome.Skipped(incidentId, found.map(i -> "incident is " + i.state()).orElse("no open incident"));
        }
        Incident incident = found.get();
        GeoPoint scene = FleetIndex.point(incident.location());
        Optional<DispatchOutcome> resumed = resumeClaim(incident, scene);
        if (resumed.isPresent()) {
            return resumed.get();
        }
        Set<String> excluded = new HashSet<>(excludedNow);
        excluded.addAll(declines.unitsDeclining(incidentId));
        List<String> outside = new ArrayList<>();
        Set<String> lost = new HashSet<>();
        boolean anyRanked = false;
        // A lost race moves on to the next candidate; when a whole batch is lost (others got there
        // first, or this member's index lags the grid), look again beyond the units already tried.
        while (true) {
            List<UnitOption> ranked = policy.rankUnits(incident.needs(), unitOptions(incident, scene, excluded, lost, outside));
            if (ranked.isEmpty()) {
                break;
            }
            anyRanked = true;
            for (UnitOption option : ranked) {
                Optional<Unit> claimed = unitClaims.claim(option.unitId(), incident.id());
                if (claimed.isEmpty()) {
                    lost.add(option.unitId());
                    continue;
                }
                fleet.update(claimed.get());
                String considered = "Considered: " + String.join("; ", ranked.stream().map(UnitOption::describe).toList())
                        + (lost.isEmpty() ? "" : " (" + lost.size() + " nearer taken by other incidents first)")
                        + (outside.isEmpty() ? "" : ". Not considered: " + String.join("; ", outside));
                return complete(incident, claimed.get(), option, considered,
                        policy.explainUnit(option, incident.needs(), ranked), scene);
            }
            outside.clear();
        }
        return queue(incident, (!anyRanked
                ? "no available " + incident.needs() + "-capable unit within " + (int) (SEARCH_RADIUS_METRES / 1000) + " km"
                : "every candidate was claimed by another incident first")
                + (outside.isEmpty() ? "" : " (not considered: " + String.join("; ", outside) + ")"));
    }

    /**
     * A previous run may have claimed a unit and died before the incident said so: that unit is
     * still held for this incident, so it is the one to send (claiming another would strand it).
     */
    private Optional<DispatchOutcome> resumeClaim(Incident incident, GeoPoint scene) {
        Optional<Unit> held = database.withConnection(c -> units.findByIncident(c, incident.id()))
                .map(u -> grid.units().get(u.id()))
                .filter(u -> u != null && incident.id().equals(u.incidentId()));
        return held.map(unit -> {
            UnitOption option = optionFor(unit, scene);
            return complete(incident, unit, option, "Considered: " + option.describe() + " (already held for this incident)",
                    policy.explainUnit(option, incident.needs(), List.of(option)), scene);
        });
    }

    /**
     * A dispatch attempt failed (a lost database or grid, not a lack of units): an incident still
     * waiting for its first dispatch (NEW or VERIFYING) is QUEUED with the reason on its timeline, so
     * that it is visibly waiting rather than silently NEW, and a free unit or a retry takes it up.
     * Already QUEUED, DISPATCHED or closed: nothing changes.
     *
     * @return the queued outcome, or Skipped if the incident was not waiting for its first dispatch
     */
    public DispatchOutcome queueAfterFailure(String incidentId, String reason) {
        Optional<Incident> found = incidents.get(incidentId);
        IncidentState state = found.map(Incident::state).orElse(null);
        if (state != IncidentState.NEW && state != IncidentState.VERIFYING) {
            return new DispatchOutcome.Skipped(incidentId, found.map(i -> "incident is " + i.state()).orElse("no open incident"));
        }
        return queue(found.get(), reason);
    }

    /** The nearest candidates the unit's service area and {@code excluded} allow; the others named in {@code outside}. */
    /** The option a unit makes for an incident at {@code scene}: distance and ETA from where it is now. */
    UnitOption optionFor(Unit unit, GeoPoint scene) {
        GeoPoint at = FleetIndex.point(unit.position());
        return new UnitOption(unit.id(), unit.callSign(), unit.level(), GeodesicDistance.metres(at, scene),
                eta.eta(at, scene, clock.instant().atZone(cityZone)));
    }

    private List<UnitOption> unitOptions(Incident incident, GeoPoint scene, Set<String> excluded, Set<String> lost,
                                         List<String> outside) {
        List<UnitOption> options = new ArrayList<>();
        // Units bound elsewhere may be nearest: look further so that enough remain after the area check.
        int k = (areas.isEmpty() ? CANDIDATES : CANDIDATES * 4) + excluded.size() + lost.size();
        for (Candidate c : fleet.nearestAvailable(scene, incident.needs(), k, SEARCH_RADIUS_METRES)) {
            if (options.size() == CANDIDATES) {
                break;
            }
            if (lost.contains(c.unitId())) {
                continue;
            }
            Unit unit = fleet.unit(c.unitId()).orElse(null);
            if (unit != null && excluded.contains(unit.id())) {
                outside.add(unit.callSign() + " (declined this incident)");
            } else if (unit != null && !areas.serves(unit.id(), scene)) {
                outside.add(unit.callSign() + " (outside its service area " + areas.areaOf(unit.id()).orElse("") + ")");
            } else if (unit != null) {
                options.add(new UnitOption(unit.id(), unit.callSign(), unit.level(), c.distanceMetres(),
                        eta.eta(c.position(), scene, clock.instant().atZone(cityZone))));
            }
        }
        return options;
    }

    /**
     * The unit is claimed: reserve a bed, mark the incident DISPATCHED and write why. Gives the claims
     * back if the incident moved on meanwhile.
     */
    DispatchOutcome complete(Incident incident, Unit unit, UnitOption option, String considered, String why, GeoPoint scene) {
        List<HospitalOption> options = hospitalOptions(incident, scene);
        Optional<HospitalOption> held = heldBed(incident, options);
        List<HospitalOption> hospitals = held.map(List::of).orElseGet(() -> policy.rankHospitals(options));
        HospitalOption bed = null;
        for (HospitalOption h : hospitals) {
            if (bedClaims.reserve(h.hospitalId(), incident.id(), incident.bedKind())) {
                bed = h;
                break;
            }
        }
        Instant now = clock.instant();
        Optional<Incident> dispatched = incidents.dispatched(incident.id(), unit.id(),
                bed == null ? null : bed.hospitalId(), (int) option.eta().toSeconds(), now);
        if (dispatched.isEmpty()) {
            // The incident moved on while we claimed (cancelled, overridden, or dispatched by another
            // member that found our claim and completed it): give back only what it does not use.
            Optional<Incident> current = incidents.get(incident.id());
            if (!current.map(i -> unit.id().equals(i.unitId())).orElse(false)) {
                unitClaims.release(unit.id(), incident.id());
            }
            String bedAt = bed == null ? null : bed.hospitalId();
            if (bedAt != null && !current.map(i -> bedAt.equals(i.hospitalId())).orElse(false)) {
                bedClaims.release(bedAt, incident.id());
            }
            return new DispatchOutcome.Skipped(incident.id(), "incident changed during dispatch");
        }
        List<TimelineEntry> entries = new ArrayList<>();
        entries.add(new TimelineEntry(incident.id(), now, TimelineStage.UNIT_CANDIDATES, considered));
        entries.add(new TimelineEntry(incident.id(), now, TimelineStage.DISPATCHED, why));
        entries.add(new TimelineEntry(incident.id(), now, bed == null ? TimelineStage.NO_BED : TimelineStage.BED_RESERVED, bed == null
                ? "No hospital has a free " + incident.bedKind() + " bed: the coordinator must find one"
                : held.isPresent()
                ? incident.bedKind() + " bed kept: reserved for this incident before, at " + bed.describe()
                : incident.bedKind() + " bed reserved. " + policy.explainHospital(bed, hospitals)));
        write(entries);
        return new DispatchOutcome.Dispatched(dispatched.get(), unit, bed);
    }

    /** A hospital's bed board as this member just changed it (a report): ranked from at once. */
    public void hospitalChanged(Hospital hospital) {
        hospitals.update(hospital);
    }

    /**
     * An incident dispatched without a bed (NO_BED) gets one now that a hospital reported free beds.
     *
     * @return the hospital now holding its bed, or empty if none is free or it no longer needs one
     */
    public Optional<HospitalOption> reserveLateBed(String incidentId) {
        Optional<Incident> found = incidents.get(incidentId)
                .filter(i -> i.state() == IncidentState.DISPATCHED && i.hospitalId() == null && i.bedKind() != null);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Incident incident = found.get();
        List<HospitalOption> ranked = policy.rankHospitals(hospitalOptions(incident, FleetIndex.point(incident.location())));
        for (HospitalOption h : ranked) {
            if (!bedClaims.reserve(h.hospitalId(), incident.id(), incident.bedKind())) {
                continue;
            }
            Instant now = clock.instant();
            if (incidents.bedFound(incident.id(), h.hospitalId(), now).isEmpty()) {
                bedClaims.release(h.hospitalId(), incident.id());
                return Optional.empty();
            }
            write(List.of(new TimelineEntry(incident.id(), now, TimelineStage.BED_RESERVED, incident.bedKind()
                    + " bed reserved after a hospital reported free beds. " + policy.explainHospital(h, ranked))));
            return Optional.of(h);
        }
        return Optional.empty();
    }

    /** A bed a previous run reserved for this incident before it died: keep it rather than hold two. */
    private Optional<HospitalOption> heldBed(Incident incident, List<HospitalOption> options) {
        Optional<String> held = database.withConnection(c -> hospitalRepository.reservationOf(c, incident.id()));
        return held.flatMap(id -> options.stream().filter(o -> o.hospitalId().equals(id)).findFirst());
    }

    private List<HospitalOption> hospitalOptions(Incident incident, GeoPoint scene) {
        String preferred = preferredHospital(incident);
        List<HospitalOption> options = new ArrayList<>();
        for (Hospital h : hospitals.all()) {
            GeoPoint at = FleetIndex.point(h.position());
            options.add(new HospitalOption(h.id(), h.name(), GeodesicDistance.metres(scene, at),
                    eta.eta(scene, at, clock.instant().atZone(cityZone)), h.partner(), h.id().equals(preferred),
                    h.free(incident.bedKind())));
        }
        return options;
    }

    private String preferredHospital(Incident incident) {
        return database.withConnection(c -> directory.subscriber(c, incident.subscriberId())
                .map(Subscriber::preferredHospitalId).orElse(null));
    }

    private DispatchOutcome queue(Incident incident, String reason) {
        Instant now = clock.instant();
        Incident queued = incident;
        if (incident.state() != IncidentState.QUEUED) {
            Optional<Incident> moved = incidents.queue(incident.id(), now);
            if (moved.isEmpty()) {
                return new DispatchOutcome.Skipped(incident.id(), "incident changed during dispatch");
            }
            queued = moved.get();
            write(List.of(new TimelineEntry(incident.id(), now, TimelineStage.QUEUED, "Queued: " + reason
                    + "; it is dispatched the moment a unit frees up")));
        }
        return new DispatchOutcome.Queued(queued, reason);
    }

    private void write(List<TimelineEntry> entries) {
        database.inTransaction(c -> {
            timeline.appendAll(c, entries);
            return null;
        });
    }
}
