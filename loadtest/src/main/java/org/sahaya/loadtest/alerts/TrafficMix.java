package org.sahaya.loadtest.alerts;

import org.sahaya.core.alert.AlertType;
import org.sahaya.core.subscriber.Device;

/**
 * Which device sends which kind of alert, as a pure function of the sequence number: spread
 * evenly over all demo devices, mostly record-only traffic (60% TEST, 30% LOW_BATTERY) and some
 * emergencies (5% FALL, 5% SOS) that go through triage and dispatch. The same seed gives the same
 * traffic, so the baseline and the node are sent identical requests.
 *
 * @param devices demo devices to use: {@code demo-0001 .. demo-<devices>}
 * @param seed    varies the draw between experiments
 */
public record TrafficMix(int devices, long seed) {

    /** The demo city has 550 devices; subscribers 1..500 own one each. */
    public static final int DEMO_DEVICES = 550;

    public TrafficMix {
        if (devices < 1 || devices > 9_999) {
            throw new IllegalArgumentException("devices must be 1..9999, was " + devices);
        }
    }

    /** One alert to send. The secret follows the demo convention and is never logged. */
    public record Planned(String deviceId, String secret, AlertType type) {
        @Override
        public String toString() {
            return "Planned[" + deviceId + ", " + type + "]";
        }
    }

    public Planned alert(long sequence) {
        long h = mix(seed + sequence * 0x9E3779B97F4A7C15L);
        int device = 1 + (int) Math.floorMod(h, (long) devices);
        int percent = (int) Math.floorMod(h >>> 32, 100L);
        AlertType type = percent < 60 ? AlertType.TEST
                : percent < 90 ? AlertType.LOW_BATTERY
                : percent < 95 ? AlertType.FALL
                : AlertType.SOS;
        String id = Device.demoId(device);
        return new Planned(id, Device.demoSecret(id), type);
    }

    /** For the report: what this traffic is. */
    public String describe() {
        return devices + " demo devices, 60% TEST, 30% LOW_BATTERY, 5% FALL, 5% SOS (seed " + seed + ")";
    }

    /** SplitMix64's finaliser: consecutive sequence numbers land far apart. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
