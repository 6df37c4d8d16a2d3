package org.sahaya.server.demo;

import java.util.ArrayList;
import java.util.List;
import org.sahaya.core.Coordinates;
import org.sahaya.core.fleet.Unit;
import org.sahaya.core.fleet.UnitLevel;
import org.sahaya.core.fleet.UnitStatus;

/**
 * Ambulances of the demo city, parked near their stations and all available. About 40% are
 * advanced life support (ALS); which ones depends on the seed. Each belongs to one of the demo
 * fleets ({@link DemoPartners#fleetOf}).
 */
final class DemoFleet {

    private record Station(String locality, int units) {
    }

    /** Busy central stations hold more units; the outskirts one or two. */
    private static final List<Station> STATIONS = List.of(
            new Station("Jayanagar", 3), new Station("Koramangala", 3), new Station("Indiranagar", 2),
            new Station("Whitefield", 3), new Station("Yelahanka", 2), new Station("Hebbal", 2),
            new Station("Malleshwaram", 2), new Station("Rajajinagar", 2), new Station("Banashankari", 2),
            new Station("Electronic City", 2), new Station("Marathahalli", 2), new Station("HSR Layout", 2),
            new Station("BTM Layout", 2), new Station("Basavanagudi", 1), new Station("Yeshwanthpur", 2),
            new Station("KR Puram", 2), new Station("Vijayanagar", 2), new Station("JP Nagar", 2),
            new Station("Rajarajeshwari Nagar", 2), new Station("Banaswadi", 1), new Station("Bellandur", 2),
            new Station("Shivajinagar", 1));

    private static final double ALS_SHARE = 0.4;

    /** Units wait in side streets and fuel stations, not exactly at the station's pin. */
    private static final double PARKING_RADIUS_METRES = 400;

    private DemoFleet() {
    }

    static List<Unit> generate(SeededDraws draws) {
        List<Station> postings = new ArrayList<>();
        for (Station station : STATIONS) {
            for (int k = 0; k < station.units(); k++) {
                postings.add(station);
            }
        }
        List<UnitLevel> levels = levels(postings.size(), draws);
        List<Unit> units = new ArrayList<>(postings.size());
        for (int i = 0; i < postings.size(); i++) {
            String station = postings.get(i).locality();
            int n = i + 1;
            units.add(new Unit(String.format("AMB-%03d", n), String.format("KA-%02d", n), levels.get(i), station,
                    parkedNear(BengaluruPlaces.named(station).centre(), draws), UnitStatus.AVAILABLE, null,
                    DemoCity.AS_OF, DemoPartners.fleetOf(n)));
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

    private static Coordinates parkedNear(Coordinates station, SeededDraws draws) {
        // sqrt spreads points evenly over the disc instead of bunching them at the centre;
        // StrictMath gives the same bits on every JVM, so the seed alone decides the city
        double r = PARKING_RADIUS_METRES * Math.sqrt(draws.fraction());
        double bearing = 2 * Math.PI * draws.fraction();
        return BengaluruPlaces.moved(station, r * StrictMath.cos(bearing), r * StrictMath.sin(bearing));
    }
}
