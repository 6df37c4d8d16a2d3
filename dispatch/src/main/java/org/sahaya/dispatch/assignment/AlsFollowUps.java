package org.sahaya.dispatch.assignment;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.sahaya.core.fleet.Unit;
import org.sahaya.core.fleet.UnitLevel;
import org.sahaya.core.fleet.Units;
import org.sahaya.core.incident.Incident;
import org.sahaya.core.incident.IncidentChange;
import org.sahaya.core.incident.IncidentState;
import org.sahaya.core.incident.TimelineEntry;
import org.sahaya.core.incident.TimelineStage;
import org.sahaya.core.persistence.Database;
import org.sahaya.core.persistence.TimelineRepository;
import org.sahaya.dispatch.claims.UnitClaims;
import org.sahaya.dispatch.fleet.FleetIndex;
import org.sahaya.dispatch.followup.AlsFollowUp;
import org.sahaya.dispatch.followup.AlsFollowUpRepository;
import org.sahaya.dispatch.incident.GridIncidents;
import org.sahaya.dispatch.policy.DispatchPolicy;
import org.sahaya.dispatch.policy.QueueOrder;
import org.sahaya.dispatch.policy.UnitOption;
import org.sahaya.geo.GeoPoint;

/**
 * BLS first, ALS after: the ALS unit an incident still needs after a BLS unit went first. It is sent
 * as a second (support) unit as soon as one is free: at once when the ALS unit free at dispatch was only
 * farther than the wait, when an ALS unit frees up, and by the owner's periodic sweep (which also picks up
 * follow-ups a crashed member left). The support unit is claimed like any unit (never on two incidents);
 * the follow-up row records it only if no other member sent one first. Blocking: call from a virtual thread.
 */
public final class AlsFollowUps {

    private final Units units;
    private final GridIncidents incidents;
    private final FleetIndex fleet;
    private final UnitClaims claims;
    private final DispatchPolicy policy;
    private final CandidateFilter candidates;
    private final Declines declines;
    private final Database database;
    private final Clock clock;
    private final ZoneId cityZone;
    private final AlsFollowUpRepository rows = new AlsFollowUpRepository();
    private final TimelineRepository timeline = new TimelineRepository();
    /** Follow-ups this member is serving right now: a second run waits for the next trigger. */
    private final Set<String> working = ConcurrentHashMap.newKeySet();

    public AlsFollowUps(Units units, GridIncidents incidents, FleetIndex fleet, UnitClaims claims, DispatchPolicy policy,
                        CandidateFilter candidates, Database database, Clock clock, ZoneId cityZone) {
        this.units = units;
        this.incidents = incidents;
        this.fleet = fleet;
        this.claims = claims;
        this.policy = policy;
        this.candidates = candidates;
        this.declines = new Declines(database);
        this.database = database;
        this.clock = clock;
        this.cityZone = cityZone;
    }

    /** A BLS unit is going first to {@code incidentId}: an ALS unit is sought from now on. */
    public void seek(String incidentId, String firstUnitId) {
        database.inTransaction(c -> {
            rows.seek(c, incidentId, firstUnitId, clock.instant());
            return null;
        });
    }

    /**
     * A more urgent alert raised a dispatched incident to ALS while a BLS unit works it: an ALS unit is
     * sought as its second unit, as if the BLS unit had gone first.
     *
     * @return the change to announce if an ALS unit was sent at once
     */
    public Optional<IncidentChange.SupportUnitSent> raisedToAls(String incidentId) {
        Incident incident = incidents.get(incidentId)
                .filter(i -> i.state() == IncidentState.DISPATCHED && i.needs() == UnitLevel.ALS).orElse(null);
        Unit first = incident == null ? null : units.unit(incident.unitId()).filter(u -> u.level() == UnitLevel.BLS).orElse(null);
        if (first == null) {
            return Optional.empty();
        }
        if (find(incidentId).filter(AlsFollowUp::open).isEmpty()) {
            Instant now = clock.instant();
            database.inTransaction(c -> {
                rows.seek(c, incidentId, first.id(), now);
                timeline.append(c, new TimelineEntry(incidentId, now, TimelineStage.ALS_SOUGHT, "Raised to ALS while BLS unit "
                        + first.callSign() + " works the incident: an ALS unit is sought as a second unit"));
                return null;
            });
        }
        return serve(incidentId);
    }

    /** The BLS-first dispatch did not happen after all (the incident moved on): nothing is sought. */
    public void abandon(String incidentId) {
        database.inTransaction(c -> rows.end(c, incidentId, clock.instant()));
    }

    public Optional<AlsFollowUp> find(String incidentId) {
        return database.withConnection(c -> rows.find(c, incidentId));
    }

    /**
     * Sends an ALS unit to the incident if its follow-up still seeks one and one is free.
     *
     * @return the change to announce; empty if nothing was sent
     */
    public Optional<IncidentChange.SupportUnitSent> serve(String incidentId) {
        if (!working.add(incidentId)) {
            return Optional.empty();
        }
        try {
            return serveNow(incidentId);
        } finally {
            working.remove(incidentId);
        }
    }

    /**
     * The owner's periodic look at every follow-up still seeking a unit (and those a crashed member left).
     *
     * @param owns whether this member works an incident
     */
    public List<IncidentChange> sweep(Predicate<String> owns) {
        List<IncidentChange> sent = new ArrayList<>();
        for (AlsFollowUp row : database.withConnection(rows::seeking)) {
            if (owns.test(row.incidentId())) {
                serve(row.incidentId()).ifPresent(sent::add);
            }
        }
        return sent;
    }

    /**
     * A unit became free: if it is an ALS unit, the follow-ups seeking one are served, most urgent and
     * oldest first, while it is still free.
     */
    public List<IncidentChange> unitFreed(String unitId) {
        Unit unit = units.unit(unitId).orElse(null);
        if (unit == null || unit.level() != UnitLevel.ALS || !unit.isAvailable()) {
            return List.of();
        }
        fleet.update(unit);
        List<Incident> waiting = database.withConnection(rows::seeking).stream()
                .map(r -> incidents.get(r.incidentId()).orElse(null))
                .filter(Objects::nonNull)
                .sorted(QueueOrder.ORDER)
                .toList();
        List<IncidentChange> sent = new ArrayList<>();
        for (Incident incident : waiting) {
            if (!units.unit(unitId).map(Unit::isAvailable).orElse(false)) {
                break;
            }
            serve(incident.id()).ifPresent(sent::add);
        }
        return sent;
    }

    /**
     * The second unit leaves the incident before its work was done: its crew declined or did not accept in
     * time (jobs), or it broke down. Its claim is given back if it still holds one, it is never sent to this
     * incident again, and the next ALS unit is sent if one is free.
     *
     * @param why plain words for the timeline and the family ("declined (crew on break)")
     * @return what to tell the incident's listeners: UnitReleased, then SupportUnitSent if another went
     */
    public List<IncidentChange> supportReleased(String incidentId, Unit unit, IncidentChange.Reason reason, String why) {
        // The decline first: a sweep that sees the unit gone before the row says so must not send it back.
        declines.record(incidentId, unit.id(), clock.instant());
        claims.release(unit.id(), incidentId);
        units.unit(unit.id()).ifPresent(fleet::update);
        supportLeft(incidentId, unit, why);
        List<IncidentChange> changes = new ArrayList<>();
        incidents.get(incidentId).ifPresent(i -> changes.add(new IncidentChange.UnitReleased(i, clock.instant(), unit.id(),
                reason, "second unit " + unit.callSign() + " " + why)));
        serve(incidentId).ifPresent(changes::add);
        return changes;
    }

    /**
     * The support unit left before its work was done (declined, broke down): the follow-up seeks another
     * ALS unit, never this one again for the incident.
     */
    public void supportLeft(String incidentId, Unit unit, String why) {
        Instant now = clock.instant();
        declines.record(incidentId, unit.id(), now);
        database.inTransaction(c -> {
            if (rows.supportLeft(c, incidentId, unit.id())) {
                timeline.append(c, new TimelineEntry(incidentId, now, TimelineStage.SUPPORT_UNIT_LEFT, "Second unit "
                        + unit.callSign() + " " + why + ": another ALS unit is sought"));
            }
            return null;
        });
    }

    /** The support unit's work is done (it left the scene, or handed over): the follow-up ends. */
    public void supportDone(String incidentId, Unit unit, String why) {
        Instant now = clock.instant();
        database.inTransaction(c -> {
            rows.end(c, incidentId, now);
            timeline.append(c, new TimelineEntry(incidentId, now, TimelineStage.SUPPORT_UNIT_LEFT,
                    "Second unit " + unit.callSign() + " " + why + "; it is free again"));
            return null;
        });
    }

    /** Whether {@code unit} works its incident as a second unit rather than as the incident's own unit. */
    public boolean isSupport(Unit unit) {
        return unit.incidentId() != null && incidents.get(unit.incidentId())
                .map(i -> !unit.id().equals(i.unitId())).orElse(false);
    }

    private Optional<IncidentChange.SupportUnitSent> serveNow(String incidentId) {
        AlsFollowUp row = find(incidentId).filter(AlsFollowUp::open).orElse(null);
        if (row == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Incident incident = incidents.get(incidentId).orElse(null);
        if (incident == null || !incident.state().isOpen()) {
            end(incidentId, null);
            return Optional.empty();
        }
        if (incident.state() != IncidentState.DISPATCHED) {
            return Optional.empty(); // its own unit left: the queue sends whichever unit comes first
        }
        Unit primary = units.unit(incident.unitId()).orElse(null);
        if (primary != null && primary.level() == UnitLevel.ALS) {
            end(incidentId, "ALS unit " + primary.callSign() + " is now the incident's own unit: no second unit is sought");
            return Optional.empty();
        }
        if (row.supportUnitId() != null) {
            if (units.unit(row.supportUnitId()).map(u -> incidentId.equals(u.incidentId())).orElse(false)) {
                return Optional.empty(); // served
            }
            // Its report of leaving was lost with a member: look again.
            database.inTransaction(c -> rows.supportLeft(c, incidentId, row.supportUnitId()));
        }
        GeoPoint scene = FleetIndex.point(incident.location());
        Optional<Unit> held = heldSupport(incident);
        if (held.isPresent()) {
            UnitOption option = candidates.option(held.get(), scene, now.atZone(cityZone));
            return record(incident, held.get(), option, primary, " (already held for this incident)");
        }
        Set<String> excluded = new HashSet<>(declines.unitsDeclining(incidentId));
        excluded.add(incident.unitId());
        Set<String> lost = new HashSet<>();
        while (true) {
            List<UnitOption> ranked = policy.rankUnits(UnitLevel.ALS, candidates.shortlist(
                    fleet.nearestAvailable(scene, UnitLevel.ALS, candidates.searchSize(excluded, lost), CandidateFilter.RADIUS_METRES),
                    scene, fleet::unit, excluded, lost, now.atZone(cityZone)).options());
            if (ranked.isEmpty()) {
                return Optional.empty(); // none free: the next free ALS unit or sweep serves it
            }
            for (UnitOption option : ranked) {
                Optional<Unit> claimed = claims.claim(option.unitId(), incidentId);
                if (claimed.isEmpty()) {
                    lost.add(option.unitId());
                    continue;
                }
                fleet.update(claimed.get());
                return record(incident, claimed.get(), option, primary, "");
            }
        }
    }

    /** A unit a previous run claimed for this incident beside its own unit, before it recorded it. */
    private Optional<Unit> heldSupport(Incident incident) {
        return database.withConnection(c -> rows.unitsOn(c, incident.id())).stream()
                .filter(id -> !id.equals(incident.unitId()))
                .map(id -> units.unit(id).orElse(null))
                .filter(u -> u != null && incident.id().equals(u.incidentId()))
                .findFirst();
    }

    private Optional<IncidentChange.SupportUnitSent> record(Incident incident, Unit unit, UnitOption option, Unit primary,
                                                           String note) {
        Instant now = clock.instant();
        String first = primary == null ? "the first unit" : "BLS unit " + primary.callSign();
        String why = "ALS unit " + option.describe() + " sent as a second unit" + note + ": " + first
                + " went first; both units are on the incident";
        boolean recorded = database.inTransaction(c -> {
            if (!rows.assign(c, incident.id(), unit.id(), now)) {
                return false;
            }
            timeline.append(c, new TimelineEntry(incident.id(), now, TimelineStage.SUPPORT_UNIT_SENT, why));
            return true;
        });
        Incident current = incidents.get(incident.id()).orElse(null);
        if (!recorded || current == null || !current.state().isOpen()) {
            // Another member sent one first, or the incident closed meanwhile: give the unit back.
            claims.release(unit.id(), incident.id());
            units.unit(unit.id()).ifPresent(fleet::update);
            return Optional.empty();
        }
        return Optional.of(new IncidentChange.SupportUnitSent(current, now, unit.id(), why));
    }

    private void end(String incidentId, String why) {
        Instant now = clock.instant();
        database.inTransaction(c -> {
            if (rows.end(c, incidentId, now) && why != null) {
                timeline.append(c, new TimelineEntry(incidentId, now, TimelineStage.SUPPORT_UNIT_LEFT, why));
            }
            return null;
        });
    }
}
