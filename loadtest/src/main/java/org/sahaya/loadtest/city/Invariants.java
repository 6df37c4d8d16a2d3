package org.sahaya.loadtest.city;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * DESIGN.md's invariants as far as a client can see them, decided on what the node's API answered.
 * Pure: JSON in, findings out.
 */
public final class Invariants {

    /** Incident states in which an incident holds (or waits for) a unit. */
    public static final List<String> OPEN_STATES = List.of("NEW", "VERIFYING", "QUEUED", "DISPATCHED");

    private Invariants() {
    }

    /**
     * Units named by more than one open incident.
     *
     * @param openIncidents incident summaries ({@code id}, {@code unitId}) of every open state
     * @return unit id → the incidents that name it, only for units named more than once
     */
    public static Map<String, List<String>> unitsOnTwoIncidents(List<JsonObject> openIncidents) {
        Map<String, List<String>> byUnit = new TreeMap<>();
        for (JsonObject incident : openIncidents) {
            String unit = incident.getString("unitId");
            if (unit != null) {
                byUnit.computeIfAbsent(unit, u -> new ArrayList<>()).add(incident.getString("id"));
            }
        }
        byUnit.values().removeIf(incidents -> incidents.size() < 2);
        return byUnit;
    }

    /**
     * Family messages sent twice: one incident's notifications that share contact, channel and
     * step (the outbox's identity of a message; a retry or an escalation is a new channel or step).
     *
     * @param incident the full incident view, with {@code notifications}
     * @return "contact/channel/step" keys that occur more than once
     */
    public static List<String> duplicateFamilyMessages(JsonObject incident) {
        Map<String, Integer> seen = new TreeMap<>();
        JsonArray notifications = incident.getJsonArray("notifications", new JsonArray());
        for (int i = 0; i < notifications.size(); i++) {
            JsonObject n = notifications.getJsonObject(i);
            seen.merge(n.getString("contactId") + "/" + n.getString("channel") + "/" + n.getString("step"), 1, Integer::sum);
        }
        return seen.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey).toList();
    }
}
