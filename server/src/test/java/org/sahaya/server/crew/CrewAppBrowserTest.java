package org.sahaya.server.crew;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.sahaya.server.DeviceClient;
import org.sahaya.server.Node;
import org.sahaya.server.Staff;
import org.sahaya.server.TestNode;
import org.sahaya.server.access.people.DemoUsers;
import org.sahaya.server.browser.Chromium;

/**
 * The crew app in real Chromium, phone-sized, on a demo node: a signed alert is dispatched, the crew
 * of the dispatched unit logs in, sees the job, accepts it (the unit is EN_ROUTE on the node), the
 * phone moves (the node gets the position), reports ON_SCENE then TRANSPORTING; a second incident's
 * crew declines with a reason and another unit gets it; another unit's crew cannot act for this one;
 * a wrong password is refused. The steps depend on each other, in order, on one node and one browser.
 */
@Tag("browser")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CrewAppBrowserTest {

    private static final Duration SOON = Duration.ofSeconds(20);
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    static Path dir;
    private static Node node;
    private static Chromium chromium;
    private static DeviceClient devices;
    private static String origin;
    private static String firstIncident;
    private static String firstUnit;
    private static String secondIncident;
    private static String secondUnit;

    @BeforeAll
    static void start() throws Exception {
        // Jobs wait for their crew longer than this test takes: a decline, not a timeout, moves the second job.
        node = Node.start(TestNode.config(dir, true, Map.of("SAHAYA_ACCEPT_TIMEOUT_SECONDS", "600")), Clock.systemUTC());
        devices = new DeviceClient(node);
        origin = "http://127.0.0.1:" + node.httpPort();
        chromium = Chromium.phone();
        chromium.allowGeolocation(origin);
        chromium.moveTo(12.9716, 77.5946);
    }

    @AfterAll
    static void stop() {
        if (chromium != null) {
            chromium.close();
        }
        if (node != null) {
            node.close();
        }
    }

    @Test
    @Order(1)
    void theCrewOfTheDispatchedUnitSeesItsJob() {
        firstIncident = raise("demo-0001", "crew-app-1", "FALL");
        firstUnit = devices.incident(firstIncident).getJsonObject("unit").getString("id");

        logIn(DemoUsers.crewOf(firstUnit), DemoUsers.PASSWORD);

        chromium.textContains(By.id("unit-id"), firstUnit);
        chromium.visible(By.id("job"));
        chromium.textContains(By.id("job-state"), "OFFERED");
        assertThat(chromium.visible(By.id("where-address")).getText()).isNotBlank();
        assertThat(chromium.visible(By.id("navigate")).getAttribute("href")).startsWith("geo:");
        assertThat(chromium.visible(By.id("patient")).getText()).isNotBlank();
        assertThat(chromium.visible(By.id("accept")).isEnabled()).isTrue();
        assertThat(((Number) chromium.script("return document.documentElement.scrollWidth")).intValue())
                .as("no sideways scrolling on a 360 px phone").isLessThanOrEqualTo(Chromium.PHONE_WIDTH);
        chromium.screenshot(Path.of("target", "screenshots", "crew-app-job.png"));
        assertThat(chromium.script("return [...document.querySelectorAll('input, textarea, select')]"
                + ".filter(e => e.labels.length === 0).map(e => e.id)")).as("controls without a label").asList().isEmpty();
        assertThat(chromium.script("return [...document.querySelectorAll('button, a')]"
                + ".filter(e => !e.textContent.trim()).map(e => e.id)")).as("buttons and links without a name").asList()
                .isEmpty();
    }

    @Test
    @Order(2)
    void acceptPutsTheUnitEnRoute() {
        chromium.clickable(By.id("accept")).click();

        await().atMost(SOON).until(() -> "EN_ROUTE".equals(unit(firstUnit).getString("status")));
        chromium.textContains(By.id("unit-status"), "EN ROUTE");
        chromium.textContains(By.id("job-state"), "ACCEPTED");
        assertThat(chromium.driver().findElement(By.id("offer")).isDisplayed()).isFalse();
    }

    @Test
    @Order(3)
    void thePhoneMovesAndTheNodeGetsItsPosition() {
        chromium.moveTo(12.9352, 77.6245);

        await().atMost(SOON).until(() -> {
            JsonObject at = unit(firstUnit).getJsonObject("position");
            return Math.abs(at.getDouble("lat") - 12.9352) < 1e-6 && Math.abs(at.getDouble("lon") - 77.6245) < 1e-6;
        });
        chromium.textContains(By.id("position"), "Position sent");
    }

    @Test
    @Order(4)
    void theStatusButtonsReportOnSceneThenTransporting() {
        assertThat(chromium.driver().findElement(By.cssSelector("[data-status=TRANSPORTING]")).isEnabled())
                .as("no TRANSPORTING straight from EN_ROUTE").isFalse();

        chromium.clickable(By.cssSelector("[data-status=ON_SCENE]")).click();
        await().atMost(SOON).until(() -> "ON_SCENE".equals(unit(firstUnit).getString("status")));
        chromium.clickable(By.cssSelector("[data-status=TRANSPORTING]")).click();
        await().atMost(SOON).until(() -> "TRANSPORTING".equals(unit(firstUnit).getString("status")));

        chromium.textContains(By.id("unit-status"), "TRANSPORTING");
        chromium.screenshot(Path.of("target", "screenshots", "crew-app-transporting.png"));
        assertThat(chromium.driver().findElement(By.cssSelector("[data-status=ON_SCENE]")).isEnabled()).isFalse();
    }

    @Test
    @Order(5)
    void aDeclinedJobGoesToAnotherUnitAndIsNotOfferedAgain() throws Exception {
        secondIncident = raise("demo-0002", "crew-app-2", "SOS");
        secondUnit = devices.incident(secondIncident).getJsonObject("unit").getString("id");
        assertThat(secondUnit).isNotEqualTo(firstUnit);
        chromium.clickable(By.id("logout")).click();
        chromium.visible(By.id("login"));
        logIn(DemoUsers.crewOf(secondUnit), DemoUsers.PASSWORD);
        chromium.textContains(By.id("job-state"), "OFFERED");

        chromium.clickable(By.id("decline-button")).click();
        chromium.textContains(By.id("message"), "reason");
        assertThat(devices.incident(secondIncident).getJsonObject("unit").getString("id")).isEqualTo(secondUnit);
        chromium.visible(By.id("decline-reason")).sendKeys("Flat tyre at the station");
        chromium.clickable(By.id("decline-button")).click();

        String next = await().atMost(SOON).until(() -> unitOf(secondIncident), u -> u != null && !u.equals(secondUnit));
        assertThat(next).isNotEqualTo(firstUnit);
        chromium.visible(By.id("no-job"));
        await().atMost(SOON).until(() -> !"DISPATCHED".equals(unit(secondUnit).getString("status")));
        assertThat(chromium.driver().findElement(By.id("job")).isDisplayed()).isFalse();
        JsonObject job = crewJob(secondUnit);
        assertThat(job == null || !"OFFERED".equals(job.getString("state"))).as("offered again: %s", job).isTrue();
    }

    @Test
    @Order(6)
    void anotherUnitsCrewCannotActForThisUnit() throws Exception {
        String stranger = "Bearer " + Staff.crew(node, secondUnit);
        JsonObject before = unit(firstUnit);
        String jobId = crewJobOf(firstUnit).getString("jobId");

        HttpResponse<String> status = call(stranger, "PUT", "/api/v1/units/" + firstUnit + "/status",
                new JsonObject().put("status", "AT_HOSPITAL"));
        HttpResponse<String> position = call(stranger, "POST", "/api/v1/units/" + firstUnit + "/position",
                new JsonObject().put("lat", 13.0).put("lon", 77.5));
        HttpResponse<String> job = call(stranger, "GET", "/api/v1/units/" + firstUnit + "/job", null);
        HttpResponse<String> decline = call(stranger, "POST", "/api/v1/jobs/" + jobId + "/decline",
                new JsonObject().put("reason", "not mine"));

        for (HttpResponse<String> r : new HttpResponse[] {status, position, job, decline}) {
            assertThat(r.statusCode()).as(r.uri() + " " + r.body()).isEqualTo(403);
        }
        JsonObject after = unit(firstUnit);
        assertThat(after.getString("status")).isEqualTo(before.getString("status"));
        assertThat(after.getJsonObject("position")).isEqualTo(before.getJsonObject("position"));
        assertThat(crewJobOf(firstUnit).getString("state")).isEqualTo("ACCEPTED");
    }

    @Test
    @Order(7)
    void aWrongPasswordIsRefusedPlainlyAndTheFormWorksByKeyboard() {
        chromium.clickable(By.id("logout")).click();
        chromium.visible(By.id("login"));

        chromium.open(origin + "/crew/");
        chromium.visible(By.id("username")).sendKeys(DemoUsers.crewOf(firstUnit), Keys.TAB, "not-the-password",
                Keys.ENTER); // by keyboard alone

        chromium.textContains(By.id("message"), "Login failed");
        assertThat(chromium.driver().findElement(By.id("work")).isDisplayed()).isFalse();
    }

    private static void logIn(String username, String password) {
        chromium.open(origin + "/crew/");
        chromium.visible(By.id("username")).clear();
        chromium.driver().findElement(By.id("username")).sendKeys(username);
        chromium.driver().findElement(By.id("password")).sendKeys(password);
        chromium.clickable(By.id("login-button")).click();
    }

    /** Sends a signed alert and answers its incident once a unit is dispatched to it. */
    private static String raise(String device, String alertId, String type) {
        HttpResponse<String> sent = devices.send(device, DeviceClient.alert(alertId, device, type).encode());
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(202);
        String incident = new JsonObject(sent.body()).getString("incidentId");
        await().atMost(SOON).until(() -> unitOf(incident) != null);
        return incident;
    }

    private static String unitOf(String incident) {
        JsonObject unit = devices.incident(incident).getJsonObject("unit");
        return unit == null ? null : unit.getString("id");
    }

    private static JsonObject unit(String id) throws Exception {
        return new JsonObject(call(Staff.supervisor(node), "GET", "/api/v1/units/" + id, null).body());
    }

    /** The unit's job as its own crew reads it; null when it has none. */
    private static JsonObject crewJob(String unitId) throws Exception {
        HttpResponse<String> r = call("Bearer " + Staff.crew(node, unitId), "GET", "/api/v1/units/" + unitId + "/job",
                null);
        return r.statusCode() == 200 && !r.body().isBlank() ? new JsonObject(r.body()) : null;
    }

    private static JsonObject crewJobOf(String unitId) throws Exception {
        JsonObject job = crewJob(unitId);
        assertThat(job).as("the job of " + unitId).isNotNull();
        return job;
    }

    private static HttpResponse<String> call(String auth, String method, String path, JsonObject body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(origin + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body.encode()))
                .header("Authorization", auth);
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
