package org.sahaya.loadtest.city;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.sahaya.loadtest.run.Endpoint;

/**
 * Points every fleet's webhook at the {@link FleetWebhookSink} through the administration API
 * ({@code PUT /api/v1/partners/{id}/webhook}, as the demo admin), before a city run.
 */
final class FleetWebhooks {

    private FleetWebhooks() {
    }

    /** @return the fleets pointed at the sink */
    static Future<List<String>> point(WebClient admin, Endpoint node, FleetWebhookSink sink, Duration timeout) {
        return admin.get(node.port(), node.host(), "/api/v1/partners").timeout(timeout.toMillis()).send().compose(r -> {
            if (r.statusCode() != 200) {
                return Future.failedFuture("listing the partners answered " + r.statusCode());
            }
            List<String> fleets = new ArrayList<>();
            for (Object o : new JsonArray(r.bodyAsString())) {
                JsonObject p = (JsonObject) o;
                if ("FLEET".equals(p.getString("kind"))) {
                    fleets.add(p.getString("id"));
                }
            }
            List<Future<?>> puts = new ArrayList<>();
            for (String fleet : fleets) {
                JsonObject webhook = new JsonObject().put("url", sink.url(fleet)).put("secret", "loadtest-sink-secret-" + fleet);
                puts.add(admin.put(node.port(), node.host(), "/api/v1/partners/" + fleet + "/webhook")
                        .timeout(timeout.toMillis()).sendJsonObject(webhook).compose(answer -> answer.statusCode() == 200
                                ? Future.succeededFuture()
                                : Future.failedFuture("setting " + fleet + "'s webhook answered " + answer.statusCode())));
            }
            return Future.all(puts).map(done -> fleets);
        });
    }
}
