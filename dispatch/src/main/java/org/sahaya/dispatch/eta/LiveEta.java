package org.sahaya.dispatch.eta;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.sahaya.core.fleet.Unit;
import org.sahaya.core.fleet.UnitStatus;
import org.sahaya.core.incident.Incident;
import org.sahaya.core.incident.IncidentChange;
import org.sahaya.core.incident.TimelineEntry;
import org.sahaya.core.incident.TimelineStage;
import org.sahaya.core.persistence.Database;
import org.sahaya.core.persistence.TimelineRepository;
import org.sahaya.dispatch.assignment.Dispatcher;
import org.sahaya.dispatch.incident.GridIncidents;

/**
 * Live ETA: a position of a unit on its way to an incident refreshes the incident's ETA with the
 * dispatch's own ETA model, fed with where the unit really is. A figure that moved by {@link #MIN_CHANGE_SECONDS}
 * or more is stored on the incident (checked on its owner: the unit must still be the incident's) and told to
 * its listeners; one that moved by {@link #TIMELINE_CHANGE_SECONDS} or more also goes on the timeline.
 * Positions of units not on their way cost nothing beyond the move itself. Blocking.
 */
public final class LiveEta {

    /** Smaller moves are noise of the position fix and the model: not worth a write or a message. */
    public static final int MIN_CHANGE_SECONDS = 15;
    /** A move the coordinator should read on the timeline. */
    public static final int TIMELINE_CHANGE_SECONDS = 120;

    private final GridIncidents incidents;
    private final Dispatcher dispatcher;
    private final Database database;
    private final Clock clock;
    private final TimelineRepository timeline = new TimelineRepository();

    public LiveEta(GridIncidents incidents, Dispatcher dispatcher, Database database, Clock clock) {
        this.incidents = incidents;
        this.dispatcher = dispatcher;
        this.database = database;
        this.clock = clock;
    }

    /** Whether a unit at this status is on its way to an incident: its position moves the ETA. */
    public static boolean onItsWay(Unit unit) {
        return unit.incidentId() != null && (unit.status() == UnitStatus.DISPATCHED || unit.status() == UnitStatus.EN_ROUTE);
    }

    /**
     * @param unit the unit at its new position
     * @return the change to tell, or empty when the unit is not on its way or the ETA hardly moved
     */
    public Optional<IncidentChange.EtaChanged> moved(Unit unit) {
        if (!onItsWay(unit)) {
            return Optional.empty();
        }
        Incident incident = incidents.get(unit.incidentId()).orElse(null);
        if (incident == null || !unit.id().equals(incident.unitId())) {
            return Optional.empty(); // a second unit: the incident's ETA is its first unit's
        }
        int eta = (int) dispatcher.eta(unit, incident).toSeconds();
        Instant now = clock.instant();
        Optional<GridIncidents.EtaRefreshed> refreshed = incidents.etaRefreshed(incident.id(), unit.id(), eta,
                MIN_CHANGE_SECONDS, now);
        if (refreshed.isEmpty()) {
            return Optional.empty();
        }
        int previous = refreshed.get().previousEtaSeconds();
        if (Math.abs(eta - previous) >= TIMELINE_CHANGE_SECONDS) {
            database.inTransaction(c -> {
                timeline.append(c, new TimelineEntry(incident.id(), now, TimelineStage.ETA_CHANGED, "Unit " + unit.callSign()
                        + " ETA now " + minutes(eta) + " min (was " + minutes(previous) + " min), from its live position"));
                return null;
            });
        }
        return Optional.of(new IncidentChange.EtaChanged(refreshed.get().incident(), now, unit.id(), previous));
    }

    private static long minutes(int seconds) {
        return (seconds + 59) / 60;
    }
}
