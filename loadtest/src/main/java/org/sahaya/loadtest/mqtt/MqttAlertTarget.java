package org.sahaya.loadtest.mqtt;

import io.vertx.core.Future;
import java.time.Duration;
import org.sahaya.core.alert.AlertType;
import org.sahaya.loadtest.run.Target;
import org.sahaya.loadtest.alerts.AlertTarget;
import org.sahaya.loadtest.alerts.TrafficMix;

/**
 * Sends the {@link TrafficMix}'s alerts as QoS 1 publishes on {@code devices/{deviceId}/alerts},
 * each over its device's own connection; answered when the PUBACK arrives. The same JSON as the
 * HTTP target sends.
 */
public final class MqttAlertTarget implements Target {

    private final MqttDevices devices;
    private final String runTag;
    private final TrafficMix mix;
    private final long timeoutMillis;
    private final Acknowledged acknowledged;

    /** Told of every alert the broker PUBACKed: its device, alert id (as sent) and type. */
    @FunctionalInterface
    public interface Acknowledged {
        void alert(String deviceId, String alertId, AlertType type, long sentAtMillis);
    }

    public MqttAlertTarget(MqttDevices devices, String runTag, TrafficMix mix, Duration timeout) {
        this(devices, runTag, mix, timeout, (device, id, type, at) -> { });
    }

    public MqttAlertTarget(MqttDevices devices, String runTag, TrafficMix mix, Duration timeout, Acknowledged acknowledged) {
        this.devices = devices;
        this.runTag = runTag;
        this.mix = mix;
        this.timeoutMillis = timeout.toMillis();
        this.acknowledged = acknowledged;
    }

    @Override
    public Future<Integer> send(long sequence) {
        TrafficMix.Planned alert = mix.alert(sequence);
        long sentAt = System.currentTimeMillis();
        return devices.of(alert.deviceId()).publish("devices/" + alert.deviceId() + "/alerts",
                AlertTarget.body(runTag, sequence, alert), timeoutMillis).onSuccess(status -> {
                    if (status / 100 == 2) {
                        acknowledged.alert(alert.deviceId(), AlertTarget.alertId(runTag, sequence), alert.type(), sentAt);
                    }
                });
    }
}
