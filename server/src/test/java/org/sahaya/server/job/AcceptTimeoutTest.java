package org.sahaya.server.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.sahaya.server.PartnerClient.coordinator;

import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sahaya.server.DeviceClient;
import org.sahaya.server.Node;
import org.sahaya.server.PartnerClient;
import org.sahaya.server.TestNode;

/**
 * A job nobody accepts goes to the next unit: with a 2 s accept timeout, the first unit is released and
 * the next best unit is offered the job within the timeout plus 2 s, the timeline says why, the first unit
 * is never offered the incident again, and the fleet's webhook hears the withdrawal.
 */
class AcceptTimeoutTest {

    @TempDir
    static Path data;
    static Node node;
    static DeviceClient devices;
    static PartnerClient partners;

    @BeforeAll
    static void start() throws Exception {
        node = Node.start(TestNode.config(data, true, Map.of("SAHAYA_ACCEPT_TIMEOUT_SECONDS", "2")), Clock.systemUTC());
        devices = new DeviceClient(node);
        partners = new PartnerClient(node);
        JobRows.update(node.database(), "UPDATE partners SET webhook_url = 'http://127.0.0.1:9/jobs' WHERE kind = 'FLEET'");
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    @Test
    void aJobNotAcceptedInTimeGoesToTheNextUnit() {
        JsonObject incident = JobsApiTest.dispatchedFall(devices, "demo-0301");
        String id = incident.getString("id");

        List<Map<String, Object>> jobs = await().atMost(Duration.ofSeconds(20)).until(
                () -> JobRows.jobs(node.database(), id),
                j -> j.size() >= 2 && "TIMED_OUT".equals(j.get(0).get("state")));

        Map<String, Object> expired = jobs.get(0);
        Map<String, Object> next = jobs.get(1);
        // Read from the jobs, not the incident: on a slow machine the first offer may run out before the test looks.
        String first = (String) expired.get("unit_id");
        assertThat(expired.get("end_reason")).isEqualTo("did not accept within 2 s");
        assertThat(next.get("unit_id")).isNotEqualTo(first);
        assertThat(at(next, "offered_at")).as("the next unit is offered the job within the timeout plus 2 s")
                .isBeforeOrEqualTo(at(expired, "accept_by").plusSeconds(2));
        JsonObject now = devices.incident(id);
        assertThat(JobsApiTest.messages(now)).anyMatch(m -> m.contains(" did not accept within 2 s: sending the next unit"));
        assertThat(partners.get("/api/v1/units/" + first).getString("incidentId")).isNotEqualTo(id);
        assertThat(JobRows.rows(node.database(), "SELECT unit_id FROM incident_declines WHERE incident_id = ?", id))
                .extracting(r -> r.get("unit_id")).contains(first);
        await().atMost(Duration.ofSeconds(10)).until(() -> JobRows.deliveries(node.database(), id).stream()
                .anyMatch(d -> "JOB_WITHDRAWN".equals(d.get("kind"))
                        && ((String) d.get("delivery_id")).startsWith(expired.get("id") + ":")));

        // Stop the round of offers (every unit would time out in turn): a coordinator closes the incident.
        assertThat(partners.post("/api/v1/incidents/" + id + "/close", coordinator(node),
                new JsonObject().put("reason", "test over")).statusCode()).isEqualTo(200);
        assertThat(JobRows.jobs(node.database(), id)).extracting(j -> j.get("unit_id")).filteredOn(first::equals)
                .hasSize(1);
    }

    private static OffsetDateTime at(Map<String, Object> row, String column) {
        Object v = row.get(column);
        return v instanceof OffsetDateTime t ? t : OffsetDateTime.parse(v.toString());
    }
}
