package org.sahaya.loadtest.city;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sahaya.core.alert.AlertType;
import org.sahaya.loadtest.run.Endpoint;
import org.sahaya.loadtest.alerts.IncidentSample;

/**
 * The read-back against a stand-in node on a real socket that lists incidents as the v1 contract
 * does: in pages of {@code limit}, with {@code X-Next-Cursor} while more follow, and each incident's
 * view. The check is given pages of two, so every state takes several pages; what hides on a later
 * page must still be found.
 */
class InvariantCheckTest {

    private static final long SENT = 1_000L;

    private final Map<String, JsonObject> views = new LinkedHashMap<>();
    /** "STATE cursor" of every list request, in arrival order. */
    private final List<String> listed = new CopyOnWriteArrayList<>();
    private Vertx vertx;
    private WebClient client;
    private Endpoint node;

    @BeforeEach
    void startStandIn() throws Exception {
        vertx = Vertx.vertx();
        client = WebClient.create(vertx);
        node = new Endpoint("127.0.0.1", vertx.createHttpServer().requestHandler(this::answer)
                .listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS).actualPort());
    }

    @AfterEach
    void stop() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void everyIncidentOfEveryStateIsReadPageAfterPage() throws Exception {
        for (int i = 1; i <= 5; i++) {
            incident("D-" + i, "DISPATCHED", "AMB-" + (i == 5 ? 1 : i));  // D-5 on the third page shares D-1's unit
            incident("C-" + i, "CLOSED", null);
        }
        for (int i = 1; i <= 3; i++) {
            incident("Q-" + i, "QUEUED", null);
        }
        views.get("D-1").put("alerts", new JsonArray().add(alert("demo-0001", "run-1")));
        views.get("C-5").put("alerts", new JsonArray().add(alert("demo-0005", "run-5")));
        views.get("C-4").put("notifications", new JsonArray().add(message()).add(message()));

        InvariantCheck.Result r = check(2, 1_000).run(List.of(new IncidentSample.Entry(1, AlertType.FALL, "Q-3")),
                List.of(mqtt("demo-0001", "run-1"), mqtt("demo-0005", "run-5"))).toCompletionStage().toCompletableFuture()
                .get(20, TimeUnit.SECONDS);

        assertThat(r.openIncidents()).isEqualTo(8);
        assertThat(r.acknowledgedFound()).isEqualTo(1);
        assertThat(r.unitsTwice()).isEqualTo(Map.of("AMB-1", List.of("D-1", "D-5")));
        assertThat(r.pushed().found()).isEqualTo(2);
        assertThat(r.pushed().complete()).isTrue();
        assertThat(r.duplicateMessages()).containsOnlyKeys("C-4");
        assertThat(r.incidentsRead()).isEqualTo(13);
        assertThat(listed).filteredOn(l -> l.startsWith("CLOSED"))
                .containsExactlyInAnyOrder("CLOSED null", "CLOSED C-2", "CLOSED C-4");
    }

    @Test
    void aStateListedBeyondTheSafetyNetIsCutAndTheReadBackSaysItIsNotComplete() throws Exception {
        for (int i = 1; i <= 7; i++) {
            incident("C-" + i, "CLOSED", null);
        }
        views.get("C-7").put("alerts", new JsonArray().add(alert("demo-0007", "run-7")));

        InvariantCheck.Result r = check(2, 4).run(List.of(), List.of(mqtt("demo-0007", "run-7")))
                .toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);

        assertThat(listed).filteredOn(l -> l.startsWith("CLOSED")).hasSize(2);
        assertThat(r.pushed().found()).isZero();
        assertThat(r.pushed().complete()).isFalse();
        assertThat(r.holds()).as("a shortfall in what was not read is not a loss").isTrue();
    }

    private InvariantCheck check(int pageSize, int maxListed) {
        return new InvariantCheck(client, node, Duration.ofSeconds(5), pageSize, maxListed);
    }

    /** The list by state in pages (the cursor here is the last id of the page before), or one view. */
    private void answer(HttpServerRequest request) {
        String path = request.path();
        if (path.equals("/api/v1/incidents")) {
            String state = request.getParam("state");
            String cursor = request.getParam("cursor");
            listed.add(state + " " + cursor);
            List<JsonObject> all = views.values().stream().filter(v -> v.getString("state").equals(state)).toList();
            int from = 0;
            while (cursor != null && !all.get(from++).getString("id").equals(cursor)) {
                // skip to the incident after the cursor's
            }
            List<JsonObject> page = all.subList(from, Math.min(all.size(), from + Integer.parseInt(request.getParam("limit"))));
            if (from + page.size() < all.size()) {
                request.response().putHeader(InvariantCheck.NEXT_CURSOR, page.getLast().getString("id"));
            }
            JsonArray body = new JsonArray();
            page.forEach(v -> body.add(new JsonObject().put("id", v.getString("id")).put("state", state)
                    .put("unitId", v.getString("unitId"))));
            request.response().end(body.encode());
            return;
        }
        JsonObject view = views.get(path.substring("/api/v1/incidents/".length()));
        request.response().setStatusCode(view == null ? 404 : 200).end(view == null ? "" : view.encode());
    }

    private void incident(String id, String state, String unit) {
        views.put(id, new JsonObject().put("id", id).put("state", state).put("unitId", unit)
                .put("alerts", new JsonArray()).put("notifications", new JsonArray()));
    }

    private static JsonObject alert(String device, String alertId) {
        return new JsonObject().put("deviceId", device).put("alertId", alertId).put("type", "FALL")
                .put("receivedAt", "2026-11-25T01:00:00Z");
    }

    private static JsonObject message() {
        return new JsonObject().put("contactId", "K-1").put("channel", "SMS").put("step", "DISPATCHED");
    }

    private static PushedAlerts.Entry mqtt(String device, String alertId) {
        return new PushedAlerts.Entry("mqtt", device, alertId, SENT);
    }
}
