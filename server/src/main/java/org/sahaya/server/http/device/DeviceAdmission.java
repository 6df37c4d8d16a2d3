package org.sahaya.server.http.device;

import io.vertx.core.Handler;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import org.sahaya.core.alert.AlertType;
import org.sahaya.core.subscriber.Device;
import org.sahaya.server.device.DeviceActivity;
import org.sahaya.server.device.DeviceRateLimit;
import org.sahaya.server.http.HttpApi;
import org.sahaya.server.http.contract.Problem;

/**
 * After a device's request is authenticated and valid: notes that the device was heard, then
 * refuses routine traffic beyond the device's rate with 429 and {@code Retry-After}. Emergencies
 * and "I'm OK" are never refused ({@link DeviceRateLimit}).
 */
public final class DeviceAdmission {

    public static final String GATEWAY = "http";

    private final DeviceActivity activity;
    private final DeviceRateLimit limit;
    private final long retryAfterSeconds;

    /** @param ratePerSecond the limit's sustained rate, to tell a refused device when to come back */
    public DeviceAdmission(DeviceActivity activity, DeviceRateLimit limit, double ratePerSecond) {
        this.activity = activity;
        this.limit = limit;
        this.retryAfterSeconds = Math.max(1, (long) Math.ceil(1 / ratePerSecond));
    }

    /** For {@code POST /api/v1/alerts}: the alert's type decides whether it may be refused. */
    public Handler<RoutingContext> alerts() {
        return ctx -> {
            Device device = heard(ctx);
            JsonObject body = ctx.body().asJsonObject();
            admitOrRefuse(ctx, limit.admit(device.id(), AlertType.valueOf(body.getString("type"))));
        };
    }

    /** For heartbeats: always routine. */
    public Handler<RoutingContext> routine() {
        return ctx -> admitOrRefuse(ctx, limit.admitRoutine(heard(ctx).id()));
    }

    private Device heard(RoutingContext ctx) {
        Device device = ctx.get(DeviceSignatureHandler.DEVICE);
        Instant at = ctx.get(HttpApi.RECEIVED_AT);
        activity.heard(device.id(), at, GATEWAY);
        return device;
    }

    private void admitOrRefuse(RoutingContext ctx, boolean admitted) {
        if (admitted) {
            ctx.next();
            return;
        }
        ctx.response().putHeader("Retry-After", Long.toString(retryAfterSeconds));
        Problem.ofField(429, "rate-limited", "Too many requests",
                "this device sent more routine messages than it may; retry after " + retryAfterSeconds
                        + " s (emergencies are never refused)", "X-Device-Id").send(ctx);
    }
}
