package org.sahaya.core.grid;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import java.util.Optional;
import org.sahaya.core.fleet.Unit;
import org.sahaya.core.hospital.Hospital;
import org.sahaya.core.incident.Incident;
import org.sahaya.core.persistence.Database;
import org.sahaya.core.persistence.HospitalRepository;
import org.sahaya.core.persistence.IncidentRepository;
import org.sahaya.core.persistence.UnitRepository;

/** The write-through stores of the three operational maps. */
final class GridMapStores {

    private GridMapStores() {
    }

    static final class Units extends JdbcMapStore<Unit> {
        private final UnitRepository repo = new UnitRepository();

        Units(Database db) {
            super(db);
        }

        @Override
        protected void save(Connection c, Unit value) throws SQLException {
            repo.save(c, value);
        }

        @Override
        protected Optional<Unit> find(Connection c, String key) throws SQLException {
            return repo.find(c, key);
        }

        @Override
        protected Collection<String> keysToPreload(Connection c) throws SQLException {
            return repo.allIds(c);
        }
    }

    static final class Hospitals extends JdbcMapStore<Hospital> {
        private final HospitalRepository repo = new HospitalRepository();

        Hospitals(Database db) {
            super(db);
        }

        @Override
        protected void save(Connection c, Hospital value) throws SQLException {
            repo.save(c, value);
        }

        @Override
        protected Optional<Hospital> find(Connection c, String key) throws SQLException {
            return repo.find(c, key);
        }

        @Override
        protected Collection<String> keysToPreload(Connection c) throws SQLException {
            return repo.allIds(c);
        }
    }

    /** Only open incidents are preloaded; finished ones are evicted from the grid after their last write. */
    static final class Incidents extends JdbcMapStore<Incident> {
        private final IncidentRepository repo = new IncidentRepository();

        Incidents(Database db) {
            super(db);
        }

        /** A finished incident frees its subscriber's open slot in the same transaction as its last write. */
        @Override
        protected void save(Connection c, Incident value) throws SQLException {
            repo.save(c, value);
            if (!value.state().isOpen()) {
                repo.releaseOpenSlot(c, value.id());
            }
        }

        @Override
        protected Optional<Incident> find(Connection c, String key) throws SQLException {
            return repo.find(c, key).filter(i -> i.state().isOpen());
        }

        @Override
        protected Collection<String> keysToPreload(Connection c) throws SQLException {
            return repo.openIds(c);
        }
    }
}
