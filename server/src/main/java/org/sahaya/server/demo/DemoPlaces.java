package org.sahaya.server.demo;

import java.util.List;
import java.util.Set;
import org.sahaya.core.Coordinates;
import org.sahaya.core.hospital.BedKind;

/**
 * The places a demo city is generated from: its box, its residential localities, its ambulance
 * stations and its hospitals. {@link DemoCity#generate(long, DemoPlaces)} makes the same kind of city
 * anywhere from them; {@link #bengaluru()} is the one {@code ./sahaya demo} starts with, {@link #pune()}
 * a second one the tests run the whole path through. Immutable.
 *
 * @param city           the city's name (the node's {@code SAHAYA_CITY_NAME} when it serves this city)
 * @param minLat         the box every generated point is kept in
 * @param maxLat         see {@code minLat}
 * @param minLon         see {@code minLat}
 * @param maxLon         see {@code minLat}
 * @param localities     where homes cluster (weighed by {@link Place#residents()}); stations name one of them
 * @param stations       where the ambulances wait, in call-sign order
 * @param hospitals      the receiving hospitals, in id order ({@code H-01} ...)
 * @param callSignPrefix the ambulances' call signs: {@code KA} gives {@code KA-01}, {@code KA-02}, ...
 */
public record DemoPlaces(String city, double minLat, double maxLat, double minLon, double maxLon,
                         List<Place> localities, List<Station> stations, List<HospitalSite> hospitals,
                         String callSignPrefix) {

    /** A locality; {@code residents} weighs how many demo homes it gets. */
    public record Place(String name, Coordinates centre, int residents) {
    }

    /** An ambulance station at a locality's centre with this many units. */
    public record Station(String locality, int units) {
    }

    /** One hospital; {@code size} 1 (small) to 3 (large) scales its free beds. */
    public record HospitalSite(String name, double lat, double lon, boolean partner, int size, Set<BedKind> kinds) {
    }

    private static final double METRES_PER_DEGREE_LAT = 111_320;

    public DemoPlaces {
        localities = List.copyOf(localities);
        stations = List.copyOf(stations);
        hospitals = List.copyOf(hospitals);
    }

    /** The demo city of {@code ./sahaya demo}. */
    public static DemoPlaces bengaluru() {
        return BengaluruPlaces.CITY;
    }

    /** A second, smaller city in another state, for tests that the city is configuration. */
    public static DemoPlaces pune() {
        return PunePlaces.CITY;
    }

    /** @throws IllegalArgumentException if this city has no locality of that name */
    public Place named(String name) {
        return localities.stream()
                .filter(p -> p.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no demo locality named " + name + " in " + city));
    }

    public boolean insideCity(Coordinates c) {
        return c.lat() >= minLat && c.lat() <= maxLat && c.lon() >= minLon && c.lon() <= maxLon;
    }

    /** The point {@code north} and {@code east} metres away, kept inside the city box. */
    public Coordinates moved(Coordinates from, double north, double east) {
        double lat = from.lat() + north / METRES_PER_DEGREE_LAT;
        double lon = from.lon() + east / (METRES_PER_DEGREE_LAT * StrictMath.cos(Math.toRadians(from.lat())));
        return new Coordinates(clamp(round6(lat), minLat, maxLat), clamp(round6(lon), minLon, maxLon));
    }

    /** Six decimals is about 10 cm: plenty for a demo, and it keeps JSON and SQL readable. */
    private static double round6(double degrees) {
        return Math.round(degrees * 1e6) / 1e6;
    }

    private static double clamp(double v, double min, double max) {
        return Math.max(min, Math.min(max, v));
    }

    static Place place(String name, double lat, double lon, int residents) {
        return new Place(name, new Coordinates(lat, lon), residents);
    }
}
