package org.sahaya.core.config;

/**
 * Where a cluster member's Vert.x event bus listens (incident work handed to its owner travels on it)
 * and the address its peers use to reach it. The bus binds the member's Hazelcast address.
 *
 * @param port       {@code SAHAYA_EVENTBUS_PORT}, default 0 = any free port; set it to open a known
 *                   port between members in a firewall
 * @param publicHost {@code SAHAYA_EVENTBUS_PUBLIC_HOST}, the host peers connect to when it differs from
 *                   the bound one (NAT, containers); null = the bound host
 * @param publicPort {@code SAHAYA_EVENTBUS_PUBLIC_PORT}, the port peers connect to when it differs from
 *                   {@code port} (port mapping); 0 = {@code port}
 */
public record EventBusSettings(int port, String publicHost, int publicPort) {

    public static EventBusSettings from(Settings s) {
        return new EventBusSettings(s.getPort("SAHAYA_EVENTBUS_PORT", 0),
                s.get("SAHAYA_EVENTBUS_PUBLIC_HOST").orElse(null),
                s.getPort("SAHAYA_EVENTBUS_PUBLIC_PORT", 0));
    }

    /** Any free port, peers reach the bound address: what tests and a single machine want. */
    public static EventBusSettings anyPort() {
        return new EventBusSettings(0, null, 0);
    }
}
