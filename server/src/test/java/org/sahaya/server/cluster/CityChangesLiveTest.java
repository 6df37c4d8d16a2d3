package org.sahaya.server.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.sahaya.server.PartnerClient.coordinator;
import static org.sahaya.server.PartnerClient.status;

import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sahaya.server.DeviceClient;
import org.sahaya.server.Node;
import org.sahaya.server.PartnerClient;
import org.sahaya.server.Staff;

/**
 * Issue 15's done-when on a three-member cluster, no restart anywhere: a unit added through the API on one
 * member is dispatched for an alert raised on another; a unit removed while on a job finishes it, is then
 * gone from every member and is never dispatched again; a unit taken out of service is not dispatched, and
 * put back in service it takes the alert queued meanwhile.
 *
 * <p>The alerts come from Mysuru, about 140 km from the demo city, beyond the dispatch radius of every
 * demo ambulance: only the units added here can serve them.
 */
class CityChangesLiveTest {

    private static final JsonObject MYSURU = new JsonObject().put("lat", 12.3052).put("lon", 76.6552);

    @TempDir
    Path data;

    @Test
    void unitsAddedTakenOutOfServiceAndRemovedThroughTheApiAreDispatchedOrNotOnEveryMember() throws Exception {
        try (ThreeMembers cluster = new ThreeMembers(data, Map.of())) {
            cluster.startAll();
            Node a = cluster.node(0);
            Node b = cluster.node(1);
            Node c = cluster.node(2);

            // Added on A, dispatched for an alert raised on B.
            assertThat(addUnit(a, "MYS-1", "MY-01").statusCode()).isEqualTo(201);
            awaitSeenEverywhere(cluster, "MYS-1");
            String first = raise(b, "demo-0301", "mys-1");
            assertThat(awaitDispatched(b, first)).isEqualTo("MYS-1");

            // Removed on C while on that job: it finishes the job, then is gone everywhere.
            HttpResponse<String> removal = new PartnerClient(c).send("DELETE", "/api/v1/units/MYS-1", admin(c), null);
            assertThat(removal.statusCode()).as(removal.body()).isEqualTo(202);
            String second = raise(a, "demo-0402", "mys-2");
            awaitState(a, second, "QUEUED");
            PartnerClient crew = new PartnerClient(c);
            for (String next : new String[] {"EN_ROUTE", "ON_SCENE", "AVAILABLE"}) {
                HttpResponse<String> r = crew.put("/api/v1/units/MYS-1/status", coordinator(c), status(next));
                assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            }
            awaitState(b, first, "CLOSED");
            for (Node member : cluster.live()) {
                await().atMost(Duration.ofSeconds(10)).until(() -> member.grid().units().get("MYS-1") == null
                        && member.fleet().unit("MYS-1").isEmpty());
            }
            assertThat(new DeviceClient(a).incident(second).getString("state")).isEqualTo("QUEUED");
            close(a, second);

            // Added on B, dispatched for an alert raised on C; taken out of service on A: not dispatched.
            assertThat(addUnit(b, "MYS-2", "MY-02").statusCode()).isEqualTo(201);
            awaitSeenEverywhere(cluster, "MYS-2");
            String third = raise(c, "demo-0403", "mys-3");
            assertThat(awaitDispatched(c, third)).isEqualTo("MYS-2");
            close(c, third);
            await().atMost(Duration.ofSeconds(10)).until(() -> b.fleet().unit("MYS-2").orElseThrow().isAvailable());
            HttpResponse<String> out = new PartnerClient(a).put("/api/v1/units/MYS-2", admin(a),
                    new JsonObject().put("inService", false));
            assertThat(out.statusCode()).as(out.body()).isEqualTo(200);
            for (Node member : cluster.live()) {
                await().atMost(Duration.ofSeconds(10)).until(() -> member.fleet().unit("MYS-2")
                        .map(u -> !u.isAvailable()).orElse(false));
            }
            String fourth = raise(b, "demo-0504", "mys-4");
            awaitState(b, fourth, "QUEUED");
            assertThat(new DeviceClient(b).incident(fourth).getJsonObject("unit")).isNull();

            // Back in service on C: the queued alert goes to it at once, on the member that raised it.
            HttpResponse<String> back = new PartnerClient(c).put("/api/v1/units/MYS-2", admin(c),
                    new JsonObject().put("inService", true));
            assertThat(back.statusCode()).as(back.body()).isEqualTo(200);
            assertThat(awaitDispatched(b, fourth)).isEqualTo("MYS-2");
            close(b, fourth);

            // The removed unit was never sent again: its only job is the first one.
            assertThat(incidentsSentTo(a, "MYS-1")).containsExactly(first);
        }
    }

    /** The incidents (open or closed) that {@code unitId} was dispatched to, from the shared database. */
    private static List<String> incidentsSentTo(Node node, String unitId) {
        return node.database().withConnection(conn -> {
            try (var ps = conn.prepareStatement("SELECT id FROM incidents WHERE unit_id = ?")) {
                ps.setString(1, unitId);
                List<String> ids = new ArrayList<>();
                try (var rs = ps.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getString(1));
                    }
                }
                return ids;
            }
        });
    }

    private static String admin(Node node) {
        return "Bearer " + Staff.login(node, "demo-admin");
    }

    private static HttpResponse<String> addUnit(Node node, String id, String callSign) {
        return new PartnerClient(node).post("/api/v1/fleets/FLEET-1/units", admin(node), new JsonObject().put("id", id)
                .put("callSign", callSign).put("level", "ALS").put("station", "Mysuru").put("position", MYSURU.copy()));
    }

    private static void awaitSeenEverywhere(ThreeMembers cluster, String unitId) {
        for (Node member : cluster.live()) {
            await().atMost(Duration.ofSeconds(10)).until(() -> member.fleet().unit(unitId).isPresent());
        }
    }

    private static String raise(Node node, String deviceId, String alertId) {
        HttpResponse<String> accepted = new DeviceClient(node).send(deviceId,
                DeviceClient.alert(alertId, deviceId, "SOS").put("location", MYSURU.copy()).encode());
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        return new JsonObject(accepted.body()).getString("incidentId");
    }

    private static String awaitDispatched(Node node, String incidentId) {
        return await().atMost(Duration.ofSeconds(20)).until(() -> new DeviceClient(node).incident(incidentId),
                MemberLossTest::dispatched).getJsonObject("unit").getString("id");
    }

    private static void awaitState(Node node, String incidentId, String state) {
        await().atMost(Duration.ofSeconds(20)).until(() -> new DeviceClient(node).incident(incidentId).getString("state"),
                state::equals);
    }

    private static void close(Node node, String incidentId) {
        HttpResponse<String> closed = new PartnerClient(node).post("/api/v1/incidents/" + incidentId + "/close",
                coordinator(node), new JsonObject().put("reason", "synthetic test incident"));
        assertThat(closed.statusCode()).as(closed.body()).isEqualTo(200);
    }
}
