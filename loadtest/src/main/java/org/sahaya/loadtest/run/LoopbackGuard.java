package org.sahaya.loadtest.run;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.regex.Pattern;

/**
 * Refuses any target that is not this machine. A load generator pointed at the wrong host is an
 * attack on it, and our workplace forbids load traffic anywhere but loopback. Accepts
 * {@code localhost} and loopback IP literals only; never asks DNS about any other name.
 */
public final class LoopbackGuard {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    private LoopbackGuard() {
    }

    /**
     * @return where the URL points
     * @throws IllegalArgumentException when it is not an http URL with a port on a loopback address
     */
    public static Endpoint requireLoopback(String url) {
        URI uri;
        try {
            uri = new URI(url.replaceAll("/+$", ""));
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a URL: " + url);
        }
        if (!"http".equalsIgnoreCase(uri.getScheme())) {
            throw new IllegalArgumentException("only http:// URLs are supported, was " + url);
        }
        if (uri.getHost() == null || uri.getPort() < 1) {
            throw new IllegalArgumentException("the URL needs a host and a port, e.g. http://127.0.0.1:8080, was " + url);
        }
        if (!isLoopback(uri.getHost())) {
            throw new IllegalArgumentException("refusing " + uri.getHost()
                    + ": the load generator only sends to this machine (127.0.0.1, ::1, localhost)");
        }
        return new Endpoint(unbracketed(uri.getHost()), uri.getPort());
    }

    static boolean isLoopback(String host) {
        String h = unbracketed(host);
        try {
            if (h.equalsIgnoreCase("localhost")) {
                // Resolved from the hosts file; still checked, in case it was pointed elsewhere.
                return Arrays.stream(InetAddress.getAllByName(h)).allMatch(InetAddress::isLoopbackAddress);
            }
            if (IPV4.matcher(h).matches() || h.contains(":")) {
                // A literal: getByName parses it and does no lookup.
                return InetAddress.getByName(h).isLoopbackAddress();
            }
            return false;
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static String unbracketed(String host) {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }
}
