package org.sahaya.server.admin.people;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.IllformedLocaleException;
import java.util.List;
import java.util.Locale;
import org.sahaya.server.admin.RecordRefused;
import org.sahaya.server.admin.RecordRefused.Fault;

/**
 * Reads the fields of one record's JSON and collects every fault, each named by its path
 * ({@code home.lat}), so that a refusal lists all that is wrong at once. Pure.
 */
final class Checks {

    /** Ids people and imports choose: letters, digits and {@code . _ : -}, 1 to 64 characters. */
    static final java.util.regex.Pattern ID_PATTERN = java.util.regex.Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    private final List<Fault> faults = new ArrayList<>();

    void fault(String field, String reason) {
        faults.add(Fault.invalid(field, reason));
    }

    boolean ok() {
        return faults.isEmpty();
    }

    /** @throws RecordRefused if any fault was found */
    void orRefuse() throws RecordRefused {
        if (!faults.isEmpty()) {
            throw new RecordRefused(faults);
        }
    }

    String text(JsonObject json, String key, String path, int max, boolean required) {
        Object value = json == null ? null : json.getValue(key);
        if (value == null) {
            if (required) {
                fault(path, "is required");
            }
            return null;
        }
        if (!(value instanceof String s)) {
            fault(path, "must be a string");
            return null;
        }
        String trimmed = s.trim();
        if (required && trimmed.isEmpty()) {
            fault(path, "must not be blank");
            return null;
        }
        if (trimmed.length() > max) {
            fault(path, "must be at most " + max + " characters");
            return null;
        }
        return trimmed.isEmpty() ? null : trimmed;
    }

    String id(JsonObject json, String key, String path, boolean required) {
        String id = text(json, key, path, 64, required);
        if (id != null && !ID_PATTERN.matcher(id).matches()) {
            fault(path, "may hold only letters, digits and . _ : -");
            return null;
        }
        return id;
    }

    Double number(JsonObject json, String key, String path, double min, double max) {
        Object value = json == null ? null : json.getValue(key);
        if (!(value instanceof Number n) || Double.isNaN(n.doubleValue())) {
            fault(path, value == null ? "is required" : "must be a number");
            return null;
        }
        double d = n.doubleValue();
        if (d < min || d > max) {
            fault(path, "must be between " + (long) min + " and " + (long) max);
            return null;
        }
        return d;
    }

    /** An IANA zone id such as {@code Asia/Kolkata}; null when absent and not required. */
    String zone(JsonObject json, String key, String path, boolean required) {
        String zone = text(json, key, path, 64, required);
        if (zone == null) {
            return null;
        }
        try {
            return ZoneId.of(zone).getId();
        } catch (DateTimeException e) {
            fault(path, "not an IANA time zone such as Asia/Kolkata");
            return null;
        }
    }

    /** A well-formed BCP 47 language tag such as {@code hi-IN}. */
    String language(JsonObject json, String key, String path, boolean required) {
        String tag = text(json, key, path, 35, required);
        if (tag == null) {
            return null;
        }
        try {
            Locale locale = new Locale.Builder().setLanguageTag(tag).build();
            if (locale.getLanguage().isEmpty()) {
                throw new IllformedLocaleException("no language");
            }
            return locale.toLanguageTag();
        } catch (IllformedLocaleException e) {
            fault(path, "not a BCP 47 language tag such as hi-IN");
            return null;
        }
    }

    Boolean bool(JsonObject json, String key, String path) {
        Object value = json == null ? null : json.getValue(key);
        if (!(value instanceof Boolean b)) {
            fault(path, value == null ? "is required" : "must be true or false");
            return null;
        }
        return b;
    }

    JsonObject object(JsonObject json, String key, String path, boolean required) {
        Object value = json == null ? null : json.getValue(key);
        if (value == null) {
            if (required) {
                fault(path, "is required");
            }
            return null;
        }
        if (!(value instanceof JsonObject o)) {
            fault(path, "must be an object");
            return null;
        }
        return o;
    }

    /** A list of strings, each at most {@code max} characters; empty when absent. */
    List<String> texts(JsonObject json, String key, String path, int max, int most) {
        Object value = json == null ? null : json.getValue(key);
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof JsonArray array)) {
            fault(path, "must be an array");
            return List.of();
        }
        if (array.size() > most) {
            fault(path, "must have at most " + most + " items");
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            Object item = array.getValue(i);
            if (!(item instanceof String s) || s.isBlank() || s.length() > max) {
                fault(path + "[" + i + "]", "must be a non-blank string of at most " + max + " characters");
            } else {
                out.add(s.trim());
            }
        }
        return out;
    }
}
