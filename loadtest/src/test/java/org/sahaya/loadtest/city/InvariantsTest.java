package org.sahaya.loadtest.city;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InvariantsTest {

    private static JsonObject incident(String id, String unit) {
        return new JsonObject().put("id", id).put("unitId", unit);
    }

    private static JsonObject message(String contact, String channel, String step) {
        return new JsonObject().put("contactId", contact).put("channel", channel).put("step", step);
    }

    @Test
    void aUnitNamedByTwoOpenIncidentsIsFound() {
        List<JsonObject> open = List.of(incident("I-1", "AMB-001"), incident("I-2", "AMB-002"),
                incident("I-3", "AMB-001"), incident("I-4", null));

        assertThat(Invariants.unitsOnTwoIncidents(open)).isEqualTo(Map.of("AMB-001", List.of("I-1", "I-3")));
    }

    @Test
    void distinctUnitsAndQueuedIncidentsAreFine() {
        assertThat(Invariants.unitsOnTwoIncidents(List.of(incident("I-1", "AMB-001"), incident("I-2", null),
                incident("I-3", null)))).isEmpty();
    }

    @Test
    void theSameMessageToTheSameContactTwiceIsADuplicate() {
        JsonObject incident = new JsonObject().put("notifications", new JsonArray()
                .add(message("C-1", "SMS", "DISPATCHED"))
                .add(message("C-1", "PUSH", "DISPATCHED"))
                .add(message("C-2", "SMS", "DISPATCHED"))
                .add(message("C-1", "SMS", "QUEUED"))
                .add(message("C-1", "SMS", "DISPATCHED")));

        assertThat(Invariants.duplicateFamilyMessages(incident)).containsExactly("C-1/SMS/DISPATCHED");
    }

    @Test
    void anIncidentWithoutNotificationsHasNoDuplicates() {
        assertThat(Invariants.duplicateFamilyMessages(new JsonObject())).isEmpty();
    }
}
