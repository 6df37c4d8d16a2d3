package org.sahaya.server.http;

import org.sahaya.core.subscriber.DeviceSignature;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sahaya.core.persistence.AlertRepository;
import org.sahaya.core.persistence.IncidentRepository;
import org.sahaya.server.DeviceClient;
import org.sahaya.server.Node;
import org.sahaya.server.TestNode;
import org.sahaya.server.http.contract.Problem;

/** Every kind of bad alert request gets its own status and problem body, and changes nothing. */
class BadAlertRequestsTest {

    @TempDir
    static Path data;
    static Node node;
    static DeviceClient client;
    long alertsBefore;
    int incidentsBefore;

    @BeforeAll
    static void start() throws Exception {
        node = TestNode.start(data, true);
        client = new DeviceClient(node);
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    @BeforeEach
    void count() {
        alertsBefore = alerts();
        incidentsBefore = incidents();
    }

    @AfterEach
    void nothingChanged() {
        assertThat(alerts()).as("alerts stored").isEqualTo(alertsBefore);
        assertThat(incidents()).as("incidents").isEqualTo(incidentsBefore);
    }

    private static String fall(String alertId) {
        return DeviceClient.alert(alertId, "demo-0010", "FALL").encode();
    }

    @Test
    void unsignedRequestIsRefusedNamingTheMissingHeader() {
        HttpResponse<String> r = client.send("demo-0010", null, null, fall("u-1"));

        assertProblem(r, 401, "signature-missing", "X-Timestamp");
    }

    @Test
    void badlySignedRequestIsRefused() {
        String ts = Long.toString(Instant.now().toEpochMilli());
        String forged = DeviceSignature.sign("not-the-secret", ts, DeviceClient.bytes(fall("b-1")));

        assertProblem(client.send("demo-0010", ts, forged, fall("b-1")), 401, "signature-invalid", "X-Signature");
    }

    @Test
    void signatureOverADifferentBodyIsRefused() {
        String ts = Long.toString(Instant.now().toEpochMilli());
        String signedOther = DeviceSignature.sign("demo-secret-0010", ts, DeviceClient.bytes(fall("b-2")));

        assertProblem(client.send("demo-0010", ts, signedOther, fall("b-3")), 401, "signature-invalid", "X-Signature");
    }

    @Test
    void expiredTimestampIsRefusedEvenWhenCorrectlySigned() {
        String ts = Long.toString(Instant.now().minusSeconds(3600).toEpochMilli());
        String sig = DeviceSignature.sign("demo-secret-0010", ts, DeviceClient.bytes(fall("e-1")));

        assertProblem(client.send("demo-0010", ts, sig, fall("e-1")), 401, "timestamp-outside-window", "X-Timestamp");
    }

    @Test
    void unknownDeviceIsAnsweredExactlyAsABadSignature() {
        String body = DeviceClient.alert("x-1", "demo-9999", "FALL").encode();
        String ts = Long.toString(Instant.now().toEpochMilli());
        String sig = DeviceSignature.sign("demo-secret-9999", ts, DeviceClient.bytes(body));
        String forged = DeviceSignature.sign("not-the-secret", ts, DeviceClient.bytes(fall("x-2")));

        HttpResponse<String> unknown = client.send("demo-9999", ts, sig, body);
        HttpResponse<String> badSignature = client.send("demo-0010", ts, forged, fall("x-2"));

        assertProblem(unknown, 401, "signature-invalid", "X-Signature");
        assertThat(unknown.statusCode()).isEqualTo(badSignature.statusCode());
        assertThat(new JsonObject(unknown.body())).isEqualTo(new JsonObject(badSignature.body()));
    }

    @Test
    void aKeyWrittenTwiceIsRefusedNamingTheKeyBeforeTheContractKeepsOneOfThem() {
        String twice = fall("d-1").replace("\"type\":\"FALL\"", "\"type\":\"FALL\",\"type\":\"TEST\"");
        assertThat(twice).contains("\"type\":\"FALL\",\"type\":\"TEST\"");

        assertProblem(client.send("demo-0010", twice), 400, "duplicate-key", "type");
    }

    @Test
    void aNestedKeyWrittenTwiceIsRefusedNamingItsPlace() {
        String twice = fall("d-2").replace("\"type\":\"FALL\"",
                "\"type\":\"FALL\",\"location\":{\"lat\":12.9,\"lat\":13.0,\"lon\":77.6}");

        assertProblem(client.send("demo-0010", twice), 400, "duplicate-key", "location/lat");
    }

    @Test
    void aHeartbeatWithAKeyWrittenTwiceIsRefused() {
        assertProblem(client.heartbeat("demo-0010", "demo-0010", "{\"batteryPercent\":5,\"batteryPercent\":90}"),
                400, "duplicate-key", "batteryPercent");
    }

    @Test
    void malformedJsonIsRefused() {
        assertProblem(client.send("demo-0010", "{\"alertId\": \"m-1\", "), 400, "malformed-json", null);
    }

    @Test
    void oversizedBodyIsRefused() {
        String huge = DeviceClient.alert("big-1", "demo-0010", "FALL")
                .put("vitals", new JsonObject().put("padding", "x".repeat(64 * 1024))).encode();

        HttpResponse<String> r = client.send("demo-0010", huge);

        assertThat(r.statusCode()).isEqualTo(413);
        assertThat(r.headers().firstValue("Content-Type")).contains(Problem.CONTENT_TYPE);
        assertThat(new JsonObject(r.body()).getString("type")).endsWith("payload-too-large");
    }

    @Test
    void unknownAlertTypeIsRefusedNamingTheField() {
        assertProblem(client.send("demo-0010", DeviceClient.alert("t-1", "demo-0010", "EARTHQUAKE").encode()),
                422, "invalid-field", "type");
    }

    @Test
    void missingAlertIdIsRefusedNamingTheField() {
        JsonObject body = DeviceClient.alert("z", "demo-0010", "FALL");
        body.remove("alertId");

        HttpResponse<String> r = client.send("demo-0010", body.encode());

        assertThat(r.statusCode()).isEqualTo(422);
        assertThat(new JsonObject(r.body()).getString("detail")).contains("alertId");
    }

    @Test
    void impossibleCoordinatesAreRefusedNamingTheField() {
        String body = DeviceClient.alert("c-1", "demo-0010", "FALL")
                .put("location", new JsonObject().put("lat", 123.0).put("lon", 77.6)).encode();

        assertProblem(client.send("demo-0010", body), 422, "invalid-field", "location/lat");
    }

    @Test
    void unparseableOccurredAtIsRefusedNamingTheField() {
        String body = DeviceClient.alert("d-1", "demo-0010", "FALL").put("occurredAt", "yesterday at noon").encode();

        assertProblem(client.send("demo-0010", body), 422, "invalid-field", "occurredAt");
    }

    @Test
    void bodyDeviceMustBeTheSigningDevice() {
        String body = DeviceClient.alert("s-1", "demo-0011", "FALL").encode();

        assertProblem(client.send("demo-0010", body), 422, "device-mismatch", "deviceId");
    }

    @Test
    void wrongMediaTypeIsRefused() throws Exception {
        String body = fall("w-1");
        String ts = Long.toString(Instant.now().toEpochMilli());
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + node.httpPort() + "/api/v1/alerts"))
                .header("Content-Type", "text/plain")
                .header("X-Device-Id", "demo-0010").header("X-Timestamp", ts)
                .header("X-Signature", DeviceSignature.sign("demo-secret-0010", ts, DeviceClient.bytes(body)))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());

        assertProblem(r, 415, "unsupported-media-type", "Content-Type");
    }

    @Test
    void unknownIncidentAndUnknownPathAreProblemsToo() {
        assertProblem(client.get("/api/v1/incidents/INC-NOPE"), 404, "incident-not-found", "id");
        assertProblem(client.get("/api/v1/nothing-here"), 404, "not-found", null);
    }

    private static void assertProblem(HttpResponse<String> r, int status, String slug, String field) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type")).contains(Problem.CONTENT_TYPE);
        JsonObject problem = new JsonObject(r.body());
        assertThat(problem.getString("type")).isEqualTo("urn:sahaya:problem:" + slug);
        assertThat(problem.getInteger("status")).isEqualTo(status);
        assertThat(problem.getString("title")).isNotBlank();
        if (field != null) {
            assertThat(problem.getString("field")).isEqualTo(field);
        }
    }

    private static long alerts() {
        return node.database().withConnection(c -> new AlertRepository().count(c));
    }

    private static int incidents() {
        return node.database().withConnection(c -> new IncidentRepository().findByStates(c, java.util.EnumSet.noneOf(
                org.sahaya.core.incident.IncidentState.class), 100_000).size());
    }
}
