package org.sahaya.server.admin.city;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.sahaya.core.Coordinates;
import org.sahaya.server.admin.RecordRefused;
import org.sahaya.server.admin.RecordRefused.Fault;

/**
 * Reads one record's JSON field by field, collecting every refusal instead of stopping at the first, so
 * that an operator (or an import report) learns all that is wrong with a record at once. Each getter
 * answers null for a field refused or absent; {@link #done()} throws when anything was refused.
 */
final class Fields {

    private static final Pattern WORD = Pattern.compile("^[A-Z][A-Z0-9_]{0,39}$");

    private final JsonObject json;
    private final List<Fault> faults = new ArrayList<>();

    Fields(JsonObject json) {
        this.json = json == null ? new JsonObject() : json;
    }

    boolean has(String name) {
        return json.containsKey(name) && json.getValue(name) != null;
    }

    void refuse(String field, String reason) {
        faults.add(Fault.invalid(field, reason));
    }

    void refuse(String field, String reason, int status) {
        faults.add(new Fault(field, reason, status));
    }

    String text(String name, int max, boolean required) {
        Object value = json.getValue(name);
        if (value == null) {
            if (required) {
                refuse(name, "is required");
            }
            return null;
        }
        if (!(value instanceof String s) || s.isBlank()) {
            refuse(name, "must be a non-blank string");
            return null;
        }
        if (s.strip().length() > max) {
            refuse(name, "must have at most " + max + " characters");
            return null;
        }
        return s.strip();
    }

    String matching(String name, Pattern pattern, String what, boolean required) {
        String s = text(name, 200, required);
        if (s != null && !pattern.matcher(s).matches()) {
            refuse(name, "must be " + what);
            return null;
        }
        return s;
    }

    Integer integer(String name, int min, int max, boolean required) {
        Object value = json.getValue(name);
        if (value == null) {
            if (required) {
                refuse(name, "is required");
            }
            return null;
        }
        if (!(value instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue())
                || n.doubleValue() < min || n.doubleValue() > max) {
            refuse(name, "must be a whole number from " + min + " to " + max);
            return null;
        }
        return n.intValue();
    }

    boolean bool(String name, boolean otherwise) {
        Object value = json.getValue(name);
        if (value == null) {
            return otherwise;
        }
        if (!(value instanceof Boolean b)) {
            refuse(name, "must be true or false");
            return otherwise;
        }
        return b;
    }

    <E extends Enum<E>> E choice(String name, Class<E> type, boolean required) {
        String s = text(name, 40, required);
        if (s == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, s.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            refuse(name, "must be one of " + java.util.Arrays.toString(type.getEnumConstants()));
            return null;
        }
    }

    /** An {@code {lat, lon}} object in WGS84 ranges. */
    Coordinates position(String name, boolean required) {
        Object value = json.getValue(name);
        if (value == null) {
            if (required) {
                refuse(name, "is required");
            }
            return null;
        }
        if (!(value instanceof JsonObject p)) {
            refuse(name, "must be an object {lat, lon}");
            return null;
        }
        Object lat = p.getValue("lat");
        Object lon = p.getValue("lon");
        boolean ok = true;
        if (!(lat instanceof Number la) || Math.abs(la.doubleValue()) > 90) {
            refuse(name + ".lat", "must be a number from -90 to 90");
            ok = false;
        }
        if (!(lon instanceof Number lo) || Math.abs(lo.doubleValue()) > 180) {
            refuse(name + ".lon", "must be a number from -180 to 180");
            ok = false;
        }
        return ok ? new Coordinates(((Number) lat).doubleValue(), ((Number) lon).doubleValue()) : null;
    }

    /**
     * A list of upper-case words (capabilities): any word is taken, the documented ones are the usual; at
     * most {@code maxItems}, duplicates dropped, empty when absent.
     */
    List<String> words(String name, int maxItems) {
        Object value = json.getValue(name);
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof JsonArray array) || array.size() > maxItems) {
            refuse(name, "must be a list of at most " + maxItems + " words");
            return List.of();
        }
        Set<String> out = new LinkedHashSet<>();
        for (int i = 0; i < array.size(); i++) {
            Object item = array.getValue(i);
            String word = item instanceof String s ? s.strip().toUpperCase(Locale.ROOT) : null;
            if (word == null || !WORD.matcher(word).matches()) {
                refuse(name + "[" + i + "]", "must be a word of letters, digits and _ (e.g. OXYGEN)");
            } else {
                out.add(word);
            }
        }
        return List.copyOf(out);
    }

    JsonObject object(String name) {
        Object value = json.getValue(name);
        if (value != null && !(value instanceof JsonObject)) {
            refuse(name, "must be an object");
            return null;
        }
        return (JsonObject) value;
    }

    /** @throws RecordRefused naming every field refused so far */
    void done() throws RecordRefused {
        if (!faults.isEmpty()) {
            throw new RecordRefused(faults);
        }
    }
}
