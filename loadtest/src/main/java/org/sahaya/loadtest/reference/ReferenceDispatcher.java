package org.sahaya.loadtest.reference;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sahaya.core.subscriber.Device;
import org.sahaya.core.subscriber.DeviceSignature;
import org.sahaya.loadtest.run.Endpoint;
import org.sahaya.loadtest.city.map.CityMap;

/**
 * The comparison: an emergency dispatcher built the way a typical team would build one, measured
 * beside the node under the same traffic. A Vert.x HTTP server on 127.0.0.1 (its own Vert.x
 * instance, its own port) that takes the same signed requests of the v1 contract (alerts,
 * heartbeats, unit positions, bed boards) and does each in PostgreSQL + PostGIS through a HikariCP
 * pool of {@value #POOL_SIZE} connections (HikariCP's default), on virtual threads: one transaction
 * per alert ({@link ReferenceDesk}), one statement per position, heartbeat or bed board. It answers
 * an alert only after its dispatch is committed, so its 202 is also its "dispatch decided".
 * <p>
 * Not in it, deliberately: triage rules, correlation with an open incident, beds, notifications.
 * It does less than the node, so a node that is faster is faster doing more.
 */
public final class ReferenceDispatcher implements AutoCloseable {

    static final int POOL_SIZE = 10;
    private static final Duration REPLAY_WINDOW = Duration.ofMinutes(5);
    private static final Pattern HEARTBEAT = Pattern.compile("/api/v1/devices/([^/]+)/heartbeat");
    private static final Pattern POSITION = Pattern.compile("/api/v1/units/([^/]+)/position");
    private static final Pattern BEDS = Pattern.compile("/api/v1/hospitals/([^/]+)/beds");

    private final Vertx vertx;
    private final HikariDataSource pool;
    private final ExecutorService virtualThreads = Executors.newVirtualThreadPerTaskExecutor();
    private final ReferenceDesk desk;
    private HttpServer server;

    private final Duration job;

    private ReferenceDispatcher(Vertx vertx, HikariDataSource pool, Duration job) {
        this.vertx = vertx;
        this.pool = pool;
        this.desk = new ReferenceDesk(pool);
        this.job = job;
    }

    /**
     * Creates a fresh database with the city's units and hospitals and starts listening on a free
     * port. Blocking (it sets up the database); call it from the tool's main thread.
     *
     * @param adminUrl a JDBC URL of the local PostgreSQL, e.g. {@code jdbc:postgresql://127.0.0.1:5432/test}
     * @param job      a crew's job, as in the node's run: a unit sent is released that long after (zero: never),
     *                 taking the oldest queued incident if there is one
     */
    public static ReferenceDispatcher start(String adminUrl, String user, CityMap city, Duration job) throws SQLException {
        String url = ReferenceSchema.recreate(adminUrl, user);
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setMaximumPoolSize(POOL_SIZE);
        config.setPoolName("reference-dispatcher");
        HikariDataSource pool = new HikariDataSource(config);
        try (Connection c = pool.getConnection()) {
            ReferenceSchema.create(c, city);
        } catch (SQLException | RuntimeException e) {
            pool.close();
            throw e;
        }
        Vertx vertx = Vertx.vertx();
        ReferenceDispatcher dispatcher = new ReferenceDispatcher(vertx, pool, job);
        try {
            dispatcher.server = vertx.createHttpServer().requestHandler(dispatcher::handle).listen(0, "127.0.0.1")
                    .toCompletionStage().toCompletableFuture().get();
        } catch (Exception e) {
            dispatcher.close();
            throw new IllegalStateException("starting the reference dispatcher: " + e.getMessage(), e);
        }
        return dispatcher;
    }

    public Endpoint endpoint() {
        return new Endpoint("127.0.0.1", server.actualPort());
    }

    private void handle(HttpServerRequest request) {
        Context context = vertx.getOrCreateContext();
        request.body().onSuccess(body -> {
            String path = request.path();
            Matcher m;
            if (request.method() == HttpMethod.POST && path.equals("/api/v1/alerts")) {
                alert(request, body, context);
            } else if (request.method() == HttpMethod.POST && (m = HEARTBEAT.matcher(path)).matches()) {
                String device = m.group(1);
                if (signed(request, body, device)) {
                    Integer battery = body.length() == 0 ? null : body.toJsonObject().getInteger("batteryPercent");
                    answer(request, context, () -> {
                        desk.heartbeat(device, battery);
                        return 204;
                    });
                }
            } else if (request.method() == HttpMethod.POST && (m = POSITION.matcher(path)).matches()) {
                String unit = m.group(1);
                JsonObject at = body.toJsonObject();
                answer(request, context, () -> {
                    desk.position(unit, at.getDouble("lat"), at.getDouble("lon"));
                    return 200;
                });
            } else if (request.method() == HttpMethod.PUT && (m = BEDS.matcher(path)).matches()) {
                String hospital = m.group(1);
                String free = body.toJsonObject().getJsonObject("freeBeds", new JsonObject()).encode();
                answer(request, context, () -> {
                    desk.beds(hospital, free);
                    return 200;
                });
            } else {
                request.response().setStatusCode(404).end();
            }
        });
    }

    private void alert(HttpServerRequest request, Buffer body, Context context) {
        JsonObject alert;
        try {
            alert = body.toJsonObject();
        } catch (DecodeException e) {
            request.response().setStatusCode(400).end();
            return;
        }
        String device = alert.getString("deviceId", "");
        if (!device.equals(request.getHeader("X-Device-Id")) || !signed(request, body, device)) {
            if (!request.response().ended()) {
                request.response().setStatusCode(401).end();
            }
            return;
        }
        double[] home = HomeLocations.of(device);
        String alertId = alert.getString("alertId");
        String type = alert.getString("type");
        Promise<ReferenceDesk.Outcome> outcome = Promise.promise();
        virtualThreads.execute(() -> {
            try {
                outcome.complete(desk.alert(device, alertId, type, home[0], home[1]));
            } catch (SQLException | RuntimeException e) {
                outcome.fail(e);
            }
        });
        outcome.future().onComplete(done -> context.runOnContext(v -> {
            if (done.succeeded()) {
                releaseLater(done.result().unitId());
                request.response().setStatusCode(202).putHeader("Content-Type", "application/json")
                        .end(new JsonObject().put("alertId", alertId).put("incidentId", done.result().incidentId())
                                .put("status", done.result().status()).encode());
            } else {
                request.response().setStatusCode(503).end();
            }
        }));
    }

    /** After the job time the unit is released; if it then takes a queued incident, that job is timed too. */
    private void releaseLater(String unitId) {
        if (unitId == null || job.isZero()) {
            return;
        }
        vertx.setTimer(job.toMillis(), t -> virtualThreads.execute(() -> {
            try {
                String next = desk.release(unitId);
                if (next != null) {
                    releaseLater(unitId);
                }
            } catch (SQLException | RuntimeException e) {
                // the run is over or the database went away: the unit stays busy, as a crashed system's would
            }
        }));
    }

    /** Checks the device signature as the node does; answers 401 itself when it is wrong. */
    private static boolean signed(HttpServerRequest request, Buffer body, String device) {
        String timestamp = request.getHeader("X-Timestamp");
        String signature = request.getHeader("X-Signature");
        boolean valid = Device.isDemoId(device) && timestamp != null && signature != null
                && DeviceSignature.verify(Device.demoSecret(device), timestamp, signature, body.getBytes(), Instant.now(),
                REPLAY_WINDOW) == DeviceSignature.Verdict.VALID;
        if (!valid) {
            request.response().setStatusCode(401).end();
        }
        return valid;
    }

    /** Runs {@code work} on a virtual thread and answers with the status it returns (503 if it threw), on the context. */
    private void answer(HttpServerRequest request, Context context, Callable<Integer> work) {
        Future<Integer> status = Future.fromCompletionStage(CompletableFuture.supplyAsync(() -> {
            try {
                return work.call();
            } catch (Exception e) {
                throw new CompletionException(e);
            }
        }, virtualThreads), context);
        status.onComplete(done -> request.response().setStatusCode(done.succeeded() ? done.result() : 503).end());
    }

    @Override
    public void close() {
        vertx.close().toCompletionStage().toCompletableFuture().join();
        virtualThreads.shutdownNow();
        pool.close();
    }
}
