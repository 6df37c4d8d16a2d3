package org.sahaya.server.gateway;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Finds a key written twice in one JSON object ({@code {"type":"FALL","type":"TEST"}}). Every JSON
 * reader of the node keeps one of the two silently (Vert.x keeps the last), so a device's payload
 * could mean one thing to a proxy or log reader and another to us: every device gateway (HTTP alerts
 * and heartbeats, MQTT alerts and heartbeats) refuses such a body through this one check, before
 * anything else reads it. A pure function of the bytes; cheap (one streaming pass).
 */
public final class DuplicateKeys {

    private static final JsonFactory FACTORY = JsonFactory.builder().build();

    private DuplicateKeys() {
    }

    /** What a device is told: which key, never its values. */
    public static String detail(String key) {
        return "the key " + key + " is written twice in one object; send each key once";
    }

    /**
     * @return the first key that is written twice in the same object, as a path from the root without a leading
     *         slash ({@code type}, {@code location/lat}); empty if there is none, and for anything that is not
     *         valid JSON (left to the reader that follows to refuse)
     */
    public static Optional<String> first(byte[] json) {
        try (JsonParser parser = FACTORY.createParser(json)) {
            Deque<Set<String>> objects = new ArrayDeque<>();
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                switch (token) {
                    case START_OBJECT -> objects.push(new HashSet<>());
                    case END_OBJECT -> objects.pop();
                    case FIELD_NAME -> {
                        String name = parser.currentName();
                        if (!objects.peek().add(name)) {
                            return Optional.of(path(parser, name));
                        }
                    }
                    default -> {
                    }
                }
            }
            return Optional.empty();
        } catch (IOException | RuntimeException notJson) {
            return Optional.empty();
        }
    }

    /** The key's place: the names (and array indexes) of the objects around it, then the key. */
    private static String path(JsonParser parser, String name) {
        Deque<String> parts = new ArrayDeque<>();
        parts.push(name);
        for (var context = parser.getParsingContext().getParent(); context != null && !context.inRoot();
             context = context.getParent()) {
            if (context.inObject() && context.getCurrentName() != null) {
                parts.push(context.getCurrentName());
            } else if (context.inArray()) {
                parts.push(Integer.toString(context.getCurrentIndex()));
            }
        }
        return String.join("/", parts);
    }
}
