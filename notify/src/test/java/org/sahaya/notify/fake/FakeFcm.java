package org.sahaya.notify.fake;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A local Firebase Cloud Messaging HTTP v1 API for tests: {@code POST /v1/projects/{project}/messages:send}
 * with a Bearer token, answering {@code {"name":"projects/{project}/messages/{id}"}} or FCM's error
 * shape (a {@code google.rpc.Status} with {@code details[].errorCode}: UNREGISTERED, INVALID_ARGUMENT,
 * QUOTA_EXCEEDED, UNAVAILABLE, ...). Also an OAuth token endpoint ({@code POST /token}) for a
 * service-account file written by {@link #writeServiceAccount}. Answers can be delayed or replaced
 * by an error per device token or for the next requests. Runs its own Vert.x on port 0.
 */
public final class FakeFcm implements AutoCloseable {

    public static final String PROJECT = "sahaya-test";
    public static final String ACCESS_TOKEN = "fake-fcm-access-token";

    private static final Pattern SEND = Pattern.compile("/v1/projects/([^/]+)/messages:send");

    /** One message that reached the fake: the {@code message} object of the request. */
    public record Request(String project, String name, JsonObject message) {

        public String token() {
            return message.getString("token");
        }
    }

    /** An FCM error answer. */
    public enum Failure {
        UNREGISTERED(404, "NOT_FOUND", "Requested entity was not found."),
        INVALID_ARGUMENT(400, "INVALID_ARGUMENT", "The registration token is not a valid FCM registration token"),
        QUOTA_EXCEEDED(429, "RESOURCE_EXHAUSTED", "Quota exceeded for sending messages to the device."),
        UNAVAILABLE(503, "UNAVAILABLE", "The service is currently unavailable."),
        INTERNAL(500, "INTERNAL", "Internal error encountered."),
        SENDER_ID_MISMATCH(403, "PERMISSION_DENIED", "SenderId mismatch");

        final int httpStatus;
        final String status;
        final String message;

        Failure(int httpStatus, String status, String message) {
            this.httpStatus = httpStatus;
            this.status = status;
            this.message = message;
        }

        JsonObject body() {
            return new JsonObject().put("error", new JsonObject()
                    .put("code", httpStatus).put("message", message).put("status", status)
                    .put("details", new JsonArray().add(new JsonObject()
                            .put("@type", "type.googleapis.com/google.firebase.fcm.v1.FcmError")
                            .put("errorCode", name()))));
        }
    }

    private final Vertx vertx;
    private final HttpServer server;
    // Not copy-on-write: a benchmark records hundreds of thousands of requests.
    private final List<Request> requests = java.util.Collections.synchronizedList(new ArrayList<>());
    private final AtomicLong tokenRequests = new AtomicLong();
    private final Map<String, Failure> failByToken = new ConcurrentHashMap<>();
    private final Map<String, Duration> delayByToken = new ConcurrentHashMap<>();
    private final AtomicReference<Duration> delayAll = new AtomicReference<>(Duration.ZERO);
    private final List<Failure> nextFailures = new CopyOnWriteArrayList<>();
    private final AtomicLong sequence = new AtomicLong(6_000_000_000L);

    private FakeFcm(Vertx vertx, HttpServer server) {
        this.vertx = vertx;
        this.server = server;
    }

    public static FakeFcm start() {
        Vertx vertx = Vertx.vertx();
        FakeFcm[] holder = new FakeFcm[1];
        try {
            HttpServer server = vertx.createHttpServer()
                    .requestHandler(request -> holder[0].handle(request))
                    .listen(0, "127.0.0.1")
                    .await(10, TimeUnit.SECONDS);
            holder[0] = new FakeFcm(vertx, server);
            return holder[0];
        } catch (Exception e) {
            vertx.close();
            throw new IllegalStateException("fake FCM did not start", e);
        }
    }

    /** Credentials holding the access token this fake accepts, as a test's stand-in for a service account. */
    public static com.google.auth.oauth2.GoogleCredentials credentials() {
        return com.google.auth.oauth2.GoogleCredentials.create(new com.google.auth.oauth2.AccessToken(ACCESS_TOKEN,
                new java.util.Date(System.currentTimeMillis() + 3_600_000)));
    }

    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.actualPort());
    }

    public void failFor(String token, Failure failure) {
        failByToken.put(token, failure);
    }

    public void failNext(Failure... failures) {
        nextFailures.addAll(List.of(failures));
    }

    public void delayFor(String token, Duration delay) {
        delayByToken.put(token, delay);
    }

    public void delayAll(Duration delay) {
        delayAll.set(delay);
    }

    public List<Request> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    public long requestCount() {
        return requests.size();
    }

    /** How often an OAuth access token was asked for. */
    public long tokenRequests() {
        return tokenRequests.get();
    }

    public void reset() {
        requests.clear();
        failByToken.clear();
        delayByToken.clear();
        nextFailures.clear();
        delayAll.set(Duration.ZERO);
    }

    /**
     * Writes a service-account JSON with a fresh RSA key whose {@code token_uri} is this fake, as
     * {@code SAHAYA_FCM_CREDENTIALS} expects.
     */
    public Path writeServiceAccount(Path dir) throws IOException {
        KeyPair keys;
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            keys = generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        String pem = "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(keys.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
        JsonObject json = new JsonObject()
                .put("type", "service_account").put("project_id", PROJECT)
                .put("private_key_id", "fake-key-1").put("private_key", pem)
                .put("client_email", "sahaya@" + PROJECT + ".iam.gserviceaccount.com")
                .put("client_id", "100000000000000000001")
                .put("token_uri", baseUrl() + "/token");
        Path file = dir.resolve("fcm-service-account.json");
        Files.writeString(file, json.encodePrettily());
        return file;
    }

    private void handle(HttpServerRequest request) {
        request.body().onSuccess(body -> {
            if (request.path().equals("/token") && request.method().name().equals("POST")) {
                tokenRequests.incrementAndGet();
                answer(request, 200, new JsonObject().put("access_token", ACCESS_TOKEN).put("expires_in", 3600)
                        .put("token_type", "Bearer"));
                return;
            }
            Matcher path = SEND.matcher(request.path());
            if (!request.method().name().equals("POST") || !path.matches()) {
                answer(request, 404, status(404, "NOT_FOUND", "Not found"));
                return;
            }
            if (!("Bearer " + ACCESS_TOKEN).equals(request.getHeader("Authorization"))) {
                answer(request, 401, status(401, "UNAUTHENTICATED",
                        "Request had invalid authentication credentials."));
                return;
            }
            JsonObject message;
            try {
                message = body.toJsonObject().getJsonObject("message");
            } catch (RuntimeException e) {
                message = null;
            }
            if (message == null) {
                answer(request, 400, Failure.INVALID_ARGUMENT.body());
                return;
            }
            respond(request, path.group(1), message);
        });
    }

    private void respond(HttpServerRequest request, String project, JsonObject message) {
        String token = message.getString("token", "");
        String name = "projects/" + project + "/messages/" + sequence.incrementAndGet();
        requests.add(new Request(project, name, message));
        Failure failure = failByToken.get(token);
        if (failure == null && !nextFailures.isEmpty()) {
            failure = nextFailures.removeFirst();
        }
        int status = failure == null ? 200 : failure.httpStatus;
        JsonObject body = failure == null ? new JsonObject().put("name", name) : failure.body();
        Duration delay = delayByToken.getOrDefault(token, delayAll.get());
        if (delay.isZero()) {
            answer(request, status, body);
        } else {
            vertx.setTimer(delay.toMillis(), t -> answer(request, status, body));
        }
    }

    private static JsonObject status(int code, String status, String message) {
        return new JsonObject().put("error", new JsonObject().put("code", code).put("message", message).put("status", status));
    }

    private static void answer(HttpServerRequest request, int status, JsonObject body) {
        if (request.response().closed()) {
            return;
        }
        request.response().setStatusCode(status).putHeader("Content-Type", "application/json; charset=UTF-8")
                .end(body.encode());
    }

    @Override
    public void close() {
        try {
            vertx.close().await(10, TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("fake did not stop within 10 s", e);
        }
    }
}
