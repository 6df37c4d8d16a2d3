package org.sahaya.server.report.sla;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.sahaya.server.report.sla.SlaReport.Cause;
import org.sahaya.server.report.sla.SlaReport.Targets;

/**
 * One incident measured: when a unit accepted it, when its family was first reached, when the unit was on
 * scene, the hospital's lead time, and which targets it met. Pure; built by {@link #of}.
 *
 * @param acceptedMs       alert to unit accepted; null if no unit accepted
 * @param acceptedFleet    the fleet of the unit that accepted (else of the unit on it now); null if none
 * @param familyMs         alert to the first family message delivered; null if none was
 * @param familyApplies    whether any family message was planned (no contacts, or no consent: no family target)
 * @param onSceneMs        dispatch decided to the unit on scene; null if either is missing
 * @param preArrivalLeadMs unit at the hospital minus the first pre-arrival notice delivered before; null if none
 * @param acceptCause      why the accepted target was missed; null if it was met
 * @param familyCause      why the family target was missed; null if it was met or does not apply
 */
public record IncidentMeasure(SlaFacts facts, Long acceptedMs, String acceptedFleet, Long familyMs,
                              boolean familyApplies, Long onSceneMs, Long preArrivalLeadMs, Cause acceptCause,
                              Cause familyCause) {

    /** Channels that report no delivery: a message handed to them counts as delivered when it was sent. */
    static final Set<String> NO_RECEIPT_CHANNELS = Set.of("SANDBOX", "PUSH");

    private static final Set<String> ACCEPT_STAMPS = Set.of("UNIT_EN_ROUTE", "UNIT_ON_SCENE");
    private static final Set<String> FAMILY_FAILURE_STAMPS = Set.of("NOTIFICATION_FAILED", "NOTIFICATION_FAILOVER",
            "NOTIFICATIONS_FAILED");
    private static final Set<String> NOT_ACCEPTED_JOBS = Set.of("DECLINED", "TIMED_OUT");

    public static IncidentMeasure of(SlaFacts f, Targets targets) {
        Optional<SlaFacts.Job> acceptedJob = f.jobs().stream()
                .filter(j -> "PRIMARY".equals(j.role()) && j.acceptedAt() != null)
                .min(Comparator.comparing(SlaFacts.Job::acceptedAt));
        Instant accepted = acceptedJob.map(SlaFacts.Job::acceptedAt).orElseGet(() -> first(f, ACCEPT_STAMPS, null));
        String fleet = acceptedJob.map(SlaFacts.Job::fleetId).filter(Objects::nonNull).orElse(f.unitFleet());
        Instant family = f.messages().stream().map(IncidentMeasure::deliveredAt).filter(Objects::nonNull)
                .min(Comparator.naturalOrder()).orElse(null);
        Instant dispatched = first(f, Set.of("DISPATCHED"), null);
        Instant onScene = dispatched == null ? null : first(f, Set.of("UNIT_ON_SCENE"), dispatched);
        Instant atHospital = first(f, Set.of("UNIT_AT_HOSPITAL"), null);
        Instant notice = atHospital == null ? null : f.preArrivals().stream().filter(at -> !at.isAfter(atHospital))
                .min(Comparator.naturalOrder()).orElse(null);

        Long acceptedMs = between(f.openedAt(), accepted);
        Long familyMs = between(f.openedAt(), family);
        boolean familyApplies = !f.messages().isEmpty();
        Cause acceptCause = within(acceptedMs, targets.acceptedSeconds()) ? null : acceptCause(f, accepted);
        Cause familyCause = !familyApplies || within(familyMs, targets.familyDeliveredSeconds()) ? null
                : familyCause(f, family);
        return new IncidentMeasure(f, acceptedMs, fleet, familyMs, familyApplies, between(dispatched, onScene),
                between(notice, atHospital), acceptCause, familyCause);
    }

    /** Whether the incident met both targets. */
    public boolean metBoth() {
        return acceptCause == null && familyCause == null;
    }

    /** The incident's group under {@code grouping}; months in {@code zone}. */
    public String key(SlaGrouping grouping, ZoneId zone) {
        String key = switch (grouping) {
            case FLEET -> acceptedFleet;
            case HOSPITAL -> facts.hospitalId();
            case CLIENT -> facts.clientId();
            case MONTH -> YearMonth.from(facts.openedAt().atZone(zone)).toString();
        };
        return key == null || key.isBlank() ? SlaGrouping.NONE : key;
    }

    /**
     * When a message reached the family: its first DELIVERED (or ACKNOWLEDGED) receipt; on a channel
     * without receipts (sandbox, push), when it was handed over. Never for a message that failed.
     */
    static Instant deliveredAt(SlaFacts.Message m) {
        if (m.deliveredAt() != null) {
            return m.deliveredAt();
        }
        return NO_RECEIPT_CHANNELS.contains(m.channel()) && !"FAILED".equals(m.status()) ? m.sentAt() : null;
    }

    private static Cause acceptCause(SlaFacts f, Instant accepted) {
        if (stampedBefore(f, Set.of("DISPATCH_HELD"), accepted)) {
            return Cause.HELD_MINORITY;
        }
        if (stampedBefore(f, Set.of("QUEUED"), accepted)) {
            return Cause.NO_UNIT_FREE;
        }
        boolean jobRefused = f.jobs().stream().anyMatch(j -> NOT_ACCEPTED_JOBS.contains(j.state())
                && before(j.endedAt() != null ? j.endedAt() : j.offeredAt(), accepted));
        boolean declined = f.declines().stream().anyMatch(at -> before(at, accepted));
        return jobRefused || declined ? Cause.CREW_DID_NOT_ACCEPT : Cause.UNKNOWN;
    }

    private static Cause familyCause(SlaFacts f, Instant family) {
        boolean failed = f.messages().stream().anyMatch(m -> before(m.failedAt(), family)
                || "FAILED".equals(m.status()) && m.failedAt() == null && before(m.createdAt(), family));
        if (failed || stampedBefore(f, FAMILY_FAILURE_STAMPS, family)) {
            return Cause.PROVIDER_FAILED;
        }
        return stampedBefore(f, Set.of("DISPATCH_HELD"), family) ? Cause.HELD_MINORITY : Cause.UNKNOWN;
    }

    /** Whether {@code at} happened before {@code limit}; any time does when there is no limit (it never came). */
    private static boolean before(Instant at, Instant limit) {
        return at != null && (limit == null || at.isBefore(limit));
    }

    private static boolean stampedBefore(SlaFacts f, Set<String> stages, Instant limit) {
        return f.timeline().stream().anyMatch(s -> stages.contains(s.stage()) && before(s.at(), limit));
    }

    /** The first stamp of one of {@code stages} not before {@code from} (any when null). */
    private static Instant first(SlaFacts f, Set<String> stages, Instant from) {
        Stream<SlaFacts.Stamp> s = f.timeline().stream().filter(t -> stages.contains(t.stage()));
        return s.map(SlaFacts.Stamp::at).filter(at -> from == null || !at.isBefore(from))
                .min(Comparator.naturalOrder()).orElse(null);
    }

    private static Long between(Instant start, Instant end) {
        return start == null || end == null ? null : Duration.between(start, end).toMillis();
    }

    private static boolean within(Long ms, long targetSeconds) {
        return ms != null && ms < targetSeconds * 1000;
    }
}
