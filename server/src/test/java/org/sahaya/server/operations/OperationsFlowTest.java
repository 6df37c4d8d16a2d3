package org.sahaya.server.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.sahaya.server.PartnerClient.coordinator;
import static org.sahaya.server.PartnerClient.fleetKey;
import static org.sahaya.server.PartnerClient.status;

import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sahaya.server.DeviceClient;
import org.sahaya.server.Node;
import org.sahaya.server.PartnerClient;
import org.sahaya.server.TestNode;
import org.sahaya.server.management.MetricsScrape;

/**
 * The operations meters on a real node, read from its {@code /metrics}: with one ambulance on duty, a second
 * emergency waits in the queue (the queue gauges see it), the crew accepts and arrives (acceptance and
 * on-scene times), and when the first incident closes the waiting one is dispatched (its queue wait, and both
 * counted for the dispatch service level).
 */
class OperationsFlowTest {

    @TempDir
    static Path data;
    static Node node;
    static DeviceClient devices;
    static PartnerClient partners;
    static DeviceClient operator;
    static String onDuty;

    @BeforeAll
    static void start() throws Exception {
        node = TestNode.start(data, true);
        devices = new DeviceClient(node);
        partners = new PartnerClient(node);
        operator = new DeviceClient(node.managementPort());
        for (int n = 1; n <= 44; n++) {
            String id = String.format("AMB-%03d", n);
            if (onDuty == null && "ALS".equals(partners.get("/api/v1/units/" + id).getString("level"))) {
                onDuty = id;
                continue;
            }
            assertThat(partners.put("/api/v1/units/" + id + "/status", fleetKey(id), status("OUT_OF_SERVICE")).statusCode())
                    .isEqualTo(200);
        }
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    @Test
    void queueAcceptanceOnSceneAndTheDispatchServiceLevel() {
        String first = alert("demo-0301");
        await().atMost(Duration.ofSeconds(10)).until(() -> "DISPATCHED".equals(devices.incident(first).getString("state")));
        String waiting = alert("demo-0302");
        await().atMost(Duration.ofSeconds(10)).until(() -> "QUEUED".equals(devices.incident(waiting).getString("state")));

        // Sampled every 10 s.
        await().atMost(Duration.ofSeconds(30)).until(() -> scrape().sum("sahaya_queue_waiting", Map.of()) == 1);
        assertThat(scrape().sum("sahaya_queue_oldest_age_seconds", Map.of())).isGreaterThanOrEqualTo(0);

        for (String report : new String[] {"EN_ROUTE", "ON_SCENE"}) {
            assertThat(partners.put("/api/v1/units/" + onDuty + "/status", fleetKey(onDuty), status(report)).statusCode())
                    .isEqualTo(200);
        }
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            MetricsScrape metrics = scrape();
            assertThat(metrics.sum("sahaya_incident_acceptance_seconds_count", Map.of())).isEqualTo(1);
            assertThat(metrics.sum("sahaya_incident_on_scene_seconds_count", Map.of())).isEqualTo(1);
        });

        assertThat(partners.post("/api/v1/incidents/" + first + "/close", coordinator(node),
                new JsonObject().put("reason", "crew finished")).statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(10)).until(() -> "DISPATCHED".equals(devices.incident(waiting).getString("state")));

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            MetricsScrape metrics = scrape();
            assertThat(metrics.sum("sahaya_incident_queue_wait_seconds_count", Map.of())).isEqualTo(1);
            assertThat(metrics.sum("sahaya_sla_dispatch_total", Map.of("outcome", "met"))).isEqualTo(2);
            assertThat(metrics.sum("sahaya_sla_dispatch_total", Map.of("outcome", "missed"))).isZero();
        });
        await().atMost(Duration.ofSeconds(30)).until(() -> scrape().sum("sahaya_queue_waiting", Map.of()) == 0);
        assertThat(scrape().sum("sahaya_queue_oldest_age_seconds", Map.of())).isZero();
    }

    private static String alert(String device) {
        return new JsonObject(devices.send(device, DeviceClient.alert("ops-" + device, device, "FALL").encode()).body())
                .getString("incidentId");
    }

    private static MetricsScrape scrape() {
        return new MetricsScrape(operator.get("/metrics").body());
    }
}
