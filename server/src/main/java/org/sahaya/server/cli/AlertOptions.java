package org.sahaya.server.cli;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.sahaya.core.alert.AlertType;
import org.sahaya.core.subscriber.Device;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Options of {@code sahaya alert}. A demo device's secret follows from its id
 * ({@code demo-0001} signs with {@code demo-secret-0001}), so only real devices need {@code --secret}.
 */
record AlertOptions(String baseUrl, String deviceId, String secret, AlertType type, String alertId, Double lat,
                    Double lon, boolean follow, Duration followFor) {

    static String usage() {
        return CommandLines.usage(new Args(Map.of()));
    }

    static AlertOptions parse(String[] args, Map<String, String> env) {
        return CommandLines.parse(new Args(env), args).options();
    }

    /** What picocli reads; {@link #options()} settles the secret and the type. */
    @Command(name = "sahaya alert", synopsisHeading = "usage: ", sortOptions = false, sortSynopsis = false)
    static final class Args {
        @Option(names = "--device", paramLabel = "ID", description = "the device to send as (required)")
        String device;
        @Option(names = "--type", paramLabel = "FALL|SOS|MEDICAL|...", description = "the alert type (default: FALL)")
        String type = "FALL";
        @Option(names = "--secret", paramLabel = "S", description = "the device's secret; a demo device's follows from its id")
        String secret;
        @Option(names = "--alert-id", paramLabel = "ID", description = "the alert's id (default: cli-<random>); "
                + "the same id twice is the same alert")
        String alertId = "cli-" + UUID.randomUUID();
        @Option(names = "--lat", paramLabel = "LAT", description = "where the device is (with --lon)")
        Double lat;
        @Option(names = "--lon", paramLabel = "LON", description = "where the device is (with --lat)")
        Double lon;
        @Option(names = "--url", paramLabel = "http://127.0.0.1:8080",
                description = "the node (default: port SAHAYA_HTTP_PORT, else 8080, on 127.0.0.1)")
        String url;
        @Option(names = "--follow", description = "then print the incident as it progresses")
        boolean follow;
        @Option(names = "--follow-seconds", paramLabel = "30", description = "stop following after this long")
        double followSeconds = 30;

        Args(Map<String, String> env) {
            url = "http://127.0.0.1:" + env.getOrDefault("SAHAYA_HTTP_PORT", "8080");
        }

        AlertOptions options() {
            if (device == null) {
                throw new IllegalArgumentException("--device is required");
            }
            String key = secret;
            if (key == null) {
                if (!Device.isDemoId(device)) {
                    throw new IllegalArgumentException("--secret is required for a device that is not a demo device");
                }
                key = Device.demoSecret(device);
            }
            AlertType alertType;
            try {
                alertType = AlertType.valueOf(type.toUpperCase());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("unknown --type " + type.toUpperCase());
            }
            return new AlertOptions(url.replaceAll("/+$", ""), device, key, alertType, alertId, lat, lon, follow,
                    Duration.ofSeconds((long) followSeconds));
        }
    }
}
