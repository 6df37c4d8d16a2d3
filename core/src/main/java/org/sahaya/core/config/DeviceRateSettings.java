package org.sahaya.core.config;

/**
 * The per-device rate limit shared by every gateway (emergencies are never refused by it).
 *
 * @param perSecond {@code SAHAYA_DEVICE_RATE_PER_SECOND}, default 1: sustained routine messages per device
 * @param burst     {@code SAHAYA_DEVICE_BURST}, default 20: how many a quiet device may send at once
 */
public record DeviceRateSettings(double perSecond, int burst) {

    public DeviceRateSettings {
        if (!(perSecond > 0)) {
            throw new ConfigException("SAHAYA_DEVICE_RATE_PER_SECOND", "must be positive");
        }
        if (burst < 1) {
            throw new ConfigException("SAHAYA_DEVICE_BURST", "must be at least 1");
        }
    }

    static DeviceRateSettings from(Settings s) {
        String rate = s.get("SAHAYA_DEVICE_RATE_PER_SECOND", "1");
        double perSecond;
        try {
            perSecond = Double.parseDouble(rate);
        } catch (NumberFormatException e) {
            throw new ConfigException("SAHAYA_DEVICE_RATE_PER_SECOND", "must be a number, was '" + rate + "'");
        }
        return new DeviceRateSettings(perSecond, s.getInt("SAHAYA_DEVICE_BURST", 20));
    }
}
