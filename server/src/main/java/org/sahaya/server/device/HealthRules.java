package org.sahaya.server.device;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.sahaya.core.config.DeviceSettings;

/**
 * Decides what a device's state means now. Pure: data in, data out.
 *
 * <p>A silence is raised once: the alert id is derived from the last time the device was heard, so
 * a sweep repeated after a crash, or run by a second member, finds the same alert already stored.
 */
final class HealthRules {

    /** Battery readings this far above the low mark count as charged, so a reading hovering at the mark is told once. */
    static final int CHARGED_MARGIN = 5;
    /** A battery still low this long after the family was told is told again. */
    static final Duration LOW_BATTERY_REMINDER = Duration.ofHours(24);

    private final DeviceSettings settings;

    HealthRules(DeviceSettings settings) {
        this.settings = settings;
    }

    List<HealthVerdict> judge(DeviceState device, Instant now) {
        List<HealthVerdict> verdicts = new ArrayList<>();
        Instant overdue = overdueAt(device);
        if (device.offlineSince() == null) {
            if (now.isAfter(overdue)) {
                verdicts.add(new HealthVerdict.Offline(device.deviceId(),
                        "sahaya-offline-" + device.lastHeard().toEpochMilli(), overdue));
            }
        } else if (device.lastHeard().isAfter(device.offlineSince())) {
            verdicts.add(new HealthVerdict.BackOnline(device.deviceId(), device.offlineIncidentId(), device.lastHeard(),
                    device.lastGateway()));
        }
        Integer battery = device.batteryPercent();
        if (battery != null) {
            if (battery <= settings.lowBatteryPercent() && lowBatteryIsNews(device.lowBatterySince(), now)) {
                verdicts.add(new HealthVerdict.BatteryLow(device.deviceId(),
                        "sahaya-battery-low-" + device.lastHeard().toEpochMilli(), device.lastHeard()));
            } else if (battery > settings.lowBatteryPercent() + CHARGED_MARGIN && device.lowBatterySince() != null) {
                verdicts.add(new HealthVerdict.BatteryCharged(device.deviceId()));
            }
        }
        return verdicts;
    }

    /** When the device becomes overdue: its last sighting plus its interval plus the grace. */
    Instant overdueAt(DeviceState device) {
        Duration interval = device.interval() != null ? device.interval() : settings.heartbeat();
        return device.lastHeard().plus(interval).plus(settings.grace());
    }

    static boolean lowBatteryIsNews(Instant toldAt, Instant now) {
        return toldAt == null || !toldAt.plus(LOW_BATTERY_REMINDER).isAfter(now);
    }
}
