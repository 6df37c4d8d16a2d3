package org.sahaya.server.cli;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.sahaya.core.alert.AlertType;
import org.sahaya.core.subscriber.DeviceSignature;

/**
 * {@code sahaya alert --device demo-0001 --type FALL [--follow]}: sends a correctly signed alert as
 * the device would and prints the node's answer; with {@code --follow}, the incident as it
 * progresses (timeline steps, then each family message). A command-line tool: it may block.
 */
public final class AlertCommand {

    private final PrintStream out;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    AlertCommand(PrintStream out) {
        this.out = out;
    }

    /** @return the process exit code: 0 accepted, 1 refused or unreachable, 2 usage */
    public static int run(String[] args, Map<String, String> env) {
        AlertOptions options;
        try {
            options = AlertOptions.parse(args, env);
        } catch (IllegalArgumentException e) {
            System.err.println("sahaya alert: " + e.getMessage());
            System.err.println(AlertOptions.usage());
            return 2;
        }
        try {
            return new AlertCommand(System.out).send(options);
        } catch (IOException e) {
            System.err.println("sahaya alert: cannot reach " + options.baseUrl() + " (" + e.getMessage()
                    + "); is the node running (./sahaya demo)?");
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }

    int send(AlertOptions o) throws IOException, InterruptedException {
        JsonObject alert = new JsonObject()
                .put("alertId", o.alertId())
                .put("deviceId", o.deviceId())
                .put("type", o.type().name())
                .put("occurredAt", OffsetDateTime.now(ZoneOffset.ofHoursMinutes(5, 30)).toString());
        if (o.lat() != null && o.lon() != null) {
            alert.put("location", new JsonObject().put("lat", o.lat()).put("lon", o.lon()).put("accuracyM", 15));
        }
        byte[] body = alert.encode().getBytes(StandardCharsets.UTF_8);
        String timestamp = Long.toString(Instant.now().toEpochMilli());
        HttpRequest request = HttpRequest.newBuilder(URI.create(o.baseUrl() + "/api/v1/alerts"))
                .header("Content-Type", "application/json")
                .header("X-Device-Id", o.deviceId())
                .header("X-Timestamp", timestamp)
                .header("X-Signature", DeviceSignature.sign(o.secret(), timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        out.println("POST /api/v1/alerts -> " + response.statusCode());
        out.println(pretty(response.body()));
        if (response.statusCode() != 202) {
            return 1;
        }
        if (o.follow()) {
            follow(o, new JsonObject(response.body()).getString("incidentId"));
        }
        return 0;
    }

    private void follow(AlertOptions o, String incidentId) throws IOException, InterruptedException {
        Set<String> seen = new HashSet<>();
        Instant deadline = Instant.now().plus(o.followFor());
        String token = DemoLogin.token(client, o.baseUrl());
        if (token == null) {
            out.println("Cannot follow: the node refused the demo coordinator's login (only a demo node has it)");
            return;
        }
        out.println("Following incident " + incidentId + " as " + DemoLogin.USER + " (Ctrl-C to stop)");
        while (Instant.now().isBefore(deadline)) {
            HttpResponse<String> r = client.send(HttpRequest.newBuilder(
                    URI.create(o.baseUrl() + "/api/v1/incidents/" + incidentId))
                    .header("Authorization", "Bearer " + token).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                out.println("GET /api/v1/incidents/" + incidentId + " -> " + r.statusCode());
                return;
            }
            JsonObject incident = new JsonObject(r.body());
            printNew(incident, seen);
            if (settled(incident)) {
                out.println("Full view: GET " + o.baseUrl() + "/api/v1/incidents/" + incidentId);
                return;
            }
            TimeUnit.MILLISECONDS.sleep(300);
        }
        out.println("Stopped following after " + o.followFor().toSeconds() + " s");
    }

    private void printNew(JsonObject incident, Set<String> seen) {
        for (Object o : incident.getJsonArray("timeline", new JsonArray())) {
            JsonObject step = (JsonObject) o;
            if (seen.add("t" + step.getString("at") + step.getString("stage") + step.getString("message"))) {
                out.println("  " + step.getString("at") + "  " + step.getString("stage") + "  " + step.getString("message"));
            }
        }
        for (Object o : incident.getJsonArray("notifications", new JsonArray())) {
            JsonObject n = (JsonObject) o;
            if (!"PENDING".equals(n.getString("status")) && seen.add("n" + n.getString("id"))) {
                out.println("  -> " + n.getString("relation") + " (" + n.getString("language") + ", "
                        + n.getString("channel") + ", " + n.getString("status") + "): " + n.getString("text"));
            }
        }
    }

    /** Nothing more will happen on its own: a decision was made and every message has left the outbox. */
    private static boolean settled(JsonObject incident) {
        String state = incident.getString("state");
        JsonArray notifications = incident.getJsonArray("notifications", new JsonArray());
        boolean outboxDone = notifications.stream().map(JsonObject.class::cast)
                .noneMatch(n -> "PENDING".equals(n.getString("status")));
        return switch (state) {
            case "DISPATCHED", "QUEUED" -> !notifications.isEmpty() && outboxDone;
            case "RECORDED", "CANCELLED", "CLOSED" -> true;
            default -> false;
        };
    }

    private static String pretty(String body) {
        try {
            return new JsonObject(body).encodePrettily();
        } catch (RuntimeException e) {
            return body;
        }
    }

}
