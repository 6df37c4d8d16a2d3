package org.sahaya.core.alert;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;
import org.sahaya.core.json.Json;

/**
 * The bound on an alert's optional {@code vitals}, so that an emergency is never lost to an optional
 * extra: vitals are kept as compact JSON of at most {@value #MAX_CHARS} characters (the size of the
 * {@code alerts.vitals} column) and at most {@value #MAX_DEPTH} levels deep. Vitals beyond either are cut,
 * entry by entry: the top-level entries are kept in the order sent, and an entry that would nest too
 * deep or push the text over the bound is dropped (later, smaller entries still fit). Vitals that are
 * not a JSON object are dropped whole. The alert itself is always kept; the cut is flagged.
 *
 * <p>Pure: text in, text out. Health data: nothing here is ever logged.
 */
public final class VitalsBound {

    /** Characters of compact JSON kept; the {@code alerts.vitals} column holds exactly this many. */
    public static final int MAX_CHARS = 8_000;
    /** Levels of nesting kept: {@code {"a":1}} is one level, {@code {"a":{"b":1}}} two. */
    public static final int MAX_DEPTH = 8;

    private VitalsBound() {
    }

    /** Vitals as stored, and whether anything was cut from what the device sent. */
    public record Kept(String json, boolean cut) {
    }

    public static Kept apply(String vitalsJson) {
        if (vitalsJson == null) {
            return new Kept(null, false);
        }
        if (vitalsJson.length() <= MAX_CHARS && depth(vitalsJson) <= MAX_DEPTH) {
            return new Kept(vitalsJson, false);
        }
        JsonNode sent;
        try {
            sent = Json.mapper().readTree(vitalsJson);
        } catch (JsonProcessingException | RuntimeException e) {
            return new Kept(null, true);
        }
        if (sent == null || !sent.isObject()) {
            return new Kept(null, true);
        }
        ObjectNode kept = Json.mapper().createObjectNode();
        int length = 2; // {}
        for (Iterator<Map.Entry<String, JsonNode>> it = sent.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            if (1 + depth(entry.getValue()) > MAX_DEPTH) {
                continue;
            }
            int entryLength = encoded(entry.getKey()) + 1 + entry.getValue().toString().length() + (kept.isEmpty() ? 0 : 1);
            if (length + entryLength <= MAX_CHARS) {
                kept.set(entry.getKey(), entry.getValue());
                length += entryLength;
            }
        }
        String json = kept.toString();
        return json.length() <= MAX_CHARS ? new Kept(json, true) : new Kept(null, true);
    }

    private static int encoded(String key) {
        return Json.mapper().getNodeFactory().textNode(key).toString().length();
    }

    /** Nesting levels of a value: 0 for a scalar. */
    private static int depth(JsonNode node) {
        if (!node.isContainerNode()) {
            return 0;
        }
        int deepest = 0;
        for (JsonNode child : node) {
            deepest = Math.max(deepest, depth(child));
        }
        return 1 + deepest;
    }

    /** Nesting levels of JSON text, counted without parsing (brackets inside strings do not count). */
    static int depth(String json) {
        int depth = 0;
        int deepest = 0;
        boolean inString = false;
        for (int i = 0; i < json.length(); i++) {
            char ch = json.charAt(i);
            if (inString) {
                if (ch == '\\') {
                    i++;
                } else if (ch == '"') {
                    inString = false;
                }
            } else if (ch == '"') {
                inString = true;
            } else if (ch == '{' || ch == '[') {
                deepest = Math.max(deepest, ++depth);
            } else if (ch == '}' || ch == ']') {
                depth--;
            }
        }
        return deepest;
    }
}
