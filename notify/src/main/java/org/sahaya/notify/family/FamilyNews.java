package org.sahaya.notify.family;

import java.util.List;
import org.sahaya.core.alert.Alert;
import org.sahaya.core.alert.AlertOutcome;
import org.sahaya.core.incident.Incident;
import org.sahaya.core.incident.IncidentListener;
import org.sahaya.core.notification.Notification;
import org.sahaya.notify.template.NotificationStep;

/**
 * The family's side of an incident: hears what the incident workflow announces and tells the family
 * ({@link FamilyUpdates} for dispatch decisions, {@link RoutineNews} for what is not an emergency).
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
    public void alertStored(Alert alert, Incident incident, AlertOutcome outcome) {
        routine.afterIntake(alert, incident, outcome);
    }
}
