package org.sahaya.notify.escalation;

import java.time.Instant;
import org.sahaya.core.incident.Priority;

/**
 * The persisted state of one incident's escalation: the timer is {@code nextAt}, so it survives a
 * restart.
 *
 * @param incidentId     the incident
 * @param priority       its priority when the escalation started (chooses the timings)
 * @param startedAt      when the first messages went out
 * @param step           escalation steps taken so far (voice calls made)
 * @param nextAt         when the next step is due; null when none is (acknowledged or ended)
 * @param acknowledgedAt first acknowledgement, if any: it stops the escalation for everyone
 * @param acknowledgedBy contact who acknowledged first
 * @param acknowledgedVia how they did
 * @param endedReason    why it stopped without an acknowledgement (every contact called)
 */
public record Escalation(String incidentId, Priority priority, Instant startedAt, int step, Instant nextAt,
                         Instant acknowledgedAt, String acknowledgedBy, AckVia acknowledgedVia, String endedReason) {

    public boolean acknowledged() {
        return acknowledgedAt != null;
    }

    public boolean open() {
        return acknowledgedAt == null && endedReason == null;
    }
}
