package org.sahaya.server.demo;

import java.util.ArrayList;
import java.util.List;
import org.sahaya.core.subscriber.Device;
import org.sahaya.core.subscriber.Subscriber;

/**
 * Demo credentials anyone can use to sign an alert by hand: subscriber {@code S-0001} wears
 * {@code demo-0001} with secret {@code demo-secret-0001}, and so on. Every tenth subscriber also
 * has a home hub, numbered after the last subscriber ({@code demo-0501} belongs to {@code S-0010}).
 */
final class DemoDevices {

    static final int SECOND_DEVICE_EVERY = 10;

    private DemoDevices() {
    }

    /** @param subscribers in order, the n-th (1-based) being {@code S-n} */
    static List<Device> forSubscribers(List<Subscriber> subscribers) {
        List<Device> devices = new ArrayList<>(subscribers.size() + subscribers.size() / SECOND_DEVICE_EVERY);
        for (int n = 1; n <= subscribers.size(); n++) {
            devices.add(device(n, subscribers.get(n - 1)));
        }
        for (int n = SECOND_DEVICE_EVERY; n <= subscribers.size(); n += SECOND_DEVICE_EVERY) {
            devices.add(device(subscribers.size() + n / SECOND_DEVICE_EVERY, subscribers.get(n - 1)));
        }
        return devices;
    }

    /**
     * Extra wearable number {@code n} for load runs: {@code demo-<first>}, {@code demo-<first+1>}, ...
     * are owned by the subscribers in turn, each with the published demo secret.
     */
    static Device extraDevice(List<Subscriber> subscribers, int first, int n) {
        return device(n, subscribers.get((n - first) % subscribers.size()));
    }

    private static Device device(int number, Subscriber owner) {
        return Device.demo(number, owner.id());
    }
}
