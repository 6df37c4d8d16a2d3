package org.sahaya.core.config;

/**
 * Where the node's own operations listen: metrics and health. They say how the node is doing and how
 * busy it is, which is nobody's business on the public port, so they get a port of their own, on
 * loopback unless an operator opens it to a monitoring network.
 *
 * @param host {@code SAHAYA_MANAGEMENT_HOST}, default 127.0.0.1
 * @param port {@code SAHAYA_MANAGEMENT_PORT}, default 8081; 0 = any free port
 * @param tls  {@code SAHAYA_MANAGEMENT_TLS}, default false: serve it over TLS with the listeners'
 *             certificate ({@code SAHAYA_TLS_CERT}, which must then be set)
 */
public record ManagementSettings(String host, int port, boolean tls) {

    public static ManagementSettings from(Settings s, TlsSettings listeners) {
        boolean tls = s.getBoolean("SAHAYA_MANAGEMENT_TLS", false);
        if (tls && !listeners.enabled()) {
            throw new ConfigException("SAHAYA_MANAGEMENT_TLS", "needs SAHAYA_TLS_CERT and SAHAYA_TLS_KEY");
        }
        return new ManagementSettings(s.get("SAHAYA_MANAGEMENT_HOST", "127.0.0.1"),
                s.getPort("SAHAYA_MANAGEMENT_PORT", 8081), tls);
    }
}
