package org.sahaya.server.report.sla;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;
import org.sahaya.server.report.sla.SlaReport.Breach;
import org.sahaya.server.report.sla.SlaReport.Durations;
import org.sahaya.server.report.sla.SlaReport.Group;
import org.sahaya.server.report.sla.SlaReport.Share;
import org.sahaya.server.report.sla.SlaReport.Target;
import org.sahaya.server.report.sla.SlaReport.Targets;

/**
 * Turns the facts of incidents into a service-level report. Pure: data in, data out, no clock and no
 * database. Percentiles are nearest-rank (the p-th percentile of n sorted durations is the one at rank
 * ceil(p/100 × n)), so every figure is a duration some incident really took and can be worked out by hand.
 */
public final class SlaCalculator {

    /** The key of the group of all incidents ({@link SlaReport#total()}). */
    public static final String ALL = "ALL";

    private final Targets targets;
    private final ZoneId zone;

    /** @param zone the city's time zone: months and weeks are the city's */
    public SlaCalculator(Targets targets, ZoneId zone) {
        this.targets = targets;
        this.zone = zone;
    }

    /**
     * The report of {@code facts} (incidents opened from {@code from} until {@code to}).
     *
     * @param only a partner's own key: only its group is reported (a fleet's or hospital's own figures); null for all
     */
    public SlaReport report(List<SlaFacts> facts, Instant from, Instant to, SlaGrouping grouping, String only) {
        List<IncidentMeasure> measures = measures(facts, grouping, only);
        Map<String, List<IncidentMeasure>> byKey = new TreeMap<>();
        for (IncidentMeasure m : measures) {
            byKey.computeIfAbsent(m.key(grouping, zone), k -> new ArrayList<>()).add(m);
        }
        if (only != null && byKey.isEmpty()) {
            byKey.put(only, List.of()); // a partner with no incidents sees its own group, empty
        }
        List<Group> groups = byKey.entrySet().stream().map(e -> group(e.getKey(), e.getValue())).toList();
        return new SlaReport(from, to, grouping.parameter(), targets, groups, group(ALL, measures));
    }

    /**
     * Every incident measured, in opening order, but those closed before any unit was sought (a false alarm
     * the coordinator closed while it was being verified); only those of the group {@code only} when it is given. */
    public List<IncidentMeasure> measures(List<SlaFacts> facts, SlaGrouping grouping, String only) {
        return facts.stream().filter(SlaFacts::soughtAUnit).map(f -> IncidentMeasure.of(f, targets))
                .filter(m -> only == null || only.equals(m.key(grouping, zone)))
                .sorted(Comparator.comparing((IncidentMeasure m) -> m.facts().openedAt())
                        .thenComparing(m -> m.facts().incidentId()))
                .toList();
    }

    /** The SLA share of each week (from Monday, in the city's zone) that has incidents, oldest first. */
    public List<Week> weeks(List<IncidentMeasure> measures) {
        Map<LocalDate, int[]> byWeek = new TreeMap<>();
        for (IncidentMeasure m : measures) {
            LocalDate monday = m.facts().openedAt().atZone(zone).toLocalDate()
                    .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            int[] counts = byWeek.computeIfAbsent(monday, k -> new int[2]);
            counts[0]++;
            counts[1] += m.metBoth() ? 1 : 0;
        }
        return byWeek.entrySet().stream()
                .map(e -> new Week(e.getKey(), e.getValue()[0], e.getValue()[1], share(e.getValue()[1], e.getValue()[0])))
                .toList();
    }

    /** One week of the trend. */
    public record Week(LocalDate monday, int incidents, int met, Double share) {
    }

    private Group group(String key, List<IncidentMeasure> measures) {
        List<Long> accepted = values(measures, IncidentMeasure::acceptedMs);
        List<IncidentMeasure> familyApplies = measures.stream().filter(IncidentMeasure::familyApplies).toList();
        List<Long> family = values(familyApplies, IncidentMeasure::familyMs);
        int acceptedMet = (int) measures.stream().filter(m -> m.acceptCause() == null).count();
        int familyMet = (int) familyApplies.stream().filter(m -> m.familyCause() == null).count();
        int bothMet = (int) measures.stream().filter(IncidentMeasure::metBoth).count();
        Double slaShare = share(bothMet, measures.size());
        List<Breach> breaches = new ArrayList<>();
        for (IncidentMeasure m : measures) {
            if (m.acceptCause() != null) {
                breaches.add(new Breach(m.facts().incidentId(), m.facts().openedAt(), Target.UNIT_ACCEPTED,
                        seconds(m.acceptedMs()), m.acceptCause()));
            }
            if (m.familyCause() != null) {
                breaches.add(new Breach(m.facts().incidentId(), m.facts().openedAt(), Target.FAMILY_DELIVERED,
                        seconds(m.familyMs()), m.familyCause()));
            }
        }
        return new Group(key, measures.size(),
                durations(accepted, share(acceptedMet, measures.size())),
                durations(family, share(familyMet, familyApplies.size())),
                durations(values(measures, IncidentMeasure::onSceneMs), null),
                durations(values(measures, IncidentMeasure::preArrivalLeadMs), null),
                new Share(bothMet, slaShare, slaShare != null && slaShare >= targets.slaShare()),
                List.copyOf(breaches));
    }

    private static List<Long> values(List<IncidentMeasure> measures, Function<IncidentMeasure, Long> value) {
        return measures.stream().map(value).filter(Objects::nonNull).sorted().toList();
    }

    private static Durations durations(List<Long> sorted, Double shareUnderTarget) {
        if (sorted.isEmpty()) {
            return new Durations(0, null, null, null, shareUnderTarget);
        }
        return new Durations(sorted.size(), seconds(rank(sorted, 50)), seconds(rank(sorted, 90)),
                seconds(sorted.getLast()), shareUnderTarget);
    }

    /** Nearest rank: the value at rank ceil(p/100 × n), 1-based. */
    static long rank(List<Long> sorted, int percentile) {
        int rank = (int) Math.ceil(percentile / 100.0 * sorted.size());
        return sorted.get(Math.max(rank, 1) - 1);
    }

    private static Double seconds(Long ms) {
        return ms == null ? null : ms / 1000.0;
    }

    /** {@code part / whole} to four places; null when there is no whole. */
    static Double share(int part, int whole) {
        return whole == 0 ? null : Math.round(part * 10_000.0 / whole) / 10_000.0;
    }
}
