package org.sahaya.loadtest.dc09;

import io.vertx.core.Future;
import java.time.Duration;
import org.sahaya.core.alert.AlertType;
import org.sahaya.loadtest.run.Target;
import org.sahaya.loadtest.alerts.TrafficMix;

/**
 * Sends the {@link TrafficMix}'s alerts as SIA-DCS events from the demo hubs: TEST as an automatic
 * test report ({@code RP}), LOW_BATTERY as a system battery trouble ({@code YT}), FALL as a medical
 * alarm ({@code MA}), SOS as a panic alarm ({@code PA}). The hub is the one the mix's device number
 * falls on; latency runs to the receiver's ACK.
 */
public final class Dc09AlertTarget implements Target {

    private final Dc09Panels panels;
    private final TrafficMix mix;
    private final long timeoutMillis;
    private final Acknowledged acknowledged;

    /** Told of every alert the receiver ACKed: the hub's device id and the alert's type. */
    @FunctionalInterface
    public interface Acknowledged {
        void alert(String hubDeviceId, AlertType type, long sentAtMillis);
    }

    public Dc09AlertTarget(Dc09Panels panels, TrafficMix mix, Duration timeout) {
        this(panels, mix, timeout, (hub, type, at) -> { });
    }

    public Dc09AlertTarget(Dc09Panels panels, TrafficMix mix, Duration timeout, Acknowledged acknowledged) {
        this.panels = panels;
        this.mix = mix;
        this.timeoutMillis = timeout.toMillis();
        this.acknowledged = acknowledged;
    }

    /** The SIA event for an alert type, zone 01. */
    static String event(AlertType type) {
        return "Nri1/" + switch (type) {
            case FALL, MEDICAL -> "MA";
            case SOS -> "PA";
            case LOW_BATTERY -> "YT";
            default -> "RP";
        } + "01";
    }

    @Override
    public Future<Integer> send(long sequence) {
        TrafficMix.Planned alert = mix.alert(sequence);
        int device = Integer.parseInt(alert.deviceId().substring("demo-".length()));
        long sentAt = System.currentTimeMillis();
        return panels.panel(device).send(event(alert.type()), timeoutMillis).onSuccess(status -> {
            if (status / 100 == 2) {
                acknowledged.alert(panels.hubDeviceId(device), alert.type(), sentAt);
            }
        });
    }
}
