package org.sahaya.server.http.device;

import org.sahaya.core.subscriber.DeviceSignature;

import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;
import org.sahaya.core.subscriber.Device;
import org.sahaya.server.http.contract.Problem;

/**
 * Authenticates the device of an alert before anything else looks at the body: unsigned, unknown,
 * demo-on-a-production-node, stale and forged requests each get their own 401/403 problem.
 */
public final class DeviceSignatureHandler implements io.vertx.core.Handler<RoutingContext> {

    public static final String DEVICE = "sahaya.device";

    private final Function<String, Future<Optional<Device>>> devices;
    private final Clock clock;
    private final Duration window;
    private final boolean demoMode;

    public DeviceSignatureHandler(Function<String, Future<Optional<Device>>> devices, Clock clock, Duration window,
                                  boolean demoMode) {
        this.devices = devices;
        this.clock = clock;
        this.window = window;
        this.demoMode = demoMode;
    }

    @Override
    public void handle(RoutingContext ctx) {
        String deviceId = ctx.request().getHeader("X-Device-Id");
        String timestamp = ctx.request().getHeader("X-Timestamp");
        String signature = ctx.request().getHeader("X-Signature");
        String missing = deviceId == null ? "X-Device-Id" : timestamp == null ? "X-Timestamp" : signature == null ? "X-Signature" : null;
        if (missing != null) {
            Problem.ofField(401, "signature-missing", "Unsigned request",
                    "alerts must carry X-Device-Id, X-Timestamp and X-Signature; " + missing + " is missing", missing).send(ctx);
            return;
        }
        devices.apply(deviceId).onComplete(found -> {
            if (found.failed()) {
                ctx.fail(found.cause());
                return;
            }
            Optional<Device> device = found.result();
            if (device.isEmpty()) {
                Problem.ofField(401, "unknown-device", "Unknown device", "no device is registered as " + deviceId,
                        "X-Device-Id").send(ctx);
                return;
            }
            if (device.get().demo() && !demoMode) {
                Problem.ofField(403, "demo-credentials-refused", "Demo credentials refused",
                        "this node is not in demo mode and refuses demo devices", "X-Device-Id").send(ctx);
                return;
            }
            byte[] body = ctx.body().buffer() == null ? new byte[0] : ctx.body().buffer().getBytes();
            switch (DeviceSignature.verify(device.get().secret(), timestamp, signature, body, clock.instant(), window)) {
                case VALID -> {
                    ctx.put(DEVICE, device.get());
                    ctx.next();
                }
                case BAD_TIMESTAMP -> Problem.ofField(401, "timestamp-invalid", "Invalid timestamp",
                        "X-Timestamp must be epoch milliseconds", "X-Timestamp").send(ctx);
                case OUTSIDE_WINDOW -> Problem.ofField(401, "timestamp-outside-window", "Timestamp outside the replay window",
                        "X-Timestamp must be within " + window.toSeconds() + " s of " + clock.instant(), "X-Timestamp").send(ctx);
                case BAD_SIGNATURE -> Problem.ofField(401, "signature-invalid", "Invalid signature",
                        "X-Signature is not the HMAC-SHA256 of X-Timestamp, a newline and the body with this device's secret",
                        "X-Signature").send(ctx);
            }
        });
    }
}
