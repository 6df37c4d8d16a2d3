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
 * (taken only by the kinds a demo node loads its own city with, {@code CityKinds.of(..., true)}; an
 * operator's import and the API refuse them). The extra wearables of a load-sized city ({@link ExtraDevices})
 * are not in it.
 */
public final class DemoBundle {

    /**
     * The consents recorded for each demo subscriber, in writing: dispatch (without which nobody is served)
     * and telling the family. The others stay at their default ({@code Consents.byDefault}), as for the
     * demo city seeded before consents were recorded: statistics granted, the medical profile not shared.
     */
    private static final ConsentPurpose[] CONSENTS = {ConsentPurpose.EMERGENCY_DISPATCH,
            ConsentPurpose.FAMILY_NOTIFICATION};

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
            bundle.entry(new JsonObject().put("id", u.id()).put("fleet", u.partner()).put("callSign", u.callSign())
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
        java.util.Set<String> devices = new java.util.HashSet<>();
        data.devices().stream().filter(Device::demo).forEach(d -> devices.add(d.id()));
        for (Row row : DemoHubAccounts.rows()) {
            // only the demo hubs the city has: a smaller test city has fewer, a production copy none
            if (devices.contains(row.deviceId())) {
                bundle.entry(account(row));
            }
        }
        bundle.end();
    }

    static JsonObject hospital(Hospital h) {
        JsonObject beds = new JsonObject();
        for (BedKind kind : BedKind.values()) {
            if (h.freeBeds().containsKey(kind)) {
                // the demo knows free beds only: its capacity is what is free on an ordinary evening
                beds.put(kind.name(), new JsonObject().put("capacity", h.free(kind)).put("free", h.free(kind)));
            }
        }
        return new JsonObject().put("id", h.id()).put("name", h.name()).put("position", point(h.position()))
                .put("beds", beds).put("preferred", h.partner());
    }

    static JsonObject subscriber(Subscriber s) {
        JsonObject consents = new JsonObject();
        for (ConsentPurpose purpose : CONSENTS) {
            consents.put(purpose.name(), new JsonObject().put("granted", true).put("method", "WRITTEN"));
        }
        JsonObject json = new JsonObject().put("id", s.id()).put("name", s.name()).put("home", point(s.home()))
                .put("language", s.language());
        if (s.timeZone() != null) {
            json.put("timeZone", s.timeZone());
        }
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
