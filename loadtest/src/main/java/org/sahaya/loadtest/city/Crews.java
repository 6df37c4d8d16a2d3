package org.sahaya.loadtest.city;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.sahaya.loadtest.run.Endpoint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ambulance crews during a city run, working their jobs through the fleet API like a partner's
 * system: once a second it lists {@code GET /api/v1/incidents?state=DISPATCHED}, plans each new
 * (incident, unit) with {@link CrewSchedule}, and reports the moves that are due with
 * {@code PUT /api/v1/units/{id}/status} (the key of the unit's fleet, {@link DemoKeys}). A move the node refuses (409: the unit moved on,
 * e.g. a coordinator reassigned it) is counted, not retried; one that got no answer is tried again a
 * second later, at most {@value CrewSchedule#MAX_ATTEMPTS} times, after reading the unit
 * ({@code GET /api/v1/units/{id}}): a try the node applied without its answer arriving is not reported
 * again (counted as "applied (no answer)"). Runs on its own Vert.x timer.
 *
 * <p>One crews object serves a whole ladder of alert rates against one node: {@link #start()} and
 * {@link #stop()} bracket each rung, and the schedule lives on between them. A job the node handed out
 * in one rung and still open at its end (the incident still DISPATCHED) is carried on in the next with
 * the time it had left, never planned again: planning it afresh would report EN_ROUTE or ON_SCENE a
 * second time, which the node refuses (409).
 */
public final class Crews {

    private static final Logger LOG = LoggerFactory.getLogger(Crews.class);
    static final long TICK_MILLIS = 1_000;

    private final Vertx vertx;
    private final WebClient client;
    private final WebClient reader;
    private final Endpoint node;
    private final long timeoutMillis;
    private final CrewSchedule schedule;
    private final Map<String, Integer> answers = new TreeMap<>();
    private final Map<String, Future<Void>> lastReport = new HashMap<>();
    private final AtomicBoolean polling = new AtomicBoolean();
    private long timer = -1;
    /** Guarded by this. */
    private boolean working;
    private long stoppedAtMillis = -1;
    private int jobs;

    /** @param reader lists the dispatched incidents as a person who watches them ({@code StaffSession}) */
    public Crews(Vertx vertx, WebClient client, WebClient reader, Endpoint node, Duration job, Duration timeout) {
        this.vertx = vertx;
        this.client = client;
        this.reader = reader;
        this.node = node;
        this.timeoutMillis = timeout.toMillis();
        this.schedule = new CrewSchedule(job);
    }

    /**
     * Starts a rung: the answers count from zero, and the moves still to come from the rung before are
     * postponed by the time the crews were stopped.
     */
    public synchronized Crews start() {
        if (working) {
            throw new IllegalStateException("the crews are already working");
        }
        long now = System.currentTimeMillis();
        if (stoppedAtMillis >= 0) {
            schedule.postpone(now - stoppedAtMillis);
        }
        answers.clear();
        jobs = 0;
        working = true;
        timer = vertx.setPeriodic(0, TICK_MILLIS, id -> tick());
        return this;
    }

    /**
     * Ends the rung: no more polls or reports (the moves still to come wait for the next {@link #start()}).
     *
     * @return the rung's {@link #answers()}, once every report already sent has its answer
     */
    public Future<Map<String, Integer>> stop() {
        List<Future<Void>> inFlight;
        synchronized (this) {
            vertx.cancelTimer(timer);
            working = false;
            stoppedAtMillis = System.currentTimeMillis();
            inFlight = List.copyOf(lastReport.values());
        }
        return Future.join(inFlight).transform(done -> Future.succeededFuture(answers()));
    }

    /** This rung's "STATUS http CODE" → count, and the jobs it planned (those carried over are not counted again). */
    public synchronized Map<String, Integer> answers() {
        Map<String, Integer> out = new TreeMap<>(answers);
        out.put("jobs", jobs);
        return out;
    }

    private synchronized boolean working() {
        return working;
    }

    private void tick() {
        if (!working()) {
            return;
        }
        long now = System.currentTimeMillis();
        report(now);
        if (polling.compareAndSet(false, true)) {
            reader.get(node.port(), node.host(), "/api/v1/incidents").addQueryParam("state", "DISPATCHED")
                    .addQueryParam("limit", Integer.toString(InvariantCheck.LIST_LIMIT)).timeout(timeoutMillis).send()
                    .onComplete(r -> {
                        polling.set(false);
                        if (!working()) {
                            return;   // answered after the rung ended: the next rung's polls see the same jobs
                        }
                        if (r.succeeded() && r.result().statusCode() == 200) {
                            plan(r.result().bodyAsJsonArray(), System.currentTimeMillis());
                        } else {
                            count("list " + (r.succeeded() ? "http " + r.result().statusCode() : "failed"));
                        }
                    });
        }
    }

    private void plan(JsonArray dispatched, long now) {
        for (int i = 0; i < dispatched.size(); i++) {
            JsonObject incident = dispatched.getJsonObject(i);
            String unit = incident.getString("unitId");
            if (unit != null) {
                synchronized (this) {
                    if (working && schedule.dispatched(unit, incident.getString("id"), now)) {
                        jobs++;
                    }
                }
            }
        }
        report(now);
    }

    private synchronized void report(long now) {
        if (!working) {
            return;
        }
        for (CrewSchedule.Move move : schedule.due(now)) {
            // one unit's reports go one after the other, so the node sees them in the crew's order
            Future<Void> before = lastReport.getOrDefault(move.unitId(), Future.succeededFuture());
            lastReport.put(move.unitId(), before.transform(x -> send(move)));
        }
    }

    private Future<Void> send(CrewSchedule.Move move) {
        if (move.attempt() == 1) {
            return put(move);
        }
        return client.get(node.port(), node.host(), "/api/v1/units/" + move.unitId())
                .putHeader("X-Api-Key", DemoKeys.fleetKey(move.unitId())).timeout(timeoutMillis).send()
                .transform(r -> {
                    if (r.failed() || r.result().statusCode() != 200) {
                        count(move.status() + " unit read " + (r.succeeded() ? "http " + r.result().statusCode() : "failed"));
                        unanswered(move);
                        return Future.<Void>succeededFuture();
                    }
                    JsonObject unit = r.result().bodyAsJsonObject();
                    if (CrewSchedule.stillToReport(move, unit.getString("status"), unit.getString("incidentId"))) {
                        return put(move);
                    }
                    count(move.status() + " applied (no answer)");
                    return Future.<Void>succeededFuture();
                });
    }

    private Future<Void> put(CrewSchedule.Move move) {
        return client.put(node.port(), node.host(), "/api/v1/units/" + move.unitId() + "/status")
                .putHeader("X-Api-Key", DemoKeys.fleetKey(move.unitId())).timeout(timeoutMillis)
                .sendJsonObject(new JsonObject().put("status", move.status()))
                .transform(r -> {
                    count(move.status() + " " + (r.succeeded() ? "http " + r.result().statusCode() : "failed"));
                    if (r.failed()) {
                        unanswered(move);
                    }
                    return Future.<Void>succeededFuture();
                });
    }

    private synchronized void unanswered(CrewSchedule.Move move) {
        schedule.unanswered(move, System.currentTimeMillis() + TICK_MILLIS);
    }

    private synchronized void count(String key) {
        if (answers.merge(key, 1, Integer::sum) == 1 && !key.endsWith("http 200")) {
            LOG.warn("crews: first '{}'", key);
        }
    }
}
