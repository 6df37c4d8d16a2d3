package org.sahaya.core.config;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * Notification providers, their webhooks and delivery timing, read from {@link Settings}: the one place
 * that reads the Twilio, FCM and public-address settings. Without Twilio or FCM credentials the node keeps
 * that channel on the sandbox.
 *
 * @param twilioAccountSid {@code SAHAYA_TWILIO_ACCOUNT_SID}
 * @param twilioAuthToken  {@code SAHAYA_TWILIO_AUTH_TOKEN} (never logged): authenticates our Twilio requests and
 *                         validates X-Twilio-Signature on Twilio's webhooks; alone (without SID and sender) it
 *                         only validates webhooks; null = every webhook is refused (demo mode:
 *                         {@link #DEMO_TWILIO_AUTH_TOKEN}, refused outside demo mode)
 * @param twilioFrom       {@code SAHAYA_TWILIO_FROM}: the E.164 number messages and calls come from
 * @param twilioBaseUrl    {@code SAHAYA_TWILIO_BASE_URL}, default {@code https://api.twilio.com}
 * @param fcmProjectId     {@code SAHAYA_FCM_PROJECT_ID}
 * @param fcmCredentials   {@code SAHAYA_FCM_CREDENTIALS}: path to a service-account JSON
 * @param fcmBaseUrl       {@code SAHAYA_FCM_BASE_URL}, default {@code https://fcm.googleapis.com}
 * @param publicBaseUrl    {@code SAHAYA_PUBLIC_BASE_URL}, default {@code http://localhost:<http port>} (required
 *                         with live Twilio): where Twilio and families reach this node; webhooks are signed
 *                         against it and acknowledgement links point to it
 * @param providerTimeout  {@code SAHAYA_PROVIDER_TIMEOUT_MS}, default 10000: one provider request, connect to answer
 * @param familyBudget     {@code SAHAYA_FAMILY_BUDGET_SECONDS}, default 120: the contract's "family notified"
 *                         budget, which retries and failover of one message must stay within
 */
public record ProviderConfig(
        String twilioAccountSid,
        String twilioAuthToken,
        String twilioFrom,
        URI twilioBaseUrl,
        String fcmProjectId,
        Path fcmCredentials,
        URI fcmBaseUrl,
        URI publicBaseUrl,
        Duration providerTimeout,
        Duration familyBudget) {

    public static final URI TWILIO_API = URI.create("https://api.twilio.com");
    public static final URI FCM_API = URI.create("https://fcm.googleapis.com");

    /** Published on purpose: demo mode must be reproducible by hand, and is refused outside demo mode. */
    public static final String DEMO_TWILIO_AUTH_TOKEN = "demo-twilio-auth-token";

    /** Outside demo mode, on the default HTTP port. */
    public static ProviderConfig from(Settings s) {
        return from(s, false, 8080);
    }

    public static ProviderConfig from(Settings s, boolean demo, int httpPort) {
        Optional<String> sid = s.get("SAHAYA_TWILIO_ACCOUNT_SID");
        Optional<String> token = s.get("SAHAYA_TWILIO_AUTH_TOKEN");
        Optional<String> from = s.get("SAHAYA_TWILIO_FROM");
        if (!demo && token.filter(DEMO_TWILIO_AUTH_TOKEN::equals).isPresent()) {
            throw new ConfigException("SAHAYA_TWILIO_AUTH_TOKEN", "the demo value is accepted in demo mode only");
        }
        // The live channel needs all three; the token alone only validates webhooks (a webhook-only setup).
        if (sid.isPresent() || from.isPresent()) {
            require(sid, "SAHAYA_TWILIO_ACCOUNT_SID");
            require(token, "SAHAYA_TWILIO_AUTH_TOKEN");
            require(from, "SAHAYA_TWILIO_FROM");
        }
        Optional<String> project = s.get("SAHAYA_FCM_PROJECT_ID");
        Optional<String> credentials = s.get("SAHAYA_FCM_CREDENTIALS");
        if (project.isPresent() || credentials.isPresent()) {
            require(project, "SAHAYA_FCM_PROJECT_ID");
            require(credentials, "SAHAYA_FCM_CREDENTIALS");
            if (!Files.isReadable(Path.of(credentials.get()))) {
                throw new ConfigException("SAHAYA_FCM_CREDENTIALS", "must name a readable service-account JSON file");
            }
        }
        URI publicUrl = url(s, "SAHAYA_PUBLIC_BASE_URL", null);
        if (sid.isPresent() && publicUrl == null) {
            throw new ConfigException("SAHAYA_PUBLIC_BASE_URL",
                    "is required with Twilio: status callbacks and the voice key press come back to it");
        }
        if (publicUrl == null) {
            publicUrl = URI.create("http://localhost:" + httpPort);
        }
        long timeoutMs = s.getLong("SAHAYA_PROVIDER_TIMEOUT_MS", 10_000);
        if (timeoutMs <= 0) {
            throw new ConfigException("SAHAYA_PROVIDER_TIMEOUT_MS", "must be positive");
        }
        long budget = s.getLong("SAHAYA_FAMILY_BUDGET_SECONDS", 120);
        if (budget <= 0) {
            throw new ConfigException("SAHAYA_FAMILY_BUDGET_SECONDS", "must be positive");
        }
        return new ProviderConfig(sid.orElse(null), token.orElse(demo ? DEMO_TWILIO_AUTH_TOKEN : null), from.orElse(null),
                url(s, "SAHAYA_TWILIO_BASE_URL", TWILIO_API), project.orElse(null),
                credentials.map(Path::of).orElse(null), url(s, "SAHAYA_FCM_BASE_URL", FCM_API),
                publicUrl,
                Duration.ofMillis(timeoutMs), Duration.ofSeconds(budget));
    }

    /** True when SMS and voice go to Twilio. */
    public boolean twilioLive() {
        return twilioAccountSid != null;
    }

    /** True when push goes to Firebase Cloud Messaging. */
    public boolean fcmLive() {
        return fcmProjectId != null;
    }

    private static void require(Optional<String> value, String name) {
        if (value.isEmpty()) {
            throw new ConfigException(name, "is required when any of its provider's settings is given");
        }
    }

    private static URI url(Settings s, String name, URI fallback) {
        Optional<String> value = s.get(name);
        if (value.isEmpty()) {
            return fallback;
        }
        try {
            URI uri = URI.create(value.get().replaceAll("/+$", ""));
            if (uri.getScheme() == null || !uri.getScheme().matches("https?") || uri.getHost() == null) {
                throw new ConfigException(name, "must be an http(s) URL, was '" + value.get() + "'");
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw new ConfigException(name, "must be an http(s) URL, was '" + value.get() + "'");
        }
    }

    /** Leaves the auth token out of any accidental log line. */
    @Override
    public String toString() {
        return "ProviderConfig[twilio=" + (twilioLive() ? "live " + twilioBaseUrl : "sandbox")
                + ", fcm=" + (fcmLive() ? "live " + fcmBaseUrl : "sandbox") + ", public=" + publicBaseUrl
                + ", timeout=" + providerTimeout + ", budget=" + familyBudget + "]";
    }
}
