package org.sahaya.core.hospital;

import java.io.Serializable;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.sahaya.core.Coordinates;

/**
 * A receiving hospital with its bed board: the hospital's own count of free beds per kind, as it last
 * reported it, and the beds Sahaya holds there for patients on the way (one per incident, until the
 * patient is handed over or the hold is released).
 *
 * <p>Reconciliation: a report is the hospital's count and knows nothing of Sahaya's holds, so the holds
 * are set against it. Free for dispatch = max(0, reported - held of that kind); when the hospital reports
 * fewer than Sahaya holds, the board shows the shortfall (held - reported) instead of silently dropping
 * a patient's bed. A report never frees a held bed; a hold is never taken twice.
 *
 * @param id           hospital id
 * @param name         display name, read to families ("Manipal Hospital")
 * @param position     entrance location
 * @param partner      a partner hospital is preferred at equal ETA
 * @param reportedBeds the hospital's own count of free beds per kind, Sahaya's holds not subtracted
 * @param reservations incident id to the kind of bed held for it
 */
public record Hospital(
        String id,
        String name,
        Coordinates position,
        boolean partner,
        Map<BedKind, Integer> reportedBeds,
        Map<String, BedKind> reservations) implements Serializable {

    public Hospital {
        reportedBeds = reportedBeds.isEmpty() ? new EnumMap<>(BedKind.class) : new EnumMap<>(reportedBeds);
        reservations = new HashMap<>(reservations);
    }

    /** The hospital's own count of free beds of {@code kind}, as last reported (0 if it never named the kind). */
    public int reported(BedKind kind) {
        return reportedBeds.getOrDefault(kind, 0);
    }

    /** How many beds of {@code kind} Sahaya holds here for patients on the way. */
    public int held(BedKind kind) {
        return (int) reservations.values().stream().filter(kind::equals).count();
    }

    /** Beds of {@code kind} free for dispatch: the hospital's count less Sahaya's holds, never below zero. */
    public int free(BedKind kind) {
        return Math.max(0, reported(kind) - held(kind));
    }

    /** Held beds of {@code kind} the hospital's last count does not cover (0 when it covers them all). */
    public int shortfall(BedKind kind) {
        return Math.max(0, held(kind) - reported(kind));
    }

    /** The kinds the board shows: those the hospital reported and those Sahaya holds. */
    public Set<BedKind> kinds() {
        Set<BedKind> kinds = EnumSet.noneOf(BedKind.class);
        kinds.addAll(reportedBeds.keySet());
        kinds.addAll(reservations.values());
        return kinds;
    }

    /** Free for dispatch per kind the hospital reported (see {@link #free}). */
    public Map<BedKind, Integer> freeBeds() {
        Map<BedKind, Integer> free = new EnumMap<>(BedKind.class);
        reportedBeds.keySet().forEach(k -> free.put(k, free(k)));
        return free;
    }

    /** @return a copy with one bed of {@code kind} held for {@code incidentId}; this one if none is free */
    public Hospital reserve(String incidentId, BedKind kind) {
        if (reservations.containsKey(incidentId) || free(kind) <= 0) {
            return this;
        }
        Map<String, BedKind> held = new HashMap<>(reservations);
        held.put(incidentId, kind);
        return new Hospital(id, name, position, partner, reportedBeds, held);
    }

    /** @return a copy without the hold of {@code incidentId}: the bed is free for dispatch again */
    public Hospital release(String incidentId) {
        if (!reservations.containsKey(incidentId)) {
            return this;
        }
        Map<String, BedKind> held = new HashMap<>(reservations);
        held.remove(incidentId);
        return new Hospital(id, name, position, partner, reportedBeds, held);
    }

    /**
     * @return a copy whose counts are the hospital's own report for the kinds it names; kinds it does not
     * name stay as they are, and Sahaya's holds stay held (set against the new count)
     */
    public Hospital withReport(Map<BedKind, Integer> reported) {
        Map<BedKind, Integer> beds = new EnumMap<>(BedKind.class);
        beds.putAll(reportedBeds);
        beds.putAll(reported);
        return new Hospital(id, name, position, partner, beds, reservations);
    }

    /**
     * @return a copy without the hold of {@code incidentId}, and one bed fewer in the hospital's count: the
     * patient now lies in a bed its last report still counted as free (its next report counts it itself)
     */
    public Hospital handOver(String incidentId) {
        BedKind kind = reservations.get(incidentId);
        if (kind == null) {
            return this;
        }
        Map<String, BedKind> held = new HashMap<>(reservations);
        held.remove(incidentId);
        Map<BedKind, Integer> beds = new EnumMap<>(BedKind.class);
        beds.putAll(reportedBeds);
        beds.put(kind, Math.max(0, reported(kind) - 1));
        return new Hospital(id, name, position, partner, beds, held);
    }
}
