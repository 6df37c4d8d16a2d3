package org.sahaya.server.gateway.mqtt;

import io.vertx.core.Future;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import java.util.function.Function;
import org.sahaya.core.subscriber.Device;

/**
 * Authenticates a CONNECT: the client id and the username are the device id, the password is the
 * device's secret. A node not in demo mode refuses demo devices, as the HTTP gateway does.
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

    private final Function<String, Future<Optional<Device>>> devices;
    private final boolean demoMode;

    /** @param devices looks a device up by id without blocking the caller */
    public DeviceAuthenticator(Function<String, Future<Optional<Device>>> devices, boolean demoMode) {
        this.devices = devices;
        this.demoMode = demoMode;
    }

    public Future<Result> authenticate(String clientId, String username, String password) {
        if (username == null || password == null) {
            return Future.succeededFuture(new Result.Refused(ConnectRefusal.NO_CREDENTIALS));
        }
        if (!username.equals(clientId)) {
            return Future.succeededFuture(new Result.Refused(ConnectRefusal.CLIENT_ID_MISMATCH));
        }
        return devices.apply(username)
                .map(found -> decide(found, password, demoMode))
                .otherwise(failure -> new Result.Refused(ConnectRefusal.UNAVAILABLE));
    }

    /** The decision once the device is looked up; the secret is compared in constant time. */
    static Result decide(Optional<Device> found, String password, boolean demoMode) {
        if (found.isEmpty() || !sameSecret(found.get().secret(), password)) {
            return new Result.Refused(ConnectRefusal.BAD_CREDENTIALS);
        }
        if (found.get().demo() && !demoMode) {
            return new Result.Refused(ConnectRefusal.DEMO_REFUSED);
        }
        return new Result.Accepted(found.get());
    }

    private static boolean sameSecret(String secret, String password) {
        return MessageDigest.isEqual(secret.getBytes(StandardCharsets.UTF_8), password.getBytes(StandardCharsets.UTF_8));
    }
}
