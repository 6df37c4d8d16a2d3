package org.sahaya.server.device;

import java.time.Instant;
import org.sahaya.core.persistence.Database;
import org.sahaya.notify.family.LowBatteryNews;

/**
 * Whether a low battery is news to the family: told once per low period (until a heartbeat reports
 * the battery charged), and reminded after a day if it stays low. Blocking: call it off the event loop.
 */
public final class LowBatteryNotices implements LowBatteryNews {

    private final Database database;
    private final DeviceHealthRepository health = new DeviceHealthRepository();

    public LowBatteryNotices(Database database) {
        this.database = database;
    }

    /** @return true if this call takes the news, so the caller tells the family; false if they were told */
    @Override
    public boolean take(String deviceId, Instant now) {
        return database.inTransaction(c -> health.noticeLowBattery(c, deviceId, now, HealthRules.LOW_BATTERY_REMINDER));
    }
}
