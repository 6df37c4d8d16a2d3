package org.sahaya.dispatch.assignment;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import org.sahaya.core.fleet.UnitStatus;
import org.sahaya.core.fleet.Units;
import org.sahaya.core.grid.Grid;
import org.sahaya.core.hospital.Hospital;
import org.sahaya.core.hospital.Hospitals;
import org.sahaya.core.incident.Incident;
import org.sahaya.core.incident.IncidentChange;
import org.sahaya.core.incident.IncidentState;
import org.sahaya.core.incident.TimelineEntry;
import org.sahaya.core.incident.TimelineStage;
import org.sahaya.core.persistence.Database;
import org.sahaya.core.persistence.IncidentRepository;
import org.sahaya.core.persistence.PersistenceException;
import org.sahaya.core.persistence.TimelineRepository;
import org.sahaya.dispatch.claims.BedClaims;
import org.sahaya.dispatch.hospital.DecisionResult;
import org.sahaya.dispatch.hospital.HospitalDecision.Verdict;
import org.sahaya.dispatch.hospital.HospitalDecision;
import org.sahaya.dispatch.hospital.HospitalDecisions;
import org.sahaya.dispatch.incident.GridIncidents;

/**
 * The receiving hospital decides about an incoming patient. An accept is written down (once: a repeat
 * changes nothing). A decline moves the patient: the decline is recorded (that hospital is never chosen
 * again for the incident), the incident leaves the declining hospital in one atomic step on its owner, its
 * bed is released, and a bed is reserved at the next hospital by the dispatch policy, with the reason and
 * why that hospital on the timeline. With no other free bed the incident stays DISPATCHED without one (as
 * NO_BED), and a later bed report gives it one.
 *
 * <p>Only a DISPATCHED incident bound for the caller's hospital, whose unit is not yet at the hospital, can
 * be decided. Of two decisions at once (or a decision and a close) one wins; the other changes nothing.
 * Blocking.
 */
public final class HospitalReroute {

    private final GridIncidents incidents;
    private final Units units;
    private final Hospitals hospitals;
    private final Dispatcher dispatcher;
    private final BedClaims beds;
    private final Database database;
    private final Clock clock;
    private final HospitalDecisions decisions = new HospitalDecisions();
    private final IncidentRepository incidentRepository = new IncidentRepository();
    private final TimelineRepository timeline = new TimelineRepository();
    /**
     * Decisions about one incident on this member run one after the other, so that the second of two at once
     * reads what the first wrote (409, not 403). Across members the grid's atomic move still lets only one win.
     */
    private final ReentrantLock[] deciding = new ReentrantLock[64];

    public HospitalReroute(Grid grid, Dispatcher dispatcher, BedClaims beds, Database database, Clock clock) {
        this.incidents = new GridIncidents(grid);
        this.units = grid;
        this.hospitals = grid;
        this.dispatcher = dispatcher;
        this.beds = beds;
        this.database = database;
        this.clock = clock;
        for (int i = 0; i < deciding.length; i++) {
            deciding[i] = new ReentrantLock();
        }
    }

    /**
     * @param hospitalId the deciding hospital (the caller's own)
     * @param reason     required for a decline (the caller checks it); may be null for an accept
     * @param actor      who decided, for the record
     */
    public DecisionResult decide(String incidentId, String hospitalId, Verdict verdict, String reason, String actor) {
        ReentrantLock lock = deciding[Math.floorMod(incidentId.hashCode(), deciding.length)];
        lock.lock();
        try {
            return decideNow(incidentId, hospitalId, verdict, reason, actor);
        } finally {
            lock.unlock();
        }
    }

    private DecisionResult decideNow(String incidentId, String hospitalId, Verdict verdict, String reason, String actor) {
        Optional<Incident> live = incidents.get(incidentId);
        Incident incident = live.or(() -> database.withConnection(c -> incidentRepository.find(c, incidentId))).orElse(null);
        if (incident == null) {
            return new DecisionResult.Unknown(incidentId);
        }
        if (!hospitalId.equals(incident.hospitalId())) {
            Optional<HospitalDecision> earlier = database.withConnection(c -> decisions.find(c, incidentId, hospitalId));
            return earlier.isPresent()
                    ? new DecisionResult.NotDispatched(incidentId, "your hospital declined this patient already; the"
                            + " incident is no longer bound for it")
                    : new DecisionResult.NotYours(incidentId);
        }
        if (incident.state() != IncidentState.DISPATCHED || live.isEmpty()) {
            return new DecisionResult.NotDispatched(incidentId, "the incident is " + incident.state());
        }
        if (incident.unitId() != null && units.unit(incident.unitId())
                .filter(u -> incidentId.equals(u.incidentId()) && u.status() == UnitStatus.AT_HOSPITAL).isPresent()) {
            return new DecisionResult.NotDispatched(incidentId, "the unit is already at the hospital");
        }
        HospitalDecision decision = new HospitalDecision(incidentId, hospitalId, verdict, reason, actor, clock.instant());
        return verdict == Verdict.ACCEPT ? accept(incident, decision) : decline(incident, decision);
    }

    private DecisionResult accept(Incident incident, HospitalDecision d) {
        try {
            return database.inTransaction(c -> {
                Optional<HospitalDecision> before = decisions.find(c, d.incidentId(), d.hospitalId());
                if (before.isPresent() && before.get().verdict() == Verdict.ACCEPT) {
                    return new DecisionResult.Decided(before.get(), incident, null, true);
                }
                decisions.save(c, d);
                timeline.append(c, new TimelineEntry(d.incidentId(), d.decidedAt(), TimelineStage.HOSPITAL_ACCEPTED,
                        name(d.hospitalId()) + " accepted the patient" + said(d.reason())));
                // Checked again before the commit: a decline or a close that won meanwhile undoes this accept.
                Incident now = incidents.get(d.incidentId())
                        .filter(i -> i.state() == IncidentState.DISPATCHED && d.hospitalId().equals(i.hospitalId()))
                        .orElseThrow(ChangedMeanwhile::new);
                return new DecisionResult.Decided(d, now, null, false);
            });
        } catch (ChangedMeanwhile e) {
            return new DecisionResult.NotDispatched(d.incidentId(), "the incident changed meanwhile (declined or closed)");
        } catch (PersistenceException e) {
            // A second accept written at the same moment hit the primary key: the first one stands.
            Optional<HospitalDecision> stands = database.withConnection(c -> decisions.find(c, d.incidentId(), d.hospitalId()));
            if (stands.isPresent() && stands.get().verdict() == Verdict.ACCEPT) {
                return new DecisionResult.Decided(stands.get(), incident, null, true);
            }
            throw e;
        }
    }

    /**
     * The decline is written first, so that from then on no bed search (a late bed from a report at this very
     * moment included) chooses the decliner; then the move is claimed atomically (the incident leaves the
     * declining hospital), so that a second decision or a close at the same moment loses, and a lost move
     * puts the decision back as it was. Then its bed is released and a bed sought elsewhere: an incident
     * holds one bed at a time, so the old one goes before the new one is held.
     */
    private DecisionResult decline(Incident incident, HospitalDecision d) {
        String from = d.hospitalId();
        Optional<HospitalDecision> before = database.withConnection(c -> decisions.find(c, incident.id(), from));
        save(d, null);
        Instant at = clock.instant();
        Optional<Incident> left = incidents.rerouted(incident.id(), from, null, at);
        if (left.isEmpty()) {
            // Lost to another decline of this hospital (on another member): that one's decision stands. Lost
            // to a close: the decision is put back as it was.
            if (incidents.get(incident.id()).filter(i -> i.state() == IncidentState.DISPATCHED).isPresent()) {
                return new DecisionResult.NotDispatched(incident.id(), "the incident changed meanwhile (decided)");
            }
            database.inTransaction(c -> {
                if (before.isPresent()) {
                    decisions.save(c, before.get());
                } else {
                    decisions.delete(c, incident.id(), from);
                }
                return null;
            });
            return new DecisionResult.NotDispatched(incident.id(), "the incident changed meanwhile (decided or closed)");
        }
        String fromName = name(from);
        // Written again with the timeline: an accept another member wrote meanwhile does not outlive the move.
        save(d, new TimelineEntry(incident.id(), at, TimelineStage.HOSPITAL_DECLINED, fromName + " declined the patient ("
                + d.reason() + "); its bed is released and it is not chosen again for this incident"));
        beds.release(from, incident.id());
        Optional<NextBed> next = dispatcher.reserveElsewhere(left.get(), from);
        Incident now = left.get();
        TimelineEntry bed;
        if (next.isPresent()) {
            String to = next.get().hospital().hospitalId();
            Optional<Incident> found = incidents.bedFound(incident.id(), to, clock.instant());
            if (found.isPresent()) {
                now = found.get();
                bed = new TimelineEntry(incident.id(), clock.instant(), TimelineStage.BED_RESERVED, incident.bedKind()
                        + " bed reserved after " + fromName + " declined. " + next.get().why());
            } else {
                // Closed meanwhile, or a bed report gave it a bed first: give this one back unless it is that one.
                Optional<Incident> current = incidents.get(incident.id());
                if (!current.map(i -> to.equals(i.hospitalId())).orElse(false)) {
                    beds.release(to, incident.id());
                }
                now = current.orElse(now);
                bed = null;
            }
        } else {
            bed = new TimelineEntry(incident.id(), clock.instant(), TimelineStage.NO_BED, "No other hospital has a free "
                    + incident.bedKind() + " bed: the coordinator must find one (a hospital's bed report gives it one)");
        }
        if (bed != null) {
            database.inTransaction(c -> {
                timeline.append(c, bed);
                return null;
            });
        }
        String to = now.hospitalId();
        String why = fromName + " declined the patient: " + (to == null
                ? "no other hospital has a free " + incident.bedKind() + " bed"
                : "the patient goes to " + name(to) + " instead");
        return new DecisionResult.Decided(d, now, new IncidentChange.HospitalChanged(now, at, from, to, why), false);
    }

    /**
     * Writes the decision (and the timeline entry, if any) in one transaction. An accept of the same hospital
     * written at the same moment makes the primary key refuse the insert once: the update then wins.
     */
    private void save(HospitalDecision d, TimelineEntry entry) {
        Database.Work<Void> write = c -> {
            decisions.save(c, d);
            if (entry != null) {
                timeline.append(c, entry);
            }
            return null;
        };
        try {
            database.inTransaction(write);
        } catch (PersistenceException e) {
            database.inTransaction(write);
        }
    }

    private String name(String hospitalId) {
        return hospitals.hospital(hospitalId).map(Hospital::name).orElse(hospitalId);
    }

    private static String said(String reason) {
        return reason == null || reason.isBlank() ? "" : " (" + reason.strip() + ")";
    }

    /** The incident moved on while an accept was being written: the transaction is rolled back. */
    private static final class ChangedMeanwhile extends RuntimeException {
        ChangedMeanwhile() {
            super(null, null, false, false);
        }
    }
}
