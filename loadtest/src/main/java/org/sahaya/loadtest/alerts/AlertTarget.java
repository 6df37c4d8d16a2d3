package org.sahaya.loadtest.alerts;

import org.sahaya.core.subscriber.DeviceSignature;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import org.sahaya.loadtest.run.Endpoint;
import org.sahaya.loadtest.run.Target;

/**
 * Sends signed device alerts ({@code POST /api/v1/alerts}) as the {@link TrafficMix} plans them,
 * each with an alert id unique to this run. The body is built and signed at send time, as a device
 * would (the timestamp must be fresh for the node's replay window).
 */
public final class AlertTarget implements Target {

    private static final ZoneOffset INDIA = ZoneOffset.ofHoursMinutes(5, 30);

    private final WebClient client;
    private final Endpoint node;
    private final String runTag;
    private final TrafficMix mix;
    private final IncidentSample sample;
    private final long timeoutMillis;

    /**
     * @param runTag  prefix of every alert id; unique per run, so no send is a resend of an earlier run's
     * @param sample  where to note some accepted alerts' incidents ({@link IncidentSample#none()} for none)
     * @param timeout how long one request may take before it counts as {@code timeout}
     */
    public AlertTarget(WebClient client, Endpoint node, String runTag, TrafficMix mix, IncidentSample sample,
                       Duration timeout) {
        this.client = client;
        this.node = node;
        this.runTag = runTag;
        this.mix = mix;
        this.sample = sample;
        this.timeoutMillis = timeout.toMillis();
    }

    @Override
    public Future<Integer> send(long sequence) {
        TrafficMix.Planned alert = mix.alert(sequence);
        byte[] body = body(runTag, sequence, alert);
        String timestamp = Long.toString(System.currentTimeMillis());
        return client.post(node.port(), node.host(), "/api/v1/alerts")
                .timeout(timeoutMillis)
                .putHeader("Content-Type", "application/json")
                .putHeader("X-Device-Id", alert.deviceId())
                .putHeader("X-Timestamp", timestamp)
                .putHeader("X-Signature", DeviceSignature.sign(alert.secret(), timestamp, body))
                .sendBuffer(Buffer.buffer(body))
                .map(response -> noted(sequence, alert, response));
    }

    /** The v1 alert JSON of {@code alert}, as every gateway takes it, stamped now. */
    /** The alert id of a run's {@code sequence}-th alert: unique per run tag, so no send is a resend. */
    public static String alertId(String runTag, long sequence) {
        return runTag + "-" + sequence;
    }

    public static byte[] body(String runTag, long sequence, TrafficMix.Planned alert) {
        return new JsonObject()
                .put("alertId", alertId(runTag, sequence))
                .put("deviceId", alert.deviceId())
                .put("type", alert.type().name())
                .put("occurredAt", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(
                        OffsetDateTime.now(INDIA).truncatedTo(ChronoUnit.MILLIS)))
                .encode().getBytes(StandardCharsets.UTF_8);
    }

    private int noted(long sequence, TrafficMix.Planned alert, HttpResponse<Buffer> response) {
        if (response.statusCode() == 202 && sample.wants(sequence)) {
            sample.add(new IncidentSample.Entry(sequence, alert.type(),
                    response.bodyAsJsonObject().getString("incidentId")));
        }
        return response.statusCode();
    }
}
