package org.sahaya.server.demo;

import java.util.ArrayList;
import java.util.List;
import org.sahaya.core.Coordinates;
import org.sahaya.core.fleet.Unit;
import org.sahaya.core.fleet.UnitLevel;
import org.sahaya.core.fleet.UnitStatus;
import org.sahaya.server.demo.DemoPlaces.Station;

/**
 * Ambulances of a demo city ({@link DemoPlaces#stations()}), parked near their stations and all
 * available. About 40% are advanced life support (ALS); which ones depends on the seed. Each belongs
 * to one of the demo fleets ({@link DemoPartners#fleetOf}).
 */
final class DemoFleet {

    private static final double ALS_SHARE = 0.4;

    /** Units wait in side streets and fuel stations, not exactly at the station's pin. */
    private static final double PARKING_RADIUS_METRES = 400;

    private DemoFleet() {
    }

    static List<Unit> generate(DemoPlaces city, SeededDraws draws) {
        List<Station> postings = new ArrayList<>();
        for (Station station : city.stations()) {
            for (int k = 0; k < station.units(); k++) {
                postings.add(station);
            }
        }
        List<UnitLevel> levels = levels(postings.size(), draws);
        List<Unit> units = new ArrayList<>(postings.size());
        for (int i = 0; i < postings.size(); i++) {
            String station = postings.get(i).locality();
            int n = i + 1;
            units.add(new Unit(String.format("AMB-%03d", n), String.format("%s-%02d", city.callSignPrefix(), n),
                    levels.get(i), station, parkedNear(city, city.named(station).centre(), draws), UnitStatus.AVAILABLE,
                    null, DemoCity.AS_OF, DemoPartners.fleetOf(n)));
        }
        return units;
    }

    /** Exactly {@code round(40%)} ALS, placed by a seeded shuffle so both levels always exist. */
    private static List<UnitLevel> levels(int count, SeededDraws draws) {
        int als = (int) Math.round(count * ALS_SHARE);
        List<UnitLevel> levels = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            levels.add(i < als ? UnitLevel.ALS : UnitLevel.BLS);
        }
        draws.shuffle(levels);
        return levels;
    }

    private static Coordinates parkedNear(DemoPlaces city, Coordinates station, SeededDraws draws) {
        // sqrt spreads points evenly over the disc instead of bunching them at the centre;
        // StrictMath gives the same bits on every JVM, so the seed alone decides the city
        double r = PARKING_RADIUS_METRES * Math.sqrt(draws.fraction());
        double bearing = 2 * Math.PI * draws.fraction();
        return city.moved(station, r * StrictMath.cos(bearing), r * StrictMath.sin(bearing));
    }
}
