package org.sahaya.server.http;

import io.vertx.core.Handler;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import org.sahaya.core.Coordinates;
import org.sahaya.core.alert.Alert;
import org.sahaya.core.alert.AlertType;
import org.sahaya.core.subscriber.Device;
import org.sahaya.server.pipeline.AlertReception;

/**
 * {@code POST /api/v1/alerts}, after authentication and contract validation: turns the body into
 * an {@link Alert}, hands it to the reception (persist, triage, open or join), answers 202 once it
 * is stored. The same alert again gets the same body.
 */
public final class AlertHandler implements Handler<RoutingContext> {

    public static final String RECEIVED_AT = "sahaya.receivedAt";

    private final AlertReception reception;

    public AlertHandler(AlertReception reception) {
        this.reception = reception;
    }

    @Override
    public void handle(RoutingContext ctx) {
        Device device = ctx.get(DeviceSignatureHandler.DEVICE);
        JsonObject body = ctx.body().asJsonObject();
        Alert alert;
        try {
            alert = toAlert(body, device, ctx.get(RECEIVED_AT));
        } catch (ProblemException e) {
            e.problem().send(ctx);
            return;
        }
        reception.receive(alert).onComplete(done -> {
            if (done.failed()) {
                ctx.fail(done.cause());
                return;
            }
            var receipt = done.result().receipt();
            ctx.response()
                    .setStatusCode(202)
                    .putHeader("Content-Type", "application/json")
                    .putHeader("X-Sahaya-Duplicate", String.valueOf(receipt.duplicate()))
                    .end(new JsonObject()
                            .put("alertId", receipt.alertId())
                            .put("incidentId", receipt.incidentId())
                            .put("status", receipt.outcome().name())
                            .encode())
                    .onSuccess(v -> reception.acknowledged(alert, done.result()));
        });
    }

    static Alert toAlert(JsonObject body, Device device, Instant receivedAt) {
        String deviceId = body.getString("deviceId");
        if (!device.id().equals(deviceId)) {
            throw new ProblemException(Problem.ofField(422, "device-mismatch", "Device mismatch",
                    "deviceId in the body must be the signing device, X-Device-Id", "deviceId"));
        }
        Instant occurredAt;
        try {
            occurredAt = OffsetDateTime.parse(body.getString("occurredAt")).toInstant();
        } catch (DateTimeParseException e) {
            throw new ProblemException(Problem.ofField(422, "invalid-field", "Invalid field",
                    "occurredAt must be an ISO-8601 date-time with offset, e.g. 2026-11-23T14:05:00+05:30", "occurredAt"));
        }
        JsonObject location = body.getJsonObject("location");
        Coordinates where = location == null ? null
                : new Coordinates(location.getDouble("lat"), location.getDouble("lon"));
        Double accuracy = location == null ? null : location.getDouble("accuracyM");
        JsonObject vitals = body.getJsonObject("vitals");
        return new Alert(body.getString("alertId"), deviceId, AlertType.valueOf(body.getString("type")), occurredAt,
                receivedAt, where, accuracy, vitals == null ? null : vitals.encode());
    }
}
