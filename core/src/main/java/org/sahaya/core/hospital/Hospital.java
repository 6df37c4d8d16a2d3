package org.sahaya.core.hospital;

import java.io.Serializable;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import org.sahaya.core.Coordinates;

/**
 * A receiving hospital with its bed board: free beds per kind and the beds reserved per incident.
 * A reservation moves one bed from free to reserved; it never goes below zero.
 *
 * @param id           hospital id
 * @param name         display name, read to families ("Manipal Hospital")
 * @param position     entrance location
 * @param partner      a partner hospital is preferred at equal ETA
 * @param freeBeds     free beds per kind
 * @param reservations incident id to the kind of bed reserved for it
 */
public record Hospital(
        String id,
        String name,
        Coordinates position,
        boolean partner,
        Map<BedKind, Integer> freeBeds,
        Map<String, BedKind> reservations) implements Serializable {

    public Hospital {
        freeBeds = freeBeds.isEmpty() ? new EnumMap<>(BedKind.class) : new EnumMap<>(freeBeds);
        reservations = new HashMap<>(reservations);
    }

    public int free(BedKind kind) {
        return freeBeds.getOrDefault(kind, 0);
    }

    /** @return a copy with one bed of {@code kind} reserved for {@code incidentId}; this one if none is free */
    public Hospital reserve(String incidentId, BedKind kind) {
        if (reservations.containsKey(incidentId) || free(kind) <= 0) {
            return this;
        }
        Map<BedKind, Integer> beds = new EnumMap<>(freeBeds);
        beds.put(kind, free(kind) - 1);
        Map<String, BedKind> held = new HashMap<>(reservations);
        held.put(incidentId, kind);
        return new Hospital(id, name, position, partner, beds, held);
    }

    /** @return a copy with the bed held for {@code incidentId} returned to the free count */
    public Hospital release(String incidentId) {
        BedKind kind = reservations.get(incidentId);
        if (kind == null) {
            return this;
        }
        Map<BedKind, Integer> beds = new EnumMap<>(freeBeds);
        beds.put(kind, free(kind) + 1);
        Map<String, BedKind> held = new HashMap<>(reservations);
        held.remove(incidentId);
        return new Hospital(id, name, position, partner, beds, held);
    }

    /**
     * @return a copy whose free counts are the hospital's own report for the kinds it names; kinds it
     * does not name and beds already reserved for incidents stay as they are
     */
    public Hospital withFreeBeds(Map<BedKind, Integer> reported) {
        Map<BedKind, Integer> beds = new EnumMap<>(BedKind.class);
        beds.putAll(freeBeds);
        beds.putAll(reported);
        return new Hospital(id, name, position, partner, beds, reservations);
    }

    /**
     * @return a copy without the reservation of {@code incidentId}, the bed <em>not</em> returned to
     * the free count: the patient now lies in it
     */
    public Hospital handOver(String incidentId) {
        if (!reservations.containsKey(incidentId)) {
            return this;
        }
        Map<String, BedKind> held = new HashMap<>(reservations);
        held.remove(incidentId);
        return new Hospital(id, name, position, partner, freeBeds, held);
    }
}
