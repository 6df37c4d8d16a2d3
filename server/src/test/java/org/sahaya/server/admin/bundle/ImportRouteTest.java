package org.sahaya.server.admin.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sahaya.server.Node;
import org.sahaya.server.Staff;
import org.sahaya.server.TestNode;

/** {@code POST /api/v1/imports} on a real demo node: an admin's bundle, its report, its own body limit. */
class ImportRouteTest {

    @TempDir
    static Path dir;
    private static Node node;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        node = TestNode.start(dir, true);
    }

    @AfterAll
    static void stop() {
        if (node != null) {
            node.close();
        }
    }

    private static HttpResponse<String> post(String user, String body, String type) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + node.httpPort()
                + "/api/v1/imports")).header("Content-Type", type).POST(HttpRequest.BodyPublishers.ofString(body));
        if (user != null) {
            request.header("Authorization", "Bearer " + Staff.login(node, user));
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void anAdminsBundleIsAnsweredWithItsReportNeverToBeStored() throws Exception {
        // bigger than the node's body limit for everything else (SAHAYA_MAX_ALERT_BYTES, 16 KiB)
        String big = "{\"format\": \"sahaya-city/1\", \"city\": {\"notes\": \"" + "x".repeat(200_000) + "\"}}";

        HttpResponse<String> written = post("demo-admin", big, "application/json");

        assertThat(written.statusCode()).as(written.body()).isEqualTo(200);
        assertThat(written.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(new JsonObject(written.body()).getBoolean("written")).isTrue();
    }

    @Test
    void aRefusedBundleIsAProblemListingEveryRefusalWithItsLine() throws Exception {
        HttpResponse<String> refused = post("demo-admin", "{\n\"format\": \"sahaya-city/1\",\n\"people\": [{}]\n}",
                "application/json");

        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonObject problem = new JsonObject(refused.body());
        assertThat(problem.getString("type")).isEqualTo("urn:sahaya:problem:import-refused");
        assertThat(problem.getBoolean("written")).isFalse();
        JsonObject first = problem.getJsonArray("refusals").getJsonObject(0);
        assertThat(first.getInteger("line")).isEqualTo(3);
        assertThat(first.getString("section")).isEqualTo("people");
    }

    @Test
    void theCommandLineSendsABundleToARunningNode() throws Exception {
        java.io.ByteArrayOutputStream printed = new java.io.ByteArrayOutputStream();
        java.io.PrintStream out = new java.io.PrintStream(printed, true, java.nio.charset.StandardCharsets.UTF_8);
        Path good = java.nio.file.Files.writeString(dir.resolve("empty-city.json"), "{\"format\": \"sahaya-city/1\"}");
        Path bad = java.nio.file.Files.writeString(dir.resolve("bad-city.json"), "{\n\"format\": \"sahaya-city/1\",\n\"people\": []\n}");
        String[] options = {"--node", "http://127.0.0.1:" + node.httpPort(), "--token", Staff.login(node, "demo-admin")};

        assertThat(ImportCommand.run(concat(good.toString(), options), java.util.Map.of(), out)).as(printed.toString()).isZero();
        assertThat(ImportCommand.run(concat(bad.toString(), options), java.util.Map.of(), out)).isEqualTo(1);
        assertThat(printed.toString()).contains("written in one transaction", "line 3 people: is not a section");
    }

    private static String[] concat(String first, String[] rest) {
        String[] all = new String[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }

    @Test
    void madeUpCredentialsCannotMakeTheNodeHoldMoreThanTwoBigBodies() throws Exception {
        String head = "POST /api/v1/imports HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer made-up\r\n"
                + "Content-Type: application/json\r\nContent-Length: 1000000\r\n\r\n{";
        try (java.net.Socket one = new java.net.Socket("127.0.0.1", node.httpPort());
             java.net.Socket two = new java.net.Socket("127.0.0.1", node.httpPort())) {
            one.getOutputStream().write(head.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            two.getOutputStream().write(head.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            HttpRequest third = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + node.httpPort() + "/api/v1/imports"))
                    .header("Content-Type", "application/json").header("Authorization", "Bearer made-up")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"format\": \"sahaya-city/1\"}")).build();
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(8))
                    .until(() -> HTTP.send(third, HttpResponse.BodyHandlers.ofString()).statusCode() == 503);
        }
        // the two bodies never came; once their connections are gone, the gate answers again
        HttpRequest later = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + node.httpPort() + "/api/v1/imports"))
                .header("Content-Type", "application/json").header("Authorization", "Bearer made-up")
                .POST(HttpRequest.BodyPublishers.ofString("{\"format\": \"sahaya-city/1\"}")).build();
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(15))
                .until(() -> HTTP.send(later, HttpResponse.BodyHandlers.ofString()).statusCode() == 401);
    }

    @Test
    void onlyAnAdminImportsAndAStrangerNeverGetsTheBigLimit() throws Exception {
        String small = "{\"format\": \"sahaya-city/1\"}";
        assertThat(post("demo-coordinator", small, "application/json").statusCode()).isEqualTo(403);
        assertThat(post(null, small, "application/json").statusCode()).isEqualTo(401);
        assertThat(post(null, "{\"city\": \"" + "x".repeat(100_000) + "\"}", "application/json").statusCode())
                .isEqualTo(413);
        assertThat(post("demo-admin", small, "text/csv").statusCode()).isEqualTo(415);
    }
}
