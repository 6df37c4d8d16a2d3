package org.sahaya.server.prearrival;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * The body of a pre-arrival notice for a hospital without a FHIR endpoint, sent to its partner webhook:
 * {@code {"event", "deliveryId", "incidentId", "expectedArrival", "patient": {...}, "bundle": <FHIR JSON>}},
 * the patient as plain JSON for a system that does not read FHIR and the same Bundle for one that does.
 * {@code patient.medical} is null without the subscriber's consent to share the medical profile.
 */
final class WebhookNotice {

    private WebhookNotice() {
    }

    static String body(NoticeKind kind, String deliveryId, NoticeFacts facts, String bundleJson) {
        JsonObject patient = new JsonObject().put("id", facts.patient().subscriberId()).put("name", facts.patient().name())
                .put("address", facts.patient().address()).put("language", facts.patient().language())
                .put("medical", facts.status() == NoticeStatus.CANCELLED ? null : facts.clinical().map(c -> {
                    JsonArray medications = new JsonArray();
                    c.medications().forEach(m -> medications.add(new JsonObject().put("name", m.name()).put("dose", m.dose())));
                    return new JsonObject().put("conditions", new JsonArray(c.conditions()))
                            .put("allergies", new JsonArray(c.allergies())).put("medications", medications);
                }).orElse(null));
        return new JsonObject().put("event", kind.name()).put("deliveryId", deliveryId)
                .put("incidentId", facts.incidentId()).put("status", facts.status().name())
                .put("priority", facts.priority()).put("alertType", facts.alertType())
                .put("hospital", new JsonObject().put("id", facts.hospitalId()).put("name", facts.hospitalName()))
                .put("expectedArrival", facts.expectedArrival().toString()).put("patient", patient)
                .put("bundle", new JsonObject(bundleJson)).encode();
    }
}
