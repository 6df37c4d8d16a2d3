package org.sahaya.server.delivery;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * What a partner's endpoint (a webhook, a hospital's FHIR base URL) must be: an absolute http or https
 * URL with a host, at most {@value #MAX} characters, without user-info (credentials in a URL end up in
 * logs and in the admin's screen; the webhook is signed instead) or fragment. Pure.
 */
public final class EndpointUrl {

    public static final int MAX = 2000;

    private EndpointUrl() {
    }

    /** Why {@code url} cannot be a partner's endpoint, or empty when it can. */
    public static Optional<String> refusal(String url) {
        if (url == null || url.isBlank()) {
            return Optional.of("is required");
        }
        if (url.length() > MAX) {
            return Optional.of("must have at most " + MAX + " characters");
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return Optional.of("must be an absolute http or https URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || !(scheme.equals("http") || scheme.equals("https")) || uri.isOpaque()) {
            return Optional.of("must be an absolute http or https URL");
        }
        if (uri.getRawUserInfo() != null) {
            return Optional.of("must not carry a user name or password (the webhook is signed instead)");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            return Optional.of("must name a host");
        }
        if (uri.getRawFragment() != null) {
            return Optional.of("must not have a fragment (#...)");
        }
        return Optional.empty();
    }
}
