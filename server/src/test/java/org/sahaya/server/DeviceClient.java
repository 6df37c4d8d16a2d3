package org.sahaya.server;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.sahaya.core.subscriber.DeviceSignature;

/** Speaks HTTP to a node as a device or a coordinator would (blocking; test threads only). */
public final class DeviceClient {

    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;
    /** {@code "Bearer <token>"} for reads; null to read without credentials. */
    private final java.util.function.Supplier<String> reader;

    public DeviceClient(int port) {
        this.base = "http://127.0.0.1:" + port;
        this.reader = null;
    }

    /**
     * A client of {@code node}'s public port whose reads ({@link #get}) go as a supervisor: the
     * demo supervisor on a demo node, a test supervisor made for the purpose on any other.
     */
    public DeviceClient(Node node) {
        this.base = "http://127.0.0.1:" + node.httpPort();
        this.reader = () -> Staff.supervisor(node);
    }

    /** A client of a node in its own JVM (a demo node) whose reads go as the demo supervisor. */
    public DeviceClient(NodeProcess process) {
        this.base = "http://127.0.0.1:" + process.httpPort();
        this.reader = () -> "Bearer " + Staff.loginAt(process.httpPort(), "demo-supervisor");
    }

    public static JsonObject alert(String alertId, String deviceId, String type) {
        return new JsonObject().put("alertId", alertId).put("deviceId", deviceId).put("type", type)
                .put("occurredAt", "2026-11-23T14:05:00+05:30");
    }

    /** Signs with the demo secret of {@code deviceId} and the current time. */
    public HttpResponse<String> send(String deviceId, String body) {
        String ts = Long.toString(Instant.now().toEpochMilli());
        return send(deviceId, ts, DeviceSignature.sign(demoSecret(deviceId), ts, bytes(body)), body);
    }

    public HttpResponse<String> send(String deviceId, String timestamp, String signature, String body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + "/api/v1/alerts"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes(body)));
        if (deviceId != null) {
            b.header("X-Device-Id", deviceId);
        }
        if (timestamp != null) {
            b.header("X-Timestamp", timestamp);
        }
        if (signature != null) {
            b.header("X-Signature", signature);
        }
        return call(b.build());
    }

    /** A heartbeat signed with the demo secret of {@code deviceId}; {@code body} may be empty. */
    public HttpResponse<String> heartbeat(String deviceId, String pathDeviceId, String body) {
        String ts = Long.toString(Instant.now().toEpochMilli());
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + "/api/v1/devices/" + pathDeviceId + "/heartbeat"))
                .header("X-Device-Id", deviceId)
                .header("X-Timestamp", ts)
                .header("X-Signature", DeviceSignature.sign(demoSecret(deviceId), ts, bytes(body)))
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes(body)));
        if (!body.isEmpty()) {
            b.header("Content-Type", "application/json");
        }
        return call(b.build());
    }

    /** A GET as a supervisor when the client knows its node; with no credentials otherwise. */
    public HttpResponse<String> get(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).GET();
        if (reader != null) {
            b.header("Authorization", reader.get());
        }
        return call(b.build());
    }

    public JsonObject incident(String id) {
        HttpResponse<String> r = get("/api/v1/incidents/" + id);
        if (r.statusCode() != 200) {
            throw new AssertionError("GET incident " + id + " -> " + r.statusCode() + " " + r.body());
        }
        return new JsonObject(r.body());
    }

    public static String demoSecret(String deviceId) {
        return org.sahaya.core.subscriber.Device.demoSecret(deviceId);
    }

    public static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private HttpResponse<String> call(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError("request failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
