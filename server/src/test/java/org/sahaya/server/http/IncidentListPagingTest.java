package org.sahaya.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sahaya.core.Coordinates;
import org.sahaya.core.alert.AlertType;
import org.sahaya.core.incident.Incident;
import org.sahaya.core.incident.IncidentState;
import org.sahaya.core.incident.Priority;
import org.sahaya.core.incident.TriageAction;
import org.sahaya.core.persistence.DirectoryRepository;
import org.sahaya.core.persistence.IncidentRepository;
import org.sahaya.core.subscriber.Subscriber;
import org.sahaya.server.DeviceClient;
import org.sahaya.server.Node;
import org.sahaya.server.TestNode;
import org.sahaya.server.http.contract.Problem;
import org.sahaya.server.http.incident.QueryHandlers;

/**
 * {@code GET /api/v1/incidents} in pages: the body stays the array it always was, and
 * {@code X-Next-Cursor} leads through every incident of a state exactly once, in list order. Each test
 * uses a finished state (nothing on the node moves those incidents) with incidents written straight
 * into the node's database, at chosen opened_at instants.
 */
class IncidentListPagingTest {

    private static final Instant T0 = Instant.parse("2026-11-25T01:00:00.123456Z");
    private static final Coordinates JAYANAGAR = new Coordinates(12.9299, 77.5826);

    @TempDir
    static Path data;
    static Node node;
    static DeviceClient client;
    static String subscriber;

    @BeforeAll
    static void start() throws Exception {
        node = TestNode.start(data, true);
        client = new DeviceClient(node);
        subscriber = "SUB-" + UUID.randomUUID();
        node.database().inTransaction(c -> {
            new DirectoryRepository().insert(c, new Subscriber(subscriber, "Asha", JAYANAGAR, "kn", null));
            return null;
        });
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    @Test
    void followingTheNextCursorReadsEveryIncidentOfAStateOnceInOrder() {
        List<String> closed = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            closed.add(insert(IncidentState.CLOSED, T0.plusMillis(i % 3)));    // ties on opened_at, across pages
        }

        List<Integer> pageSizes = new ArrayList<>();
        List<String> read = new ArrayList<>();
        String cursor = null;
        do {
            HttpResponse<String> page = client.get("/api/v1/incidents?state=CLOSED&limit=3"
                    + (cursor == null ? "" : "&cursor=" + cursor));
            assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
            JsonArray body = new JsonArray(page.body());
            pageSizes.add(body.size());
            body.forEach(i -> read.add(((JsonObject) i).getString("id")));
            cursor = page.headers().firstValue(QueryHandlers.NEXT_CURSOR).orElse(null);
        } while (cursor != null);

        assertThat(pageSizes).containsExactly(3, 3, 1);
        assertThat(read).containsExactlyElementsOf(inListOrder(closed));
    }

    @Test
    void aPageEndingInsideIncidentsOpenedAtTheSameInstantGoesOnWithTheNextOfThem() {
        List<String> same = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            same.add(insert(IncidentState.RECORDED, T0));
        }
        List<String> ordered = inListOrder(same);

        HttpResponse<String> first = client.get("/api/v1/incidents?state=RECORDED&limit=2");
        HttpResponse<String> second = client.get("/api/v1/incidents?state=RECORDED&limit=2&cursor="
                + first.headers().firstValue(QueryHandlers.NEXT_CURSOR).orElseThrow());

        assertThat(ids(first)).containsExactlyElementsOf(ordered.subList(0, 2));
        assertThat(ids(second)).containsExactlyElementsOf(ordered.subList(2, 4));
        assertThat(second.headers().firstValue(QueryHandlers.NEXT_CURSOR)).as("last page").isEmpty();
    }

    @Test
    void aListWithoutCursorIsAnsweredAsBefore() {
        List<String> cancelled = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            cancelled.add(insert(IncidentState.CANCELLED, T0.plusSeconds(i)));
        }

        HttpResponse<String> cut = client.get("/api/v1/incidents?state=CANCELLED&limit=2");
        HttpResponse<String> whole = client.get("/api/v1/incidents?state=CANCELLED");

        assertThat(cut.statusCode()).isEqualTo(200);
        assertThat(cut.headers().firstValue("Content-Type")).contains("application/json");
        assertThat(ids(cut)).containsExactlyElementsOf(cancelled.subList(0, 2));
        assertThat(new JsonArray(cut.body()).getJsonObject(0).fieldNames())
                .contains("id", "state", "priority", "alertType", "subscriberId", "openedAt");
        assertThat(ids(whole)).containsExactlyElementsOf(cancelled);
        assertThat(whole.headers().firstValue(QueryHandlers.NEXT_CURSOR)).isEmpty();
    }

    @Test
    void aCursorThisApiDidNotGiveOutIsRefusedWithAProblemNamingIt() {
        String madeUp = Base64.getUrlEncoder().withoutPadding()
                .encodeToString("i1|yesterday|INC-1".getBytes(StandardCharsets.UTF_8));

        for (String cursor : List.of("bm90LWEtY3Vyc29y", madeUp, "%2B%2B%2B")) {
            HttpResponse<String> r = client.get("/api/v1/incidents?state=CLOSED&cursor=" + cursor);

            assertThat(r.statusCode()).as(cursor + ": " + r.body()).isEqualTo(400);
            assertThat(r.headers().firstValue("Content-Type")).contains(Problem.CONTENT_TYPE);
            assertThat(r.headers().firstValue(QueryHandlers.NEXT_CURSOR)).isEmpty();
            assertThat(new JsonObject(r.body()).getString("field")).as(cursor).isEqualTo("cursor");
        }
        JsonObject problem = new JsonObject(client.get("/api/v1/incidents?cursor=" + madeUp).body());
        assertThat(problem.getString("type")).isEqualTo("urn:sahaya:problem:invalid-cursor");
        assertThat(problem.getString("detail")).contains("X-Next-Cursor");
    }

    private static String insert(IncidentState state, Instant opened) {
        Incident i = new Incident("INC-" + UUID.randomUUID(), subscriber, AlertType.FALL, Priority.P2,
                TriageAction.DISPATCH_NOW, state, JAYANAGAR, opened, opened, null, null, null, null, null, null);
        node.database().inTransaction(c -> {
            new IncidentRepository().insert(c, i);
            return null;
        });
        return i.id();
    }

    /** The list order: opened_at, then id; here opened_at is chosen so the ids' order decides only within a tie. */
    private static List<String> inListOrder(List<String> ids) {
        return node.database().withConnection(c -> {
            IncidentRepository incidents = new IncidentRepository();
            List<Incident> rows = new ArrayList<>();
            for (String id : ids) {
                rows.add(incidents.find(c, id).orElseThrow());
            }
            return rows.stream().sorted(Comparator.comparing(Incident::openedAt).thenComparing(Incident::id))
                    .map(Incident::id).toList();
        });
    }

    private static List<String> ids(HttpResponse<String> r) {
        List<String> out = new ArrayList<>();
        new JsonArray(r.body()).forEach(i -> out.add(((JsonObject) i).getString("id")));
        return out;
    }
}
