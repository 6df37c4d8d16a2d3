package org.sahaya.loadtest.city;

import java.util.Locale;

/**
 * The keys a demo node gives its partners, {@code demo-key-<partnerId>} (refused outside demo mode):
 * a hospital's partner id is its own id; demo unit {@code AMB-n} belongs to fleet
 * {@code FLEET-((n-1) mod 3 + 1)}, the rule of the node's demo city ({@code server.demo.DemoPartners}),
 * so the load tool reports each unit with its own fleet's key without asking the node.
 */
public final class DemoKeys {

    static final int FLEETS = 3;
    private static final String PREFIX = "demo-key-";

    private DemoKeys() {
    }

    /** The demo fleet that owns the demo unit {@code unitId} ({@code AMB-n}). */
    public static String fleetOf(String unitId) {
        int n = Integer.parseInt(unitId.substring(unitId.lastIndexOf('-') + 1));
        return String.format(Locale.ROOT, "FLEET-%d", (n - 1) % FLEETS + 1);
    }

    /** The key of the fleet that owns {@code unitId}. */
    public static String fleetKey(String unitId) {
        return PREFIX + fleetOf(unitId);
    }

    /** The key of the hospital {@code hospitalId}. */
    public static String hospitalKey(String hospitalId) {
        return PREFIX + hospitalId;
    }
}
