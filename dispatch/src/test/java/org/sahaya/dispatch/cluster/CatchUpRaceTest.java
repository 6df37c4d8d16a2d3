package org.sahaya.dispatch.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.sahaya.dispatch.TestCity.MG_ROAD;
import static org.sahaya.dispatch.TestCity.north;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sahaya.core.alert.AlertType;
import org.sahaya.core.fleet.Unit;
import org.sahaya.core.fleet.UnitLevel;
import org.sahaya.core.fleet.UnitStatus;
import org.sahaya.core.incident.Incident;
import org.sahaya.core.incident.IncidentState;
import org.sahaya.core.persistence.Database;
import org.sahaya.dispatch.assignment.DispatchOutcome;
import org.sahaya.dispatch.TestCity;
import org.sahaya.dispatch.TestCity.Wearer;
import org.sahaya.dispatch.fleet.FleetIndex;
import org.sahaya.dispatch.incident.CloseResult;

/**
 * The two ways a waiting incident is dispatched after the cluster gets its majority back race each
 * other: its owner's catch-up dispatch on one member, a queue drain for a freed unit on another. With
 * two units free, both may claim one: the incident's checked move to DISPATCHED lets exactly one win,
 * and the loser gives its unit back.
 */
class CatchUpRaceTest {

    private static final int ROUNDS = 30;

    private static Database database;
    private static final List<Member> members = new ArrayList<>();
    private static final TickingClock clock = new TickingClock(TestCity.NOW);

    @BeforeAll
    static void startCluster() throws Exception {
        database = TestCity.openDatabase();
        members.addAll(Member.startCluster(database, "catch-up-", 2, 40_000, 50_000, clock));
    }

    @AfterAll
    static void stopCluster() {
        members.forEach(Member::close);
        database.close();
    }

    @Test
    void ownersCatchUpAndAQueueDrainOnAnotherMemberSendExactlyOneUnitAndGiveTheOtherBack() throws Exception {
        Wearer wearer = TestCity.wearer(database, MG_ROAD, null);
        for (int round = 0; round < ROUNDS; round++) {
            // No unit free: the incident waits in the queue.
            String incidentId = members.get(0).intake().receive(wearer.alert("race-" + round, AlertType.SOS))
                    .receipt().incidentId();
            assertThat(members.get(0).dispatcher().dispatch(incidentId)).isInstanceOf(DispatchOutcome.Queued.class);

            Unit first = TestCity.unit(UnitLevel.ALS, north(MG_ROAD, 300));
            Unit second = TestCity.unit(UnitLevel.ALS, north(MG_ROAD, 600));
            members.get(0).grid().units().put(first.id(), first);
            members.get(1).grid().units().put(second.id(), second);
            await().atMost(Duration.ofSeconds(10)).until(() -> members.stream().allMatch(m ->
                    m.fleet().nearestAvailable(FleetIndex.point(MG_ROAD), UnitLevel.ALS, 4, 5_000)
                            .size() == 2));

            CountDownLatch go = new CountDownLatch(1);
            try (ExecutorService paths = Executors.newVirtualThreadPerTaskExecutor()) {
                Future<DispatchOutcome> catchUp = paths.submit(() -> {
                    go.await();
                    return members.get(0).dispatcher().dispatch(incidentId);
                });
                Future<List<DispatchOutcome>> drain = paths.submit(() -> {
                    go.await();
                    return members.get(1).drain().drain(second.id(), Set.of());
                });
                go.countDown();
                catchUp.get(1, TimeUnit.MINUTES);
                drain.get(1, TimeUnit.MINUTES);
            }

            Incident incident = members.get(1).grid().incidents().get(incidentId);
            assertThat(incident.state()).isEqualTo(IncidentState.DISPATCHED);
            List<Unit> both = List.of(members.get(0).grid().units().get(first.id()),
                    members.get(1).grid().units().get(second.id()));
            assertThat(both.stream().filter(u -> incidentId.equals(u.incidentId())))
                    .as("round %d: units held for the incident", round)
                    .extracting(Unit::id).containsExactly(incident.unitId());
            assertThat(both.stream().filter(u -> !u.id().equals(incident.unitId())))
                    .as("round %d: the losing path's unit is free again", round)
                    .allMatch(Unit::isAvailable);
            assertThat(TestCity.count(database, "SELECT COUNT(*) FROM units WHERE incident_id = ?", incidentId))
                    .isEqualTo(1);

            // Done with this round: the incident closes and both units leave service.
            assertThat(members.get(0).closing().close(incidentId, "round over", false))
                    .isInstanceOf(CloseResult.Closed.class);
            for (Unit u : both) {
                members.get(0).grid().units().put(u.id(), new Unit(u.id(), u.callSign(), u.level(), u.station(),
                        u.position(), UnitStatus.OUT_OF_SERVICE, null, clock.instant()));
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> members.stream().allMatch(m ->
                    m.fleet().nearestAvailable(FleetIndex.point(MG_ROAD), UnitLevel.ALS, 4, 5_000)
                            .isEmpty()));
        }
    }
}
