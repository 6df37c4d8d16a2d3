package org.sahaya.server.demo;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.Writer;
import org.sahaya.core.Coordinates;
import org.sahaya.core.fleet.Unit;
import org.sahaya.core.hospital.BedKind;
import org.sahaya.core.hospital.Hospital;
import org.sahaya.core.subscriber.ConsentPurpose;
import org.sahaya.core.subscriber.Contact;
import org.sahaya.core.subscriber.Device;
import org.sahaya.core.subscriber.Subscriber;
import org.sahaya.server.access.partners.Partner;
import org.sahaya.server.admin.bundle.BundleWriter;
import org.sahaya.server.gateway.dc09.account.Dc09AccountRepository.Row;

/**
 * The demo city as a city bundle ({@code docs/import.md}), so that the demo is loaded the way an
 * operator loads their own city: through {@code sahaya import} and the same record kinds. The demo's
 * devices and DC-09 accounts carry their published secrets and key and are marked {@code "demo": true}
 * (refused by a node not in demo mode). The extra wearables of a load-sized city ({@link ExtraDevices})
 * are not in it.
 */
public final class DemoBundle {

    /** The demo's subscribers consented to everything but anonymous statistics, in writing. */
    private static final ConsentPurpose[] CONSENTS = {ConsentPurpose.EMERGENCY_DISPATCH,
            ConsentPurpose.FAMILY_NOTIFICATION, ConsentPurpose.SHARE_MEDICAL_PROFILE};

    private DemoBundle() {
    }

    /** Writes {@code data} (with the demo fleets and DC-09 accounts) as a bundle, one entry per line. */
    public static void write(DemoCityData data, Writer out) throws IOException {
        BundleWriter bundle = new BundleWriter(out).start(new JsonObject().put("name", "Bengaluru")
                .put("timeZone", "Asia/Kolkata").put("language", "en-IN"));
        bundle.section("fleets");
        for (Partner fleet : DemoPartners.FLEETS) {
            bundle.entry(new JsonObject().put("id", fleet.id()).put("name", fleet.name()));
        }
        bundle.section("hospitals");
        for (Hospital h : data.hospitals()) {
            bundle.entry(hospital(h));
        }
        bundle.section("serviceAreas");
        bundle.section("units");
        for (Unit u : data.units()) {
            bundle.entry(new JsonObject().put("id", u.id()).put("fleetId", u.partner()).put("callSign", u.callSign())
                    .put("level", u.level().name()).put("station", u.station()).put("position", point(u.position())));
        }
        bundle.section("subscribers");
        for (Subscriber s : data.subscribers()) {
            bundle.entry(subscriber(s));
        }
        bundle.section("devices");
        for (Device d : data.devices()) {
            bundle.entry(new JsonObject().put("id", d.id()).put("subscriberId", d.subscriberId()).put("secret", d.secret())
                    .put("demo", d.demo()));
        }
        bundle.section("contacts");
        for (Contact c : data.contacts()) {
            bundle.entry(contact(c));
        }
        bundle.section("dc09Accounts");
        for (Row row : DemoHubAccounts.rows()) {
            bundle.entry(account(row));
        }
        bundle.end();
    }

    static JsonObject hospital(Hospital h) {
        JsonObject beds = new JsonObject();
        JsonArray capabilities = new JsonArray();
        for (BedKind kind : BedKind.values()) {
            if (h.freeBeds().containsKey(kind)) {
                // the demo knows free beds only: its capacity is what is free on an ordinary evening
                beds.put(kind.name(), new JsonObject().put("capacity", h.free(kind)).put("free", h.free(kind)));
                capabilities.add(kind.name());
            }
        }
        return new JsonObject().put("id", h.id()).put("name", h.name()).put("location", point(h.position()))
                .put("beds", beds).put("capabilities", capabilities).put("partner", h.partner());
    }

    static JsonObject subscriber(Subscriber s) {
        JsonArray consents = new JsonArray();
        for (ConsentPurpose purpose : CONSENTS) {
            consents.add(new JsonObject().put("purpose", purpose.name()).put("granted", true).put("method", "WRITTEN"));
        }
        JsonObject json = new JsonObject().put("id", s.id()).put("name", s.name()).put("home", point(s.home()))
                .put("language", s.language());
        if (s.preferredHospitalId() != null) {
            json.put("preferredHospitalId", s.preferredHospitalId());
        }
        return json.put("consents", consents);
    }

    static JsonObject contact(Contact c) {
        JsonObject json = new JsonObject().put("id", c.id()).put("subscriberId", c.subscriberId()).put("name", c.name())
                .put("relation", c.relation()).put("phone", c.phone()).put("language", c.language())
                .put("timeZone", c.timeZone()).put("rank", c.rank());
        if (c.pushToken() != null) {
            json.put("pushTokens", new JsonArray().add(c.pushToken()));
        }
        return json;
    }

    static JsonObject account(Row row) {
        JsonObject json = new JsonObject().put("account", row.account()).put("deviceId", row.deviceId());
        putIfPresent(json, "receiver", row.receiver());
        putIfPresent(json, "linePrefix", row.prefix());
        putIfPresent(json, "key", row.key());
        putIfPresent(json, "keyFormat", row.keyFormat());
        if (row.timestampWindowSeconds() != null) {
            json.put("timestampWindowSeconds", row.timestampWindowSeconds());
        }
        return json.put("clearTextAllowed", row.clearTextAllowed()).put("demo", row.demo());
    }

    private static JsonObject point(Coordinates at) {
        return new JsonObject().put("lat", at.lat()).put("lon", at.lon());
    }

    private static void putIfPresent(JsonObject json, String name, String value) {
        if (value != null) {
            json.put(name, value);
        }
    }
}
