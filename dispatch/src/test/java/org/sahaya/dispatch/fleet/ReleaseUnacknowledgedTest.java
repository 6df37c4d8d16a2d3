package org.sahaya.dispatch.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sahaya.dispatch.TestCity.MG_ROAD;
import static org.sahaya.dispatch.TestCity.NOW;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sahaya.core.fleet.Unit;
import org.sahaya.core.fleet.UnitLevel;
import org.sahaya.core.fleet.UnitStatus;
import org.sahaya.core.grid.Grid;
import org.sahaya.core.persistence.Database;
import org.sahaya.dispatch.TestCity;

/**
 * The accept timeout releases a unit only while its crew has not acknowledged: the check and the change
 * are one entry processor on the unit's owner, so a crew that accepted a moment before keeps its job.
 */
class ReleaseUnacknowledgedTest {

    private static Database database;
    private static Grid grid;
    private static GridFleet fleet;

    @BeforeAll
    static void start() {
        database = TestCity.openDatabase();
        grid = TestCity.startGrid(database);
        fleet = new GridFleet(grid, TestCity.CLOCK);
    }

    @AfterAll
    static void stop() {
        grid.close();
        database.close();
    }

    @Test
    void aUnitStillWaitingToAcceptIsReleased() {
        Unit unit = dispatched("INC-WAIT");

        StatusChange change = fleet.releaseUnacknowledged(unit.id(), "INC-WAIT");

        assertThat(change).isInstanceOf(StatusChange.Changed.class);
        assertThat(fleet.get(unit.id()).orElseThrow().status()).isEqualTo(UnitStatus.AVAILABLE);
        assertThat(fleet.get(unit.id()).orElseThrow().incidentId()).isNull();
    }

    @Test
    void aUnitThatAcceptedMeanwhileKeepsItsJob() {
        Unit unit = dispatched("INC-ACCEPTED");
        fleet.changeStatus(unit.id(), UnitStatus.EN_ROUTE);

        StatusChange change = fleet.releaseUnacknowledged(unit.id(), "INC-ACCEPTED");

        assertThat(change).isInstanceOf(StatusChange.Illegal.class);
        assertThat(fleet.get(unit.id()).orElseThrow().status()).isEqualTo(UnitStatus.EN_ROUTE);
        assertThat(fleet.get(unit.id()).orElseThrow().incidentId()).isEqualTo("INC-ACCEPTED");
    }

    @Test
    void aUnitNowOnAnotherIncidentIsLeftAlone() {
        Unit unit = dispatched("INC-NEWER");

        assertThat(fleet.releaseUnacknowledged(unit.id(), "INC-OLDER")).isInstanceOf(StatusChange.Illegal.class);
        assertThat(fleet.get(unit.id()).orElseThrow().status()).isEqualTo(UnitStatus.DISPATCHED);
    }

    private static Unit dispatched(String incidentId) {
        Unit unit = TestCity.unit(UnitLevel.BLS, MG_ROAD).assignedTo(incidentId, NOW);
        grid.units().put(unit.id(), unit);
        return unit;
    }
}
