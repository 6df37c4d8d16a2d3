package org.sahaya.notify.family;

import org.sahaya.core.fleet.UnitStatus;
import org.sahaya.core.incident.IncidentChange;
import org.sahaya.notify.template.NotificationStep;

/** Which family message each step after the dispatch is told with. */
final class FollowThrough {

    private FollowThrough() {
    }

    /** The message that another unit is coming, worded by why the first one left. */
    static NotificationStep newUnitStep(IncidentChange.Reason reason) {
        return switch (reason) {
            case DECLINED -> NotificationStep.NEW_UNIT_DECLINED;
            case NOT_ACCEPTED_IN_TIME -> NotificationStep.NEW_UNIT_NOT_ACCEPTED;
            case OUT_OF_SERVICE -> NotificationStep.NEW_UNIT_BROKE_DOWN;
            case REPLACED_BY_COORDINATOR -> NotificationStep.NEW_UNIT_NEARER;
        };
    }

    /** The message for a unit's progress; null when the family is not told (EN_ROUTE: the dispatch said so). */
    static NotificationStep progressStep(UnitStatus status) {
        return switch (status) {
            case ON_SCENE -> NotificationStep.ON_SCENE;
            case TRANSPORTING -> NotificationStep.TO_HOSPITAL;
            case AT_HOSPITAL -> NotificationStep.AT_HOSPITAL;
            default -> null;
        };
    }

    /** The message for how the incident ended (a stand-down is told as the existing STOOD_DOWN news). */
    static NotificationStep endingStep(IncidentChange.Ending ending) {
        return switch (ending) {
            case HANDED_OVER -> NotificationStep.HANDED_OVER;
            case TREATED_ON_SCENE -> NotificationStep.TREATED_ON_SCENE;
            case CLOSED_BY_COORDINATOR -> NotificationStep.CLOSED;
            case STOOD_DOWN -> NotificationStep.STOOD_DOWN;
        };
    }
}
