package org.sahaya.core.grid;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sahaya.core.Coordinates;
import org.sahaya.core.alert.AlertType;
import org.sahaya.core.fleet.Unit;
import org.sahaya.core.fleet.UnitLevel;
import org.sahaya.core.fleet.UnitStatus;
import org.sahaya.core.hospital.BedKind;
import org.sahaya.core.hospital.Hospital;
import org.sahaya.core.incident.Incident;
import org.sahaya.core.incident.IncidentState;
import org.sahaya.core.incident.Priority;
import org.sahaya.core.incident.TriageAction;
import org.sahaya.core.persistence.Database;
import org.sahaya.core.persistence.DirectoryRepository;
import org.sahaya.core.persistence.HospitalRepository;
import org.sahaya.core.persistence.IncidentRepository;
import org.sahaya.core.persistence.UnitRepository;
import org.sahaya.core.subscriber.Subscriber;

/** The grid's maps write through to the database, and a new member starts from what the database holds. */
class GridTest {

    private static final Instant NOW = Instant.parse("2025-01-15T14:05:00Z");
    private static final Coordinates JAYANAGAR = new Coordinates(12.9299, 77.5826);

    private static Database database;
    private static Grid grid;

    private final UnitRepository units = new UnitRepository();
    private final HospitalRepository hospitals = new HospitalRepository();
    private final IncidentRepository incidents = new IncidentRepository();

    @BeforeAll
    static void start() {
        database = openDatabase();
        grid = startGrid(database);
    }

    @AfterAll
    static void stop() {
        grid.close();
        database.close();
    }

    @Test
    void aUnitPutIntoTheGridIsInTheDatabaseWhenThePutReturns() {
        Unit unit = unit("KA-01-AMB-" + UUID.randomUUID(), UnitStatus.AVAILABLE);

        grid.units().put(unit.id(), unit);

        assertThat(storedUnit(unit.id())).contains(unit);
    }

    @Test
    void aBedReservedInTheGridIsInTheDatabaseWhenThePutReturns() {
        Hospital hospital = hospital("HOSP-" + UUID.randomUUID(), 2);
        grid.hospitals().put(hospital.id(), hospital);

        grid.hospitals().put(hospital.id(), hospital.reserve("INC-1", BedKind.ER));

        Hospital stored = storedHospital(hospital.id()).orElseThrow();
        assertThat(stored.free(BedKind.ER)).isEqualTo(1);
        assertThat(stored.reservations()).containsEntry("INC-1", BedKind.ER);
    }

    @Test
    void anIncidentClosedThroughTheGridReleasesItsSubscribersOpenSlot() {
        Subscriber asha = subscriber(database);
        Incident open = incident(asha, IncidentState.DISPATCHED);
        database.inTransaction(c -> {
            incidents.insert(c, open);
            incidents.claimOpenSlot(c, open);
            return null;
        });
        grid.incidents().put(open.id(), open);
        assertThat(openIncidentOf(asha.id())).isPresent();

        grid.incidents().put(open.id(), open.withState(IncidentState.CLOSED, NOW.plusSeconds(3600)));

        assertThat(openIncidentOf(asha.id())).isEmpty();
        assertThat(storedIncident(open.id()))
                .hasValueSatisfying(i -> assertThat(i.state()).isEqualTo(IncidentState.CLOSED));
    }

    @Test
    void aNewMemberOnTheSameDatabaseStartsWithTheFleetTheBedsAndOnlyTheOpenIncidents() {
        try (Database db = openDatabase()) {
            Unit available = unit("UNIT-A", UnitStatus.AVAILABLE);
            Unit onTheWay = unit("UNIT-B", UnitStatus.AVAILABLE);
            Hospital manipal = hospital("HOSP-1", 3);
            Subscriber asha = subscriber(db);
            Subscriber gopal = subscriber(db);
            Incident stillOpen = incident(asha, IncidentState.NEW);
            Incident finished = incident(gopal, IncidentState.NEW);
            Incident recorded = incident(gopal, IncidentState.RECORDED);
            db.inTransaction(c -> {
                units.save(c, available);
                hospitals.save(c, manipal);
                return null;
            });

            Incident dispatched = stillOpen.dispatched(onTheWay.id(), manipal.id(), 420, NOW.plusSeconds(5));
            try (Grid first = startGrid(db)) {
                first.units().put(onTheWay.id(), onTheWay.assignedTo(stillOpen.id(), NOW.plusSeconds(5)));
                first.hospitals().put(manipal.id(), manipal.reserve(stillOpen.id(), BedKind.ER));
                first.incidents().put(stillOpen.id(), dispatched);
                first.incidents().put(finished.id(), finished.withState(IncidentState.CLOSED, NOW.plusSeconds(60)));
                first.incidents().put(recorded.id(), recorded);
            }

            try (Grid second = startGrid(db)) {
                assertThat(second.units().keySet()).containsExactlyInAnyOrder("UNIT-A", "UNIT-B");
                assertThat(second.units().get("UNIT-B").status()).isEqualTo(UnitStatus.DISPATCHED);
                assertThat(second.units().get("UNIT-B").incidentId()).isEqualTo(stillOpen.id());
                assertThat(second.hospitals().keySet()).containsExactly("HOSP-1");
                Hospital beds = second.hospitals().get("HOSP-1");
                assertThat(beds.free(BedKind.ER)).isEqualTo(2);
                assertThat(beds.reservations()).containsExactly(Map.entry(stillOpen.id(), BedKind.ER));
                assertThat(second.incidents().keySet()).containsExactly(stillOpen.id());
                assertThat(second.incidents().get(stillOpen.id())).isEqualTo(dispatched);
                assertThat(second.incidents().get(finished.id())).as("finished incidents stay in the database only").isNull();
            }
        }
    }

    @Test
    void aRunningGridSaysSo() {
        assertThat(grid.isRunning()).isTrue();
        assertThat(grid.hazelcast().getConfig().getClusterName()).startsWith("test-");
    }

    private Optional<Unit> storedUnit(String id) {
        return database.withConnection(c -> units.find(c, id));
    }

    private Optional<Hospital> storedHospital(String id) {
        return database.withConnection(c -> hospitals.find(c, id));
    }

    private Optional<Incident> storedIncident(String id) {
        return database.withConnection(c -> incidents.find(c, id));
    }

    private Optional<Incident> openIncidentOf(String subscriberId) {
        return database.withConnection(c -> incidents.findOpenBySubscriber(c, subscriberId));
    }

    private static Database openDatabase() {
        return Database.open("jdbc:h2:mem:grid-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
    }

    private static Grid startGrid(Database db) {
        return Grid.start(db, "test-" + UUID.randomUUID(), 5801, List.of());
    }

    private static Unit unit(String id, UnitStatus status) {
        return new Unit(id, "KA-07", UnitLevel.BLS, "Jayanagar", JAYANAGAR, status, null, NOW);
    }

    private static Hospital hospital(String id, int erBeds) {
        return new Hospital(id, "Manipal Hospital", new Coordinates(12.9592, 77.6489), true,
                Map.of(BedKind.ER, erBeds, BedKind.ICU, 1), Map.of());
    }

    private static Subscriber subscriber(Database db) {
        Subscriber s = new Subscriber("SUB-" + UUID.randomUUID(), "Asha", JAYANAGAR, "kn", null);
        db.inTransaction(c -> {
            new DirectoryRepository().insert(c, s);
            return null;
        });
        return s;
    }

    private static Incident incident(Subscriber s, IncidentState state) {
        return new Incident("INC-" + UUID.randomUUID(), s.id(), AlertType.FALL, Priority.P2, TriageAction.DISPATCH_NOW,
                state, s.home(), NOW, NOW, UnitLevel.BLS, BedKind.ER, null, null, null, null);
    }
}
