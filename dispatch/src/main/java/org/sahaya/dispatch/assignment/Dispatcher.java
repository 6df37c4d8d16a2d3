package org.sahaya.dispatch.assignment;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.sahaya.core.fleet.Unit;
import org.sahaya.core.fleet.UnitLevel;
import org.sahaya.core.fleet.Units;
import org.sahaya.core.grid.Grid;
import org.sahaya.core.hospital.Hospital;
import org.sahaya.core.incident.Incident;
import org.sahaya.core.incident.IncidentState;
import org.sahaya.core.incident.TimelineEntry;
import org.sahaya.core.incident.TimelineStage;
import org.sahaya.core.persistence.Database;
import org.sahaya.core.persistence.TimelineRepository;
import org.sahaya.core.persistence.UnitRepository;
import org.sahaya.dispatch.area.ServiceAreas;
import org.sahaya.dispatch.claims.BedClaims;
import org.sahaya.dispatch.claims.UnitClaims;
import org.sahaya.dispatch.fleet.FleetIndex;
import org.sahaya.dispatch.hospital.HospitalBoard;
import org.sahaya.dispatch.incident.GridIncidents;
import org.sahaya.dispatch.policy.DispatchPolicy;
import org.sahaya.dispatch.policy.HospitalOption;
import org.sahaya.dispatch.policy.UnitOption;
import org.sahaya.geo.GeoPoint;
import org.sahaya.geo.eta.EtaModel;

/**
 * Step 4 of the hot path: picks, claims and records a unit and a bed for one incident. The loop
 * around pure parts: {@link CandidateFilter} keeps the nearest units that may be offered the incident,
 * the policy ranks them, the claims are tried in order (a lost race moves on to the next candidate),
 * {@link BedChoice} says where to reserve the bed, and {@link DispatchExplanation} writes on the
 * timeline the candidates considered and why the winner won. A call that needs ALS when no ALS unit can
 * arrive in time gets the nearest BLS unit first and an ALS follow-up ({@link AlsFollowUps}). Blocking: call
 * from a virtual thread.
 */
public final class Dispatcher {

    /** The grid's units as their owners hold them now: what a resumed claim is checked against. */
    private final Units units;
    private final GridIncidents incidents;
    private final FleetIndex fleet;
    private final UnitClaims unitClaims;
    private final BedReservations beds;
    private final DispatchPolicy policy;
    private final CandidateFilter candidates;
    private final Declines declines;
    private final Database database;
    private final Clock clock;
    private final ZoneId cityZone;
    private final TimelineRepository timeline = new TimelineRepository();
    private final UnitRepository unitRepository = new UnitRepository();
    private final AlsFollowUps followUps;

    /**
     * @param hospitals this member's copy of the bed boards, the one hospitals are ranked from
     * @param areas     units bound to a service area are candidates only inside it
     */
    public Dispatcher(Grid grid, FleetIndex fleet, HospitalBoard hospitals, UnitClaims unitClaims, BedClaims bedClaims,
                      DispatchPolicy policy, EtaModel eta, Database database, Clock clock, ZoneId cityZone,
                      ServiceAreas areas) {
        this.units = grid;
        this.incidents = new GridIncidents(grid);
        this.fleet = fleet;
        this.unitClaims = unitClaims;
        this.beds = new BedReservations(hospitals, bedClaims, new BedChoice(policy, eta), database);
        this.policy = policy;
        this.candidates = new CandidateFilter(areas, eta);
        this.declines = new Declines(database);
        this.database = database;
        this.clock = clock;
        this.cityZone = cityZone;
        this.followUps = new AlsFollowUps(grid, incidents, fleet, unitClaims, policy, candidates, database, clock, cityZone);
    }

    /** The ALS units still sought after a BLS unit went first. */
    public AlsFollowUps followUps() {
        return followUps;
    }

    /** How long {@code unit} would take from where it is now to the incident's scene: the dispatch's own ETA. */
    public Duration eta(Unit unit, Incident incident) {
        return optionFor(unit, FleetIndex.point(incident.location())).eta();
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
        List<String> passedOver = List.of();
        Set<String> lost = new HashSet<>();
        boolean anyRanked = false;
        boolean firstResponderSought = false;
        // A lost race moves on to the next candidate; when a whole batch is lost (others got there
        // first, or this member's index lags the grid), look again beyond the units already tried.
        while (true) {
            CandidateFilter.Shortlist shortlist = candidates.shortlist(fleet.nearestAvailable(scene, incident.needs(),
                    candidates.searchSize(excluded, lost), CandidateFilter.RADIUS_METRES), scene, fleet::unit, excluded, lost, now());
            passedOver = shortlist.passedOver();
            List<UnitOption> ranked = policy.rankUnits(incident.needs(), shortlist.options());
            if (!firstResponderSought && policy.blsFirst(incident.needs(), ranked.isEmpty() ? null : ranked.getFirst())) {
                firstResponderSought = true;
                Optional<DispatchOutcome> first = blsFirst(incident, scene, excluded, ranked.isEmpty() ? null : ranked.getFirst());
                if (first.isPresent()) {
                    return first.get();
                }
            }
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
                return complete(incident, claimed.get(), option, DispatchExplanation.considered(ranked, lost.size(), passedOver),
                        policy.explainUnit(option, incident.needs(), ranked), scene);
            }
        }
        return queue(incident, DispatchExplanation.noUnit(incident.needs(), anyRanked,
                (int) (CandidateFilter.RADIUS_METRES / 1000), passedOver));
    }

    /**
     * BLS first: the nearest BLS unit nearer than {@code bestAls} (null when no ALS unit is free) is sent
     * now and an ALS unit is sought. The follow-up is recorded before the incident says DISPATCHED, so a
     * crash in between leaves it for the sweep (or a resumed claim) rather than losing it.
     *
     * @return the dispatch, or empty when no BLS unit may go first (then the ALS unit goes, or the queue waits)
     */
    private Optional<DispatchOutcome> blsFirst(Incident incident, GeoPoint scene, Set<String> excluded, UnitOption bestAls) {
        Set<String> lost = new HashSet<>();
        while (true) {
            CandidateFilter.Shortlist shortlist = candidates.shortlist(fleet.nearestAvailable(scene, UnitLevel.BLS,
                    candidates.searchSize(excluded, lost), CandidateFilter.RADIUS_METRES), scene, fleet::unit, excluded, lost, now());
            List<UnitOption> ranked = policy.rankFirstResponders(shortlist.options(), bestAls);
            if (ranked.isEmpty()) {
                return Optional.empty();
            }
            for (UnitOption option : ranked) {
                Optional<Unit> claimed = unitClaims.claim(option.unitId(), incident.id());
                if (claimed.isEmpty()) {
                    lost.add(option.unitId());
                    continue;
                }
                fleet.update(claimed.get());
                followUps.seek(incident.id(), claimed.get().id());
                DispatchOutcome outcome = complete(incident, claimed.get(), option,
                        DispatchExplanation.considered(ranked, lost.size(), shortlist.passedOver()),
                        policy.explainBlsFirst(option, bestAls), scene);
                if (outcome instanceof DispatchOutcome.Skipped) {
                    // Unless another member completed the dispatch with this very unit, nothing goes first.
                    String unitId = claimed.get().id();
                    if (!incidents.get(incident.id()).map(i -> unitId.equals(i.unitId())).orElse(false)) {
                        followUps.abandon(incident.id());
                    }
                } else {
                    write(List.of(new TimelineEntry(incident.id(), clock.instant(), TimelineStage.ALS_SOUGHT,
                            "An ALS unit is sought to follow " + option.callSign() + ": it is sent as soon as one is free")));
                }
                return Optional.of(outcome);
            }
        }
    }

    /**
     * A previous run may have claimed a unit and died before the incident said so: that unit is
     * still held for this incident, so it is the one to send (claiming another would strand it).
     */
    private Optional<DispatchOutcome> resumeClaim(Incident incident, GeoPoint scene) {
        Optional<Unit> held = database.withConnection(c -> unitRepository.findByIncident(c, incident.id()))
                .flatMap(u -> units.unit(u.id()))
                .filter(u -> incident.id().equals(u.incidentId()));
        return held.map(unit -> {
            UnitOption option = optionFor(unit, scene);
            return complete(incident, unit, option, DispatchExplanation.resumed(option),
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

    /** The option a unit makes for an incident at {@code scene}: distance and ETA from where it is now. */
    UnitOption optionFor(Unit unit, GeoPoint scene) {
        return candidates.option(unit, scene, now());
    }

    /**
     * The unit is claimed: reserve a bed, mark the incident DISPATCHED and write why. Gives the claims
     * back if the incident moved on meanwhile.
     */
    DispatchOutcome complete(Incident incident, Unit unit, UnitOption option, String considered, String why, GeoPoint scene) {
        BedReservations.Reserved reserved = beds.forDispatch(incident, scene, now());
        HospitalOption bed = reserved.bed();
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
                beds.release(bedAt, incident.id());
            }
            return new DispatchOutcome.Skipped(incident.id(), "incident changed during dispatch");
        }
        boolean kept = reserved.plan().kept();
        String hospitalWhy = bed == null || kept ? null : policy.explainHospital(bed, reserved.plan().order());
        write(DispatchExplanation.dispatched(incident.id(), now, considered, why, incident.bedKind(), bed, kept, hospitalWhy));
        return new DispatchOutcome.Dispatched(dispatched.get(), unit, bed);
    }

    /** A hospital's bed board as this member just changed it (a report): ranked from at once. */
    public void hospitalChanged(Hospital hospital) {
        beds.update(hospital);
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
        BedReservations.Reserved reserved = beds.late(incident, FleetIndex.point(incident.location()), now());
        HospitalOption h = reserved.bed();
        if (h == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        if (incidents.bedFound(incident.id(), h.hospitalId(), now).isEmpty()) {
            beds.release(h.hospitalId(), incident.id());
            return Optional.empty();
        }
        write(List.of(DispatchExplanation.lateBed(incident.id(), now, incident.bedKind(),
                policy.explainHospital(h, reserved.plan().order()))));
        return Optional.of(h);
    }

    /**
     * Reserves a bed for an incident whose receiving hospital declined it, at the best hospital with a free
     * bed of its kind other than {@code declining} and every hospital that declined it before. The incident
     * itself is not changed here: the caller moves it to the new hospital atomically, or releases the bed.
     *
     * @return the hospital now holding a bed for it, with why it was chosen; empty if no other has one free
     */
    public Optional<NextBed> reserveElsewhere(Incident incident, String declining) {
        BedReservations.Reserved reserved = beds.elsewhere(incident, declining, FleetIndex.point(incident.location()), now());
        HospitalOption h = reserved.bed();
        return h == null ? Optional.empty()
                : Optional.of(new NextBed(h, policy.explainHospital(h, reserved.plan().order())));
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
            write(List.of(DispatchExplanation.queued(incident.id(), now, reason)));
        }
        return new DispatchOutcome.Queued(queued, reason);
    }

    private ZonedDateTime now() {
        return clock.instant().atZone(cityZone);
    }

    private void write(List<TimelineEntry> entries) {
        database.inTransaction(c -> {
            timeline.appendAll(c, entries);
            return null;
        });
    }
}
