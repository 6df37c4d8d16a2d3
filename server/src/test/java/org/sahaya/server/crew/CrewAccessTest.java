package org.sahaya.server.crew;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sahaya.server.Node;
import org.sahaya.server.Staff;
import org.sahaya.server.TestNode;
import org.sahaya.server.access.people.DemoUsers;
import org.sahaya.server.web.FrontEnd;

/**
 * The crew side on a demo node, without a browser: a demo crew logs in with its password only and
 * acts for its own unit and nothing else; the crew app's files are served with their strict headers.
 */
class CrewAccessTest {

    @TempDir
    static Path dir;
    private static Node node;
    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private static String own;
    private static String other;
    private static String token;

    @BeforeAll
    static void start() throws Exception {
        node = TestNode.start(dir, true);
        JsonArray units = new JsonArray(get(Staff.supervisor(node), "/api/v1/units").body());
        own = units.getJsonObject(0).getString("id");
        other = units.getJsonObject(1).getString("id");
        token = "Bearer " + Staff.crew(node, own);
    }

    @AfterAll
    static void stop() {
        if (node != null) {
            node.close();
        }
    }

    @Test
    void aDemoCrewLogsInWithItsPasswordAloneAndIsToldItsUnit() {
        HttpResponse<String> in = Staff.attempt(node, null, DemoUsers.crewOf(own), DemoUsers.PASSWORD, null);

        assertThat(in.statusCode()).as(in.body()).isEqualTo(200);
        JsonObject session = new JsonObject(in.body());
        assertThat(session.getJsonArray("roles").getList()).containsExactly("crew");
        assertThat(session.getString("unit")).isEqualTo(own);
        assertThat(in.headers().firstValue("Set-Cookie").orElse("")).containsIgnoringCase("HttpOnly").contains("SameSite=Strict");
    }

    @Test
    void aWrongPasswordOrAUnitThatDoesNotExistIsRefusedAlike() {
        HttpResponse<String> wrong = Staff.attempt(node, null, DemoUsers.crewOf(own), "not-the-password", null);
        HttpResponse<String> ghost = Staff.attempt(node, null, "demo-crew-amb-999", DemoUsers.PASSWORD, null);

        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(ghost.statusCode()).isEqualTo(401);
        assertThat(ghost.body()).isEqualTo(wrong.body());
    }

    @Test
    void aCrewReadsItsOwnUnit() throws Exception {
        HttpResponse<String> r = get(token, "/api/v1/units/" + own);

        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(new JsonObject(r.body()).getString("id")).isEqualTo(own);
    }

    @Test
    void aCrewCannotReadOrMoveAnotherUnitNothingChangesAndTheAuditLogSaysWho() throws Exception {
        String before = get(Staff.supervisor(node), "/api/v1/units/" + other).body();

        HttpResponse<String> read = get(token, "/api/v1/units/" + other);
        HttpResponse<String> status = send(token, "PUT", "/api/v1/units/" + other + "/status",
                new JsonObject().put("status", "OUT_OF_SERVICE"));
        HttpResponse<String> position = send(token, "POST", "/api/v1/units/" + other + "/position",
                new JsonObject().put("lat", 12.9).put("lon", 77.6));
        HttpResponse<String> unknown = get(token, "/api/v1/units/AMB-999");
        HttpResponse<String> otherJob = get(token, "/api/v1/units/" + other + "/job");
        HttpResponse<String> unknownJob = get(token, "/api/v1/units/AMB-999/job");

        for (HttpResponse<String> r : List.of(read, status, position, unknown, otherJob, unknownJob)) {
            assertThat(r.statusCode()).as(r.body()).isEqualTo(403);
            assertThat(new JsonObject(r.body()).getString("type")).contains("not-your-unit");
        }
        assertThat(get(Staff.supervisor(node), "/api/v1/units/" + other).body()).isEqualTo(before);
        String crew = DemoUsers.crewOf(own);
        await().atMost(Duration.ofSeconds(10)).until(() -> node.database().<Boolean>withConnection(c -> {
            try (var ps = c.prepareStatement("SELECT 1 FROM audit_log WHERE actor = ? AND role = 'crew' AND record = ?"
                    + " AND outcome LIKE 'denied%'")) {
                ps.setString(1, crew);
                ps.setString(2, "units/" + other + "/status");
                try (var rs = ps.executeQuery()) {
                    return rs.next();
                }
            }
        }));
    }

    @Test
    void aCrewSeesNothingElse() throws Exception {
        for (String path : List.of("/api/v1/incidents", "/api/v1/units", "/api/v1/hospitals", "/api/v1/audit")) {
            assertThat(get(token, path).statusCode()).as(path).isEqualTo(403);
        }
    }

    @Test
    void theCrewAppIsServedWithAStrictPolicy() throws Exception {
        HttpResponse<String> page = get(null, "/crew/");
        HttpResponse<String> script = get(null, "/crew/app.js");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(page.headers().firstValue("Content-Security-Policy")).contains(FrontEnd.CONTENT_SECURITY_POLICY);
        assertThat(page.headers().firstValue("Cache-Control")).contains("no-cache");
        assertThat(page.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(page.body()).contains("<script type=\"module\" src=\"app.js\"></script>")
                .doesNotContainPattern("<script>|<script type=\"module\">| on[a-z]+=\"|style=\"");
        assertThat(script.statusCode()).isEqualTo(200);
        assertThat(script.headers().firstValue("Content-Type").orElse("")).contains("javascript");
    }

    @Test
    void theCrewPathWithoutItsSlashIsRedirectedAndAMissingFileIsAProblem() throws Exception {
        HttpResponse<String> bare = get(null, "/crew");
        HttpResponse<String> missing = get(null, "/crew/nothing-here.js");

        assertThat(bare.statusCode()).isEqualTo(308);
        assertThat(bare.headers().firstValue("Location")).contains("/crew/");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(get(null, "/health/live").statusCode()).as("the API's own 404 still answers").isEqualTo(404);
    }

    private static HttpResponse<String> get(String auth, String path) throws Exception {
        return send(auth, "GET", path, null);
    }

    private static HttpResponse<String> send(String auth, String method, String path, JsonObject body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + node.httpPort() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body.encode()));
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        if (auth != null) {
            b.header("Authorization", auth);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
