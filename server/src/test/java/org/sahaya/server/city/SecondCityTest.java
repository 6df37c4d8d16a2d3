package org.sahaya.server.city;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sahaya.core.config.CitySettings;
import org.sahaya.core.fleet.Unit;
import org.sahaya.core.hospital.Hospital;
import org.sahaya.core.persistence.DirectoryRepository;
import org.sahaya.server.DeviceClient;
import org.sahaya.server.Node;
import org.sahaya.server.TestNode;
import org.sahaya.server.demo.DemoCity;
import org.sahaya.server.demo.DemoCityData;
import org.sahaya.server.demo.DemoPlaces;

/**
 * A node configured for Pune, seeded with a demo-sized Pune, runs the whole path: an alert is dispatched
 * to a Pune ambulance and a Pune hospital, and the family is told in their languages that it happened in
 * Pune (never Bengaluru), at Pune's time, or at the subscriber's own zone's time when they have one.
 */
class SecondCityTest {

    private static final DemoCityData PUNE = DemoCity.generate(DemoCity.DEFAULT_SEED, DemoPlaces.pune());
    private static final Map<String, String> NAMES = Map.of("mr", "पुणे", "hi", "पुणे", "kn", "ಪುಣೆ", "ta", "புனே");
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm");

    @TempDir
    static Path data;
    static Node node;
    static DeviceClient client;

    @BeforeAll
    static void start() throws Exception {
        node = TestNode.startWithCity(data, PUNE, Map.of(
                "SAHAYA_CITY_NAME", "Pune",
                "SAHAYA_CITY_NAME_MR", NAMES.get("mr"),
                "SAHAYA_CITY_NAME_HI", NAMES.get("hi"),
                "SAHAYA_CITY_NAME_KN", NAMES.get("kn"),
                "SAHAYA_CITY_NAME_TA", NAMES.get("ta"),
                "SAHAYA_CITY_LANGUAGE", "mr",
                "SAHAYA_CITY_COORDINATOR_LANGUAGES", "mr,hi,en",
                "SAHAYA_ETA_CENTRE", "18.5204,73.8567"));
        client = new DeviceClient(node);
        // One reader per family whose clock the test can read back: a son in London writing British English.
        inLondon("S-0001");
        inLondon("S-0002");
        // S-0002 lives by Dubai's clock, not the city's.
        node.database().withConnection(c -> {
            try (var ps = c.prepareStatement("UPDATE subscribers SET time_zone = 'Asia/Dubai' WHERE id = 'S-0002'")) {
                return ps.executeUpdate();
            }
        });
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    @Test
    void aFallInPuneIsDispatchedFromPuneAndToldInPunesNameAndTime() {
        JsonObject incident = raise("demo-0001", "pune-fall-1");

        assertThat(incident.getString("state")).isEqualTo("DISPATCHED");
        JsonObject unit = incident.getJsonObject("unit");
        assertThat(unit.getString("callSign")).startsWith("MH-");
        assertThat(PUNE.units().stream().map(Unit::id)).contains(unit.getString("id"));
        assertThat(PUNE.hospitals().stream().map(Hospital::name)).contains(incident.getJsonObject("hospital").getString("name"));
        assertThat(DemoPlaces.pune().insideCity(new org.sahaya.core.Coordinates(
                incident.getJsonObject("location").getDouble("lat"), incident.getJsonObject("location").getDouble("lon"))))
                .isTrue();

        JsonArray notifications = incident.getJsonArray("notifications");
        assertThat(notifications).isNotEmpty();
        for (Object o : notifications) {
            JsonObject n = (JsonObject) o;
            String text = n.getString("text");
            assertThat(text).as(n.getString("language")).contains(NAMES.getOrDefault(n.getString("language"), "Pune"));
            assertThat(text).doesNotContain(CitySettings.BENGALURU_NAMES.values().toArray(String[]::new));
        }
        assertThat(londonText(incident)).contains("your time (" + at(incident, "Asia/Kolkata") + " Pune)");
    }

    @Test
    void aSubscribersOwnZoneIsTheClockTheFamilyIsShown() {
        JsonObject incident = raise("demo-0002", "pune-sos-2");

        String dubai = at(incident, "Asia/Dubai");
        assertThat(dubai).isNotEqualTo(at(incident, "Asia/Kolkata"));
        assertThat(londonText(incident)).contains("your time (" + dubai + " Pune)");
    }

    @Test
    void theConsoleReadsTheCityFromTheNode() {
        JsonObject city = new JsonObject(client.get("/api/v1/city").body());

        assertThat(city.getString("name")).isEqualTo("Pune");
        assertThat(city.getJsonObject("names").getMap()).isEqualTo(Map.copyOf(NAMES));
        assertThat(city.getString("timeZone")).isEqualTo("Asia/Kolkata");
        assertThat(city.getString("language")).isEqualTo("mr");
        assertThat(city.getJsonArray("coordinatorLanguages").getList()).isEqualTo(List.of("mr", "hi", "en"));
        assertThat(new DeviceClient(node.httpPort()).get("/api/v1/city").statusCode()).isEqualTo(401);
    }

    private static JsonObject raise(String deviceId, String alertId) {
        var answer = client.send(deviceId, DeviceClient.alert(alertId, deviceId, "FALL").encode());
        assertThat(answer.statusCode()).isEqualTo(202);
        String id = new JsonObject(answer.body()).getString("incidentId");
        return await().atMost(Duration.ofSeconds(20)).until(() -> client.incident(id), i ->
                "DISPATCHED".equals(i.getString("state"))
                        && !i.getJsonArray("notifications").isEmpty()
                        && i.getJsonArray("notifications").stream()
                        .noneMatch(n -> "PENDING".equals(((JsonObject) n).getString("status"))));
    }

    /** The message to the family's first contact, set to British English in London. */
    private static String londonText(JsonObject incident) {
        return incident.getJsonArray("notifications").stream().map(o -> (JsonObject) o)
                .filter(n -> n.getString("contactId").equals(firstContact(incident.getJsonObject("subscriber").getString("id"))))
                .filter(n -> n.getString("channel").equals("SMS"))
                .map(n -> n.getString("text")).findFirst().orElseThrow();
    }

    private static String at(JsonObject incident, String zone) {
        return CLOCK.format(Instant.parse(incident.getString("openedAt")).atZone(ZoneId.of(zone)));
    }

    private static String firstContact(String subscriberId) {
        return node.database().withConnection(c -> new DirectoryRepository().contacts(c, subscriberId)).getFirst().id();
    }

    private static void inLondon(String subscriberId) {
        String contactId = firstContact(subscriberId);
        node.database().withConnection(c -> {
            try (var ps = c.prepareStatement(
                    "UPDATE contacts SET language = 'en-GB', time_zone = 'Europe/London' WHERE id = ?")) {
                ps.setString(1, contactId);
                return ps.executeUpdate();
            }
        });
    }
}
