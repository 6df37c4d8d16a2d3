package org.sahaya.server.http.alert;

import io.vertx.core.Handler;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import org.sahaya.core.alert.Alert;
import org.sahaya.core.subscriber.Device;
import org.sahaya.dispatch.workflow.AlertReception;
import org.sahaya.server.gateway.AlertPayload;
import org.sahaya.server.gateway.InvalidAlert;
import org.sahaya.server.http.HttpApi;
import org.sahaya.server.http.contract.Problem;
import org.sahaya.server.http.contract.ProblemException;
import org.sahaya.server.http.device.DeviceSignatureHandler;

/**
 * {@code POST /api/v1/alerts}, after authentication and contract validation: turns the body into
 * an {@link Alert}, hands it to the reception (persist, triage, open or join), answers 202 once it
 * is stored. The same alert again gets the same body.
 */
public final class AlertHandler implements Handler<RoutingContext> {

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
            alert = toAlert(body, device, ctx.get(HttpApi.RECEIVED_AT));
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

    /** The shared v1 normalisation ({@link AlertPayload}), its refusals as problems naming the field. */
    static Alert toAlert(JsonObject body, Device device, Instant receivedAt) {
        try {
            return AlertPayload.normalise(body, device, receivedAt);
        } catch (InvalidAlert e) {
            throw new ProblemException(e.kind() == InvalidAlert.Kind.DEVICE_MISMATCH
                    ? Problem.ofField(422, "device-mismatch", "Device mismatch",
                            "deviceId in the body must be the signing device, X-Device-Id", e.field())
                    : Problem.ofField(422, "invalid-field", "Invalid field", e.detail(), e.field()));
        }
    }
}
