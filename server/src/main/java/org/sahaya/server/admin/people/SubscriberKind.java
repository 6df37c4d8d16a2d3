package org.sahaya.server.admin.people;

import io.vertx.core.json.JsonObject;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.sahaya.core.secret.SecretBox;
import org.sahaya.core.subscriber.ConsentPurpose;
import org.sahaya.server.admin.RecordKind;
import org.sahaya.server.admin.RecordRefused;
import org.sahaya.server.admin.RecordRefused.Fault;

/**
 * Subscribers, for the administration API and {@code sahaya import} alike. A new subscriber must come
 * with {@code EMERGENCY_DISPATCH} granted (it is what they are served for); an update may not withdraw
 * it (409: revoke the devices or erase the person instead); an erased subscriber is never written again (409
 * {@code subscriber-erased}, the API's PUT and an import alike). Subscribers live in the database only
 * (every reader asks it), so a write is live at its commit and {@link #published} has nothing to do.
 */
public final class SubscriberKind implements RecordKind<SubscriberRecord> {

    private final SubscriberRows rows;
    private final Clock clock;

    public SubscriberKind(SecretBox secrets, Clock clock) {
        this.rows = new SubscriberRows(secrets);
        this.clock = clock;
    }

    @Override
    public String section() {
        return "subscribers";
    }

    @Override
    public String id(SubscriberRecord record) {
        return record.id();
    }

    @Override
    public SubscriberRecord read(JsonObject json) throws RecordRefused {
        Checks checks = new Checks();
        String id = checks.id(json, "id", "id", true);
        String name = checks.text(json, "name", "name", 200, true);
        JsonObject home = checks.object(json, "home", "home", true);
        SubscriberRecord.Home place = null;
        if (home != null) {
            Double lat = checks.number(home, "lat", "home.lat", -90, 90);
            Double lon = checks.number(home, "lon", "home.lon", -180, 180);
            String address = checks.text(home, "address", "home.address", 400, false);
            String landmark = checks.text(home, "landmark", "home.landmark", 200, false);
            String access = checks.text(home, "accessNotes", "home.accessNotes", 1000, false);
            if (lat != null && lon != null) {
                place = new SubscriberRecord.Home(lat, lon, address, landmark, access);
            }
        }
        String language = checks.language(json, "language", "language", true);
        String zone = checks.zone(json, "timeZone", "timeZone", false);
        String client = checks.id(json, "clientId", "clientId", false);
        String hospital = checks.id(json, "preferredHospitalId", "preferredHospitalId", false);
        JsonObject medical = checks.object(json, "medicalProfile", "medicalProfile", false);
        MedicalProfile profile = medical == null ? null : MedicalProfile.read(medical, "medicalProfile", checks);
        Map<ConsentPurpose, Consents.Given> consents = readConsents(json, checks);
        checks.orRefuse();
        return new SubscriberRecord(id, name, place, language, zone, client, hospital, profile, consents,
                SubscriberRecord.IMPORT);
    }

    /** {@code consents}: an object by purpose, each {@code {granted, method}}. */
    static Map<ConsentPurpose, Consents.Given> readConsents(JsonObject json, Checks checks) {
        JsonObject given = checks.object(json, "consents", "consents", false);
        Map<ConsentPurpose, Consents.Given> out = new EnumMap<>(ConsentPurpose.class);
        if (given == null) {
            return out;
        }
        for (String key : given.fieldNames()) {
            String path = "consents." + key;
            ConsentPurpose purpose;
            try {
                purpose = ConsentPurpose.valueOf(key);
            } catch (IllegalArgumentException e) {
                checks.fault(path, "unknown purpose (EMERGENCY_DISPATCH, FAMILY_NOTIFICATION, SHARE_MEDICAL_PROFILE,"
                        + " ANONYMOUS_STATISTICS)");
                continue;
            }
            Consents.Given one = readGiven(given.getValue(key) instanceof JsonObject o ? o : null, path, checks);
            if (one != null) {
                out.put(purpose, one);
            }
        }
        return out;
    }

    /** One consent's {@code {granted, method}} at {@code path}; null (with a fault) when invalid. */
    static Consents.Given readGiven(JsonObject json, String path, Checks checks) {
        if (json == null) {
            checks.fault(path.isEmpty() ? "granted" : path, "must be an object {granted, method}");
            return null;
        }
        String prefix = path.isEmpty() ? "" : path + ".";
        Boolean granted = checks.bool(json, "granted", prefix + "granted");
        String method = checks.text(json, "method", prefix + "method", 16, true);
        Consents.Method how = null;
        if (method != null) {
            try {
                how = Consents.Method.valueOf(method);
            } catch (IllegalArgumentException e) {
                checks.fault(prefix + "method", "must be WRITTEN, VERBAL, ELECTRONIC or GUARDIAN");
            }
        }
        return granted == null || how == null ? null : new Consents.Given(granted, how);
    }

    @Override
    public Written write(Connection c, SubscriberRecord record) throws SQLException, RecordRefused {
        return writeAll(c, List.of(record)).get(0);
    }

    @Override
    public List<Written> writeAll(Connection c, List<SubscriberRecord> records) throws SQLException, RecordRefused {
        Set<String> existing = new java.util.HashSet<>(SubscriberRows.existing(c, "subscribers", records.stream().map(SubscriberRecord::id).toList()));
        Set<String> erased = existing.isEmpty() ? Set.of() : SubscriberRows.erased(c, existing);
        Set<String> hospitals = SubscriberRows.existing(c, "hospitals", records.stream()
                .map(SubscriberRecord::preferredHospitalId).filter(h -> h != null).collect(Collectors.toSet()));
        List<Fault> faults = new ArrayList<>();
        List<SubscriberRecord> created = new ArrayList<>();
        List<SubscriberRecord> updated = new ArrayList<>();
        List<Written> written = new ArrayList<>(records.size());
        Instant now = clock.instant();
        List<Map.Entry<String, Consents.Recorded>> consents = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            SubscriberRecord r = records.get(i);
            String at = records.size() == 1 ? "" : "subscribers[" + i + "].";
            if (erased.contains(r.id())) {
                // Writing the person back would undo the erasure: their data may not come back under this id.
                faults.add(SubscriberRows.erasedFault(at + "id", r.id()));
            }
            if (r.preferredHospitalId() != null && !hospitals.contains(r.preferredHospitalId())) {
                faults.add(Fault.invalid(at + "preferredHospitalId", "no hospital has this id"));
            }
            Consents.Given dispatch = r.consents().get(ConsentPurpose.EMERGENCY_DISPATCH);
            boolean exists = existing.contains(r.id());
            if (!exists && (dispatch == null || !dispatch.granted())) {
                faults.add(Fault.invalid(at + "consents.EMERGENCY_DISPATCH",
                        "a subscriber is served only with EMERGENCY_DISPATCH granted"));
            } else if (exists && dispatch != null && !dispatch.granted()) {
                faults.add(new Fault(at + "consents.EMERGENCY_DISPATCH", "EMERGENCY_DISPATCH cannot be withdrawn while"
                        + " the person is served: revoke their devices or erase the subscriber instead", 409));
            }
            (exists ? updated : created).add(r);
            existing.add(r.id()); // the same id again later in the file updates what this one creates
            written.add(exists ? Written.UPDATED : Written.CREATED);
            r.consents().forEach((purpose, given) -> consents.add(Map.entry(r.id(), new Consents.Recorded(purpose,
                    given.granted(), given.method(), r.recordedBy(), now))));
        }
        if (!faults.isEmpty()) {
            throw new RecordRefused(faults);
        }
        rows.store(c, created, updated, now);
        Consents.recordAll(c, consents, created.stream().map(SubscriberRecord::id).collect(Collectors.toSet()));
        return written;
    }

    /** The stored subscriber as the API answers it, with medical profile and consents. Blocking. */
    public java.util.Optional<JsonObject> view(Connection c, String id) throws SQLException {
        java.util.Optional<SubscriberRows.Stored> stored = rows.find(c, id);
        if (stored.isEmpty()) {
            return java.util.Optional.empty();
        }
        JsonObject json = SubscriberViews.summary(stored.get());
        MedicalProfile profile = stored.get().record().medicalProfile();
        json.put("medicalProfile", profile == null ? null : profile.toJson());
        json.put("consents", SubscriberViews.consents(Consents.current(c, id)));
        return java.util.Optional.of(json);
    }

    /** A page of subscribers (without medical profiles), {@code limit} at most, after {@code after}. Blocking. */
    public List<JsonObject> page(Connection c, String after, int limit, String namePrefix, String clientId,
                                 String language) throws SQLException {
        return rows.page(c, after, limit, new SubscriberRows.Filter(namePrefix, clientId, language)).stream()
                .map(SubscriberViews::summary).toList();
    }

    /** Whether a subscriber has this id. Blocking. */
    public static boolean exists(Connection c, String id) throws SQLException {
        return !SubscriberRows.existing(c, "subscribers", List.of(id)).isEmpty();
    }
}
