package org.sahaya.server.admin.city;

import com.hazelcast.map.EntryProcessor;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.sahaya.core.fleet.Unit;
import org.sahaya.core.fleet.UnitLevel;
import org.sahaya.core.fleet.UnitStanding;
import org.sahaya.core.fleet.UnitStatus;
import org.sahaya.core.grid.Grid;
import org.sahaya.core.persistence.UnitRepository;
import org.sahaya.dispatch.area.AreaChanges;
import org.sahaya.server.admin.RecordRefused;
import org.sahaya.server.admin.RecordRefused.Fault;

/**
 * Units: stored in {@code units} (plus capabilities and the service-area binding), made live by an entry
 * processor on the unit's owner in the grid, which every member's fleet index follows. The processor
 * creates the unit or changes only what an operator owns (call sign, level, station, standing), never the
 * crew's status, position or incident, so an admin's change cannot undo a dispatch racing it.
 */
public final class UnitKind implements CityKind<UnitRecord> {

    static final Pattern ID = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$");

    private final Grid grid;
    private final Clock clock;
    private final UnitRepository units = new UnitRepository();
    private final Consumer<String> available;

    /** @param available told of each unit a change left AVAILABLE, so that it takes a waiting incident */
    public UnitKind(Grid grid, Clock clock, Consumer<String> available) {
        this.grid = grid;
        this.clock = clock;
        this.available = available;
    }

    @Override
    public String section() {
        return "units";
    }

    @Override
    public String id(UnitRecord record) {
        return record.id();
    }

    @Override
    public UnitRecord read(JsonObject json) throws RecordRefused {
        Fields f = new Fields(json);
        String id = f.matching("id", ID, "1-64 letters, digits, '.', '_' or '-'", true);
        String fleet = f.matching("fleet", ID, "a fleet partner's id", true);
        String callSign = f.text("callSign", 32, true);
        UnitLevel level = f.choice("level", UnitLevel.class, true);
        String station = f.text("station", 200, true);
        var position = f.position("position", false);
        List<String> capabilities = f.words("capabilities", 20);
        String area = f.text("serviceArea", 100, false);
        boolean inService = f.bool("inService", true);
        f.done();
        return new UnitRecord(id, fleet, callSign, level, station, position, capabilities, area, inService);
    }

    @Override
    public Written write(Connection c, UnitRecord r) throws SQLException, RecordRefused {
        if (!fleetExists(c, r.fleet())) {
            throw new RecordRefused(List.of(new Fault("fleet", "no fleet partner has the id " + r.fleet(), 404)));
        }
        if (r.serviceArea() != null && !areaExists(c, r.serviceArea())) {
            throw RecordRefused.of("serviceArea", "no service area is named " + r.serviceArea());
        }
        String holder = callSignHolder(c, r.callSign(), r.id());
        if (holder != null) {
            throw new RecordRefused(List.of(new Fault("callSign", "unit " + holder + " has this call sign", 409)));
        }
        Optional<Unit> stored = units.find(c, r.id());
        if (stored.isPresent() && !r.fleet().equals(stored.get().partner())) {
            throw new RecordRefused(List.of(new Fault("fleet", "unit " + r.id() + " belongs to fleet "
                    + stored.get().partner() + "; a unit does not change fleets", 409)));
        }
        boolean created = stored.isEmpty() || stored.get().isGone();
        if (created) {
            if (r.position() == null) {
                throw RecordRefused.of("position", "is required for a new unit");
            }
            units.save(c, fresh(r, clock.instant()));
        } else {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE units SET call_sign = ?, unit_level = ?, station = ? WHERE id = ?")) {
                ps.setString(1, r.callSign());
                ps.setString(2, r.level().name());
                ps.setString(3, r.station());
                ps.setString(4, r.id());
                ps.executeUpdate();
            }
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE units SET capabilities = ? WHERE id = ?")) {
            ps.setString(1, r.capabilities().isEmpty() ? null : String.join(",", r.capabilities()));
            ps.setString(2, r.id());
            ps.executeUpdate();
        }
        bind(c, r.id(), r.serviceArea());
        return created ? Written.CREATED : Written.UPDATED;
    }

    @Override
    public void published(List<UnitRecord> records) {
        Instant at = clock.instant();
        // Bindings first, so that a member sees a new unit's area no later than about when it sees the unit.
        AreaChanges.announce(grid, "units");
        for (UnitRecord r : records) {
            Unit unit = grid.units().executeOnKey(r.id(), new Amend(fresh(r, at), at));
            if (unit != null && unit.isAvailable()) {
                available.accept(r.id());
            }
        }
    }

    @Override
    public Optional<JsonObject> current(Connection c, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT u.*, a.area_name FROM units u"
                + " LEFT JOIN unit_service_areas a ON a.unit_id = u.id WHERE u.id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next() || "REMOVED".equals(rs.getString("standing"))) {
                    return Optional.empty();
                }
                String caps = rs.getString("capabilities");
                return Optional.of(new JsonObject().put("id", rs.getString("id")).put("fleet", rs.getString("partner_id"))
                        .put("callSign", rs.getString("call_sign")).put("level", rs.getString("unit_level"))
                        .put("station", rs.getString("station"))
                        .put("position", new JsonObject().put("lat", rs.getDouble("lat")).put("lon", rs.getDouble("lon")))
                        .put("capabilities", new JsonArray(caps == null ? List.of() : List.of(caps.split(","))))
                        .put("serviceArea", rs.getString("area_name"))
                        .put("inService", "IN_SERVICE".equals(rs.getString("standing")))
                        .put("status", rs.getString("status")).put("incidentId", rs.getString("incident_id")));
            }
        }
    }

    /** The unit as created: available, or out of service when the operator says so. */
    private static Unit fresh(UnitRecord r, Instant at) {
        return new Unit(r.id(), r.callSign(), r.level(), r.station(), r.position(),
                r.inService() ? UnitStatus.AVAILABLE : UnitStatus.OUT_OF_SERVICE, null, at, r.fleet(), standing(r));
    }

    private static UnitStanding standing(UnitRecord r) {
        return r.inService() ? UnitStanding.IN_SERVICE : UnitStanding.OUT_OF_SERVICE;
    }

    static boolean fleetExists(Connection c, String fleet) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM partners WHERE id = ? AND kind = 'FLEET'")) {
            ps.setString(1, fleet);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static boolean areaExists(Connection c, String area) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM service_areas WHERE name = ?")) {
            ps.setString(1, area);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static String callSignHolder(Connection c, String callSign, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT id FROM units WHERE call_sign = ? AND id <> ? AND standing <> 'REMOVED'")) {
            ps.setString(1, callSign);
            ps.setString(2, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    private static void bind(Connection c, String unitId, String area) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM unit_service_areas WHERE unit_id = ?")) {
            ps.setString(1, unitId);
            ps.executeUpdate();
        }
        if (area != null) {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO unit_service_areas (unit_id, area_name) VALUES (?,?)")) {
                ps.setString(1, unitId);
                ps.setString(2, area);
                ps.executeUpdate();
            }
        }
    }

    /** Creates the unit on its owner, or changes only the operator's part of the one there. */
    record Amend(Unit created, Instant at) implements EntryProcessor<String, Unit, Unit> {
        @Override
        public Unit process(Map.Entry<String, Unit> entry) {
            Unit unit = entry.getValue();
            if ((unit == null || unit.isGone()) && created.position() == null) {
                return unit; // not a unit the grid holds, and no position to start it at
            }
            Unit next = unit == null || unit.isGone() ? created
                    : unit.amended(created.callSign(), created.level(), created.station(), created.standing(), at);
            entry.setValue(next);
            return next;
        }
    }

    /**
     * Removes the unit: one free now goes at once (out of service, then out of the grid); one on a job is
     * marked and goes when the job ends. Null for an unknown unit.
     */
    record Remove(Instant at) implements EntryProcessor<String, Unit, Unit> {
        @Override
        public Unit process(Map.Entry<String, Unit> entry) {
            Unit unit = entry.getValue();
            if (unit == null) {
                return null;
            }
            Unit removed = unit.amended(unit.callSign(), unit.level(), unit.station(), UnitStanding.REMOVED, at);
            entry.setValue(removed);
            return removed;
        }
    }
}
