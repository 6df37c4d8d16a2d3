package org.sahaya.core.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.sahaya.core.alert.AlertType;

/**
 * The node's typed configuration, read once at start from {@link Settings}.
 *
 * @param httpPort            {@code SAHAYA_HTTP_PORT}, default 8080; 0 = any free port
 * @param mqttPort            {@code SAHAYA_MQTT_PORT}, default 1884; 0 = any free port
 * @param dc09Port            {@code SAHAYA_DC09_PORT}, default 5090; 0 = any free port
 * @param dataDir             {@code SAHAYA_DATA_DIR}, default {@code ./data}
 * @param dbUrl               {@code SAHAYA_DB_URL}, default an H2 file under the data dir
 * @param dbUser              {@code SAHAYA_DB_USER}
 * @param dbPassword          {@code SAHAYA_DB_PASSWORD} (never logged)
 * @param dbPools             the database's connections ({@code SAHAYA_DB_POOL}, {@code SAHAYA_DB_ALERT_POOL})
 * @param routineInFlight     {@code SAHAYA_ROUTINE_IN_FLIGHT}, default 8: routine HTTP requests (heartbeats, unit
 *                            positions, bed boards) worked on at once; more get 503 with Retry-After at once. Less
 *                            than the main pool, so that dispatch and the family outbox keep connections of their own
 * @param clusterMembers      {@code SAHAYA_CLUSTER_MEMBERS}, comma-separated host[:port] of every member, this one
 *                            included (a majority of them is needed to dispatch); empty = one embedded member
 * @param memberPort          {@code SAHAYA_MEMBER_PORT}, default 5701, the Hazelcast member port
 * @param clusterName         {@code SAHAYA_CLUSTER_NAME}, default {@code sahaya}: members join only their own cluster
 * @param eventBus            where a cluster member's Vert.x event bus listens and how peers reach it
 *                            ({@code SAHAYA_EVENTBUS_PORT}, {@code SAHAYA_EVENTBUS_PUBLIC_HOST}, {@code _PUBLIC_PORT})
 * @param maxEventLoopMillis  {@code SAHAYA_MAX_EVENT_LOOP_MS}, default 2000: an event-loop task running longer is
 *                            reported as blocking
 * @param demo                demo mode: seed the demo city and accept demo credentials
 * @param replayWindow        {@code SAHAYA_REPLAY_WINDOW_SECONDS}, default 300: how far a device's
 *                            signed timestamp may be from our clock
 * @param maxAlertBytes       {@code SAHAYA_MAX_ALERT_BYTES}, default 16384
 * @param verificationWindows {@code SAHAYA_VERIFY_<TYPE>_SECONDS}: per alert type, how long to wait
 *                            for an "I'm OK" before dispatch; 0 for FALL, SOS, MEDICAL by default
 * @param dc09                the DC-09 gateway's limits ({@code SAHAYA_DC09_*})
 * @param mqtt                limits of the MQTT gateway ({@code SAHAYA_MQTT_*})
 * @param notifications       escalation timings and acknowledgement-link settings ({@link NotifyConfig})
 * @param devices             device health and per-device rate limits ({@code SAHAYA_DEVICE_*})
 * @param httpLimits          idle, slow and oversized HTTP clients ({@code SAHAYA_HTTP_*_TIMEOUT_SECONDS}, ...)
 * @param providers           notification providers ({@code SAHAYA_TWILIO_*}, {@code SAHAYA_FCM_*}), the public address
 *                            ({@code SAHAYA_PUBLIC_BASE_URL}) and delivery timing
 * @param apiKeys             {@code SAHAYA_API_KEYS}, {@code role:partner:key,...}: who may use the fleet,
 *                            hospital and coordinator APIs (demo mode adds the demo keys)
 * @param eta                 the travel-time model's factors ({@code SAHAYA_ETA_*})
 * @param demoCity            the demo city's size ({@code SAHAYA_DEMO_DEVICES}); used in demo mode only
 * @param gridAccess          the member port's only address and the cluster secret
 *                            ({@code SAHAYA_MEMBER_ADDRESS}, {@code SAHAYA_CLUSTER_SECRET[_FILE]})
 * @param management          where metrics and health listen ({@code SAHAYA_MANAGEMENT_HOST}, {@code _PORT}, {@code _TLS})
 * @param tls                 the listeners' certificate ({@code SAHAYA_TLS_CERT}, {@code SAHAYA_TLS_KEY}); none = plain
 * @param logins              people's sessions and login throttling ({@code SAHAYA_SESSION_*}, {@code SAHAYA_LOGIN_*})
 * @param masterKey           {@code SAHAYA_MASTER_KEY} or {@code SAHAYA_MASTER_KEY_FILE}: seals device secrets and
 *                            DC-09 keys; required unless demo (a demo node makes its own in the data directory)
 * @param city                the city served ({@code SAHAYA_CITY_*}): its name in each language, time zone and languages
 * @param retention           {@code SAHAYA_RETENTION_DAYS}: how long personal data of closed incidents is kept
 *                            (default 0 = kept)
 * @param acceptTimeout       {@code SAHAYA_ACCEPT_TIMEOUT_SECONDS}, default 60: how long a crew has to accept a job
 *                            before the incident goes to the next unit
 */
public record SahayaConfig(
        int httpPort,
        int mqttPort,
        int dc09Port,
        Path dataDir,
        String dbUrl,
        String dbUser,
        String dbPassword,
        DatabasePools dbPools,
        int routineInFlight,
        List<String> clusterMembers,
        int memberPort,
        String clusterName,
        EventBusSettings eventBus,
        long maxEventLoopMillis,
        boolean demo,
        Duration replayWindow,
        int maxAlertBytes,
        Map<AlertType, Duration> verificationWindows,
        Dc09Config dc09,
        MqttSettings mqtt,
        NotifyConfig notifications,
        DeviceSettings devices,
        HttpLimits httpLimits,
        ProviderConfig providers,
        List<ApiKey> apiKeys,
        EtaSettings eta,
        DemoSettings demoCity,
        GridAccess gridAccess,
        ManagementSettings management,
        TlsSettings tls,
        LoginSettings logins,
        MasterKeySettings masterKey,
        CitySettings city,
        RetentionSettings retention,
        Duration acceptTimeout) {

    /** Routine requests worked on at once by default: half the default main pool. */
    private static final int ROUTINE_IN_FLIGHT = 8;

    /** Default verification windows: emergencies dispatch at once; ambiguous sensor alarms wait a little. */
    private static final Map<AlertType, Integer> DEFAULT_VERIFY_SECONDS = Map.of(
            AlertType.INACTIVITY, 60);

    public static SahayaConfig from(Settings s, boolean demo) {
        Path dataDir = Path.of(s.get("SAHAYA_DATA_DIR", "./data"));
        String defaultDb = "jdbc:h2:file:" + dataDir.toAbsolutePath().normalize().resolve("sahaya");
        Map<AlertType, Duration> windows = new EnumMap<>(AlertType.class);
        for (AlertType t : AlertType.values()) {
            long seconds = s.getLong("SAHAYA_VERIFY_" + t.name() + "_SECONDS", DEFAULT_VERIFY_SECONDS.getOrDefault(t, 0));
            if (seconds < 0) {
                throw new ConfigException("SAHAYA_VERIFY_" + t.name() + "_SECONDS", "must not be negative");
            }
            windows.put(t, Duration.ofSeconds(seconds));
        }
        DatabasePools pools = DatabasePools.from(s);
        List<String> members = s.get("SAHAYA_CLUSTER_MEMBERS").map(v -> List.of(v.split("\\s*,\\s*"))).orElse(List.of());
        TlsSettings tls = TlsSettings.from(s);
        return new SahayaConfig(
                s.getPort("SAHAYA_HTTP_PORT", 8080),
                s.getPort("SAHAYA_MQTT_PORT", 1884),
                s.getPort("SAHAYA_DC09_PORT", 5090),
                dataDir,
                s.get("SAHAYA_DB_URL", defaultDb),
                s.get("SAHAYA_DB_USER").orElse(null),
                s.get("SAHAYA_DB_PASSWORD").orElse(null),
                pools,
                routineInFlight(s, pools),
                members,
                s.getPort("SAHAYA_MEMBER_PORT", 5701),
                s.get("SAHAYA_CLUSTER_NAME", "sahaya"),
                EventBusSettings.from(s),
                s.getLong("SAHAYA_MAX_EVENT_LOOP_MS", 2000),
                demo,
                Duration.ofSeconds(s.getLong("SAHAYA_REPLAY_WINDOW_SECONDS", 300)),
                s.getInt("SAHAYA_MAX_ALERT_BYTES", 16 * 1024),
                Map.copyOf(windows),
                Dc09Config.from(s),
                MqttSettings.from(s, s.getInt("SAHAYA_MAX_ALERT_BYTES", 16 * 1024)),
                NotifyConfig.from(s, demo),
                DeviceSettings.from(s),
                HttpLimits.from(s),
                ProviderConfig.from(s, demo, s.getPort("SAHAYA_HTTP_PORT", 8080)),
                List.copyOf(ApiKey.parse(s.get("SAHAYA_API_KEYS").orElse(null))),
                EtaSettings.from(s),
                DemoSettings.from(s),
                GridAccess.from(s, members),
                ManagementSettings.from(s, tls),
                tls,
                LoginSettings.from(s),
                MasterKeySettings.from(s),
                CitySettings.from(s),
                RetentionSettings.from(s),
                Duration.ofSeconds(s.getPositiveInt("SAHAYA_ACCEPT_TIMEOUT_SECONDS", 60)));
    }

    private static int routineInFlight(Settings s, DatabasePools pools) {
        int inFlight = s.getPositiveInt("SAHAYA_ROUTINE_IN_FLIGHT", ROUTINE_IN_FLIGHT);
        if (inFlight >= pools.main()) {
            throw new ConfigException("SAHAYA_ROUTINE_IN_FLIGHT", "must be less than SAHAYA_DB_POOL (" + pools.main()
                    + "), so that routine traffic cannot hold every connection dispatch needs; was " + inFlight
                    + (s.get("SAHAYA_ROUTINE_IN_FLIGHT").isEmpty() ? " (the default): set it lower for a pool this small" : ""));
        }
        return inFlight;
    }

    public Duration verificationWindow(AlertType type) {
        return verificationWindows.getOrDefault(type, Duration.ZERO);
    }

    /** Hides the database password from any accidental log line. */
    @Override
    public String toString() {
        return "SahayaConfig[http=" + httpPort + ", mqtt=" + mqttPort + ", dc09=" + dc09Port + ", data=" + dataDir
                + ", db=" + dbUrl.replaceAll("(?i)(password=)[^&;]*", "$1***") + ", members=" + clusterMembers + ", demo=" + demo + "]";
    }
}
