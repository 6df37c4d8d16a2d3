package org.sahaya.core.config;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Set;
import java.util.TreeSet;

/**
 * The travel-time model's factors from configuration ({@code SAHAYA_ETA_*}), so a city can
 * calibrate its ETAs from its own trips without a release. The defaults are geo's
 * {@code EtaFactors.bengaluru()} and {@code AreaClassifier.bengaluru()}; keep them in step.
 *
 * <p>{@code core} does not know {@code geo}, so the module that wires dispatch builds the model:
 * {@code new DetourEtaModel(new EtaFactors(detourFactor, Map.of(URBAN_CORE, urbanCoreKmh, URBAN,
 * urbanKmh, SUBURBAN, suburbanKmh), peakSpeedRatio, peakHours, turnout, zone),
 * AreaClassifier.rings(GeoPoint.of(centreLat, centreLon), coreRadiusMetres, urbanRadiusMetres))}.
 * Every value is checked here, so a bad one fails the node's start naming its setting.
 *
 * @param detourFactor      {@code SAHAYA_ETA_DETOUR_FACTOR}, default 1.4: road over straight-line distance, at least 1
 * @param urbanCoreKmh      {@code SAHAYA_ETA_URBAN_CORE_KMH}, default 20: off-peak speed in the city centre
 * @param urbanKmh          {@code SAHAYA_ETA_URBAN_KMH}, default 27: off-peak speed in the rest of the city
 * @param suburbanKmh       {@code SAHAYA_ETA_SUBURBAN_KMH}, default 36: off-peak speed in the suburbs
 * @param peakSpeedRatio    {@code SAHAYA_ETA_PEAK_SPEED_RATIO}, default 0.65: peak speed over off-peak, in (0, 1]
 * @param peakHours         {@code SAHAYA_ETA_PEAK_HOURS}, default {@code 8-10,17-20}: local hours (ranges
 *                          inclusive) whose trips run at peak speed; {@code none} for none
 * @param turnout           {@code SAHAYA_ETA_TURNOUT_SECONDS}, default 60: dispatch until the unit rolls
 * @param zone              {@code SAHAYA_ETA_ZONE}, default the city's ({@code SAHAYA_CITY_TIME_ZONE}, else
 *                          {@code Asia/Kolkata}): the zone peak hours are read in
 * @param centreLat         {@code SAHAYA_ETA_CENTRE}, default {@code 12.9716,77.5946} (lat,lon): the city centre
 * @param centreLon         see {@code centreLat}
 * @param coreRadiusMetres  {@code SAHAYA_ETA_CORE_RADIUS_METRES}, default 5000: the core around the centre
 * @param urbanRadiusMetres {@code SAHAYA_ETA_URBAN_RADIUS_METRES}, default 13000: the city; suburbs beyond
 */
public record EtaSettings(double detourFactor, double urbanCoreKmh, double urbanKmh, double suburbanKmh,
                          double peakSpeedRatio, Set<Integer> peakHours, Duration turnout, ZoneId zone,
                          double centreLat, double centreLon, double coreRadiusMetres, double urbanRadiusMetres) {

    /** The default centre, Bengaluru's central business district (lat,lon). */
    public static final String DEFAULT_CENTRE = "12.9716,77.5946";

    /**
     * Whether the rings are still around the default centre: a node serving another city
     * ({@code SAHAYA_CITY_NAME}) then counts every place as suburban, so its start warns.
     */
    public boolean centredOnBengaluru() {
        return (centreLat + "," + centreLon).equals(DEFAULT_CENTRE);
    }

    /** @throws ConfigException naming the first setting that is malformed or out of range */
    public static EtaSettings from(Settings s) {
        double detour = number(s, "SAHAYA_ETA_DETOUR_FACTOR", 1.4);
        if (detour < 1.0) {
            throw new ConfigException("SAHAYA_ETA_DETOUR_FACTOR", "must be at least 1 (roads are never shorter than the straight line), was " + detour);
        }
        double ratio = number(s, "SAHAYA_ETA_PEAK_SPEED_RATIO", 0.65);
        if (!(ratio > 0.0 && ratio <= 1.0)) {
            throw new ConfigException("SAHAYA_ETA_PEAK_SPEED_RATIO", "must be within (0, 1], was " + ratio);
        }
        long turnoutSeconds = s.getLong("SAHAYA_ETA_TURNOUT_SECONDS", 60);
        if (turnoutSeconds < 0) {
            throw new ConfigException("SAHAYA_ETA_TURNOUT_SECONDS", "must not be negative, was " + turnoutSeconds);
        }
        String[] centre = s.get("SAHAYA_ETA_CENTRE", DEFAULT_CENTRE).split(",", -1);
        if (centre.length != 2) {
            throw new ConfigException("SAHAYA_ETA_CENTRE", "must be latitude,longitude in degrees, e.g. 12.9716,77.5946");
        }
        double lat = parse("SAHAYA_ETA_CENTRE", centre[0]);
        double lon = parse("SAHAYA_ETA_CENTRE", centre[1]);
        if (!(lat >= -90 && lat <= 90 && lon >= -180 && lon <= 180)) {
            throw new ConfigException("SAHAYA_ETA_CENTRE", "must be latitude within [-90, 90] then longitude within [-180, 180]");
        }
        double core = positive(s, "SAHAYA_ETA_CORE_RADIUS_METRES", 5_000);
        double urban = positive(s, "SAHAYA_ETA_URBAN_RADIUS_METRES", 13_000);
        if (urban < core) {
            throw new ConfigException("SAHAYA_ETA_URBAN_RADIUS_METRES", "must not be smaller than SAHAYA_ETA_CORE_RADIUS_METRES (" + core + "), was " + urban);
        }
        return new EtaSettings(detour,
                positive(s, "SAHAYA_ETA_URBAN_CORE_KMH", 20), positive(s, "SAHAYA_ETA_URBAN_KMH", 27),
                positive(s, "SAHAYA_ETA_SUBURBAN_KMH", 36), ratio, peakHours(s.get("SAHAYA_ETA_PEAK_HOURS", "8-10,17-20")),
                Duration.ofSeconds(turnoutSeconds), zone(s), lat, lon, core, urban);
    }

    private static double positive(Settings s, String name, double fallback) {
        double v = number(s, name, fallback);
        if (!(v > 0)) {
            throw new ConfigException(name, "must be positive, was " + v);
        }
        return v;
    }

    private static double number(Settings s, String name, double fallback) {
        return s.get(name).map(v -> parse(name, v)).orElse(fallback);
    }

    private static double parse(String name, String value) {
        try {
            double v = Double.parseDouble(value.trim());
            if (Double.isFinite(v)) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below with the setting's name
        }
        throw new ConfigException(name, "must be a finite number, was '" + value + "'");
    }

    private static Set<Integer> peakHours(String value) {
        String name = "SAHAYA_ETA_PEAK_HOURS";
        Set<Integer> hours = new TreeSet<>();
        if (value.trim().equalsIgnoreCase("none")) {
            return Set.of();
        }
        for (String part : value.split(",")) {
            String[] range = part.trim().split("-", -1);
            if (range.length > 2) {
                throw new ConfigException(name, "must be hours or ranges like 8-10,17-20, was '" + value + "'");
            }
            int from = hour(name, range[0], value);
            int to = range.length == 2 ? hour(name, range[1], value) : from;
            if (to < from) {
                throw new ConfigException(name, "range " + part.trim() + " runs backwards; write it as two ranges around midnight");
            }
            for (int h = from; h <= to; h++) {
                hours.add(h);
            }
        }
        return Set.copyOf(hours);
    }

    private static int hour(String name, String text, String whole) {
        try {
            int h = Integer.parseInt(text.trim());
            if (h >= 0 && h <= 23) {
                return h;
            }
        } catch (NumberFormatException e) {
            // reported below with the setting's name
        }
        throw new ConfigException(name, "must be hours of day within 0-23 or ranges like 8-10,17-20, was '" + whole + "'");
    }

    /** The ETA's own zone if set, else the city's (a bad city zone is reported under its own name). */
    private static ZoneId zone(Settings s) {
        return s.get("SAHAYA_ETA_ZONE").map(EtaSettings::zone)
                .orElseGet(() -> CitySettings.zone(s.get("SAHAYA_CITY_TIME_ZONE", "Asia/Kolkata")));
    }

    private static ZoneId zone(String value) {
        try {
            return ZoneId.of(value.trim());
        } catch (DateTimeException e) {
            throw new ConfigException("SAHAYA_ETA_ZONE", "must be a time zone id like Asia/Kolkata, was '" + value + "'");
        }
    }
}
