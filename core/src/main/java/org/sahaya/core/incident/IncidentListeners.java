package org.sahaya.core.incident;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.sahaya.core.alert.Alert;
import org.sahaya.core.alert.AlertOutcome;
import org.sahaya.core.log.Redacted;
import org.sahaya.core.notification.Notification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The family's listener and the partners' beside it (jobs to crews, pre-arrival notices to hospitals):
 * the partners hear each event first, since a crew's job has the tighter budget, then the family, whose
 * notifications are what {@link #dispatched} and {@link #queued} return. A partner listener that fails
 * is logged and does not keep the family from hearing.
 */
public final class IncidentListeners implements IncidentListener {

    private static final Logger LOG = LoggerFactory.getLogger(IncidentListeners.class);

    private final IncidentListener family;
    private final List<IncidentListener> partners = new CopyOnWriteArrayList<>();

    public IncidentListeners(IncidentListener family) {
        this.family = family;
    }

    /** Adds a partner listener; it hears every later event. */
    public IncidentListeners add(IncidentListener partner) {
        partners.add(partner);
        return this;
    }

    @Override
    public List<Notification> dispatched(Incident incident) {
        each(p -> p.dispatched(incident), incident.id());
        return family.dispatched(incident);
    }

    @Override
    public List<Notification> queued(Incident incident) {
        each(p -> p.queued(incident), incident.id());
        return family.queued(incident);
    }

    @Override
    public void alertStored(Alert alert, Incident incident, AlertOutcome outcome) {
        each(p -> p.alertStored(alert, incident, outcome), incident.id());
        family.alertStored(alert, incident, outcome);
    }

    @Override
    public void changed(IncidentChange change) {
        each(p -> p.changed(change), change.incident().id());
        family.changed(change);
    }

    private void each(java.util.function.Consumer<IncidentListener> call, String incidentId) {
        for (IncidentListener partner : partners) {
            try {
                call.accept(partner);
            } catch (RuntimeException e) {
                LOG.error("Incident {}: partner listener {} failed", incidentId, partner.getClass().getSimpleName(), Redacted.of(e));
            }
        }
    }
}
