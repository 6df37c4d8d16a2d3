package org.sahaya.dispatch.triage;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;
import org.sahaya.core.json.Json;

/**
 * What a device's {@code vitals} say that changes the help to send: a suspected condition
 * ({@code "condition": "CARDIAC"} or {@code "STROKE"}), whether the person responds
 * ({@code "responsive": false}) and whether they move ({@code "movement": false}). Anything else
 * in the vitals, or vitals that are not JSON, leave triage to the alert type. Health data: never logged.
 *
 * @param condition  CARDIAC, STROKE or null
 * @param responsive null when the device does not say
 * @param movement   null when the device does not say
 */
public record Signals(String condition, Boolean responsive, Boolean movement) {

    public static final Signals NONE = new Signals(null, null, null);

    public static Signals from(String vitalsJson) {
        if (vitalsJson == null || vitalsJson.isBlank()) {
            return NONE;
        }
        try {
            JsonNode vitals = Json.mapper().readTree(vitalsJson);
            if (vitals == null || !vitals.isObject()) {
                return NONE;
            }
            String condition = vitals.path("condition").isTextual()
                    ? vitals.path("condition").asText().toUpperCase(Locale.ROOT) : null;
            return new Signals("CARDIAC".equals(condition) || "STROKE".equals(condition) ? condition : null,
                    flag(vitals, "responsive"), flag(vitals, "movement"));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return NONE;
        }
    }

    private static Boolean flag(JsonNode vitals, String name) {
        JsonNode v = vitals.path(name);
        return v.isBoolean() ? v.booleanValue() : null;
    }
}
