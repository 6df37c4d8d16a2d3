package org.sahaya.server.demo;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.sahaya.core.Coordinates;
import org.sahaya.core.hospital.Hospital;
import org.sahaya.core.subscriber.Subscriber;

/**
 * The elders we protect: synthetic names from their community, homes around the city's
 * residential localities, and for about a third a preferred hospital among the nearest.
 */
final class DemoFamilies {

    /** A subscriber with what their family's contacts are generated from. */
    record Household(Subscriber subscriber, Community community, String familyName) {
    }

    /** Homes scatter this far (one standard deviation) around their locality's centre. */
    private static final double HOME_SPREAD_METRES = 700;
    private static final double PREFERS_HOSPITAL = 0.35;
    private static final double WOMAN = 0.55;
    private static final int NEAREST_HOSPITALS = 3;

    private DemoFamilies() {
    }

    static List<Household> generate(int count, DemoPlaces city, List<Hospital> hospitals, SeededDraws draws) {
        List<Community> communities = Arrays.asList(Community.values());
        List<Household> households = new ArrayList<>(count);
        for (int n = 1; n <= count; n++) {
            Community community = draws.weighted(communities, c -> c.share);
            String familyName = draws.any(community.familyNames);
            String given = draws.chance(WOMAN) ? draws.any(community.elderWomen) : draws.any(community.elderMen);
            Coordinates home = home(city, draws);
            String preferred = draws.chance(PREFERS_HOSPITAL) ? draws.any(nearest(home, hospitals)).id() : null;
            households.add(new Household(
                    new Subscriber(String.format("S-%04d", n), given + " " + familyName, home, community.language,
                            preferred),
                    community, familyName));
        }
        return households;
    }

    private static Coordinates home(DemoPlaces city, SeededDraws draws) {
        DemoPlaces.Place locality = draws.weighted(city.localities(), DemoPlaces.Place::residents);
        return city.moved(locality.centre(),
                draws.gaussian() * HOME_SPREAD_METRES, draws.gaussian() * HOME_SPREAD_METRES);
    }

    /** Ties broken by id, so the choice never depends on list order. */
    private static List<Hospital> nearest(Coordinates home, List<Hospital> hospitals) {
        return hospitals.stream()
                .sorted(Comparator.comparingDouble((Hospital h) -> roughDistanceSquared(home, h.position()))
                        .thenComparing(Hospital::id))
                .limit(NEAREST_HOSPITALS)
                .toList();
    }

    /** Equirectangular: ranking a handful of hospitals a few km apart needs no geodesic. */
    private static double roughDistanceSquared(Coordinates a, Coordinates b) {
        double dLat = a.lat() - b.lat();
        double dLon = (a.lon() - b.lon()) * StrictMath.cos(Math.toRadians(a.lat()));
        return dLat * dLat + dLon * dLon;
    }
}
