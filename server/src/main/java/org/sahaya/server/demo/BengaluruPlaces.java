package org.sahaya.server.demo;

import java.util.List;
import org.sahaya.core.Coordinates;

/**
 * Bengaluru localities at approximately their real centres, and the box the demo city lives in.
 * Homes cluster around these places rather than filling the box, which would put people in lakes
 * and fields.
 */
final class BengaluruPlaces {

    /** A locality; {@code residents} weighs how many demo homes it gets. */
    record Place(String name, Coordinates centre, int residents) {
    }

    static final double MIN_LAT = 12.83;
    static final double MAX_LAT = 13.14;
    static final double MIN_LON = 77.46;
    static final double MAX_LON = 77.78;

    private static final double METRES_PER_DEGREE_LAT = 111_320;

    static final List<Place> LOCALITIES = List.of(
            place("Jayanagar", 12.9250, 77.5938, 8),
            place("Basavanagudi", 12.9423, 77.5738, 7),
            place("Malleshwaram", 13.0031, 77.5643, 7),
            place("JP Nagar", 12.9063, 77.5857, 7),
            place("Banashankari", 12.9255, 77.5468, 6),
            place("Rajajinagar", 12.9911, 77.5540, 6),
            place("Indiranagar", 12.9719, 77.6412, 6),
            place("Koramangala", 12.9352, 77.6245, 6),
            place("Vijayanagar", 12.9719, 77.5371, 5),
            place("BTM Layout", 12.9166, 77.6101, 5),
            place("HSR Layout", 12.9116, 77.6474, 5),
            place("Sadashivanagar", 13.0068, 77.5813, 3),
            place("Frazer Town", 12.9987, 77.6149, 3),
            place("Ulsoor", 12.9817, 77.6286, 3),
            place("Shivajinagar", 12.9857, 77.6057, 2),
            place("Domlur", 12.9609, 77.6387, 3),
            place("RT Nagar", 13.0213, 77.5947, 4),
            place("Hebbal", 13.0358, 77.5970, 3),
            place("Sahakara Nagar", 13.0621, 77.5868, 3),
            place("Yelahanka", 13.1007, 77.5963, 4),
            place("Vidyaranyapura", 13.0777, 77.5573, 3),
            place("Yeshwanthpur", 13.0280, 77.5409, 3),
            place("Mathikere", 13.0330, 77.5600, 3),
            place("Jalahalli", 13.0465, 77.5480, 2),
            place("Mahalakshmi Layout", 13.0154, 77.5463, 3),
            place("Nagarbhavi", 12.9600, 77.5090, 3),
            place("Rajarajeshwari Nagar", 12.9274, 77.5155, 4),
            place("Kengeri", 12.9177, 77.4838, 2),
            place("Uttarahalli", 12.9055, 77.5440, 3),
            place("Bannerghatta Road", 12.8880, 77.5970, 3),
            place("Hulimavu", 12.8780, 77.6000, 2),
            place("Begur", 12.8800, 77.6300, 2),
            place("Bommanahalli", 12.9089, 77.6239, 2),
            place("Electronic City", 12.8452, 77.6602, 3),
            place("Bellandur", 12.9260, 77.6762, 3),
            place("Sarjapur Road", 12.9100, 77.6850, 3),
            place("Marathahalli", 12.9569, 77.7011, 4),
            place("Brookefield", 12.9660, 77.7170, 2),
            place("Whitefield", 12.9698, 77.7500, 4),
            place("Kadugodi", 12.9980, 77.7600, 2),
            place("KR Puram", 13.0075, 77.6959, 3),
            place("CV Raman Nagar", 12.9855, 77.6630, 3),
            place("Banaswadi", 13.0104, 77.6482, 3),
            place("Kammanahalli", 13.0159, 77.6379, 3),
            place("Hennur", 13.0358, 77.6434, 2),
            place("Horamavu", 13.0262, 77.6600, 2));

    private BengaluruPlaces() {
    }

    static Place named(String name) {
        return LOCALITIES.stream()
                .filter(p -> p.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no demo locality named " + name));
    }

    static boolean insideCity(Coordinates c) {
        return c.lat() >= MIN_LAT && c.lat() <= MAX_LAT && c.lon() >= MIN_LON && c.lon() <= MAX_LON;
    }

    /** The point {@code north} and {@code east} metres away, kept inside the city box. */
    static Coordinates moved(Coordinates from, double north, double east) {
        double lat = from.lat() + north / METRES_PER_DEGREE_LAT;
        double lon = from.lon() + east / (METRES_PER_DEGREE_LAT * StrictMath.cos(Math.toRadians(from.lat())));
        return new Coordinates(clamp(round6(lat), MIN_LAT, MAX_LAT), clamp(round6(lon), MIN_LON, MAX_LON));
    }

    /** Six decimals is about 10 cm: plenty for a demo, and it keeps JSON and SQL readable. */
    private static double round6(double degrees) {
        return Math.round(degrees * 1e6) / 1e6;
    }

    private static double clamp(double v, double min, double max) {
        return Math.max(min, Math.min(max, v));
    }

    private static Place place(String name, double lat, double lon, int residents) {
        return new Place(name, new Coordinates(lat, lon), residents);
    }
}
