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
import org.sahaya.loadtest.run.Endpoint;
import org.sahaya.loadtest.alerts.IncidentSample;

/**
 * After a city run, reads the node's API and checks: every incident named in a sample of 202
 * answers exists (no acknowledged alert lost), no unit is named by two open incidents, and no
 * sampled or open incident lists the same family message twice ({@link Invariants}). Each state's
 * list is read whole, page after page, following the node's {@code X-Next-Cursor}.
 */
public final class InvariantCheck {

    /** Page size of {@code GET /api/v1/incidents?state=S&limit=1000} (the API's most). */
    static final int LIST_LIMIT = 1000;
    /**
     * A safety net, not a sample size: a state's list stops after this many incidents (a node that
     * never ends its list, or a run far beyond any heat wave) and the read-back says it is not complete.
     */
    static final int MAX_LISTED = 1_000_000;
    /** The node's header that carries the next page's cursor; absent on the last page. */
    static final String NEXT_CURSOR = "X-Next-Cursor";

    /**
     * @param acknowledgedChecked incidents of sampled 202 answers the node answered for (200 or 404; a read that got
     *                            no answer is listed in {@code missing} as "unread" and counted in neither)
     * @param acknowledgedFound   of those, answered 200
     * @param missing             the first few that were not
     * @param openIncidents       open incidents listed (every one, up to {@value #MAX_LISTED} per state)
     * @param unitsTwice          unit → its open incidents, for units on more than one
     * @param incidentsRead       full incident views checked for duplicate family messages
     * @param duplicateMessages   incident → duplicated contact/channel/step keys
     * @param states              "TYPE→STATE" → sampled alerts
     * @param pushed              MQTT- and DC-09-acknowledged emergencies found in incidents ({@link PushedReadback})
     */
    public record Result(int acknowledgedChecked, int acknowledgedFound, List<String> missing, int openIncidents,
                         Map<String, List<String>> unitsTwice, int incidentsRead,
                         Map<String, List<String>> duplicateMessages, Map<String, Integer> states,
                         PushedReadback.Result pushed) {

        public boolean holds() {
            return acknowledgedChecked == acknowledgedFound && unitsTwice.isEmpty() && duplicateMessages.isEmpty()
                    && pushed.holds();
        }
    }

    /**
     * The check could not be made (the node did not answer in time): nothing is claimed to hold, and the
     * reason is shown where the missing incidents would be.
     */
    public static Result unchecked(List<IncidentSample.Entry> acknowledged, List<PushedAlerts.Entry> pushed, String reason) {
        return new Result(acknowledged.size(), 0, List.of("not checked: " + reason), 0, Map.of(), 0, Map.of(), Map.of(),
                new PushedReadback.Result(pushed.size(), 0, List.of("not checked"), true));
    }

    /** Where an incident may be once it holds no unit; listed only to find MQTT and DC-09 alerts. */
    static final List<String> OTHER_STATES = List.of("RECORDED", "CANCELLED", "CLOSED");
    /** Incident views read at once (the rest wait), so none times out queued behind the others. */
    static final int READ_AT_ONCE = 100;

    private static final int SHOWN = 5;

    private final WebClient client;
    private final Endpoint node;
    private final long timeoutMillis;
    private final int pageSize;
    private final int maxListed;

    public InvariantCheck(WebClient client, Endpoint node, Duration timeout) {
        this(client, node, timeout, LIST_LIMIT, MAX_LISTED);
    }

    /** With a smaller page and safety net than the node's, for tests of the paging. */
    InvariantCheck(WebClient client, Endpoint node, Duration timeout, int pageSize, int maxListed) {
        this.client = client;
        this.node = node;
        this.timeoutMillis = timeout.toMillis();
        this.pageSize = pageSize;
        this.maxListed = maxListed;
    }

    /**
     * @param acknowledged sampled HTTP 202s with their incident ids
     * @param pushed       MQTT- and DC-09-acknowledged emergencies; when there are any, every incident of
     *                     every state is read to find them
     */
    public Future<Result> run(List<IncidentSample.Entry> acknowledged, List<PushedAlerts.Entry> pushed) {
        List<Future<Listing>> lists = new ArrayList<>();
        for (String state : Invariants.OPEN_STATES) {
            lists.add(list(state));
        }
        List<Future<Listing>> others = new ArrayList<>();
        if (!pushed.isEmpty()) {
            OTHER_STATES.forEach(state -> others.add(list(state)));
        }
        List<Future<Listing>> every = new ArrayList<>(lists);
        every.addAll(others);
        return Future.all(every).compose(all -> {
            List<JsonObject> open = lists.stream().flatMap(f -> f.result().incidents().stream()).toList();
            boolean complete = every.stream().allMatch(f -> f.result().complete());
            Set<String> toRead = new LinkedHashSet<>();
            acknowledged.forEach(e -> toRead.add(e.incidentId()));
            open.stream().filter(i -> "DISPATCHED".equals(i.getString("state"))).forEach(i -> toRead.add(i.getString("id")));
            if (!pushed.isEmpty()) {
                every.forEach(f -> f.result().incidents().forEach(i -> toRead.add(i.getString("id"))));
            }
            Map<String, Future<JsonObject>> views = new TreeMap<>();
            return readAll(new ArrayList<>(toRead), 0, views).transform(done ->
                    Future.succeededFuture(tally(acknowledged, open, views, pushed, complete)));
        });
    }

    /** Reads the views {@value #READ_AT_ONCE} at a time, from {@code from} on, into {@code views}. */
    private Future<Void> readAll(List<String> ids, int from, Map<String, Future<JsonObject>> views) {
        if (from >= ids.size()) {
            return Future.succeededFuture();
        }
        List<Future<JsonObject>> batch = new ArrayList<>();
        for (String id : ids.subList(from, Math.min(ids.size(), from + READ_AT_ONCE))) {
            Future<JsonObject> view = view(id);
            views.put(id, view);
            batch.add(view);
        }
        return Future.join(batch).transform(done -> readAll(ids, from + READ_AT_ONCE, views));
    }

    private Result tally(List<IncidentSample.Entry> acknowledged, List<JsonObject> open, Map<String, Future<JsonObject>> views,
                         List<PushedAlerts.Entry> pushed, boolean complete) {
        int found = 0;
        int unread = 0;
        List<String> missing = new ArrayList<>();
        Map<String, Integer> states = new TreeMap<>();
        for (IncidentSample.Entry e : acknowledged) {
            Future<JsonObject> view = views.get(e.incidentId());
            if (view.succeeded() && view.result() != null) {
                found++;
                states.merge(e.type() + "→" + view.result().getString("state"), 1, Integer::sum);
            } else if (view.failed()) {
                // no answer is not a 404: the incident is neither found nor missing
                unread++;
                if (missing.size() < SHOWN) {
                    missing.add("unread " + e.incidentId() + " (" + view.cause().getMessage() + ")");
                }
            } else if (missing.size() < SHOWN) {
                missing.add(e.incidentId() + " (404)");
            }
        }
        Map<String, List<String>> duplicates = new TreeMap<>();
        int readCount = 0;
        for (Map.Entry<String, Future<JsonObject>> v : views.entrySet()) {
            if (v.getValue().succeeded() && v.getValue().result() != null) {
                readCount++;
                List<String> twice = Invariants.duplicateFamilyMessages(v.getValue().result());
                if (!twice.isEmpty()) {
                    duplicates.put(v.getKey(), twice);
                }
            }
        }
        List<JsonObject> read = views.values().stream().filter(v -> v.succeeded() && v.result() != null)
                .map(Future::result).toList();
        return new Result(acknowledged.size() - unread, found, missing, open.size(), Invariants.unitsOnTwoIncidents(open), readCount,
                duplicates, states, PushedReadback.check(pushed, read, complete));
    }

    /**
     * A state's incidents as listed by the node.
     *
     * @param complete false when the list was cut at the safety net ({@value #MAX_LISTED})
     */
    record Listing(List<JsonObject> incidents, boolean complete) {
    }

    /** Every incident of {@code state}, page after page until a page comes without a next cursor. */
    private Future<Listing> list(String state) {
        return listFrom(state, null, new ArrayList<>());
    }

    private Future<Listing> listFrom(String state, String cursor, List<JsonObject> listed) {
        var request = client.get(node.port(), node.host(), "/api/v1/incidents")
                .addQueryParam("state", state).addQueryParam("limit", Integer.toString(pageSize));
        if (cursor != null) {
            request.addQueryParam("cursor", cursor);
        }
        return request.timeout(timeoutMillis).send().compose(r -> {
            if (r.statusCode() != 200) {
                return Future.failedFuture("GET /api/v1/incidents?state=" + state + (cursor == null ? "" : " (a later page)")
                        + " answered " + r.statusCode());
            }
            listed.addAll(objects(r.bodyAsJsonArray()));
            String next = r.getHeader(NEXT_CURSOR);
            if (next == null) {
                return Future.succeededFuture(new Listing(listed, true));
            }
            if (listed.size() >= maxListed) {
                return Future.succeededFuture(new Listing(listed, false));
            }
            return listFrom(state, next, listed);
        });
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
