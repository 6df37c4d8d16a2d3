package org.sahaya.server;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.sahaya.server.access.partners.MachineKeys;
import org.sahaya.server.demo.DemoPartners;

/** Speaks HTTP to a node as a fleet partner, a hospital or a coordinator would (blocking; test threads only). */
public final class PartnerClient {

    // TODO lead: coordinator session (coordinators are people now; this key works only on the routes
    // still behind the old ApiKeyHandler)
    public static final String COORDINATOR_KEY = "demo-coordinator-api-key";

    /** The demo key of the fleet that owns the demo unit {@code unitId} ({@code AMB-n}). */
    public static String fleetKey(String unitId) {
        return MachineKeys.demoKey(DemoPartners.fleetOf(Integer.parseInt(unitId.substring(unitId.lastIndexOf('-') + 1))));
    }

    /** The demo key of a demo hospital: its partner id is its own id. */
    public static String hospitalKey(String hospitalId) {
        return MachineKeys.demoKey(hospitalId);
    }

    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;

    public PartnerClient(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    public HttpResponse<String> post(String path, String key, JsonObject body) {
        return send("POST", path, key, body);
    }

    public HttpResponse<String> put(String path, String key, JsonObject body) {
        return send("PUT", path, key, body);
    }

    public JsonObject get(String path) {
        HttpResponse<String> r = send("GET", path, null, null);
        if (r.statusCode() != 200) {
            throw new AssertionError("GET " + path + " -> " + r.statusCode() + " " + r.body());
        }
        return new JsonObject(r.body());
    }

    public HttpResponse<String> send(String method, String path, String key, JsonObject body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body.encode()));
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        if (key != null) {
            b.header("X-Api-Key", key);
        }
        try {
            return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError("request failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    public static JsonObject status(String status) {
        return new JsonObject().put("status", status);
    }
}
