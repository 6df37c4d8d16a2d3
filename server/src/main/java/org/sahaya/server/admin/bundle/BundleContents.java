package org.sahaya.server.admin.bundle;

import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sahaya.server.admin.RecordKind;

/**
 * What an import file held once read: per section the records their kinds accepted, and every
 * refusal so far. Nothing is written yet; {@link Importer} writes it only when nothing was refused.
 */
public final class BundleContents {

    private final Map<String, Loaded<?>> sections = new LinkedHashMap<>();
    private final List<Refusal> refusals = new ArrayList<>();
    private JsonObject city;

    /** @param kinds the kinds this node loads, in load order ({@link CityKinds#inLoadOrder}) */
    BundleContents(List<RecordKind<?>> kinds) {
        for (RecordKind<?> kind : CityKinds.inLoadOrder(kinds)) {
            sections.put(kind.section(), loaded(kind));
        }
    }

    private static <R> Loaded<R> loaded(RecordKind<R> kind) {
        return new Loaded<>(kind);
    }

    /** The section's records so far; null if no kind on this node loads the section. */
    Loaded<?> section(String name) {
        return sections.get(name);
    }

    /** Every section, in load order. */
    List<Loaded<?>> sections() {
        return List.copyOf(sections.values());
    }

    void refuse(Refusal refusal) {
        refusals.add(refusal);
    }

    List<Refusal> refusals() {
        return refusals;
    }

    /** The bundle's {@code city} object as given (passed on, not interpreted here); null if it had none. */
    public JsonObject city() {
        return city;
    }

    void city(JsonObject city) {
        this.city = city;
    }

    /** How many entries the file had in all. */
    public int entries() {
        return sections.values().stream().mapToInt(Loaded::entries).sum();
    }
}
