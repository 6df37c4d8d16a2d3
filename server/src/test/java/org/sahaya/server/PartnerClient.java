package org.sahaya.server;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.sahaya.server.access.partners.MachineKeys;
import org.sahaya.server.demo.DemoPartners;

/**
 * Speaks HTTP to a node as a fleet partner, a hospital or a coordinator would (blocking; test threads
 * only). A credential is a partner's key, or {@code "Bearer <token>"} for a person's session.
 */
public final class PartnerClient {

    /** The demo coordinator's session as a credential for {@link #post}: people log in, they hold no key. */
    public static String coordinator(Node node) {
        return "Bearer " + Staff.login(node, "demo-coordinator");
    }

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
    /** {@code "Bearer <token>"} for reads; null to read without credentials. */
    private final java.util.function.Supplier<String> reader;

    public PartnerClient(int port) {
        this.base = "http://127.0.0.1:" + port;
        this.reader = null;
    }

    /**
     * A client of {@code node}'s public port whose reads ({@link #get}) go as a supervisor: the
     * demo supervisor on a demo node, a test supervisor made for the purpose on any other.
     */
    public PartnerClient(Node node) {
        this.base = "http://127.0.0.1:" + node.httpPort();
        this.reader = () -> Staff.supervisor(node);
    }

    /** A client of a node in its own JVM (a demo node) whose reads go as the demo supervisor. */
    public PartnerClient(NodeProcess process) {
        this.base = "http://127.0.0.1:" + process.httpPort();
        this.reader = () -> "Bearer " + Staff.loginAt(process.httpPort(), "demo-supervisor");
    }

    public HttpResponse<String> post(String path, String key, JsonObject body) {
        return send("POST", path, key, body);
    }

    public HttpResponse<String> put(String path, String key, JsonObject body) {
        return send("PUT", path, key, body);
    }

    public JsonObject get(String path) {
        HttpResponse<String> r = send("GET", path, reader == null ? null : reader.get(), null);
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
        if (key != null && key.startsWith("Bearer ")) {
            b.header("Authorization", key);
        } else if (key != null) {
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
