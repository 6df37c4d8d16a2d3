package org.sahaya.core.grid;

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

    static JdbcMapStore<Unit> units(Database db) {
        UnitRepository repo = new UnitRepository();
        // A unit removed by an admin that finished its job left the grid for good: never loaded back.
        return new JdbcMapStore<>(db, repo::save, repo::findLive, repo::liveIds);
    }

    static JdbcMapStore<Hospital> hospitals(Database db) {
        HospitalRepository repo = new HospitalRepository();
        // A hospital removed by an admin left the grid for good: never loaded back.
        return new JdbcMapStore<>(db, repo::save, repo::findLive, repo::liveIds);
    }

    /**
     * Only open incidents are preloaded, and only open ones load on a miss. A finished incident frees
     * its subscriber's open slot in the same transaction as its last write.
     */
    static JdbcMapStore<Incident> incidents(Database db) {
        IncidentRepository repo = new IncidentRepository();
        return new JdbcMapStore<>(db,
                (c, incident) -> {
                    repo.save(c, incident);
                    if (!incident.state().isOpen()) {
                        repo.releaseOpenSlot(c, incident.id());
                    }
                },
                (c, id) -> repo.find(c, id).filter(i -> i.state().isOpen()),
                repo::openIds);
    }
}
