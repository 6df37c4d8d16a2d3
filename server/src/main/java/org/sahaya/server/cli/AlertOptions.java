package org.sahaya.server.cli;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.sahaya.core.alert.AlertType;
import org.sahaya.core.subscriber.Device;

/**
 * Options of {@code sahaya alert}. A demo device's secret follows from its id
 * ({@code demo-0001} signs with {@code demo-secret-0001}), so only real devices need {@code --secret}.
 */
record AlertOptions(String baseUrl, String deviceId, String secret, AlertType type, String alertId, Double lat,
                    Double lon, boolean follow, Duration followFor) {

    static final String USAGE = "usage: sahaya alert --device ID --type FALL|SOS|MEDICAL|... [--secret S] [--alert-id ID]"
            + " [--lat LAT --lon LON] [--url http://127.0.0.1:8080] [--follow] [--follow-seconds 30]";

    static AlertOptions parse(String[] args, Map<String, String> env) {
        String url = "http://127.0.0.1:" + env.getOrDefault("SAHAYA_HTTP_PORT", "8080");
        String device = null;
        String secret = null;
        String type = "FALL";
        String alertId = "cli-" + UUID.randomUUID();
        Double lat = null;
        Double lon = null;
        boolean follow = false;
        long followSeconds = 30;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--follow" -> follow = true;
                case "--url" -> url = value(args, ++i, arg);
                case "--device" -> device = value(args, ++i, arg);
                case "--secret" -> secret = value(args, ++i, arg);
                case "--type" -> type = value(args, ++i, arg).toUpperCase();
                case "--alert-id" -> alertId = value(args, ++i, arg);
                case "--lat" -> lat = number(value(args, ++i, arg), arg);
                case "--lon" -> lon = number(value(args, ++i, arg), arg);
                case "--follow-seconds" -> followSeconds = number(value(args, ++i, arg), arg).longValue();
                default -> throw new IllegalArgumentException("unknown option " + arg);
            }
        }
        if (device == null) {
            throw new IllegalArgumentException("--device is required");
        }
        if (secret == null) {
            if (!Device.isDemoId(device)) {
                throw new IllegalArgumentException("--secret is required for a device that is not a demo device");
            }
            secret = Device.demoSecret(device);
        }
        AlertType alertType;
        try {
            alertType = AlertType.valueOf(type);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown --type " + type);
        }
        return new AlertOptions(url.replaceAll("/+$", ""), device, secret, alertType, alertId, lat, lon, follow,
                Duration.ofSeconds(followSeconds));
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }

    private static Double number(String v, String option) {
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " must be a number, was " + v);
        }
    }
}
