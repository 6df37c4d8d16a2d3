package org.sahaya.server.report.sla;

import java.time.Instant;
import java.util.List;

/**
 * A service-level report: the figures of each group and of all groups together, with every breach.
 * Durations are in seconds (milliseconds as fractions); shares are fractions from 0 to 1, rounded to
 * four places; a figure is null when no incident of the group had it.
 *
 * @param from    start of the period (inclusive): incidents opened from then
 * @param to      end of the period (exclusive)
 * @param groupBy what the groups are
 * @param targets the contract's targets the figures are measured against
 * @param groups  one per key, in key order
 * @param total   all groups together (key {@code ALL})
 */
public record SlaReport(Instant from, Instant to, String groupBy, Targets targets, List<Group> groups, Group total) {

    /** The contract's targets: unit accepted within 5 minutes, family told within 2, 95% of incidents meeting both. */
    public record Targets(long acceptedSeconds, long familyDeliveredSeconds, double slaShare) {
        public static final Targets CONTRACT = new Targets(300, 120, 0.95);
    }

    /**
     * The figures of one group.
     *
     * @param key             the fleet, hospital or client id, or the month ({@code 2026-11}); {@code (none)} for
     *                        incidents that have none
     * @param incidents       how many incidents were counted
     * @param accepted        alert to unit accepted, against {@link Targets#acceptedSeconds}
     * @param familyDelivered alert to the first family message delivered, against {@link Targets#familyDeliveredSeconds}
     * @param onScene         dispatch to the unit on scene
     * @param preArrivalLead  how long before the unit reached the hospital its pre-arrival notice was delivered
     * @param sla             incidents meeting both targets
     * @param breaches        each target missed, by incident in opening order
     */
    public record Group(String key, int incidents, Durations accepted, Durations familyDelivered, Durations onScene,
                        Durations preArrivalLead, Share sla, List<Breach> breaches) {
    }

    /**
     * Durations measured over the incidents that had them.
     *
     * @param measured         how many incidents had the duration
     * @param p50Seconds       median (nearest rank)
     * @param p90Seconds       90th percentile (nearest rank)
     * @param maxSeconds       longest
     * @param shareUnderTarget of the incidents the target applies to, the share that met it (null without a
     *                         target, or when it applied to none)
     */
    public record Durations(int measured, Double p50Seconds, Double p90Seconds, Double maxSeconds,
                            Double shareUnderTarget) {
    }

    /** Incidents meeting both targets, of all, and whether that is at least the target share. */
    public record Share(int met, Double share, boolean meetsTarget) {
    }

    /**
     * One target an incident missed.
     *
     * @param target  which one
     * @param seconds how long it took; null when it never happened (no unit accepted, no message delivered)
     * @param cause   why, from what the incident's rows show
     */
    public record Breach(String incidentId, Instant openedAt, Target target, Double seconds, Cause cause) {
    }

    /** The contract's targets an incident can miss. */
    public enum Target {
        /** A unit accepted within 5 minutes of the alert. */
        UNIT_ACCEPTED,
        /** A family member's first message delivered within 2 minutes of the alert. */
        FAMILY_DELIVERED
    }

    /** Why a target was missed, the first that applies in this order. */
    public enum Cause {
        /** The side of a split cluster in the minority held the dispatch (timeline DISPATCH_HELD). */
        HELD_MINORITY,
        /** No suitable unit was free: the incident was queued (timeline QUEUED). */
        NO_UNIT_FREE,
        /** A crew declined or let the offer time out before a unit accepted. */
        CREW_DID_NOT_ACCEPT,
        /** A family message failed at the provider, or was failed over, before the first was delivered. */
        PROVIDER_FAILED,
        /** Nothing in the rows explains it. */
        UNKNOWN
    }
}
