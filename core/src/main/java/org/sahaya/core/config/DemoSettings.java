package org.sahaya.core.config;

/**
 * The size of the demo city, for load runs that need a realistic number of registered devices.
 *
 * @param devices {@code SAHAYA_DEMO_DEVICES}, default {@value #CITY_DEVICES}: how many demo devices the
 *                seeded city has in all. The first {@value #CITY_DEVICES} are the city's own wearables and hubs;
 *                the rest ({@code demo-0551}, ..., {@code demo-10000}, ...) are extra wearables spread over
 *                the same subscribers, with the same published-secret convention. At most {@value #MAX_DEVICES}.
 */
public record DemoSettings(int devices) {

    public static final int CITY_DEVICES = 550;
    public static final int MAX_DEVICES = 1_000_000;

    public DemoSettings {
        if (devices < CITY_DEVICES || devices > MAX_DEVICES) {
            throw new ConfigException("SAHAYA_DEMO_DEVICES", "must be " + CITY_DEVICES + ".." + MAX_DEVICES + ", was " + devices);
        }
    }

    public static DemoSettings from(Settings s) {
        return new DemoSettings(s.getInt("SAHAYA_DEMO_DEVICES", CITY_DEVICES));
    }
}
