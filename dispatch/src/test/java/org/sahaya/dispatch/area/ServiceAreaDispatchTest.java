package org.sahaya.dispatch.area;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.sahaya.dispatch.TestCity.JAYANAGAR;
import static org.sahaya.dispatch.TestCity.MG_ROAD;
import static org.sahaya.dispatch.TestCity.north;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sahaya.core.Coordinates;
import org.sahaya.core.alert.AlertType;
import org.sahaya.core.config.SahayaConfig;
import org.sahaya.core.config.Settings;
import org.sahaya.core.fleet.Unit;
import org.sahaya.core.fleet.UnitLevel;
import org.sahaya.core.grid.Grid;
import org.sahaya.core.hospital.BedKind;
import org.sahaya.core.incident.TimelineEntry;
import org.sahaya.core.persistence.Database;
import org.sahaya.core.persistence.TimelineRepository;
import org.sahaya.dispatch.assignment.DispatchOutcome;
import org.sahaya.dispatch.assignment.Dispatcher;
import org.sahaya.dispatch.TestCity;
import org.sahaya.dispatch.claims.GridBedClaims;
import org.sahaya.dispatch.claims.GridUnitClaims;
import org.sahaya.dispatch.fleet.FleetIndex;
import org.sahaya.dispatch.hospital.HospitalBoard;
import org.sahaya.dispatch.intake.AlertIntake;
import org.sahaya.dispatch.policy.DispatchPolicy;
import org.sahaya.dispatch.triage.Triage;
import org.sahaya.geo.GeoPoint;
import org.sahaya.geo.area.ServiceArea;
import org.sahaya.geo.eta.DetourEtaModel;

/**
 * A unit bound to a fleet partner's service area is a candidate only inside it, even when it is
 * the nearest; the timeline says why it was passed over. Real H2 and a real grid member.
 */
class ServiceAreaDispatchTest {

    /** A box around Jayanagar, well south of MG Road. */
    private static final ServiceArea SOUTH = ServiceArea.of("South Bengaluru", List.of(
            GeoPoint.of(12.90, 77.55), GeoPoint.of(12.90, 77.62), GeoPoint.of(12.95, 77.62), GeoPoint.of(12.95, 77.55)));

    private static Database database;
    private static Grid grid;
    private static FleetIndex fleet;
    private static AlertIntake intake;
    private static Dispatcher dispatcher;
    private static Unit boundSouthNearMgRoad;
    private static Unit freeFarther;

    @BeforeAll
    static void start() {
        database = TestCity.openDatabase();
        grid = TestCity.startGrid(database);
        boundSouthNearMgRoad = TestCity.unit(UnitLevel.BLS, north(MG_ROAD, 300));
        freeFarther = TestCity.unit(UnitLevel.BLS, north(MG_ROAD, 5_000));
        grid.units().put(boundSouthNearMgRoad.id(), boundSouthNearMgRoad);
        grid.units().put(freeFarther.id(), freeFarther);
        var hospital = TestCity.hospital("Bowring Hospital", north(MG_ROAD, 1_000), false, Map.of(BedKind.ER, 5));
        grid.hospitals().put(hospital.id(), hospital);
        database.inTransaction(c -> {
            ServiceAreas.save(c, SOUTH, List.of(boundSouthNearMgRoad.id()));
            return null;
        });
        fleet = new FleetIndex(grid);
        intake = new AlertIntake(database, grid,
                new Triage(SahayaConfig.from(Settings.of(Map.of()), false)::verificationWindow), TestCity.CLOCK);
        dispatcher = new Dispatcher(grid, fleet, new HospitalBoard(grid), new GridUnitClaims(grid, TestCity.CLOCK),
                new GridBedClaims(grid), DispatchPolicy.defaults(), DetourEtaModel.bengaluru(), database,
                TestCity.CLOCK, TestCity.ZONE, ServiceAreas.load(database));
        await().atMost(Duration.ofSeconds(10)).until(() -> fleet.size() == 2);
    }

    @AfterAll
    static void stop() {
        fleet.close();
        grid.close();
        database.close();
    }

    @Test
    void theAreasAreReadBackFromTheDatabase() {
        ServiceAreas areas = ServiceAreas.load(database);

        assertThat(areas.areaOf(boundSouthNearMgRoad.id())).contains("South Bengaluru");
        assertThat(areas.serves(boundSouthNearMgRoad.id(), FleetIndex.point(JAYANAGAR))).isTrue();
        assertThat(areas.serves(boundSouthNearMgRoad.id(), FleetIndex.point(MG_ROAD))).isFalse();
        assertThat(areas.serves(freeFarther.id(), FleetIndex.point(MG_ROAD))).isTrue();
    }

    @Test
    void theNearestUnitIsPassedOverOutsideItsAreaAndTheTimelineSaysSo() {
        String incident = fallAt(MG_ROAD);

        DispatchOutcome outcome = dispatcher.dispatch(incident, Set.of());

        assertThat(outcome).isInstanceOfSatisfying(DispatchOutcome.Dispatched.class,
                d -> assertThat(d.unit().id()).isEqualTo(freeFarther.id()));
        List<TimelineEntry> timeline = database.withConnection(c -> new TimelineRepository().of(c, incident));
        assertThat(timeline).filteredOn(e -> e.stage().name().equals("UNIT_CANDIDATES")).singleElement()
                .satisfies(e -> assertThat(e.message()).contains(boundSouthNearMgRoad.callSign()
                        + " (outside its service area South Bengaluru)"));
    }

    private static String fallAt(Coordinates home) {
        TestCity.Wearer wearer = TestCity.wearer(database, home, null);
        return intake.receive(wearer.alert(TestCity.id("fall"), AlertType.FALL)).receipt().incidentId();
    }
}
