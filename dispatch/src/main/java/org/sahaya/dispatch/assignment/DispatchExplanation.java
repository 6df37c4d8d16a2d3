package org.sahaya.dispatch.assignment;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.sahaya.core.fleet.UnitLevel;
import org.sahaya.core.hospital.BedKind;
import org.sahaya.core.incident.TimelineEntry;
import org.sahaya.core.incident.TimelineStage;
import org.sahaya.dispatch.policy.HospitalOption;
import org.sahaya.dispatch.policy.UnitOption;

/**
 * What a dispatch writes on the incident's timeline, so that anyone reading it later sees which units
 * were considered, which were passed over and why, why the winner won, and where the bed is (or that
 * there is none). Pure: the decision in, the sentences out. Ids, call signs and hospital names only,
 * never personal data.
 */
public final class DispatchExplanation {

    private DispatchExplanation() {
    }

    /** The units ranked, how many nearer ones were lost to other incidents, and those passed over. */
    public static String considered(List<UnitOption> ranked, int lost, List<String> passedOver) {
        return "Considered: " + String.join("; ", ranked.stream().map(UnitOption::describe).toList())
                + (lost == 0 ? "" : " (" + lost + " nearer taken by other incidents first)")
                + (passedOver.isEmpty() ? "" : ". Not considered: " + String.join("; ", passedOver));
    }

    /** A unit a previous run claimed for the incident before it died. */
    public static String resumed(UnitOption option) {
        return "Considered: " + option.describe() + " (already held for this incident)";
    }

    /** The coordinator's own choice of unit. */
    public static String chosenByCoordinator(UnitOption option, String actor) {
        return "Considered: " + option.describe() + " (chosen by coordinator " + actor + ")";
    }

    /** Why the coordinator's unit was sent to an incident not yet dispatched. */
    public static String override(UnitOption option, String reason, String actor) {
        return "Unit " + option.describe() + ": coordinator override by " + actor + ": " + reason;
    }

    /** The coordinator replaced the unit of a dispatched incident ({@code replaced} is its call sign, or null). */
    public static String reassigned(UnitOption option, String replaced, String reason, String actor) {
        return "Coordinator " + actor + " assigned unit " + option.describe()
                + (replaced == null ? "" : " in place of " + replaced) + ": " + reason;
    }

    /**
     * Why no unit was sent.
     *
     * @param anyRanked some unit was suitable but every one was claimed by another incident first
     */
    public static String noUnit(UnitLevel needs, boolean anyRanked, int radiusKm, List<String> passedOver) {
        return (!anyRanked
                ? "no available " + needs + "-capable unit within " + radiusKm + " km"
                : "every candidate was claimed by another incident first")
                + (passedOver.isEmpty() ? "" : " (not considered: " + String.join("; ", passedOver) + ")");
    }

    /**
     * The three entries of a dispatch: the candidates, the unit sent and why, the bed.
     *
     * @param bed         the hospital holding the bed, or null when none had one free (NO_BED)
     * @param kept        the bed was reserved for this incident before and is kept
     * @param hospitalWhy the policy's sentence for a newly reserved bed (unused when kept or none)
     */
    public static List<TimelineEntry> dispatched(String incidentId, Instant at, String considered, String why,
                                                 BedKind kind, HospitalOption bed, boolean kept, String hospitalWhy) {
        List<TimelineEntry> entries = new ArrayList<>(3);
        entries.add(new TimelineEntry(incidentId, at, TimelineStage.UNIT_CANDIDATES, considered));
        entries.add(new TimelineEntry(incidentId, at, TimelineStage.DISPATCHED, why));
        entries.add(new TimelineEntry(incidentId, at, bed == null ? TimelineStage.NO_BED : TimelineStage.BED_RESERVED, bed == null
                ? "No hospital has a free " + kind + " bed: the coordinator must find one"
                : kept
                ? kind + " bed kept: reserved for this incident before, at " + bed.describe()
                : kind + " bed reserved. " + hospitalWhy));
        return entries;
    }

    /** A NO_BED incident got its bed once a hospital reported free beds. */
    public static TimelineEntry lateBed(String incidentId, Instant at, BedKind kind, String hospitalWhy) {
        return new TimelineEntry(incidentId, at, TimelineStage.BED_RESERVED, kind
                + " bed reserved after a hospital reported free beds. " + hospitalWhy);
    }

    /** The incident waits for a unit. */
    public static TimelineEntry queued(String incidentId, Instant at, String reason) {
        return new TimelineEntry(incidentId, at, TimelineStage.QUEUED, "Queued: " + reason
                + "; it is dispatched the moment a unit frees up");
    }
}
