package org.sahaya.loadtest.city;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * "No acknowledged alert lost" for MQTT and DC-09 (pure): every emergency the node acknowledged over
 * them must be in the alert list of one of its incidents. MQTT alerts are matched by device and alert
 * id. A DC-09 alert's id is made by the receiver, so per hub: at least as many emergency alerts
 * (FALL, SOS or MEDICAL) received since its first acknowledged send as it had acknowledged.
 */
public final class PushedReadback {

    /**
     * @param checked  acknowledged MQTT and DC-09 emergencies
     * @param found    of those, in an incident
     * @param missing  the first few not found
     * @param complete every incident was read (no state's list was cut at {@link InvariantCheck#MAX_LISTED}); when false
     *                 a shortfall may be an incident not read, and is reported but not counted as a loss
     */
    public record Result(int checked, int found, List<String> missing, boolean complete) {

        public static final Result NONE = new Result(0, 0, List.of(), true);

        public boolean holds() {
            return found == checked || !complete;
        }
    }

    private static final Set<String> EMERGENCIES = Set.of("FALL", "SOS", "MEDICAL");
    private static final int SHOWN = 5;
    /** Clock slack between this tool's send time and the node's receive time (same machine). */
    private static final long SLACK_MILLIS = 2_000;

    private PushedReadback() {
    }

    public static Result check(List<PushedAlerts.Entry> pushed, Collection<JsonObject> incidentViews, boolean complete) {
        if (pushed.isEmpty()) {
            return Result.NONE;
        }
        Set<String> ids = new HashSet<>();
        Map<String, List<Long>> emergenciesByDevice = new TreeMap<>();
        for (JsonObject view : incidentViews) {
            JsonArray alerts = view.getJsonArray("alerts", new JsonArray());
            for (int i = 0; i < alerts.size(); i++) {
                JsonObject a = alerts.getJsonObject(i);
                ids.add(a.getString("deviceId") + "|" + a.getString("alertId"));
                if (EMERGENCIES.contains(a.getString("type")) && a.getString("receivedAt") != null) {
                    emergenciesByDevice.computeIfAbsent(a.getString("deviceId"), d -> new ArrayList<>())
                            .add(Instant.parse(a.getString("receivedAt")).toEpochMilli());
                }
            }
        }
        int found = 0;
        List<String> missing = new ArrayList<>();
        Map<String, List<PushedAlerts.Entry>> dc09ByHub = new TreeMap<>();
        for (PushedAlerts.Entry e : pushed) {
            if (e.alertId() == null) {
                dc09ByHub.computeIfAbsent(e.deviceId(), d -> new ArrayList<>()).add(e);
            } else if (ids.contains(e.deviceId() + "|" + e.alertId())) {
                found++;
            } else if (missing.size() < SHOWN) {
                missing.add(e.protocol() + " " + e.deviceId() + "/" + e.alertId());
            }
        }
        for (Map.Entry<String, List<PushedAlerts.Entry>> hub : dc09ByHub.entrySet()) {
            long since = hub.getValue().stream().mapToLong(PushedAlerts.Entry::sentAtMillis).min().orElseThrow() - SLACK_MILLIS;
            long received = emergenciesByDevice.getOrDefault(hub.getKey(), List.of()).stream().filter(t -> t >= since).count();
            int acknowledged = hub.getValue().size();
            found += (int) Math.min(acknowledged, received);
            if (received < acknowledged && missing.size() < SHOWN) {
                missing.add("dc09 " + hub.getKey() + ": " + acknowledged + " acknowledged, " + received + " in incidents");
            }
        }
        return new Result(pushed.size(), found, missing, complete);
    }
}
