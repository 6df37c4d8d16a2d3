package org.sahaya.notify.family;

import java.util.List;
import org.sahaya.core.alert.Alert;
import org.sahaya.core.alert.AlertOutcome;
import org.sahaya.core.incident.Incident;
import org.sahaya.core.incident.IncidentChange;
import org.sahaya.core.incident.IncidentListener;
import org.sahaya.core.notification.Notification;
import org.sahaya.notify.template.NotificationStep;

/**
 * The family's side of an incident: hears what the incident workflow announces and tells the family
 * ({@link FamilyUpdates} for dispatch decisions, {@link RoutineNews} for what is not an emergency).
 *
 * <p>After the dispatch it follows through ({@link #changed}): another unit coming and why, the crew with
 * them, on the way to a hospital, arrived, and how it ended. Each is an update of the emergency, so it goes
 * the way the dispatch message did; the outbox sends each step once per contact and channel, so a change
 * heard twice tells nobody twice. The reason a unit left is said from {@link IncidentChange.Reason} only,
 * never from a crew's own words.
 */
public final class FamilyNews implements IncidentListener {

    private final FamilyUpdates updates;
    private final RoutineNews routine;

    public FamilyNews(FamilyUpdates updates, RoutineNews routine) {
        this.updates = updates;
        this.routine = routine;
    }

    @Override
    public List<Notification> dispatched(Incident incident) {
        return updates.tell(incident, NotificationStep.DISPATCHED);
    }

    @Override
    public List<Notification> queued(Incident incident) {
        return updates.tell(incident, NotificationStep.QUEUED);
    }

    @Override
    public void changed(IncidentChange change) {
        switch (change) {
            case IncidentChange.UnitReleased released -> anotherUnit(released);
            case IncidentChange.UnitProgress progress -> {
                NotificationStep step = FollowThrough.progressStep(progress.status());
                // Only the incident's own unit speaks for it: a second (support) unit's progress is not news.
                if (step != null && progress.unitId().equals(progress.incident().unitId())) {
                    updates.tell(progress.incident(), step);
                }
            }
            case IncidentChange.Closed closed -> {
                if (closed.ending() == IncidentChange.Ending.STOOD_DOWN) {
                    updates.tellNews(closed.incident(), NotificationStep.STOOD_DOWN);
                } else {
                    updates.tell(closed.incident(), FollowThrough.endingStep(closed.ending()));
                }
            }
            default -> {
            }
        }
    }

    /**
     * A unit left: the re-dispatch was decided before this is heard, so the incident as it is now names the
     * unit that comes instead. None yet (queued): the queue's dispatch announces it.
     */
    private void anotherUnit(IncidentChange.UnitReleased released) {
        Incident now = updates.current(released.incident().id()).orElse(released.incident());
        if (now.unitId() == null || now.unitId().equals(released.unitId()) || now.etaSeconds() == null) {
            return;
        }
        updates.tell(now, FollowThrough.newUnitStep(released.reason()));
    }

    @Override
    public void alertStored(Alert alert, Incident incident, AlertOutcome outcome) {
        routine.afterIntake(alert, incident, outcome);
    }
}
