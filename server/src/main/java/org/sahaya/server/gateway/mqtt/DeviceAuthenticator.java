package org.sahaya.server.gateway.mqtt;

import io.vertx.core.Future;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.sahaya.core.subscriber.Device;
import org.sahaya.core.subscriber.DeviceCredential;
import org.sahaya.server.access.FailureThrottle;

/**
 * Authenticates a CONNECT: the client id and the username are the device id, the password is the
 * device's secret. A node not in demo mode refuses demo devices, as the HTTP gateway does. An
 * unknown device and a wrong secret get the same refusal after the same comparison.
 *
 * <p>Failed CONNECTs are counted per client id and per address ({@link FailureThrottle}); once
 * either has failed too often, a further failure is refused as {@link ConnectRefusal#THROTTLED}
 * (answered late by the gateway). A CONNECT with the right secret is never held back, from any
 * address: many devices share a carrier's address.
 */
public final class DeviceAuthenticator {

    /** The outcome of a CONNECT. */
    public sealed interface Result {
        /** The device may connect. */
        record Accepted(Device device) implements Result {
        }

        /** The device may not, for this reason. */
        record Refused(ConnectRefusal reason) implements Result {
        }
    }

    /** Compared with the password of an unknown device, so it costs what a known one does. */
    private static final String NO_DEVICE_SECRET = "sahaya-no-such-device-" + java.util.UUID.randomUUID();

    private final Function<String, Future<Optional<DeviceCredential>>> devices;
    private final boolean demoMode;
    private final FailureThrottle failures;
    private final Clock clock;

    /** @param devices looks a device up by id without blocking the caller */
    public DeviceAuthenticator(Function<String, Future<Optional<Device>>> devices, boolean demoMode) {
        this(devices, demoMode, null);
    }

    /** @param failures failed CONNECTs per client id and address; null counts none */
    public DeviceAuthenticator(Function<String, Future<Optional<Device>>> devices, boolean demoMode,
                               FailureThrottle failures) {
        this(id -> devices.apply(id).map(found -> found.map(DeviceCredential::of)), demoMode, failures,
                Clock.systemUTC(), true);
    }

    private DeviceAuthenticator(Function<String, Future<Optional<DeviceCredential>>> credentials, boolean demoMode,
                                FailureThrottle failures, Clock clock, boolean unused) {
        this.devices = credentials;
        this.demoMode = demoMode;
        this.failures = failures;
        this.clock = clock;
    }

    /**
     * The node's authenticator: checks the current secret, the previous one while its grace period lasts
     * (on {@code clock}), and refuses a revoked device as it refuses a wrong secret.
     *
     * @param credentials looks a device's credential up by id without blocking the caller, secrets opened
     */
    public static DeviceAuthenticator ofCredentials(Function<String, Future<Optional<DeviceCredential>>> credentials,
                                                    boolean demoMode, FailureThrottle failures, Clock clock) {
        return new DeviceAuthenticator(credentials, demoMode, failures, clock, true);
    }

    public Future<Result> authenticate(String clientId, String username, String password) {
        return authenticate(clientId, username, password, null);
    }

    /** @param address the client's IP address, or null if not known */
    public Future<Result> authenticate(String clientId, String username, String password, String address) {
        return check(clientId, username, password).map(result -> counted(result, clientId, address));
    }

    private Result counted(Result result, String clientId, String address) {
        if (failures == null || !(result instanceof Result.Refused refused) || !refused.reason().failedAuthentication()) {
            return result;
        }
        String byDevice = clientId == null ? null : "device:" + clientId;
        String byAddress = address == null ? null : "address:" + address;
        boolean blocked = failures.blocked(byDevice) || failures.blocked(byAddress);
        failures.failed(byDevice);
        failures.failed(byAddress);
        return blocked ? new Result.Refused(ConnectRefusal.THROTTLED) : result;
    }

    private Future<Result> check(String clientId, String username, String password) {
        if (username == null || password == null) {
            return Future.succeededFuture(new Result.Refused(ConnectRefusal.NO_CREDENTIALS));
        }
        if (!username.equals(clientId)) {
            return Future.succeededFuture(new Result.Refused(ConnectRefusal.CLIENT_ID_MISMATCH));
        }
        return devices.apply(username)
                .map(found -> decide(found, password, demoMode, clock.instant()))
                .otherwise(failure -> new Result.Refused(ConnectRefusal.UNAVAILABLE));
    }

    /** The decision once the device is looked up; the secret is compared in constant time. */
    static Result decide(Optional<Device> found, String password, boolean demoMode) {
        return decide(found.map(DeviceCredential::of), password, demoMode, java.time.Instant.EPOCH);
    }

    /**
     * The decision for a credential at {@code now}: the current secret, or the previous one within its grace.
     * A revoked device is refused as a wrong secret is, after the same comparisons.
     */
    static Result decide(Optional<DeviceCredential> found, String password, boolean demoMode, Instant now) {
        boolean same = false;
        for (String secret : found.map(c -> c.accepted(now)).orElse(List.of(NO_DEVICE_SECRET))) {
            same |= sameSecret(secret, password);
        }
        if (found.isEmpty() || !same || found.get().revoked()) {
            return new Result.Refused(ConnectRefusal.BAD_CREDENTIALS);
        }
        Device device = found.get().device();
        if (device.demo() && !demoMode) {
            return new Result.Refused(ConnectRefusal.DEMO_REFUSED);
        }
        return new Result.Accepted(device);
    }

    private static boolean sameSecret(String secret, String password) {
        return MessageDigest.isEqual(secret.getBytes(StandardCharsets.UTF_8), password.getBytes(StandardCharsets.UTF_8));
    }
}
