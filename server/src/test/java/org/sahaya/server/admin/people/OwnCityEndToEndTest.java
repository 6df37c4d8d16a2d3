package org.sahaya.server.admin.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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
import org.sahaya.core.Coordinates;
import org.sahaya.core.fleet.Unit;
import org.sahaya.core.fleet.UnitLevel;
import org.sahaya.core.fleet.UnitStatus;
import org.sahaya.core.hospital.BedKind;
import org.sahaya.core.hospital.Hospital;
import org.sahaya.core.persistence.HospitalRepository;
import org.sahaya.core.persistence.UnitRepository;
import org.sahaya.notify.channel.sandbox.SandboxInbox;
import org.sahaya.server.DeviceClient;
import org.sahaya.server.Node;
import org.sahaya.server.TestNode;

/**
 * Issue 15's first "done when", for the people side: on a node started without the demo, a subscriber,
 * a contact and a device put in through the API raise alerts over HTTP and MQTT that are dispatched
 * and told to that contact (sandbox channel). The units and the hospital are written here with the
 * repositories and the grid, as the fleet and hospital API (another part of the issue) will.
 */
class OwnCityEndToEndTest {

    @TempDir
    static Path data;
    static Node node;
    static AdminClient admin;

    @BeforeAll
    static void start() throws Exception {
        node = Node.start(TestNode.config(data, false, Map.of()), Clock.systemUTC());
        admin = new AdminClient(node);
        Instant now = Instant.now();
        Hospital hospital = new Hospital("H-OWN-1", "Synthetic General", new Coordinates(12.972, 77.596), false,
                Map.of(BedKind.ER, 4, BedKind.ICU, 4, BedKind.CARDIAC, 4, BedKind.STROKE, 4), Map.of());
        node.database().inTransaction(c -> {
            new HospitalRepository().save(c, hospital);
            for (int i = 1; i <= 2; i++) {
                new UnitRepository().save(c, unit(i, now));
            }
            return null;
        });
        node.grid().hospitals().put(hospital.id(), hospital);
        for (int i = 1; i <= 2; i++) {
            node.grid().units().put("U-OWN-" + i, unit(i, now));
        }
    }

    private static Unit unit(int n, Instant now) {
        return new Unit("U-OWN-" + n, "OWN-" + n, UnitLevel.ALS, "Synthetic Station", new Coordinates(12.975 + n / 1000.0,
                77.59), UnitStatus.AVAILABLE, null, now);
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    @Test
    void aSubscriberContactAndDevicePutInThroughTheApiRaiseAnAlertOverHttpThatIsDispatchedAndToldToTheContact() {
        String secret = enrol("OWN-S1", "hub-own-1", "+919812300001");

        HttpResponse<String> sent = admin.alert("hub-own-1", secret, DeviceClient.alert("own-1", "hub-own-1", "FALL"),
                Clock.systemUTC());

        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(202);
        dispatchedAndTold(new JsonObject(sent.body()).getString("incidentId"), "+919812300001");
        String contact = PeopleApiTest.column(node, "SELECT id FROM contacts WHERE phone = '+919812300001'");
        assertThat(admin.call("DELETE", "/api/v1/contacts/" + contact, null).statusCode()).isEqualTo(409);
    }

    @Test
    void theSameOverMqtt() throws Exception {
        String secret = enrol("OWN-S2", "hub-own-2", "+919812300002");
        MqttAsyncClient device = AdminClient.mqtt(node, "hub-own-2", secret);
        try {
            AdminClient.publishAlert(device, "hub-own-2", DeviceClient.alert("own-2", "hub-own-2", "FALL"));
        } finally {
            AdminClient.close(device);
        }
        String incident = await().atMost(Duration.ofSeconds(20)).until(() -> PeopleApiTest.column(node,
                "SELECT incident_id FROM alerts WHERE device_id = 'hub-own-2' AND alert_id = 'own-2'"), id -> id != null);
        dispatchedAndTold(incident, "+919812300002");
    }

    /** Puts in a subscriber at home in the city, their son and a device; answers the device's secret. */
    private static String enrol(String subscriberId, String deviceId, String phone) {
        HttpResponse<String> s = admin.call("POST", "/api/v1/subscribers", PeopleApiTest.subscriber(subscriberId, "Synthetic")
                .put("home", new JsonObject().put("lat", 12.971).put("lon", 77.594)).put("preferredHospitalId", "H-OWN-1"));
        assertThat(s.statusCode()).as(s.body()).isEqualTo(201);
        HttpResponse<String> k = admin.call("POST", "/api/v1/subscribers/" + subscriberId + "/contacts",
                ContactsAndDevicesTest.contact(phone, 1));
        assertThat(k.statusCode()).as(k.body()).isEqualTo(201);
        return ContactsAndDevicesTest.newDevice(admin, subscriberId, deviceId).getString("secret");
    }

    private static void dispatchedAndTold(String incidentId, String phone) {
        await().atMost(Duration.ofSeconds(30)).until(() -> PeopleApiTest.column(node,
                "SELECT unit_id FROM incidents WHERE id = '" + incidentId + "'"), unit -> unit != null && unit.startsWith("U-OWN-"));
        await().atMost(Duration.ofSeconds(30)).until(() -> !new SandboxInbox(node.database()).latest(50, phone).isEmpty());
        assertThat(PeopleApiTest.column(node, "SELECT COUNT(*) FROM notifications n JOIN contacts k ON k.id = n.contact_id"
                + " WHERE n.incident_id = '" + incidentId + "' AND k.phone = '" + phone + "' AND n.status = 'SENT'"))
                .isNotEqualTo("0");
    }
}
