package org.sahaya.server.http.device;

import io.vertx.core.Handler;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import org.sahaya.core.subscriber.Device;
import org.sahaya.server.device.DeviceHealth;
import org.sahaya.server.http.HttpApi;
import org.sahaya.server.http.contract.Problem;

/**
 * {@code POST /api/v1/devices/{id}/heartbeat}, after authentication, validation and the rate limit:
 * the device is alive, and may say how charged it is. Answers 204; nothing is stored on the way
 * (the device-health sweep persists it), so a heartbeat costs the node no database write.
 */
public final class HeartbeatHandler implements Handler<RoutingContext> {

    private final DeviceHealth health;

    public HeartbeatHandler(DeviceHealth health) {
        this.health = health;
    }

    @Override
    public void handle(RoutingContext ctx) {
        Device device = ctx.get(DeviceSignatureHandler.DEVICE);
        if (!device.id().equals(ctx.pathParam("id"))) {
            Problem.ofField(403, "device-mismatch", "Device mismatch",
                    "a device may only send its own heartbeat: the path must name X-Device-Id", "id").send(ctx);
            return;
        }
        Integer battery = null;
        if (ctx.body().length() > 0) {
            JsonObject body = ctx.body().asJsonObject();
            battery = body.getInteger("batteryPercent");
        }
        Instant at = ctx.get(HttpApi.RECEIVED_AT);
        health.heard(device.id(), at, DeviceAdmission.GATEWAY, battery);
        ctx.response().setStatusCode(204).end();
    }
}
