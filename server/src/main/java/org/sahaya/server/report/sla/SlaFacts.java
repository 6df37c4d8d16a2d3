package org.sahaya.server.report.sla;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What the database knows about one incident that the service levels are measured on: the rows as the
 * node wrote them, nothing computed yet. {@link SlaReader} reads them; {@link SlaCalculator} measures.
 *
 * @param incidentId  the incident
 * @param openedAt    when its first alert was received: the start of every clock
 * @param state       its state now (an open incident is measured as far as it got)
 * @param hospitalId  the receiving hospital (incidents.hospital_id), null if none
 * @param clientId    the corporate client of its subscriber (subscribers.client_id), null if none
 * @param unitFleet   the fleet (partner) of the unit on the incident now (units.partner_id), null if none
 * @param timeline    its timeline stamps, in order
 * @param jobs        the jobs offered to units for it
 * @param messages    the family's messages (notifications) for it
 * @param preArrivals when pre-arrival notices (partner_deliveries, kind PRE_ARRIVAL) for it were delivered
 * @param declines    when crews declined it before jobs existed (incident_declines)
 */
public record SlaFacts(String incidentId, Instant openedAt, String state, String hospitalId, String clientId,
                       String unitFleet, List<Stamp> timeline, List<Job> jobs, List<Message> messages,
                       List<Instant> preArrivals, List<Instant> declines) {

    public SlaFacts {
        Objects.requireNonNull(incidentId, "incidentId");
        Objects.requireNonNull(openedAt, "openedAt");
        timeline = List.copyOf(timeline);
        jobs = List.copyOf(jobs);
        messages = List.copyOf(messages);
        preArrivals = List.copyOf(preArrivals);
        declines = List.copyOf(declines);
    }

    /**
     * Whether a unit was sought for the incident: it is still open, or it was dispatched, queued or held,
     * or a job was offered. An incident closed before any of that (a false alarm closed while it was being
     * verified) asked nothing of a fleet and is not counted.
     */
    public boolean soughtAUnit() {
        return !"CLOSED".equals(state) || !jobs.isEmpty() || timeline.stream().anyMatch(s ->
                s.stage().equals("DISPATCHED") || s.stage().equals("QUEUED") || s.stage().equals("DISPATCH_HELD"));
    }

    /** One timeline entry: its stage name ({@code TimelineStage}) and when. */
    public record Stamp(String stage, Instant at) {
    }

    /**
     * One job (jobs table).
     *
     * @param role  PRIMARY or SUPPORT
     * @param state OFFERED, ACCEPTED, DECLINED, TIMED_OUT, WITHDRAWN or DONE
     */
    public record Job(String unitId, String fleetId, String role, String state, Instant offeredAt, Instant acceptedAt,
                      Instant endedAt) {
    }

    /**
     * One family message (notifications row and its status history).
     *
     * @param channel     SANDBOX, SMS, PUSH or VOICE
     * @param status      its status now
     * @param sentAt      handed to the provider, null if never
     * @param deliveredAt the first DELIVERED or ACKNOWLEDGED in its status history (else when the sandbox channel
     *                    recorded it), null if none
     * @param failedAt    the first FAILED in its status history, null if none
     */
    public record Message(String channel, String status, Instant createdAt, Instant sentAt, Instant deliveredAt,
                          Instant failedAt) {
    }
}
