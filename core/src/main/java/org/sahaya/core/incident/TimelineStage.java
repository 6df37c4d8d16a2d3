package org.sahaya.core.incident;

import org.sahaya.core.fleet.UnitStatus;

/**
 * Every kind of step an incident's timeline records, in one place. The name is what the coordinator,
 * the API and the database see ({@code stage} of a timeline entry), so a constant is never renamed:
 * stored timelines and partners' tools read these names.
 */
public enum TimelineStage {
    // Reception and triage (dispatch.intake)
    ALERT_RECEIVED,
    TRIAGED,
    ALERT_JOINED,
    STOOD_DOWN,
    /** Raised to a higher priority by a later alert, or a family escalation step (a voice call). */
    ESCALATED,
    IM_OK_AFTER_DISPATCH,
    DEVICE_BACK_ONLINE,
    /** The alert's optional vitals went beyond {@link org.sahaya.core.alert.VitalsBound} and were cut; the alert was kept. */
    EXTRAS_TRUNCATED,

    // Dispatch (dispatch, dispatch.workflow)
    UNIT_CANDIDATES,
    DISPATCHED,
    BED_RESERVED,
    NO_BED,
    QUEUED,
    OVERRIDE,
    CLOSED,
    DISPATCH_HELD,
    WORKFLOW_FAILED,
    /** The receiving hospital accepted the incoming patient (dispatch.hospital). */
    HOSPITAL_ACCEPTED,
    /** The receiving hospital declined the patient: the next hospital's bed follows as BED_RESERVED or NO_BED. */
    HOSPITAL_DECLINED,

    // Crews' reports (dispatch.duty): UNIT_ plus the status reported
    UNIT_LEFT,
    UNIT_AVAILABLE,
    UNIT_DISPATCHED,
    UNIT_EN_ROUTE,
    UNIT_ON_SCENE,
    UNIT_TRANSPORTING,
    UNIT_AT_HOSPITAL,
    UNIT_RETURNING,
    UNIT_OUT_OF_SERVICE,

    // Tiered response and live ETA (dispatch.followup, dispatch.workflow)
    /** BLS first: no ALS unit could arrive in time, a BLS unit went first and an ALS unit is still sought. */
    ALS_SOUGHT,
    /** The ALS unit sought was sent as a second (support) unit. */
    SUPPORT_UNIT_SENT,
    /** The support unit left (declined, broke down) or finished; the follow-up ended. */
    SUPPORT_UNIT_LEFT,
    /** The unit's ETA moved by two minutes or more with its live positions. */
    ETA_CHANGED,

    // The family (notify)
    NOTIFICATIONS_PLANNED,
    NOTIFICATIONS_HELD,
    NOTIFICATIONS_FAILED,
    NOTIFICATION_FAILED,
    NOTIFICATION_FAILOVER,
    ACKNOWLEDGED,
    ESCALATION_ENDED,

    // Partners: the receiving hospital (server.prearrival)
    /** A pre-arrival notice (planned, updated, arrived, cancelled) was handed to the partner outbox for the hospital. */
    PRE_ARRIVAL_NOTICE,
    /** A pre-arrival notice was not sent: the hospital has no FHIR endpoint nor webhook, or its Bundle failed R4 validation. */
    PRE_ARRIVAL_NOT_SENT,
    // Partners' systems (server.delivery, issue 17)
    /** A delivery to a fleet's or hospital's system was not answered 2xx in time and is given up. */
    PARTNER_DELIVERY_GIVEN_UP;

    /** The stage of a crew's status report. */
    public static TimelineStage unitReported(UnitStatus status) {
        return valueOf("UNIT_" + status.name());
    }
}
