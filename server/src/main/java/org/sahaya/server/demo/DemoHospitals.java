package org.sahaya.server.demo;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.sahaya.core.Coordinates;
import org.sahaya.core.hospital.BedKind;
import org.sahaya.core.hospital.Hospital;
import org.sahaya.server.demo.DemoPlaces.HospitalSite;

/**
 * Receiving hospitals of a demo city, from its {@link DemoPlaces#hospitals()}: each with the bed kinds
 * its site offers. Free-bed counts vary with the seed.
 */
final class DemoHospitals {

    private DemoHospitals() {
    }

    static List<Hospital> generate(DemoPlaces city, SeededDraws draws) {
        List<HospitalSite> sites = city.hospitals();
        List<Hospital> hospitals = new ArrayList<>(sites.size());
        for (int i = 0; i < sites.size(); i++) {
            HospitalSite site = sites.get(i);
            hospitals.add(new Hospital(id(i + 1), site.name(),
                    new Coordinates(site.lat(), site.lon()), site.partner(), beds(site, draws), Map.of()));
        }
        return hospitals;
    }

    /** How many hospitals the demo node's city (Bengaluru) has. */
    static int count() {
        return DemoPlaces.bengaluru().hospitals().size();
    }

    /** The id of the {@code n}-th hospital, from 1: {@code H-01}. */
    static String id(int n) {
        return String.format("H-%02d", n);
    }

    /** Free beds on an ordinary evening: a handful per kind, more at the large hospitals. */
    private static Map<BedKind, Integer> beds(HospitalSite site, SeededDraws draws) {
        Map<BedKind, Integer> beds = new EnumMap<>(BedKind.class);
        for (BedKind kind : BedKind.values()) {
            if (site.kinds().contains(kind)) {
                beds.put(kind, site.size() * perSizeUnit(kind, draws));
            }
        }
        return beds;
    }

    private static int perSizeUnit(BedKind kind, SeededDraws draws) {
        return switch (kind) {
            case ER -> draws.between(2, 5);
            case ICU -> draws.between(1, 4);
            case CARDIAC -> draws.between(1, 3);
            case STROKE -> draws.between(1, 2);
        };
    }
}
