package org.sahaya.loadtest.city;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sahaya.core.fleet.UnitStatus;
import org.sahaya.loadtest.run.Endpoint;

/**
 * The crews against a stand-in fleet API on a real socket, shaped like the v1 contract: the incident
 * list by state, and unit status reports that need the fleet key and follow {@link UnitStatus}'s
 * moves (409 otherwise). As on the node, a unit that becomes AVAILABLE takes the oldest queued incident.
 */
class CrewsTest {

    private Vertx vertx;
    private WebClient client;
    private Endpoint fleet;
    /** unit → status; incident → unit (dispatched) or null (queued), in arrival order. Touched on the server's loop. */
    private final Map<String, UnitStatus> units = new LinkedHashMap<>();
    private final Map<String, String> incidents = new LinkedHashMap<>();
    private final List<String> reports = new ArrayList<>();
    private int lists;
    /** Reports the stand-in applies but answers only after the crews' timeout. */
    private final Set<String> answeredLate = new HashSet<>();

    @BeforeEach
    void startFleetApi() throws Exception {
        units.put("AMB-001", UnitStatus.DISPATCHED);
        units.put("AMB-002", UnitStatus.DISPATCHED);
        incidents.put("I-1", "AMB-001");
        incidents.put("I-2", "AMB-002");
        incidents.put("I-3", null);
        vertx = Vertx.vertx();
        client = WebClient.create(vertx);
        fleet = new Endpoint("127.0.0.1", vertx.createHttpServer().requestHandler(request -> request.body().onSuccess(body -> {
            synchronized (this) {
                if (request.method().name().equals("GET") && request.path().equals("/api/v1/incidents")) {
                    lists++;
                    JsonArray list = new JsonArray();
                    if ("DISPATCHED".equals(request.getParam("state"))) {
                        incidents.forEach((id, unit) -> {
                            if (unit != null) {
                                list.add(new JsonObject().put("id", id).put("state", "DISPATCHED").put("unitId", unit));
                            }
                        });
                    }
                    request.response().setStatusCode(200).end(list.encode());
                    return;
                }
                String read = request.path().replaceAll("^/api/v1/units/([^/]+)$", "$1");
                if (request.method().name().equals("GET") && units.containsKey(read)) {
                    String on = incidents.entrySet().stream().filter(e -> read.equals(e.getValue())).map(Map.Entry::getKey)
                            .findFirst().orElse(null);
                    request.response().setStatusCode(200).end(new JsonObject().put("id", read)
                            .put("status", units.get(read).name()).put("incidentId", on).encode());
                    return;
                }
                String unit = request.path().replaceAll("^/api/v1/units/([^/]+)/status$", "$1");
                if (!request.method().name().equals("PUT") || !units.containsKey(unit)) {
                    request.response().setStatusCode(404).end();
                    return;
                }
                if (!DemoKeys.fleetKey(unit).equals(request.getHeader("X-Api-Key"))) {
                    request.response().setStatusCode(401).end();
                    return;
                }
                UnitStatus next = UnitStatus.valueOf(body.toJsonObject().getString("status"));
                if (!units.get(unit).canMoveTo(next)) {
                    reports.add(unit + " " + next + " refused");
                    request.response().setStatusCode(409).end();
                    return;
                }
                reports.add(unit + " " + next);
                units.put(unit, next);
                if (next == UnitStatus.AVAILABLE) {
                    incidents.values().removeIf(unit::equals);   // closed
                    incidents.entrySet().stream().filter(e -> e.getValue() == null).findFirst().ifPresent(queued -> {
                        queued.setValue(unit);
                        units.put(unit, UnitStatus.DISPATCHED);
                    });
                }
                String answer = new JsonObject().put("id", unit).put("status", units.get(unit).name()).encode();
                if (answeredLate.remove(unit + " " + next)) {
                    vertx.setTimer(3_000, t -> request.response().setStatusCode(200).end(answer));
                } else {
                    request.response().setStatusCode(200).end(answer);
                }
            }
        })).listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS).actualPort());
    }

    @AfterEach
    void stop() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void crewsWorkEveryDispatchedJobToTheEndAndAFreedUnitTakesTheQueuedIncident() {
        Crews crews = new Crews(vertx, client, client, fleet, Duration.ofMillis(400), Duration.ofSeconds(5)).start();

        await().atMost(Duration.ofSeconds(20)).until(() -> {
            synchronized (this) {
                return incidents.isEmpty() && units.values().stream().allMatch(s -> s == UnitStatus.AVAILABLE);
            }
        });
        crews.stop();

        synchronized (this) {
            assertThat(reports).noneMatch(r -> r.endsWith("refused"));
            assertThat(reports.stream().filter(r -> r.startsWith("AMB-001")))
                    .startsWith("AMB-001 EN_ROUTE", "AMB-001 ON_SCENE", "AMB-001 AVAILABLE");
            assertThat(reports).hasSize(9); // three jobs, three reports each
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> crews.answers().getOrDefault("AVAILABLE http 200", 0) == 3);
        assertThat(crews.answers()).containsEntry("jobs", 3).containsEntry("EN_ROUTE http 200", 3)
                .containsEntry("ON_SCENE http 200", 3).containsEntry("AVAILABLE http 200", 3);
    }

    @Test
    void aJobOpenAtTheEndOfOneRungIsCarriedOnInTheNextNotPlannedAgain() throws Exception {
        Crews crews = new Crews(vertx, client, client, fleet, Duration.ofSeconds(2), Duration.ofSeconds(5)).start();
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            synchronized (this) {
                return reports.containsAll(List.of("AMB-001 EN_ROUTE", "AMB-002 EN_ROUTE"));
            }
        });
        Map<String, Integer> first = crews.stop().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        int listsBefore;
        synchronized (this) {
            listsBefore = lists;
            assertThat(incidents).containsEntry("I-1", "AMB-001").containsEntry("I-2", "AMB-002"); // still open
        }

        crews.start();   // the next rung: the node still lists I-1 and I-2 as DISPATCHED
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            synchronized (this) {
                return lists > listsBefore + 1 && incidents.isEmpty()
                        && units.values().stream().allMatch(s -> s == UnitStatus.AVAILABLE);
            }
        });
        Map<String, Integer> second = crews.stop().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);

        synchronized (this) {
            assertThat(reports).noneMatch(r -> r.endsWith("refused"));
            assertThat(reports).filteredOn(r -> r.startsWith("AMB-001")).startsWith(
                    "AMB-001 EN_ROUTE", "AMB-001 ON_SCENE", "AMB-001 AVAILABLE");
            assertThat(reports).hasSize(9); // three jobs, three reports each: none reported twice
        }
        assertThat(first).containsEntry("jobs", 2);
        assertThat(second).containsEntry("jobs", 1)   // I-3, taken by the first freed unit; I-1 and I-2 carried on
                .doesNotContainKeys("EN_ROUTE http 409", "ON_SCENE http 409", "AVAILABLE http 409");
        assertThat(first.getOrDefault("EN_ROUTE http 200", 0) + second.getOrDefault("EN_ROUTE http 200", 0)).isEqualTo(3);
    }

    @Test
    void aReportAppliedWhoseAnswerNeverCameIsNotReportedAgain() {
        synchronized (this) {
            answeredLate.add("AMB-001 EN_ROUTE");
        }
        Crews crews = new Crews(vertx, client, client, fleet, Duration.ofMillis(400), Duration.ofMillis(500)).start();

        await().atMost(Duration.ofSeconds(20)).until(() -> {
            synchronized (this) {
                return incidents.isEmpty() && units.values().stream().allMatch(s -> s == UnitStatus.AVAILABLE);
            }
        });
        await().atMost(Duration.ofSeconds(10)).until(() -> crews.answers().containsKey("EN_ROUTE applied (no answer)"));
        crews.stop();

        synchronized (this) {
            assertThat(reports).noneMatch(r -> r.endsWith("refused"));
            assertThat(reports).filteredOn(r -> r.startsWith("AMB-001")).startsWith(
                    "AMB-001 EN_ROUTE", "AMB-001 ON_SCENE", "AMB-001 AVAILABLE");
            assertThat(reports).hasSize(9);
        }
        assertThat(crews.answers()).containsEntry("EN_ROUTE failed", 1).containsEntry("EN_ROUTE applied (no answer)", 1)
                .containsEntry("EN_ROUTE http 200", 2);
    }
}
