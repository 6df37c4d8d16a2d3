package org.sahaya.server.admin.bundle;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.sahaya.core.json.Json;
import org.sahaya.server.admin.RecordKind;

/**
 * Reads a JSON city bundle ({@code {"format": "sahaya-city/1", "city": {...}, "fleets": [...], ...}})
 * entry by entry with Jackson's streaming parser: each entry becomes a small tree of its own, read by
 * its kind at once and kept only as the checked record, so a file of 100,000 subscribers is never one
 * tree in memory, and each entry knows the line it starts on. Reading changes nothing.
 */
public final class BundleReader {

    private final List<RecordKind<?>> kinds;

    /** @param kinds the kinds this node loads ({@link CityKinds#of}) */
    public BundleReader(List<RecordKind<?>> kinds) {
        this.kinds = List.copyOf(kinds);
    }

    /** Reads the whole bundle; every refusal is in the answer, with its line. The stream is not closed. */
    public BundleContents read(InputStream in) throws IOException {
        BundleContents contents = new BundleContents(kinds);
        try (JsonParser p = Json.mapper().getFactory().createParser(in)) {
            p.disable(JsonParser.Feature.AUTO_CLOSE_SOURCE);
            // a member written twice in one entry would leave which one was meant to chance
            p.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
            if (p.nextToken() != JsonToken.START_OBJECT) {
                contents.refuse(Refusal.ofFile(line(p), "bundle", "must be a JSON object: {\"format\": \""
                        + CityKinds.FORMAT + "\", ...}"));
                return contents;
            }
            boolean format = false;
            Set<String> seen = new HashSet<>();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                int line = line(p);
                JsonToken value = p.nextToken();
                if (!seen.add(name)) {
                    contents.refuse(Refusal.ofFile(line, name, "appears twice in the bundle"));
                    p.skipChildren();
                } else if (name.equals("format")) {
                    format = true;
                    if (value != JsonToken.VALUE_STRING || !CityKinds.FORMAT.equals(p.getText())) {
                        contents.refuse(Refusal.ofFile(line, "format", "must be \"" + CityKinds.FORMAT + "\""));
                    }
                    p.skipChildren();
                } else if (name.equals("city")) {
                    city(p, value, line, contents);
                } else {
                    section(p, name, value, line, contents);
                }
            }
            if (p.currentToken() != JsonToken.END_OBJECT) {
                contents.refuse(Refusal.ofFile(line(p), "bundle", "malformed JSON: the bundle's object ends here"));
            }
            if (!format) {
                contents.refuse(Refusal.ofFile(1, "format", "missing: the bundle starts with \"format\": \""
                        + CityKinds.FORMAT + "\""));
            }
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            contents.refuse(Refusal.ofFile(at == null ? 0 : at.getLineNr(), "bundle", "malformed JSON: "
                    + e.getOriginalMessage()));
        }
        return contents;
    }

    @SuppressWarnings("unchecked")
    private static void city(JsonParser p, JsonToken value, int line, BundleContents contents) throws IOException {
        if (value == JsonToken.START_OBJECT) {
            contents.city(new JsonObject(p.readValueAs(Map.class)));
        } else {
            contents.refuse(Refusal.ofFile(line, "city", "must be an object"));
            p.skipChildren();
        }
    }

    @SuppressWarnings("unchecked")
    private static void section(JsonParser p, String name, JsonToken value, int line, BundleContents contents)
            throws IOException {
        Loaded<?> loaded = contents.section(name);
        if (value != JsonToken.START_ARRAY) {
            contents.refuse(Refusal.ofFile(line, name, CityKinds.SECTIONS.contains(name) ? "must be an array"
                    : "is not a section of a city bundle; the sections are " + CityKinds.SECTIONS));
            p.skipChildren();
            return;
        }
        if (loaded == null) {
            if (!CityKinds.SECTIONS.contains(name)) {
                contents.refuse(Refusal.ofFile(line, name, "is not a section of a city bundle; the sections are "
                        + CityKinds.SECTIONS));
                p.skipChildren();
            } else {
                JsonToken t = p.nextToken();
                if (t != JsonToken.END_ARRAY) {
                    contents.refuse(Refusal.ofFile(line, name, "this node has no record kind that loads " + name));
                }
                for (; t != JsonToken.END_ARRAY; t = p.nextToken()) {
                    p.skipChildren();
                }
            }
            return;
        }
        List<Refusal> refusals = contents.refusals();
        for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
            int at = line(p);
            if (t == JsonToken.START_OBJECT) {
                loaded.add(at, new JsonObject(p.readValueAs(Map.class)), refusals);
            } else {
                refusals.add(new Refusal(at, name, loaded.skip(), null, "", "must be an object", 422));
                p.skipChildren();
            }
        }
    }

    private static int line(JsonParser p) {
        return p.currentTokenLocation().getLineNr();
    }
}
