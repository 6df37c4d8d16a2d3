package org.sahaya.server.webhook;

import static org.awaitility.Awaitility.await;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.sahaya.core.notification.Channel;
import org.sahaya.server.DeviceClient;
import org.sahaya.server.Node;
import org.sahaya.server.Staff;
import org.sahaya.server.TestNode;

/**
 * A demo node with recording SMS, push and voice channels, and the requests Twilio, a family member's
 * phone and a coordinator would send it.
 */
final class FamilyNode implements AutoCloseable {

    static final String BASE = "https://sahaya.test";
    static final String TOKEN = "test-twilio-token";

    final Node node;
    final DeviceClient client;
    final RecordingChannel sms = new RecordingChannel(Channel.SMS);
    final RecordingChannel push = new RecordingChannel(Channel.PUSH);
    final RecordingChannel voice = new RecordingChannel(Channel.VOICE);
    private final HttpClient http = HttpClient.newHttpClient();
    private final String local;

    FamilyNode(Path data, Clock clock, Map<String, String> settings) throws Exception {
        Map<String, String> all = new java.util.HashMap<>(Map.of(
                "SAHAYA_PUBLIC_BASE_URL", BASE,
                "SAHAYA_TWILIO_AUTH_TOKEN", TOKEN,
                "SAHAYA_ACK_LINK_SECRET", "test-link-secret",
                "SAHAYA_ESCALATION_TICK_MS", "50"));
        all.putAll(settings);
        node = Node.start(TestNode.config(data, true, all), clock,
                Map.of(Channel.SMS, sms, Channel.PUSH, push, Channel.VOICE, voice));
        client = new DeviceClient(node);
        local = "http://127.0.0.1:" + node.httpPort();
        warmUp();
    }

    /**
     * One request down each kind of path before any test runs: a cold JVM's first request loads many
     * classes on the event loop, and on a busy machine that alone can trip the event-loop guard.
     */
    private void warmUp() {
        get("/api/v1/incidents?limit=1");
        putContact("no-such-subscriber", "warm-up", contact("warm-up", "son", "+447911123400", 1, null));
        twilio("/webhooks/twilio/status", Map.of("MessageSid", "SM-warm-up", "MessageStatus", "sent"));
        post("/api/v1/acknowledgements", "application/json", "{\"token\":\"warm-up-token-that-is-forged\"}");
        get("/a/warm-up-token-that-is-forged");
    }

    /** Gives the device's subscriber exactly these contacts (replacing the demo family). */
    String family(String deviceId, JsonObject... contacts) {
        String subscriber = node.database().withConnection(c -> {
            try (var ps = c.prepareStatement("SELECT subscriber_id FROM devices WHERE id = ?")) {
                ps.setString(1, deviceId);
                try (var rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getString(1);
                }
            }
        });
        node.database().inTransaction(c -> {
            // What refers to a contact goes first: its push tokens and preferences (the import writes both).
            for (String table : new String[] {"contact_push_tokens", "contact_preferences"}) {
                try (var ps = c.prepareStatement("DELETE FROM " + table
                        + " WHERE contact_id IN (SELECT id FROM contacts WHERE subscriber_id = ?)")) {
                    ps.setString(1, subscriber);
                    ps.executeUpdate();
                }
            }
            try (var ps = c.prepareStatement("DELETE FROM contacts WHERE subscriber_id = ?")) {
                ps.setString(1, subscriber);
                ps.executeUpdate();
            }
            return null;
        });
        for (JsonObject contact : contacts) {
            HttpResponse<String> r = putContact(subscriber, contact.getString("id"), contact.copy());
            if (r.statusCode() != 200) {
                throw new AssertionError("PUT contact -> " + r.statusCode() + " " + r.body());
            }
        }
        return subscriber;
    }

    static JsonObject contact(String id, String relation, String phone, int rank, String pushToken) {
        return new JsonObject().put("id", id).put("name", "Test " + relation).put("relation", relation)
                .put("phone", phone).put("language", "en-GB").put("timeZone", "Europe/London").put("rank", rank)
                .put("pushToken", pushToken);
    }

    HttpResponse<String> putContact(String subscriberId, String contactId, JsonObject body) {
        body.remove("id");
        return send(HttpRequest.newBuilder(URI.create(local + "/api/v1/subscribers/" + subscriberId + "/contacts/" + contactId))
                .header("Authorization", "Bearer " + Staff.login(node, "demo-admin"))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body.encode())).build());
    }

    /** Sends an alert and waits until the family's first messages are out. */
    String alertAndAwaitFamily(String deviceId, String alertId) {
        HttpResponse<String> r = client.send(deviceId, DeviceClient.alert(alertId, deviceId, "FALL").encode());
        if (r.statusCode() != 202) {
            throw new AssertionError("alert -> " + r.statusCode() + " " + r.body());
        }
        String id = new JsonObject(r.body()).getString("incidentId");
        await().atMost(Duration.ofSeconds(20)).until(() -> notifications(id).stream()
                .anyMatch(o -> ((JsonObject) o).getString("status").equals("SENT")));
        return id;
    }

    JsonArray notifications(String incidentId) {
        return client.incident(incidentId).getJsonArray("notifications");
    }

    JsonObject notification(String incidentId, String channel, String contactId) {
        return notifications(incidentId).stream().map(o -> (JsonObject) o)
                .filter(n -> n.getString("channel").equals(channel) && n.getString("contactId").equals(contactId))
                .findFirst().orElseThrow(() -> new AssertionError("no " + channel + " notification to " + contactId));
    }

    /** A form POST signed the way Twilio signs: HMAC-SHA1 over the URL and the sorted fields, base64. */
    HttpResponse<String> twilio(String pathAndQuery, Map<String, String> form) {
        return twilio(pathAndQuery, form, sign(BASE + pathAndQuery, form, TOKEN));
    }

    HttpResponse<String> twilio(String pathAndQuery, Map<String, String> form, String signature) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(local + pathAndQuery))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form.entrySet().stream()
                        .map(e -> enc(e.getKey()) + "=" + enc(e.getValue())).collect(Collectors.joining("&"))));
        if (signature != null) {
            b.header("X-Twilio-Signature", signature);
        }
        return send(b.build());
    }

    HttpResponse<String> get(String pathAndQuery) {
        return send(HttpRequest.newBuilder(URI.create(local + pathAndQuery))
                .header("Authorization", Staff.supervisor(node)).GET().build());
    }

    HttpResponse<String> post(String pathAndQuery, String contentType, String body) {
        return send(HttpRequest.newBuilder(URI.create(local + pathAndQuery)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    static String sign(String url, Map<String, String> form, String token) {
        StringBuilder data = new StringBuilder(url);
        new TreeMap<>(form).forEach((k, v) -> data.append(k).append(v));
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(token.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return Base64.getEncoder().encodeToString(mac.doFinal(data.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        node.close();
    }
}
