package org.sahaya.server.incident;

import java.time.Instant;
import java.util.List;
import org.sahaya.core.Coordinates;
import org.sahaya.core.persistence.AlertRepository.AlertSummary;

/**
 * An incident as the coordinator's API shows it: state, who, where, which unit, hospital and bed,
 * the ETA, every alert, every timeline step and every family notification; the second (ALS) unit
 * sent after a BLS unit went first, and when the ETA was last worked out (live, from positions).
 *
 * @param etaUpdatedAt when {@code etaSeconds} was last worked out: the dispatch or the unit's live position
 * @param supportUnit  the second (ALS) unit on the incident, or null
 * @param alsFollowUp  the ALS unit sought after a BLS unit went first, or null when none was
 */
public record IncidentView(
        String id,
        String state,
        String priority,
        String action,
        String alertType,
        SubscriberRef subscriber,
        Coordinates location,
        Instant openedAt,
        Instant updatedAt,
        Long waitingSeconds,
        String needs,
        UnitRef unit,
        HospitalRef hospital,
        String bedKind,
        Integer etaSeconds,
        Instant dispatchedAt,
        List<AlertSummary> alerts,
        List<Step> timeline,
        List<NotificationRef> notifications,
        EscalationRef escalation,
        Instant etaUpdatedAt,
        SupportUnitRef supportUnit,
        AlsFollowUpRef alsFollowUp) {

    /** The second unit: its id, call sign and status now. */
    public record SupportUnitRef(String id, String callSign, String status) {
    }

    /** @param servedAt when the ALS unit was sent; null while it is still sought */
    public record AlsFollowUpRef(Instant requestedAt, Instant servedAt) {
    }

    public record SubscriberRef(String id, String name, String language) {
    }

    public record UnitRef(String id, String callSign, String level, String station, String status) {
    }

    public record HospitalRef(String id, String name, boolean partner) {
    }

    public record Step(Instant at, String stage, String message) {
    }

    /**
     * @param text          rendered text as sent (the family's own message; it carries no health data)
     * @param heldUntil     a non-emergency message waiting for the contact's quiet hours to end
     * @param statusHistory every status it moved to, with when and who said so
     */
    public record NotificationRef(String id, String contactId, String contactName, String relation, String channel,
                                  String language, String step, String status, Instant createdAt, Instant sentAt,
                                  String providerId, String failureReason, String text, Instant heldUntil,
                                  List<StatusChange> statusHistory) {
    }

    /** @param source {@code outbox}, {@code twilio-status}, {@code ack:LINK}, ... */
    public record StatusChange(Instant at, String status, String source, String detail) {
    }

    /**
     * The family escalation: how far it went, when the next call is due, and who acknowledged.
     *
     * @param acknowledgedBy the relation of the contact who acknowledged first (son, daughter, ...)
     */
    public record EscalationRef(int callsMade, Instant nextStepAt, Instant acknowledgedAt, String acknowledgedBy,
                                String acknowledgedByContactId, String acknowledgedVia, String endedReason) {
    }
}
