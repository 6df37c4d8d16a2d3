package org.sahaya.server.admin.city;

import com.hazelcast.map.EntryProcessor;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.sahaya.core.Coordinates;
import org.sahaya.core.grid.Grid;
import org.sahaya.core.hospital.BedKind;
import org.sahaya.core.hospital.Hospital;
import org.sahaya.core.persistence.HospitalRepository;
import org.sahaya.server.admin.RecordRefused;
import org.sahaya.server.delivery.EndpointUrl;
import org.sahaya.server.delivery.PartnerDelivery;
import org.sahaya.server.delivery.PartnerWebhooks;

/**
 * Hospitals: stored in {@code hospitals} (contact details, capabilities, bed capacity), a new one also made
 * a hospital partner (by {@link HospitalRepository#save}), and made live by an entry processor on its
 * owner in the grid, which every member's hospital board follows. The processor keeps the beds reserved
 * for incidents; free counts change only for the kinds the operator gives.
 */
public final class HospitalKind implements CityKind<HospitalRecord> {

    private static final Pattern PHONE = Pattern.compile("^\\+?[0-9 ()-]{3,40}$");

    private final Grid grid;
    private final HospitalRepository hospitals = new HospitalRepository();

    public HospitalKind(Grid grid) {
        this.grid = grid;
    }

    @Override
    public String section() {
        return "hospitals";
    }

    @Override
    public String id(HospitalRecord record) {
        return record.id();
    }

    @Override
    public HospitalRecord read(JsonObject json) throws RecordRefused {
        Fields f = new Fields(json);
        String id = f.matching("id", Pattern.compile("^[A-Za-z0-9][A-Za-z0-9-]{0,63}$"),
                "1-64 letters, digits or '-' (it is also the hospital's partner id)", true);
        String name = f.text("name", 200, true);
        Coordinates position = f.position("position", true);
        String address = f.text("address", 400, false);
        String phone = f.matching("phone", PHONE, "a phone number such as +91 80 2222 1111", false);
        Map<BedKind, Integer> capacity = new EnumMap<>(BedKind.class);
        Map<BedKind, Integer> free = new EnumMap<>(BedKind.class);
        JsonObject beds = f.object("beds");
        if (beds != null) {
            for (String kind : beds.fieldNames()) {
                beds(f, beds, kind, capacity, free);
            }
        }
        List<String> capabilities = f.words("capabilities", 30);
        boolean preferred = f.bool("preferred", false);
        String fhirBaseUrl = f.text("fhirBaseUrl", EndpointUrl.MAX, false);
        Optional<String> badFhir = fhirBaseUrl == null ? Optional.empty() : EndpointUrl.refusal(fhirBaseUrl);
        badFhir.ifPresent(reason -> f.refuse("fhirBaseUrl", reason));
        f.done();
        return new HospitalRecord(id, name, position, address, phone, capacity, free, capabilities, preferred,
                fhirBaseUrl);
    }

    private static void beds(Fields f, JsonObject beds, String kind, Map<BedKind, Integer> capacity,
                             Map<BedKind, Integer> free) {
        String field = "beds." + kind;
        BedKind bedKind;
        try {
            bedKind = BedKind.valueOf(kind);
        } catch (IllegalArgumentException e) {
            f.refuse(field, "is not a bed kind; kinds are " + java.util.Arrays.toString(BedKind.values()));
            return;
        }
        if (!(beds.getValue(kind) instanceof JsonObject counts)) {
            f.refuse(field, "must be an object {capacity, free}");
            return;
        }
        Fields inner = new Fields(counts);
        Integer all = inner.integer("capacity", 0, 10000, true);
        Integer left = inner.integer("free", 0, 10000, false);
        try {
            inner.done();
        } catch (RecordRefused refused) {
            refused.faults().forEach(fault -> f.refuse(field + "." + fault.field(), fault.reason()));
            return;
        }
        if (left != null && left > all) {
            f.refuse(field + ".free", "must not exceed the capacity " + all);
            return;
        }
        capacity.put(bedKind, all);
        if (left != null) {
            free.put(bedKind, left);
        }
    }

    @Override
    public Written write(Connection c, HospitalRecord r) throws SQLException {
        boolean known = hospitals.find(c, r.id()).isPresent();
        if (!known) {
            // Inserts the hospital, its free beds, and the hospital partner of the same id.
            hospitals.save(c, new Hospital(r.id(), r.name(), r.position(), r.preferred(), startingFree(r), Map.of()));
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE hospitals SET name = ?, lat = ?, lon = ?, partner = ?,"
                + " address = ?, phone = ?, capabilities = ?, removed_at = NULL WHERE id = ?")) {
            ps.setString(1, r.name());
            ps.setDouble(2, r.position().lat());
            ps.setDouble(3, r.position().lon());
            ps.setBoolean(4, r.preferred());
            ps.setString(5, r.address());
            ps.setString(6, r.phone());
            ps.setString(7, r.capabilities().isEmpty() ? null : String.join(",", r.capabilities()));
            ps.setString(8, r.id());
            ps.executeUpdate();
        }
        fhirBaseUrl(c, r);
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM hospital_bed_capacity WHERE hospital_id = ?")) {
            ps.setString(1, r.id());
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO hospital_bed_capacity (hospital_id, kind, capacity) VALUES (?,?,?)")) {
            for (Map.Entry<BedKind, Integer> e : r.capacity().entrySet()) {
                ps.setString(1, r.id());
                ps.setString(2, e.getKey().name());
                ps.setInt(3, e.getValue());
                ps.addBatch();
            }
            ps.executeBatch();
        }
        return known ? Written.UPDATED : Written.CREATED;
    }

    /** Issue 17: a changed FHIR endpoint also makes the notices waiting for it due at once. */
    private static void fhirBaseUrl(Connection c, HospitalRecord r) throws SQLException {
        String before;
        try (PreparedStatement ps = c.prepareStatement("SELECT fhir_base_url FROM hospitals WHERE id = ?")) {
            ps.setString(1, r.id());
            try (ResultSet rs = ps.executeQuery()) {
                before = rs.next() ? rs.getString(1) : null;
            }
        }
        if (java.util.Objects.equals(before, r.fhirBaseUrl())) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE hospitals SET fhir_base_url = ? WHERE id = ?")) {
            ps.setString(1, r.fhirBaseUrl());
            ps.setString(2, r.id());
            ps.executeUpdate();
        }
        if (r.fhirBaseUrl() != null) {
            PartnerWebhooks.retryNow(c, r.id(), PartnerDelivery.Transport.FHIR);
        }
    }

    /** A new hospital's free beds: those given, and all the beds of the other kinds it has. */
    private static Map<BedKind, Integer> startingFree(HospitalRecord r) {
        Map<BedKind, Integer> free = new EnumMap<>(BedKind.class);
        free.putAll(r.capacity());
        free.putAll(r.free());
        return free;
    }

    @Override
    public void published(List<HospitalRecord> records) {
        for (HospitalRecord r : records) {
            grid.hospitals().executeOnKey(r.id(), new Amend(
                    new Hospital(r.id(), r.name(), r.position(), r.preferred(), startingFree(r), Map.of()), r.free()));
        }
    }

    @Override
    public Optional<JsonObject> current(Connection c, String id) throws SQLException {
        if (hospitals.isRemoved(c, id)) {
            return Optional.empty();
        }
        Optional<Hospital> found = grid.hospital(id);
        try (PreparedStatement ps = c.prepareStatement("SELECT * FROM hospitals WHERE id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                String caps = rs.getString("capabilities");
                JsonObject json = new JsonObject().put("id", id).put("name", rs.getString("name"))
                        .put("position", new JsonObject().put("lat", rs.getDouble("lat")).put("lon", rs.getDouble("lon")))
                        .put("address", rs.getString("address")).put("phone", rs.getString("phone"))
                        .put("capabilities", new JsonArray(caps == null ? List.of() : List.of(caps.split(","))))
                        .put("preferred", rs.getBoolean("partner"));
                json.put("beds", beds(c, id, found.orElse(null)));
                // Issue 17: where its pre-arrival notices go; the webhook's secret only as hasSecret.
                json.put("fhirBaseUrl", rs.getString("fhir_base_url"));
                json.put("webhook", PartnerWebhooks.of(c, id));
                return Optional.of(json);
            }
        }
    }

    /** Free counts are live (reservations move them): a PUT changes them only when its body gives them. */
    @Override
    public JsonObject base(JsonObject current) {
        JsonObject base = current.copy();
        JsonObject beds = base.getJsonObject("beds");
        if (beds != null) {
            beds.forEach(kind -> ((JsonObject) kind.getValue()).remove("free"));
        }
        return base;
    }

    private static JsonObject beds(Connection c, String id, Hospital live) throws SQLException {
        JsonObject beds = new JsonObject();
        try (PreparedStatement ps = c.prepareStatement("SELECT kind, capacity FROM hospital_bed_capacity WHERE hospital_id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    JsonObject counts = new JsonObject().put("capacity", rs.getInt(2));
                    if (live != null) {
                        counts.put("free", live.free(BedKind.valueOf(rs.getString(1))));
                    }
                    beds.put(rs.getString(1), counts);
                }
            }
        }
        return beds;
    }

    /** Creates the hospital on its owner, or changes its details and the free counts given, reservations kept. */
    record Amend(Hospital created, Map<BedKind, Integer> free) implements EntryProcessor<String, Hospital, Hospital> {
        @Override
        public Hospital process(Map.Entry<String, Hospital> entry) {
            Hospital h = entry.getValue();
            Hospital next = h == null ? created : new Hospital(h.id(), created.name(), created.position(),
                    created.partner(), h.reportedBeds(), h.reservations()).withReport(free);
            entry.setValue(next);
            return next;
        }
    }

    /** Takes the hospital out of the grid unless it holds a bed for an incident. True when it left. */
    record Close() implements EntryProcessor<String, Hospital, Boolean> {
        @Override
        public Boolean process(Map.Entry<String, Hospital> entry) {
            Hospital h = entry.getValue();
            if (h != null && !h.reservations().isEmpty()) {
                return false;
            }
            entry.setValue(null);
            return true;
        }
    }
}
