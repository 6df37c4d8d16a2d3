package org.sahaya.server.admin.people;

import io.vertx.core.json.JsonObject;
import java.util.Map;
import org.sahaya.core.subscriber.ConsentPurpose;

/** The JSON the administration API answers for subscribers and their consents. Pure. */
final class SubscriberViews {

    private SubscriberViews() {
    }

    /** A subscriber without medical profile and consents (what a list shows). */
    static JsonObject summary(SubscriberRows.Stored stored) {
        SubscriberRecord r = stored.record();
        return new JsonObject().put("id", r.id()).put("name", r.name())
                .put("home", new JsonObject().put("lat", r.home().lat()).put("lon", r.home().lon())
                        .put("address", r.home().address()).put("landmark", r.home().landmark())
                        .put("accessNotes", r.home().accessNotes()))
                .put("language", r.language()).put("timeZone", r.timeZone()).put("clientId", r.clientId())
                .put("preferredHospitalId", r.preferredHospitalId())
                .put("updatedAt", stored.updatedAt() == null ? null : stored.updatedAt().toString())
                .put("erasedAt", stored.erasedAt() == null ? null : stored.erasedAt().toString());
    }

    /** The current consents by purpose, each with who recorded it, when and how. */
    static JsonObject consents(Map<ConsentPurpose, Consents.Recorded> current) {
        JsonObject json = new JsonObject();
        for (ConsentPurpose purpose : ConsentPurpose.values()) {
            Consents.Recorded r = current.get(purpose);
            json.put(purpose.name(), r == null
                    ? new JsonObject().put("granted", Consents.byDefault(purpose)).put("recorded", false)
                    : consent(r).put("recorded", true));
        }
        return json;
    }

    static JsonObject consent(Consents.Recorded r) {
        return new JsonObject().put("granted", r.granted()).put("method", r.method().name())
                .put("recordedBy", r.recordedBy()).put("recordedAt", r.recordedAt().toString());
    }
}
