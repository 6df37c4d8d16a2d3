package org.sahaya.core.incident;

import java.time.Instant;

/**
 * One stamped step in an incident's history, shown to the coordinator as it is.
 *
 * @param incidentId the incident
 * @param at         when it happened (our clock)
 * @param stage      what kind of step, e.g. {@link TimelineStage#ALERT_RECEIVED}, {@link TimelineStage#DISPATCHED}
 * @param message    one human-readable sentence: what happened and why
 */
public record TimelineEntry(String incidentId, Instant at, TimelineStage stage, String message) {
}
