package org.sahaya.geo.index;

import java.util.Collection;
import java.util.List;
import java.util.function.Predicate;
import org.sahaya.geo.GeoPoint;
import org.sahaya.geo.GeodesicDistance;

/** The obviously correct answer the index must match: measure every unit, sort, cut. */
final class BruteForce {

    private BruteForce() {
    }

    static List<Candidate> nearest(Collection<IndexedUnit> units, GeoPoint from, int k,
                                   Predicate<IndexedUnit> filter, double maxRadiusMetres) {
        return units.stream()
                .filter(filter)
                .map(u -> Candidate.of(u, GeodesicDistance.metres(from, u.position())))
                .filter(c -> c.distanceMetres() <= maxRadiusMetres)
                .sorted(NearestCandidates.CLOSEST_FIRST)
                .limit(k)
                .toList();
    }
}
