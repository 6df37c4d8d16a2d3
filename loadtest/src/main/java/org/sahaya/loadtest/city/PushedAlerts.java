package org.sahaya.loadtest.city;

import java.util.ArrayList;
import java.util.List;
import org.sahaya.core.alert.AlertType;

/**
 * The emergencies (FALL, SOS) the node acknowledged over MQTT (PUBACK) or DC-09 (ACK) in a run, to be
 * read back afterwards ({@link PushedReadback}): neither answer names an incident, so these are found
 * through the incidents' alert lists. Routine alerts are not kept: without an open incident the node
 * records them where no read API reaches. Thread-safe; each target's stream records from its own context.
 */
public final class PushedAlerts {

    /**
     * @param deviceId the wearable (MQTT) or the hub (DC-09)
     * @param alertId  as sent (MQTT); null for DC-09, whose alert ids the receiver derives itself
     */
    public record Entry(String protocol, String deviceId, String alertId, long sentAtMillis) {
    }

    private final List<Entry> entries = new ArrayList<>();

    public static boolean kept(AlertType type) {
        return type == AlertType.FALL || type == AlertType.SOS;
    }

    public synchronized void acknowledged(Entry entry) {
        entries.add(entry);
    }

    public synchronized List<Entry> entries() {
        return List.copyOf(entries);
    }
}
