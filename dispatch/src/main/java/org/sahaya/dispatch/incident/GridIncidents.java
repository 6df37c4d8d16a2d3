package org.sahaya.dispatch.incident;

import com.hazelcast.map.EntryProcessor;
import com.hazelcast.map.IMap;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.sahaya.core.fleet.UnitLevel;
import org.sahaya.core.grid.Grid;
import org.sahaya.core.hospital.BedKind;
import org.sahaya.core.incident.Incident;
import org.sahaya.core.incident.IncidentState;
import org.sahaya.core.incident.Priority;
import org.sahaya.core.incident.TriageAction;

/**
 * Open incidents in the grid. Every change is an entry processor on the incident's owner, checked
 * against {@link IncidentState}'s transitions, and written through to the database. A finished
 * incident is evicted after its last write: the grid holds only what is still being worked.
 */
public final class GridIncidents {

    private final IMap<String, Incident> incidents;

    public GridIncidents(Grid grid) {
        this.incidents = grid.incidents();
    }

    /** An incident the database already holds (just opened): the grid takes its copy without writing it again. */
    public void admit(Incident incident) {
        incidents.putTransient(incident.id(), incident, 0, TimeUnit.SECONDS);
    }

    public Optional<Incident> get(String id) {
        return Optional.ofNullable(incidents.get(id));
    }

    /** @return the dispatched incident, or empty if it was no longer waiting for a unit */
    public Optional<Incident> dispatched(String id, String unitId, String hospitalId, int etaSeconds, Instant at) {
        return Optional.ofNullable(incidents.executeOnKey(id, new Dispatch(unitId, hospitalId, etaSeconds, at)));
    }

    /** @return the incident in its new state, or empty if the move is not allowed from its current state */
    public Optional<Incident> move(String id, IncidentState next, Instant at) {
        Optional<Incident> moved = Optional.ofNullable(incidents.executeOnKey(id, new Move(next, at)));
        if (moved.isPresent() && !next.isOpen()) {
            incidents.evict(id);
        }
        return moved;
    }

    /**
     * No unit was free: NEW or VERIFYING becomes QUEUED. Never from DISPATCHED: a dispatcher that lost
     * every race must not undo another member's dispatch of the same incident.
     *
     * @return the queued incident, or empty if it was no longer waiting for its first dispatch
     */
    public Optional<Incident> queue(String id, Instant at) {
        return Optional.ofNullable(incidents.executeOnKey(id, new Queue(at)));
    }

    /** @return the incident back in the queue, or empty unless it was DISPATCHED with {@code unitId} */
    public Optional<Incident> unitLeft(String id, String unitId, Instant at) {
        return Optional.ofNullable(incidents.executeOnKey(id, new UnitLeft(unitId, at)));
    }

    /** @return the incident now served by {@code unitId}, or empty unless it was DISPATCHED with {@code previousUnitId} */
    public Optional<Incident> reassign(String id, String previousUnitId, String unitId, int etaSeconds, Instant at) {
        return Optional.ofNullable(incidents.executeOnKey(id, new Reassign(previousUnitId, unitId, etaSeconds, at)));
    }

    /** @return the incident with its receiving hospital, or empty unless it was DISPATCHED without one */
    public Optional<Incident> bedFound(String id, String hospitalId, Instant at) {
        return Optional.ofNullable(incidents.executeOnKey(id, new BedFound(hospitalId, at)));
    }

    /**
     * The receiving hospital declined the patient: the incident goes to {@code to} (null: no other hospital
     * has a bed, it stays DISPATCHED without one). Atomic on the incident's owner, so of two decisions (or a
     * decision and a close) at once exactly one moves it.
     *
     * @return the incident bound for {@code to}, or empty unless it was DISPATCHED and bound for {@code from}
     */
    public Optional<Incident> rerouted(String id, String from, String to, Instant at) {
        return Optional.ofNullable(incidents.executeOnKey(id, new Reroute(from, to, at)));
    }

    record Reroute(String from, String to, Instant at) implements EntryProcessor<String, Incident, Incident> {
        @Override
        public Incident process(Map.Entry<String, Incident> entry) {
            Incident current = entry.getValue();
            if (current == null || current.state() != IncidentState.DISPATCHED || !from.equals(current.hospitalId())) {
                return null;
            }
            Incident next = current.withHospital(to, at);
            entry.setValue(next);
            return next;
        }
    }

    /**
     * The incident's ETA worked out again from its unit's live position.
     *
     * @param previousEtaSeconds the figure it replaced
     */
    public record EtaRefreshed(Incident incident, int previousEtaSeconds) implements java.io.Serializable {
    }

    /**
     * Takes a fresh ETA of the incident's unit if it moved by at least {@code minChangeSeconds}.
     *
     * @return the incident with its new ETA, or empty unless it is DISPATCHED with {@code unitId} and the
     *         figure moved that much
     */
    public Optional<EtaRefreshed> etaRefreshed(String id, String unitId, int etaSeconds, int minChangeSeconds, Instant at) {
        return Optional.ofNullable(incidents.executeOnKey(id, new RefreshEta(unitId, etaSeconds, minChangeSeconds, at)));
    }

    record RefreshEta(String unitId, int etaSeconds, int minChangeSeconds, Instant at)
            implements EntryProcessor<String, Incident, EtaRefreshed> {
        @Override
        public EtaRefreshed process(Map.Entry<String, Incident> entry) {
            Incident current = entry.getValue();
            if (current == null || current.state() != IncidentState.DISPATCHED || !unitId.equals(current.unitId())) {
                return null;
            }
            int previous = current.etaSeconds() == null ? Integer.MIN_VALUE / 2 : current.etaSeconds();
            if (Math.abs((long) etaSeconds - previous) < minChangeSeconds) {
                return null;
            }
            Incident next = current.withEta(etaSeconds, at);
            entry.setValue(next);
            return new EtaRefreshed(next, current.etaSeconds() == null ? etaSeconds : previous);
        }
    }

    record BedFound(String hospitalId, Instant at) implements EntryProcessor<String, Incident, Incident> {
        @Override
        public Incident process(Map.Entry<String, Incident> entry) {
            Incident current = entry.getValue();
            if (current == null || current.state() != IncidentState.DISPATCHED || current.hospitalId() != null) {
                return null;
            }
            Incident next = current.withHospital(hospitalId, at);
            entry.setValue(next);
            return next;
        }
    }

    record Queue(Instant at) implements EntryProcessor<String, Incident, Incident> {
        @Override
        public Incident process(Map.Entry<String, Incident> entry) {
            Incident current = entry.getValue();
            if (current == null || (current.state() != IncidentState.NEW && current.state() != IncidentState.VERIFYING)) {
                return null;
            }
            Incident queued = current.withState(IncidentState.QUEUED, at);
            entry.setValue(queued);
            return queued;
        }
    }

    record UnitLeft(String unitId, Instant at) implements EntryProcessor<String, Incident, Incident> {
        @Override
        public Incident process(Map.Entry<String, Incident> entry) {
            Incident current = entry.getValue();
            if (current == null || current.state() != IncidentState.DISPATCHED || !unitId.equals(current.unitId())) {
                return null;
            }
            Incident queued = current.unitLeft(at);
            entry.setValue(queued);
            return queued;
        }
    }

    record Reassign(String previousUnitId, String unitId, int etaSeconds, Instant at)
            implements EntryProcessor<String, Incident, Incident> {
        @Override
        public Incident process(Map.Entry<String, Incident> entry) {
            Incident current = entry.getValue();
            if (current == null || current.state() != IncidentState.DISPATCHED
                    || !java.util.Objects.equals(previousUnitId, current.unitId())) {
                return null;
            }
            Incident next = current.reassigned(unitId, etaSeconds, at);
            entry.setValue(next);
            return next;
        }
    }

    /** @return the raised incident, or empty if it is no longer open or already as urgent */
    public Optional<Incident> escalate(String id, Priority urgent, TriageAction action, UnitLevel needs, BedKind bed,
                                       Instant at) {
        return Optional.ofNullable(incidents.executeOnKey(id, new Escalate(urgent, action, needs, bed, at)));
    }

    record Escalate(Priority urgent, TriageAction action, UnitLevel needs, BedKind bed, Instant at)
            implements EntryProcessor<String, Incident, Incident> {
        @Override
        public Incident process(Map.Entry<String, Incident> entry) {
            Incident current = entry.getValue();
            if (current == null || !current.state().isOpen() || current.priority().compareTo(urgent) <= 0) {
                return null;
            }
            Incident raised = current.escalated(urgent, action, needs, bed, at);
            entry.setValue(raised);
            return raised;
        }
    }

    record Dispatch(String unitId, String hospitalId, int etaSeconds, Instant at)
            implements EntryProcessor<String, Incident, Incident> {
        @Override
        public Incident process(Map.Entry<String, Incident> entry) {
            Incident current = entry.getValue();
            if (current == null || !current.state().canMoveTo(IncidentState.DISPATCHED)) {
                return null;
            }
            Incident next = current.dispatched(unitId, hospitalId, etaSeconds, at);
            entry.setValue(next);
            return next;
        }
    }

    record Move(IncidentState next, Instant at) implements EntryProcessor<String, Incident, Incident> {
        @Override
        public Incident process(Map.Entry<String, Incident> entry) {
            Incident current = entry.getValue();
            if (current == null || !current.state().canMoveTo(next)) {
                return null;
            }
            Incident moved = current.withState(next, at);
            entry.setValue(moved);
            return moved;
        }
    }
}
