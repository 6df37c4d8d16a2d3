package org.sahaya.server.http.device;

import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;
import org.sahaya.core.subscriber.Device;
import org.sahaya.core.subscriber.DeviceCredential;
import org.sahaya.core.subscriber.DeviceSignature;
import org.sahaya.server.access.FailureThrottle;
import org.sahaya.server.http.contract.BadSignature;
import org.sahaya.server.http.contract.Problem;

/**
 * Authenticates the device of an alert before anything else looks at the body: unsigned,
 * demo-on-a-production-node, stale and forged requests each get their own 401/403 problem. An
 * unknown device id is answered exactly as a forged signature, after the same work (an HMAC with a
 * secret no device has), so device ids cannot be probed.
 *
 * <p>Failures are counted per device id and per address ({@link FailureThrottle}): once a key has
 * failed too often, a further failure gets 429 with {@code Retry-After} instead of its 401. A request
 * that authenticates is never held back, from whichever address: an emergency always goes through.
 */
public final class DeviceSignatureHandler implements io.vertx.core.Handler<RoutingContext> {

    public static final String DEVICE = "sahaya.device";
    /** Never a device's secret: what an unknown device's signature is checked against. */
    private static final String NO_DEVICE_SECRET = "sahaya-no-such-device-" + java.util.UUID.randomUUID();

    private final Function<String, Future<Optional<DeviceCredential>>> devices;
    private final Clock clock;
    private final Duration window;
    private final boolean demoMode;
    private final FailureThrottle failures;

    public DeviceSignatureHandler(Function<String, Future<Optional<Device>>> devices, Clock clock, Duration window,
                                  boolean demoMode) {
        this(devices, clock, window, demoMode, null);
    }

    /** @param failures failed authentications per device id and address; null counts none */
    public DeviceSignatureHandler(Function<String, Future<Optional<Device>>> devices, Clock clock, Duration window,
                                  boolean demoMode, FailureThrottle failures) {
        this(id -> devices.apply(id).map(found -> found.map(DeviceCredential::of)), clock, window, demoMode, failures,
                true);
    }

    private DeviceSignatureHandler(Function<String, Future<Optional<DeviceCredential>>> credentials, Clock clock,
                                   Duration window, boolean demoMode, FailureThrottle failures, boolean unused) {
        this.devices = credentials;
        this.clock = clock;
        this.window = window;
        this.demoMode = demoMode;
        this.failures = failures;
    }

    /**
     * The node's handler: a signature made with the current secret, or with the previous one while its
     * grace period lasts, is valid; a revoked device is answered as a forged signature, at once.
     *
     * @param credentials looks a device's credential up by id, secrets opened
     */
    public static DeviceSignatureHandler ofCredentials(Function<String, Future<Optional<DeviceCredential>>> credentials,
                                                       Clock clock, Duration window, boolean demoMode,
                                                       FailureThrottle failures) {
        return new DeviceSignatureHandler(credentials, clock, window, demoMode, failures, true);
    }

    /** The answer to a signature that is not the device's, and to a device id no device has. */
    public static Problem badSignature() {
        return BadSignature.problem();
    }

    @Override
    public void handle(RoutingContext ctx) {
        String deviceId = ctx.request().getHeader("X-Device-Id");
        String timestamp = ctx.request().getHeader("X-Timestamp");
        String signature = ctx.request().getHeader("X-Signature");
        String missing = deviceId == null ? "X-Device-Id" : timestamp == null ? "X-Timestamp" : signature == null ? "X-Signature" : null;
        if (missing != null) {
            fail(ctx, deviceId, Problem.ofField(401, "signature-missing", "Unsigned request",
                    "alerts must carry X-Device-Id, X-Timestamp and X-Signature; " + missing + " is missing", missing));
            return;
        }
        devices.apply(deviceId).onComplete(found -> {
            if (found.failed()) {
                ctx.fail(found.cause());
                return;
            }
            Optional<DeviceCredential> credential = found.result();
            Optional<Device> device = credential.map(DeviceCredential::device);
            if (device.isPresent() && device.get().demo() && !demoMode) {
                fail(ctx, deviceId, Problem.ofField(403, "demo-credentials-refused", "Demo credentials refused",
                        "this node is not in demo mode and refuses demo devices", "X-Device-Id"));
                return;
            }
            byte[] body = ctx.body().buffer() == null ? new byte[0] : ctx.body().buffer().getBytes();
            java.time.Instant now = clock.instant();
            DeviceSignature.Verdict verdict = DeviceSignature.Verdict.BAD_SIGNATURE;
            for (String secret : credential.map(c -> c.accepted(now)).orElse(java.util.List.of(NO_DEVICE_SECRET))) {
                verdict = DeviceSignature.verify(secret, timestamp, signature, body, now, window);
                if (verdict != DeviceSignature.Verdict.BAD_SIGNATURE) {
                    break;
                }
            }
            // Unknown and revoked devices: the same answer as a forged signature, after the same work.
            boolean refused = credential.isEmpty() || credential.get().revoked();
            switch (refused && verdict == DeviceSignature.Verdict.VALID ? DeviceSignature.Verdict.BAD_SIGNATURE : verdict) {
                case VALID -> {
                    ctx.put(DEVICE, device.get());
                    ctx.next();
                }
                case BAD_TIMESTAMP -> fail(ctx, deviceId, Problem.ofField(401, "timestamp-invalid", "Invalid timestamp",
                        "X-Timestamp must be epoch milliseconds", "X-Timestamp"));
                case OUTSIDE_WINDOW -> fail(ctx, deviceId, Problem.ofField(401, "timestamp-outside-window",
                        "Timestamp outside the replay window",
                        "X-Timestamp must be within " + window.toSeconds() + " s of " + clock.instant(), "X-Timestamp"));
                case BAD_SIGNATURE -> fail(ctx, deviceId, badSignature());
            }
        });
    }

    /** Counts the failure; the answer is {@code problem}, or 429 while the device id or the address has failed too often. */
    private void fail(RoutingContext ctx, String deviceId, Problem problem) {
        if (failures == null) {
            problem.send(ctx);
            return;
        }
        String byDevice = deviceId == null ? null : "device:" + deviceId;
        String byAddress = ctx.request().remoteAddress() == null ? null : "address:" + ctx.request().remoteAddress().hostAddress();
        boolean blocked = failures.blocked(byDevice) || failures.blocked(byAddress);
        failures.failed(byDevice);
        failures.failed(byAddress);
        if (!blocked) {
            problem.send(ctx);
            return;
        }
        Duration wait = failures.retryAfter(byDevice).compareTo(failures.retryAfter(byAddress)) >= 0
                ? failures.retryAfter(byDevice) : failures.retryAfter(byAddress);
        ctx.response().putHeader("Retry-After", Long.toString(Math.max(1, wait.toSeconds())));
        Problem.of(429, "too-many-failures", "Too many failed attempts",
                "too many failed device authentications from this device id or address; try again later").send(ctx);
    }
}
