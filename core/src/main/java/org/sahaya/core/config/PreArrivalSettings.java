package org.sahaya.core.config;

import java.time.Duration;

/**
 * What the pre-arrival notice to a receiving hospital assumes about the time between the unit's
 * arrival at the patient and its departure for the hospital.
 *
 * @param onSceneMinutes {@code SAHAYA_ON_SCENE_MINUTES}, default 15: minutes a crew is expected to spend with the
 *                       patient before transporting; the expected arrival at the hospital before transport is
 *                       the ETA to the patient, this, and the drive from the patient to the hospital
 */
public record PreArrivalSettings(int onSceneMinutes) {

    public static final int DEFAULT_ON_SCENE_MINUTES = 15;

    public PreArrivalSettings {
        if (onSceneMinutes < 0 || onSceneMinutes > 240) {
            throw new ConfigException("SAHAYA_ON_SCENE_MINUTES", "must be 0 to 240 minutes, was " + onSceneMinutes);
        }
    }

    public static PreArrivalSettings from(Settings s) {
        return new PreArrivalSettings(s.getInt("SAHAYA_ON_SCENE_MINUTES", DEFAULT_ON_SCENE_MINUTES));
    }

    /** {@link #onSceneMinutes} as a duration. */
    public Duration onScene() {
        return Duration.ofMinutes(onSceneMinutes);
    }
}
