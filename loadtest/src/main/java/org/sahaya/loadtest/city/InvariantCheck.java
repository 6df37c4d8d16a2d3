package org.sahaya.loadtest.city;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.sahaya.loadtest.Endpoint;
import org.sahaya.loadtest.alerts.IncidentSample;

/**
 * After a city run, reads the node's API and checks: every incident named in a sample of 202
 * answers exists (no acknowledged alert lost), no unit is named by two open incidents, and no
 * sampled or open incident lists the same family message twice ({@link Invariants}).
 */
public final class InvariantCheck {

    /** Per open state: {@code GET /api/v1/incidents?state=S&limit=1000} (the API's most). */
    static final int LIST_LIMIT = 1000;

    /**
     * @param acknowledgedChecked incidents of sampled 202 answers asked for
     * @param acknowledgedFound   of those, answered 200
     * @param missing             the first few that were not
     * @param openIncidents       open incidents listed (each state capped at {@value #LIST_LIMIT})
     * @param unitsTwice          unit → its open incidents, for units on more than one
     * @param incidentsRead       full incident views checked for duplicate family messages
     * @param duplicateMessages   incident → duplicated contact/channel/step keys
     * @param states              "TYPE→STATE" → sampled alerts
     */
    public record Result(int acknowledgedChecked, int acknowledgedFound, List<String> missing, int openIncidents,
                         Map<String, List<String>> unitsTwice, int incidentsRead,
                         Map<String, List<String>> duplicateMessages, Map<String, Integer> states) {

        public boolean holds() {
            return acknowledgedChecked == acknowledgedFound && unitsTwice.isEmpty() && duplicateMessages.isEmpty();
        }
    }

    private static final int SHOWN = 5;

    private final WebClient client;
    private final Endpoint node;
    private final long timeoutMillis;

    public InvariantCheck(WebClient client, Endpoint node, Duration timeout) {
        this.client = client;
        this.node = node;
        this.timeoutMillis = timeout.toMillis();
    }

    public Future<Result> run(List<IncidentSample.Entry> acknowledged) {
        List<Future<List<JsonObject>>> lists = new ArrayList<>();
        for (String state : Invariants.OPEN_STATES) {
            lists.add(list(state));
        }
        return Future.all(lists).compose(all -> {
            List<JsonObject> open = lists.stream().flatMap(f -> f.result().stream()).toList();
            Set<String> toRead = new LinkedHashSet<>();
            acknowledged.forEach(e -> toRead.add(e.incidentId()));
            open.stream().filter(i -> "DISPATCHED".equals(i.getString("state"))).forEach(i -> toRead.add(i.getString("id")));
            Map<String, Future<JsonObject>> views = new TreeMap<>();
            toRead.forEach(id -> views.put(id, view(id)));
            return Future.join(new ArrayList<>(views.values())).transform(done ->
                    Future.succeededFuture(tally(acknowledged, open, views)));
        });
    }

    private Result tally(List<IncidentSample.Entry> acknowledged, List<JsonObject> open, Map<String, Future<JsonObject>> views) {
        int found = 0;
        List<String> missing = new ArrayList<>();
        Map<String, Integer> states = new TreeMap<>();
        for (IncidentSample.Entry e : acknowledged) {
            Future<JsonObject> view = views.get(e.incidentId());
            if (view.succeeded() && view.result() != null) {
                found++;
                states.merge(e.type() + "→" + view.result().getString("state"), 1, Integer::sum);
            } else if (missing.size() < SHOWN) {
                missing.add(e.incidentId() + (view.failed() ? " (" + view.cause().getMessage() + ")" : " (404)"));
            }
        }
        Map<String, List<String>> duplicates = new TreeMap<>();
        int read = 0;
        for (Map.Entry<String, Future<JsonObject>> v : views.entrySet()) {
            if (v.getValue().succeeded() && v.getValue().result() != null) {
                read++;
                List<String> twice = Invariants.duplicateFamilyMessages(v.getValue().result());
                if (!twice.isEmpty()) {
                    duplicates.put(v.getKey(), twice);
                }
            }
        }
        return new Result(acknowledged.size(), found, missing, open.size(), Invariants.unitsOnTwoIncidents(open), read,
                duplicates, states);
    }

    private Future<List<JsonObject>> list(String state) {
        return client.get(node.port(), node.host(), "/api/v1/incidents")
                .addQueryParam("state", state).addQueryParam("limit", Integer.toString(LIST_LIMIT))
                .timeout(timeoutMillis).send()
                .compose(r -> r.statusCode() == 200
                        ? Future.succeededFuture(objects(r.bodyAsJsonArray()))
                        : Future.failedFuture("GET /api/v1/incidents?state=" + state + " answered " + r.statusCode()));
    }

    /** The incident view; null on 404. */
    private Future<JsonObject> view(String id) {
        return client.get(node.port(), node.host(), "/api/v1/incidents/" + id).timeout(timeoutMillis).send()
                .compose(r -> switch (r.statusCode()) {
                    case 200 -> Future.succeededFuture(r.bodyAsJsonObject());
                    case 404 -> Future.succeededFuture((JsonObject) null);
                    default -> Future.failedFuture("http " + r.statusCode());
                });
    }

    private static List<JsonObject> objects(JsonArray array) {
        List<JsonObject> out = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            out.add(array.getJsonObject(i));
        }
        return out;
    }
}
