package org.sahaya.server.report.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.sahaya.core.incident.Incident;
import org.sahaya.core.incident.IncidentState;
import org.sahaya.core.persistence.IncidentRepository;
import org.sahaya.core.subscriber.DeviceSignature;
import org.sahaya.core.testing.MutableClock;
import org.sahaya.server.DeviceClient;
import org.sahaya.server.Node;
import org.sahaya.server.PartnerClient;
import org.sahaya.server.TestNode;

/**
 * Makes the sample monthly report in {@code docs/reports/sla-sample/}: a demo node (the Bengaluru demo
 * city) on a hand-moved clock through November 2026, forty signed alerts from forty demo devices over
 * the public API, each fleet's crews reporting EN_ROUTE, ON_SCENE, TRANSPORTING, AT_HOSPITAL and AVAILABLE
 * with their fleet's key after seeded, realistic delays (the clock moves, nothing sleeps), then the node
 * stopped and {@code sahaya report sla --month 2026-11} run on its database. Not part of the suite: run
 * with {@code -Dsahaya.sla.sample=DIR -Dtest=SlaSampleRun}.
 */
@EnabledIfSystemProperty(named = "sahaya.sla.sample", matches = ".+")
class SlaSampleRun {

    private static final ZoneId CITY = ZoneId.of("Asia/Kolkata");
    private static final int ALERTS = 40;

    @TempDir
    Path data;

    @Test
    void aMonthOfTheDemoCity() throws Exception {
        Random random = new Random(18);
        MutableClock clock = new MutableClock(LocalDateTime.parse("2026-11-01T08:00").atZone(CITY).toInstant());
        Node node = Node.start(TestNode.config(data, true, Map.of()), clock);
        try {
            DeviceClient devices = new DeviceClient(node.httpPort());
            PartnerClient fleets = new PartnerClient(node.httpPort());
            for (int n = 1; n <= ALERTS; n++) {
                int day = 2 + (n - 1) * 27 / ALERTS;
                clock.set(LocalDateTime.parse(String.format("2026-11-%02dT06:00", day)).atZone(CITY).toInstant()
                        .plusSeconds(random.nextInt(16 * 3600)));
                String device = String.format("demo-%04d", n);
                String type = random.nextInt(10) < 7 ? "SOS" : "FALL";
                String incidentId = alert(devices, clock, device, "sample-" + n, type);
                Incident incident = dispatched(node, clock, incidentId);
                // let the family's first messages go out at this moment of the clock
                await().atMost(Duration.ofSeconds(10)).until(() -> noPendingMessages(node, incidentId));
                String unit = incident.unitId();
                String key = PartnerClient.fleetKey(unit);
                clock.advance(Duration.ofSeconds(acceptSeconds(random)));
                status(fleets, unit, key, "EN_ROUTE");
                clock.advance(Duration.ofSeconds(240 + random.nextInt(900)));
                status(fleets, unit, key, "ON_SCENE");
                clock.advance(Duration.ofSeconds(300 + random.nextInt(600)));
                if (random.nextInt(5) > 0) {
                    status(fleets, unit, key, "TRANSPORTING");
                    clock.advance(Duration.ofSeconds(600 + random.nextInt(1200)));
                    status(fleets, unit, key, "AT_HOSPITAL");
                    clock.advance(Duration.ofSeconds(900));
                }
                status(fleets, unit, key, "AVAILABLE");
            }
        } finally {
            node.close();
        }
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        int code = SlaReportCommand.run(new String[] {"sla", "--month", "2026-11", "--out",
                System.getProperty("sahaya.sla.sample")}, Map.of("SAHAYA_DATA_DIR", data.toString()),
                new PrintStream(printed, true, StandardCharsets.UTF_8));
        System.out.println(printed.toString(StandardCharsets.UTF_8));
        assertThat(code).isZero();
    }

    /** Most crews take one to three minutes to accept; about one in ten takes longer than the target. */
    private static int acceptSeconds(Random random) {
        return random.nextInt(10) == 0 ? 300 + random.nextInt(300) : 40 + random.nextInt(150);
    }

    private static String alert(DeviceClient devices, MutableClock clock, String device, String alertId, String type) {
        String body = new JsonObject().put("alertId", alertId).put("deviceId", device).put("type", type)
                .put("occurredAt", clock.instant().toString()).encode();
        String ts = Long.toString(clock.millis());
        HttpResponse<String> r = devices.send(device, ts,
                DeviceSignature.sign(DeviceClient.demoSecret(device), ts, DeviceClient.bytes(body)), body);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
        return new JsonObject(r.body()).getString("incidentId");
    }

    /** Waits for the dispatch; a fall waits out its verification window on the clock, ten seconds a step. */
    private static Incident dispatched(Node node, MutableClock clock, String incidentId) {
        for (int step = 0; step < 60; step++) {
            Optional<Incident> i = find(node, incidentId);
            if (i.isPresent() && i.get().state() == IncidentState.DISPATCHED && i.get().unitId() != null) {
                return i.get();
            }
            try {
                return await().atMost(Duration.ofSeconds(2)).until(() -> find(node, incidentId).orElse(null),
                        x -> x != null && x.state() == IncidentState.DISPATCHED && x.unitId() != null);
            } catch (org.awaitility.core.ConditionTimeoutException e) {
                clock.advance(Duration.ofSeconds(10));
            }
        }
        throw new AssertionError(incidentId + " was not dispatched");
    }

    private static Optional<Incident> find(Node node, String incidentId) {
        return node.database().withConnection(c -> new IncidentRepository().find(c, incidentId));
    }

    private static boolean noPendingMessages(Node node, String incidentId) {
        return node.database().withConnection(c -> {
            try (var ps = c.prepareStatement("SELECT COUNT(*) FROM notifications WHERE incident_id = ? AND status = 'PENDING'"
                    + " AND (not_before IS NULL)")) {
                ps.setString(1, incidentId);
                try (var rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getInt(1) == 0 && anyMessage(c, incidentId);
                }
            }
        });
    }

    private static boolean anyMessage(java.sql.Connection c, String incidentId) throws java.sql.SQLException {
        try (var ps = c.prepareStatement("SELECT COUNT(*) FROM notifications WHERE incident_id = ?")) {
            ps.setString(1, incidentId);
            try (var rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1) > 0;
            }
        }
    }

    private static void status(PartnerClient fleets, String unit, String key, String status) {
        HttpResponse<String> r = fleets.put("/api/v1/units/" + unit + "/status", key, new JsonObject().put("status", status));
        assertThat(r.statusCode()).as("%s %s: %s", unit, status, r.body()).isLessThan(300);
    }
}
