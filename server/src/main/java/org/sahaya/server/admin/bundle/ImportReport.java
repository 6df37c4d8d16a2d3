package org.sahaya.server.admin.bundle;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What an import did: refused (every refusal with its line; nothing written) or written (how many
 * records of each section were created and updated), and the secrets issued to new records (new
 * devices), which {@link #text()} and {@link #toString()} never show.
 *
 * @param refusals  empty if the file was written
 * @param counts    per section in load order, the records created and updated; empty if refused
 * @param secrets   per section, record id to the secret issued to it: shown once, never logged
 * @param unpublished sections written but not made live on every member (their kind's publication failed)
 */
public record ImportReport(List<Refusal> refusals, Map<String, Count> counts, Map<String, Map<String, String>> secrets,
                           List<String> unpublished) {

    /** How many records of a section were created and how many updated. */
    public record Count(int created, int updated) {
    }

    public ImportReport {
        refusals = List.copyOf(refusals);
        counts = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(counts));
        secrets = Map.copyOf(secrets);
        unpublished = List.copyOf(unpublished);
    }

    static ImportReport refused(List<Refusal> refusals) {
        return new ImportReport(refusals, Map.of(), Map.of(), List.of());
    }

    public boolean written() {
        return refusals.isEmpty();
    }

    /** How many secrets were issued in all. */
    public int secretCount() {
        return secrets.values().stream().mapToInt(Map::size).sum();
    }

    /** The report for a person: one line per refusal, or the counts per section. Never a secret. */
    public String text() {
        StringBuilder s = new StringBuilder();
        if (!written()) {
            s.append("refused, nothing written: ").append(refusals.size())
                    .append(refusals.size() == 1 ? " refusal" : " refusals").append('\n');
            refusals.forEach(r -> s.append(r.text()).append('\n'));
            return s.toString();
        }
        s.append("written in one transaction:\n");
        counts.forEach((section, c) -> s.append(String.format("  %-13s %7d created %7d updated%n", section,
                c.created(), c.updated())));
        unpublished.forEach(section -> s.append("  ").append(section)
                .append(": written but not made live on every member; restart the members to load it\n"));
        return s.toString();
    }

    /**
     * The report as {@code POST /api/v1/imports} answers it.
     *
     * @param withSecrets whether to include the issued secrets (the one answer that shows them)
     */
    public JsonObject toJson(boolean withSecrets) {
        JsonObject json = new JsonObject().put("written", written());
        JsonArray refused = new JsonArray();
        for (Refusal r : refusals) {
            JsonObject o = new JsonObject().put("line", r.line()).put("section", r.section());
            if (r.index() >= 0) {
                o.put("index", r.index());
            }
            if (r.id() != null) {
                o.put("id", r.id());
            }
            refused.add(o.put("field", r.field()).put("reason", r.reason()).put("text", r.text()));
        }
        json.put("refusals", refused);
        JsonObject sections = new JsonObject();
        counts.forEach((section, c) -> sections.put(section, new JsonObject().put("created", c.created())
                .put("updated", c.updated())));
        json.put("sections", sections);
        if (!unpublished.isEmpty()) {
            json.put("unpublished", new JsonArray(List.copyOf(unpublished)));
        }
        if (withSecrets && secretCount() > 0) {
            JsonObject issued = new JsonObject();
            secrets.forEach((section, bySection) -> issued.put(section, new JsonObject(new LinkedHashMap<>(bySection))));
            json.put("secrets", issued);
        }
        return json;
    }

    @Override
    public String toString() {
        return "ImportReport[" + (written() ? "written " + counts : refusals.size() + " refusals") + ", "
                + secretCount() + " secrets]";
    }
}
