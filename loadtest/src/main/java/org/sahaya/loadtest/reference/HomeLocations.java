package org.sahaya.loadtest.reference;

/**
 * Where a device's wearer lives, for the reference dispatcher: the node knows each subscriber's
 * home, the public API does not show it, so the reference gets a stand-in that is stable per
 * device and spread over Bengaluru (12.85–13.10 N, 77.45–77.75 E). Pure.
 */
final class HomeLocations {

    private static final double SOUTH = 12.85;
    private static final double NORTH = 13.10;
    private static final double WEST = 77.45;
    private static final double EAST = 77.75;

    private HomeLocations() {
    }

    /** @return {lat, lon} */
    static double[] of(String deviceId) {
        long h = deviceId.hashCode() * 0x9E3779B97F4A7C15L;
        double a = ((h >>> 11) & 0xFFFFF) / (double) 0x100000;
        double b = ((h >>> 33) & 0xFFFFF) / (double) 0x100000;
        return new double[] {SOUTH + a * (NORTH - SOUTH), WEST + b * (EAST - WEST)};
    }
}
