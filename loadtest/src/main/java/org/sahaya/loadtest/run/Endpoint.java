package org.sahaya.loadtest.run;

/**
 * An HTTP server on this machine that the load tool may talk to. Only {@link LoopbackGuard} and
 * servers the tool started itself make these.
 *
 * @param host a loopback host as a client connects to it ({@code 127.0.0.1}, {@code ::1}, {@code localhost})
 * @param port its TCP port
 */
public record Endpoint(String host, int port) {

    public String url() {
        return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }

    @Override
    public String toString() {
        return url();
    }
}
