package org.sahaya.server.admin.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sahaya.notify.channel.sandbox.SandboxInbox;
import org.sahaya.server.DeviceClient;
import org.sahaya.server.Node;
import org.sahaya.server.Staff;
import org.sahaya.server.TestNode;
import org.sahaya.server.access.Role;
import org.sahaya.server.admin.city.CityRecordsApiTest;
import org.sahaya.server.gateway.dc09.Dc09Transmitter;

/**
 * Issue 15's first "done when", wholly through the API: on a node started without the demo (nothing in
 * it), an admin puts in a fleet, a hospital with beds, a service area and a unit in it, then a
 * subscriber with a contact, a device and a DC-09 account for that device. The subscriber then raises
 * an alert over HTTP, over MQTT and over DC-09 (a real TCP panel); each is dispatched to that unit and
 * that hospital and told to that contact (sandbox channel), and closed by a coordinator before the next.
 */
class OwnCityEndToEndTest {

    private static final String KEY = "OWN-CITY-KEY-016";
    private static final String PHONE = "+919812300001";
    private static final double LAT = 12.971;
    private static final double LON = 77.594;

    @TempDir
    static Path data;
    static Node node;
    static AdminClient admin;

    @BeforeAll
    static void start() throws Exception {
        node = Node.start(TestNode.config(data, false, Map.of()), Clock.systemUTC());
        admin = new AdminClient(node);
        assertThat(node.grid().units().size()).as("an empty node").isZero();
        assertThat(node.grid().hospitals().size()).isZero();
        created(admin.call("POST", "/api/v1/partners", new JsonObject().put("id", "FLEET-OWN").put("kind", "FLEET")
                .put("name", "Synthetic Ambulances")));
        created(admin.call("POST", "/api/v1/hospitals", new JsonObject().put("id", "H-OWN-1").put("name", "Synthetic General")
                .put("position", new JsonObject().put("lat", 12.972).put("lon", 77.596)).put("phone", "+91 80 0000 0000")
                .put("beds", new JsonObject().put("ER", new JsonObject().put("capacity", 4))
                        .put("ICU", new JsonObject().put("capacity", 2)))
                .put("capabilities", new JsonArray().add("TRAUMA"))));
        created(admin.call("PUT", "/api/v1/service-areas/own-centre", CityRecordsApiTest.square(LAT, LON, 0.05)));
        created(admin.call("POST", "/api/v1/fleets/FLEET-OWN/units", new JsonObject().put("id", "U-OWN-1")
                .put("callSign", "OWN-1").put("level", "ALS").put("station", "Synthetic Station").put("serviceArea", "own-centre")
                .put("position", new JsonObject().put("lat", 12.976).put("lon", 77.59))));
        await().atMost(Duration.ofSeconds(10)).until(() -> node.fleet().unit("U-OWN-1").isPresent()
                && node.areas().areaOf("U-OWN-1").isPresent());
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    @Test
    void aSubscriberPutInThroughTheApiRaisesAlertsOverHttpMqttAndDc09DispatchedToTheApiUnitAndHospitalAndToldToTheContact()
            throws Exception {
        String secret = enrol("OWN-S1", "hub-own-1");
        created(admin.call("POST", "/api/v1/dc09-accounts", new JsonObject().put("account", "7B01")
                .put("deviceId", "hub-own-1").put("key", KEY)));

        HttpResponse<String> sent = admin.alert("hub-own-1", secret, DeviceClient.alert("own-http", "hub-own-1", "FALL"),
                Clock.systemUTC());
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(202);
        String overHttp = new JsonObject(sent.body()).getString("incidentId");
        dispatchedToldAndClosed(overHttp);
        String contact = PeopleApiTest.column(node, "SELECT id FROM contacts WHERE phone = '" + PHONE + "'");
        assertThat(admin.call("DELETE", "/api/v1/contacts/" + contact, null).statusCode())
                .as("a contact a message went to stays").isEqualTo(409);

        MqttAsyncClient device = AdminClient.mqtt(node, "hub-own-1", secret);
        try {
            AdminClient.publishAlert(device, "hub-own-1", DeviceClient.alert("own-mqtt", "hub-own-1", "FALL"));
        } finally {
            AdminClient.close(device);
        }
        dispatchedToldAndClosed(incidentOf("own-mqtt"));

        try (Dc09Transmitter panel = new Dc09Transmitter(node.dc09Port())) {
            assertThat(panel.send(Dc09Transmitter.encrypted("SIA-DCS", "0001", "7B01", "Nri1/MA01", Instant.now(), KEY)))
                    .startsWith("\"*ACK\"0001L0#7B01[");
        }
        String overDc09 = await().atMost(Duration.ofSeconds(20)).until(() -> PeopleApiTest.column(node,
                "SELECT incident_id FROM alerts WHERE device_id = 'hub-own-1' AND incident_id NOT IN ('" + overHttp
                        + "', '" + incidentOf("own-mqtt") + "')"), id -> id != null);
        dispatchedToldAndClosed(overDc09);
    }

    /** Puts in a subscriber at home in the service area, their son and a device; answers the device's secret. */
    private static String enrol(String subscriberId, String deviceId) {
        created(admin.call("POST", "/api/v1/subscribers", PeopleApiTest.subscriber(subscriberId, "Synthetic")
                .put("home", new JsonObject().put("lat", LAT).put("lon", LON))));
        created(admin.call("POST", "/api/v1/subscribers/" + subscriberId + "/contacts", ContactsAndDevicesTest.contact(PHONE, 1)));
        return ContactsAndDevicesTest.newDevice(admin, subscriberId, deviceId).getString("secret");
    }

    private static String incidentOf(String alertId) {
        return await().atMost(Duration.ofSeconds(20)).until(() -> PeopleApiTest.column(node,
                "SELECT incident_id FROM alerts WHERE device_id = 'hub-own-1' AND alert_id = '" + alertId + "'"),
                id -> id != null);
    }

    /**
     * The incident gets the API's unit and hospital, a message to the contact is sent (and in the sandbox
     * inbox), then a coordinator closes it and the unit is free again for the next alert.
     */
    private static void dispatchedToldAndClosed(String incidentId) {
        DeviceClient reader = new DeviceClient(node);
        JsonObject incident = await().atMost(Duration.ofSeconds(30)).until(() -> reader.incident(incidentId),
                i -> "DISPATCHED".equals(i.getString("state")) && i.getJsonObject("unit") != null
                        && i.getJsonObject("hospital") != null);
        assertThat(incident.getJsonObject("unit").getString("id")).isEqualTo("U-OWN-1");
        assertThat(incident.getJsonObject("hospital").getString("id")).isEqualTo("H-OWN-1");
        await().atMost(Duration.ofSeconds(30)).until(() -> PeopleApiTest.column(node, "SELECT COUNT(*) FROM notifications n"
                + " JOIN contacts k ON k.id = n.contact_id JOIN sandbox_messages s ON s.notification_id = n.id"
                + " WHERE n.incident_id = '" + incidentId + "' AND k.phone = '" + PHONE + "' AND s.recipient = '" + PHONE
                + "' AND n.status = 'SENT'"), count -> !"0".equals(count));
        assertThat(new SandboxInbox(node.database()).latest(50, PHONE)).isNotEmpty();
        HttpResponse<String> closed = admin.call("POST", "/api/v1/incidents/" + incidentId + "/close",
                new JsonObject().put("reason", "synthetic test incident"),
                "Bearer " + Staff.createAndLogin(node, "own-coordinator", Role.COORDINATOR));
        assertThat(closed.statusCode()).as(closed.body()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(10)).until(() -> node.fleet().unit("U-OWN-1").orElseThrow().isAvailable());
    }

    private static void created(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    }
}
