package org.sahaya.dispatch.policy;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.sahaya.core.Coordinates;
import org.sahaya.core.alert.AlertType;
import org.sahaya.core.fleet.UnitLevel;
import org.sahaya.core.hospital.BedKind;
import org.sahaya.core.incident.Incident;
import org.sahaya.core.incident.IncidentState;
import org.sahaya.core.incident.Priority;
import org.sahaya.core.incident.TriageAction;

import static org.assertj.core.api.Assertions.assertThat;

class QueueOrderTest {

    private static final Instant T = Instant.parse("2026-01-01T00:00:00Z");
    private static final Coordinates HOME = new Coordinates(12.97, 77.59);

    @Test
    void theMostUrgentGoesFirstThenTheOneWaitingLongest() {
        Incident oldFall = queued("INC-A", Priority.P2, UnitLevel.BLS, 0);
        Incident newSos = queued("INC-B", Priority.P1, UnitLevel.ALS, 60);
        Incident newerFall = queued("INC-C", Priority.P2, UnitLevel.BLS, 30);
        Incident oldSos = queued("INC-D", Priority.P1, UnitLevel.ALS, 10);

        List<Incident> order = QueueOrder.servableBy(UnitLevel.ALS, at -> true, List.of(oldFall, newSos, newerFall, oldSos), Set.of());

        assertThat(order).extracting(Incident::id).containsExactly("INC-D", "INC-B", "INC-A", "INC-C");
    }

    @Test
    void aBasicUnitIsOfferedAWaitingAdvancedCallToGoFirst() {
        Incident sos = queued("INC-A", Priority.P1, UnitLevel.ALS, 0);
        Incident fall = queued("INC-B", Priority.P2, UnitLevel.BLS, 10);

        // BLS first: the dispatcher sends it unless an ALS unit can now arrive in time.
        assertThat(QueueOrder.servableBy(UnitLevel.BLS, at -> true, List.of(sos, fall), Set.of()))
                .extracting(Incident::id).containsExactly("INC-A", "INC-B");
    }

    @Test
    void incidentsOutsideTheUnitsAreaOrDeclinedByItOrNoLongerWaitingAreLeftOut() {
        Incident declined = queued("INC-A", Priority.P1, UnitLevel.BLS, 0);
        Incident faraway = queued("INC-B", Priority.P1, UnitLevel.BLS, 5);
        Incident dispatched = queued("INC-C", Priority.P1, UnitLevel.BLS, 7).dispatched("AMB-1", null, 60, T);
        Incident waiting = queued("INC-D", Priority.P3, UnitLevel.BLS, 9);

        List<Incident> order = QueueOrder.servableBy(UnitLevel.ALS, at -> at != faraway.location(),
                List.of(declined, faraway, dispatched, waiting), Set.of("INC-A"));

        assertThat(order).extracting(Incident::id).containsExactly("INC-D");
    }

    @Test
    void exactTiesAreBrokenTheSameWayOnEveryMember() {
        Incident b = queued("INC-B", Priority.P2, UnitLevel.BLS, 0);
        Incident a = queued("INC-A", Priority.P2, UnitLevel.BLS, 0);

        assertThat(QueueOrder.servableBy(UnitLevel.BLS, at -> true, List.of(b, a), Set.of()))
                .extracting(Incident::id).containsExactly("INC-A", "INC-B");
    }

    private static Incident queued(String id, Priority priority, UnitLevel needs, int secondsAfter) {
        Instant opened = T.plusSeconds(secondsAfter);
        return new Incident(id, "SUB-" + id, AlertType.FALL, priority, TriageAction.DISPATCH_NOW, IncidentState.QUEUED,
                new Coordinates(HOME.lat() + secondsAfter / 10_000.0, HOME.lon()), opened, opened, needs, BedKind.ER,
                null, null, null, null);
    }
}
