package org.sahaya.server;

import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.sahaya.core.alert.AlertReceipt;
import org.sahaya.core.config.SahayaConfig;
import org.sahaya.core.config.Settings;
import org.sahaya.core.persistence.AlertRepository;
import org.sahaya.core.persistence.Database;
import org.sahaya.core.secret.SecretBox;
import org.sahaya.core.subscriber.Device;
import org.sahaya.server.demo.DemoCityData;
import org.sahaya.server.demo.DemoSeeder;

/** Starts a real node for a test: port 0, its own data directory, its own grid cluster name. */
public final class TestNode {

    /** The master key of test nodes not in demo mode (a demo node makes its own in its data directory). */
    public static final String MASTER_KEY = "c2FoYXlhLXRlc3QtbWFzdGVyLWtleS0zMi1ieXRlcyE=";

    private TestNode() {
    }

    /** Seals and opens with {@link #MASTER_KEY}, for tests that write devices or DC-09 accounts themselves. */
    public static SecretBox secrets() {
        return new SecretBox(java.util.Base64.getDecoder().decode(MASTER_KEY));
    }

    public static SahayaConfig config(Path dataDir, boolean demo, Map<String, String> extra) {
        Map<String, String> values = new HashMap<>(Map.of(
                "SAHAYA_HTTP_PORT", "0",
                "SAHAYA_DC09_PORT", "0",
                "SAHAYA_DATA_DIR", dataDir.toString(),
                "SAHAYA_CLUSTER_NAME", "test-" + UUID.randomUUID(),
                "SAHAYA_MEMBER_PORT", "5801",
                "SAHAYA_MAX_EVENT_LOOP_MS", "1000",
                "SAHAYA_MANAGEMENT_PORT", "0"));
        values.putIfAbsent("SAHAYA_MQTT_PORT", "0");
        // A test node's crews never answer their jobs: with the default 60 s, a test that runs longer would see its
        // units released and its incidents sent elsewhere mid-test. Tests of the accept timeout set their own.
        values.put("SAHAYA_ACCEPT_TIMEOUT_SECONDS", "3600");
        if (!demo && !extra.containsKey("SAHAYA_MASTER_KEY_FILE")) {
            values.put("SAHAYA_MASTER_KEY", MASTER_KEY);
        }
        values.putAll(extra);
        return SahayaConfig.from(Settings.of(values), demo);
    }

    public static Node start(Path dataDir, boolean demo) throws Exception {
        return Node.start(config(dataDir, demo, Map.of()), Clock.systemUTC());
    }

    /**
     * Starts a production (not demo) node on a database seeded with {@code city} first: how a test runs
     * a city other than the demo's Bengaluru ({@code DemoCity.generate(seed, DemoPlaces.pune())}) with
     * the city settings in {@code extra} ({@code SAHAYA_CITY_NAME}, ...). The devices keep their published
     * demo secrets ({@link DeviceClient#send} signs with them) but are not marked demo, so that a node not
     * in demo mode takes their alerts.
     */
    public static Node startWithCity(Path dataDir, DemoCityData city, Map<String, String> extra) throws Exception {
        SahayaConfig config = config(dataDir, false, extra);
        List<Device> production = city.devices().stream()
                .map(d -> new Device(d.id(), d.subscriberId(), d.secret(), false)).toList();
        try (Database database = Database.open(config.dbUrl(), config.dbUser(), config.dbPassword())) {
            new DemoSeeder(secrets()).seedIfEmpty(database, new DemoCityData(city.hospitals(), city.units(),
                    city.subscribers(), production, city.contacts()));
        }
        return Node.start(config, Clock.systemUTC());
    }

    /** What the node stored for a device's alert, if anything: the receipt a resend would get. */
    public static Optional<AlertReceipt> storedAlert(Node node, String deviceId, String alertId) {
        return node.database().withConnection(c -> new AlertRepository().receipt(c, deviceId, alertId));
    }
}
