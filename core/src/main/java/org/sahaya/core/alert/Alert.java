package org.sahaya.core.alert;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import org.sahaya.core.Coordinates;

/**
 * One normalised device alert, whatever gateway it came through.
 *
 * @param alertId     chosen by the device, unique per device; with {@code deviceId} the idempotency key
 * @param deviceId    the sending device
 * @param type        what happened
 * @param occurredAt  when the device says it happened
 * @param receivedAt  when our gateway received it (our clock)
 * @param location    where, if the device knows; otherwise the subscriber's home is assumed
 * @param accuracyM   accuracy of {@code location} in metres, if known
 * @param vitalsJson  vitals JSON as sent, if any, within {@link VitalsBound}; health data: never logged, never in an SMS
 * @param extrasTruncated true when the device's vitals went beyond {@link VitalsBound} and were cut (or
 *                    dropped): the alert itself is whole and is stored and dispatched all the same
 */
public record Alert(
        String alertId,
        String deviceId,
        AlertType type,
        Instant occurredAt,
        Instant receivedAt,
        Coordinates location,
        Double accuracyM,
        String vitalsJson,
        boolean extrasTruncated) implements Serializable {

    /** An alert as a gateway reads it: vitals beyond {@link VitalsBound} are cut here and flagged. */
    public Alert(String alertId, String deviceId, AlertType type, Instant occurredAt, Instant receivedAt,
                 Coordinates location, Double accuracyM, String vitalsJson) {
        this(alertId, deviceId, type, occurredAt, receivedAt, location, accuracyM, vitalsJson, false);
    }

    public Alert {
        // Every Alert fits its storage: an optional extra can never keep an emergency out of the database.
        VitalsBound.Kept kept = VitalsBound.apply(vitalsJson);
        vitalsJson = kept.json();
        extrasTruncated = extrasTruncated || kept.cut();
        Objects.requireNonNull(alertId, "alertId");
        Objects.requireNonNull(deviceId, "deviceId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(receivedAt, "receivedAt");
    }

    /** Deliberately omits location and vitals so an accidental log line leaks nothing personal. */
    @Override
    public String toString() {
        return "Alert[" + deviceId + "/" + alertId + " " + type + "]";
    }
}
