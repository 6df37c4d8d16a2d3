package org.sahaya.server.admin.city;

import io.vertx.core.json.JsonObject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.sahaya.core.fleet.Unit;
import org.sahaya.core.grid.Grid;
import org.sahaya.core.persistence.Database;
import org.sahaya.core.secret.SecretBox;
import org.sahaya.server.admin.RecordKind;
import org.sahaya.server.admin.RecordRefused;
import org.sahaya.server.admin.RecordRefused.Fault;

/**
 * The city records one at a time, as the administration API changes them: read and check, write in one
 * transaction, then publish to every member. Blocking: callers offload it. The import uses the same
 * kinds ({@link #kinds()}) for whole files.
 */
public final class CityRecords {

    /** What a unit's removal did. */
    public enum Removal { UNKNOWN, REMOVED, AFTER_JOB }

    private final Database database;
    private final Grid grid;
    private final Clock clock;
    private final FleetKind fleets = new FleetKind();
    private final UnitKind units;
    private final HospitalKind hospitals;
    private final ServiceAreaKind areas;
    private final Dc09AccountKind accounts;

    /** @param available told of each unit a change left AVAILABLE (dispatch's queue then offers it a waiting incident) */
    public CityRecords(Database database, Grid grid, Clock clock, SecretBox secrets, Consumer<String> available) {
        this.database = database;
        this.grid = grid;
        this.clock = clock;
        this.units = new UnitKind(grid, clock, available);
        this.hospitals = new HospitalKind(grid);
        this.areas = new ServiceAreaKind(grid);
        this.accounts = new Dc09AccountKind(secrets);
    }

    /** The kinds in the order an import loads them: areas and fleets before the units bound to them. */
    public List<RecordKind<?>> kinds() {
        return List.of(areas, fleets, units, hospitals, accounts);
    }

    public UnitKind units() {
        return units;
    }

    public HospitalKind hospitals() {
        return hospitals;
    }

    public ServiceAreaKind areas() {
        return areas;
    }

    public Dc09AccountKind accounts() {
        return accounts;
    }

    public FleetKind fleets() {
        return fleets;
    }

    /** The lists and the fleet view, read-only. */
    public CityLists lists() {
        return new CityLists(database, this);
    }

    /**
     * Creates a record that must not exist yet.
     *
     * @return the record as stored
     * @throws RecordRefused 422 naming the fields at fault, 409 when its id is taken; nothing changed
     */
    public <R> JsonObject create(CityKind<R> kind, JsonObject json) throws RecordRefused {
        R record = kind.read(json);
        String id = kind.id(record);
        store(kind, record, c -> {
            if (kind.current(c, id).isPresent()) {
                throw new Refusal(new RecordRefused(List.of(new Fault(idField(kind), kind.section() + " " + id
                        + " exists; change it with PUT", 409))));
            }
        });
        return get(kind, id).orElseThrow();
    }

    /**
     * Changes an existing record: the body is laid over the record as stored (members not given keep their
     * value), the id from the path.
     *
     * @return the record as stored, or empty for an unknown one (nothing changed)
     * @throws RecordRefused naming the fields at fault; nothing changed
     */
    public <R> Optional<JsonObject> update(CityKind<R> kind, String id, JsonObject body) throws RecordRefused {
        Optional<JsonObject> stored = get(kind, id);
        if (stored.isEmpty()) {
            return Optional.empty();
        }
        JsonObject merged = kind.base(stored.get()).mergeIn(body == null ? new JsonObject() : body);
        merged.put(idField(kind), id);
        R record = kind.read(merged);
        store(kind, record, c -> { });
        return get(kind, id);
    }

    public Optional<JsonObject> get(CityKind<?> kind, String id) {
        return database.withConnection(c -> kind.current(c, id));
    }

    /** Removes a unit: at once when free, after its job when on one. It is never dispatched again either way. */
    public Removal removeUnit(String id) {
        if (get(units, id).isEmpty()) {
            return Removal.UNKNOWN;
        }
        Unit removed = grid.units().executeOnKey(id, new UnitKind.Remove(clock.instant()));
        if (removed == null) {
            return Removal.UNKNOWN;
        }
        return removed.isGone() ? Removal.REMOVED : Removal.AFTER_JOB;
    }

    /**
     * Removes a hospital from the grid and every member's bed board. False for an unknown one.
     *
     * @throws RecordRefused 409 while it holds a bed for an incident
     */
    public boolean removeHospital(String id) throws RecordRefused {
        if (get(hospitals, id).isEmpty()) {
            return false;
        }
        // Marked first, so that no member loads it back from the database once it has left the grid.
        mark(id, true);
        if (!grid.hospitals().executeOnKey(id, new HospitalKind.Close())) {
            mark(id, false);
            throw new RecordRefused(List.of(new Fault("id", "hospital " + id
                    + " holds beds reserved for open incidents; remove it when they are handed over", 409)));
        }
        return true;
    }

    private void mark(String id, boolean removed) {
        database.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE hospitals SET removed_at = ? WHERE id = ?")) {
                org.sahaya.core.persistence.Jdbc.setInstant(ps, 1, removed ? clock.instant() : null);
                ps.setString(2, id);
                return ps.executeUpdate();
            }
        });
    }

    /**
     * Deletes a service area. False for an unknown one.
     *
     * @throws RecordRefused 409 while units are bound to it
     */
    public boolean removeArea(String name) throws RecordRefused {
        boolean removed = transaction(c -> areas.delete(c, name));
        if (removed) {
            areas.published(List.of());
        }
        return removed;
    }

    /** Deletes a DC-09 account: every member's receiver refuses it from its next message. False for an unknown one. */
    public boolean removeAccount(String account) {
        return database.inTransaction(c -> accounts.delete(c, account));
    }

    private <R> void store(RecordKind<R> kind, R record, Check check) throws RecordRefused {
        transaction(c -> {
            check.run(c);
            return kind.write(c, record);
        });
        kind.published(List.of(record));
    }

    private <T> T transaction(Work<T> work) throws RecordRefused {
        try {
            return database.inTransaction(c -> {
                try {
                    return work.run(c);
                } catch (RecordRefused refused) {
                    throw new Refusal(refused);
                }
            });
        } catch (Refusal refusal) {
            throw refusal.refused;
        }
    }

    private static String idField(CityKind<?> kind) {
        return switch (kind.section()) {
            case "serviceAreas" -> "name";
            case "dc09Accounts" -> "account";
            default -> "id";
        };
    }

    @FunctionalInterface
    private interface Check {
        void run(Connection c) throws SQLException;
    }

    @FunctionalInterface
    private interface Work<T> {
        T run(Connection c) throws SQLException, RecordRefused;
    }

    /** Carries a refusal out of a transaction, rolling it back. */
    private static final class Refusal extends RuntimeException {
        private final transient RecordRefused refused;

        Refusal(RecordRefused refused) {
            super(null, null, false, false);
            this.refused = refused;
        }
    }
}
