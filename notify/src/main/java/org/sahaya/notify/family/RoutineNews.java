package org.sahaya.notify.family;

import java.time.Clock;
import java.time.Instant;
import org.sahaya.core.alert.Alert;
import org.sahaya.core.alert.AlertOutcome;
import org.sahaya.core.incident.Incident;
import org.sahaya.core.incident.IncidentState;
import org.sahaya.core.incident.TimelineEntry;
import org.sahaya.core.incident.TimelineStage;
import org.sahaya.core.log.Redacted;
import org.sahaya.core.node.Offload;
import org.sahaya.core.persistence.Database;
import org.sahaya.core.persistence.TimelineRepository;
import org.sahaya.notify.template.NotificationStep;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells the family what is not an emergency, after an alert is stored: an "I'm OK" that stood an
 * incident down, a device gone silent, a low battery. After a dispatch an "I'm OK" is only put
 * before the coordinator. Whatever gateway the alert came through, and whether a device or the
 * node's own device-health sweep raised it.
 */
public final class RoutineNews {

    private static final Logger LOG = LoggerFactory.getLogger(RoutineNews.class);

    private final FamilyUpdates family;
    private final LowBatteryNews lowBattery;
    private final Database database;
    private final Offload offload;
    private final Clock clock;
    private final TimelineRepository timeline = new TimelineRepository();

    public RoutineNews(FamilyUpdates family, LowBatteryNews lowBattery, Database database, Offload offload,
                       Clock clock) {
        this.family = family;
        this.lowBattery = lowBattery;
        this.database = database;
        this.offload = offload;
        this.clock = clock;
    }

    /**
     * Called once an alert is stored (not for a resend); returns at once, the work runs on a virtual thread.
     *
     * @param outcome what intake did with the alert; RECORDED: the alert has its own record (not a join)
     */
    public void afterIntake(Alert alert, Incident incident, AlertOutcome outcome) {
        boolean ownRecord = outcome == AlertOutcome.RECORDED;
        switch (alert.type()) {
            case CANCEL -> {
                if (incident.state() == IncidentState.CANCELLED) {
                    offload.execute(() -> tell(incident, NotificationStep.STOOD_DOWN));
                } else if (incident.state() == IncidentState.DISPATCHED) {
                    offload.execute(() -> stamp(incident.id(), TimelineStage.IM_OK_AFTER_DISPATCH, "The device said \"I'm OK\""
                            + " after unit " + incident.unitId() + " was sent: the ambulance continues until the"
                            + " coordinator stands it down"));
                }
            }
            case LOW_BATTERY -> offload.execute(() -> {
                if (lowBattery.take(alert.deviceId(), clock.instant()) && ownRecord) {
                    tell(incident, NotificationStep.LOW_BATTERY);
                }
            });
            case DEVICE_OFFLINE -> {
                if (ownRecord) {
                    offload.execute(() -> tell(incident, NotificationStep.DEVICE_OFFLINE));
                }
            }
            default -> {
            }
        }
    }

    private void tell(Incident incident, NotificationStep step) {
        try {
            family.tellNews(incident, step);
        } catch (RuntimeException e) {
            LOG.error("Incident {}: {} notifications failed", incident.id(), step, Redacted.of(e));
            stamp(incident.id(), TimelineStage.NOTIFICATIONS_FAILED, step + " notifications could not be planned ("
                    + e.getClass().getSimpleName() + ")");
        }
    }

    private void stamp(String incidentId, TimelineStage stage, String message) {
        try {
            Instant now = clock.instant();
            database.inTransaction(c -> {
                timeline.append(c, new TimelineEntry(incidentId, now, stage, message));
                return null;
            });
        } catch (RuntimeException e) {
            LOG.error("Incident {}: could not write to the timeline", incidentId, Redacted.of(e));
        }
    }
}
