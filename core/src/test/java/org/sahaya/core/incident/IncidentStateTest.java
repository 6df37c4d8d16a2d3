package org.sahaya.core.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.sahaya.core.incident.IncidentState.CANCELLED;
import static org.sahaya.core.incident.IncidentState.CLOSED;
import static org.sahaya.core.incident.IncidentState.DISPATCHED;
import static org.sahaya.core.incident.IncidentState.NEW;
import static org.sahaya.core.incident.IncidentState.QUEUED;
import static org.sahaya.core.incident.IncidentState.RECORDED;
import static org.sahaya.core.incident.IncidentState.VERIFYING;

import java.time.Instant;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.sahaya.core.Coordinates;
import org.sahaya.core.alert.AlertType;
import org.sahaya.core.fleet.UnitLevel;
import org.sahaya.core.hospital.BedKind;

class IncidentStateTest {

    @Test
    void aFreshIncidentCanBeDispatchedQueuedCancelledOrClosed() {
        assertThat(reachableFrom(NEW)).containsExactlyInAnyOrder(QUEUED, DISPATCHED, CANCELLED, CLOSED);
    }

    @Test
    void anIncidentInVerificationCanAlsoGoStraightToDispatchWhenAMoreUrgentAlertJoins() {
        assertThat(reachableFrom(VERIFYING)).containsExactlyInAnyOrder(NEW, QUEUED, DISPATCHED, CANCELLED, CLOSED);
    }

    @Test
    void aQueuedIncidentIsDispatchedTheMomentAUnitFreesUpOrIsStoodDown() {
        assertThat(reachableFrom(QUEUED)).containsExactlyInAnyOrder(DISPATCHED, CANCELLED, CLOSED);
    }

    @Test
    void aDispatchedIncidentCanOnlyBeRequeuedOrClosed() {
        assertThat(reachableFrom(DISPATCHED)).containsExactlyInAnyOrder(QUEUED, CLOSED);
    }

    @Test
    void anAmbulanceAlreadyOnItsWayIsNotCancelledByAnImOk() {
        assertThat(DISPATCHED.canMoveTo(CANCELLED)).isFalse();
    }

    @ParameterizedTest
    @EnumSource
    void noIncidentMovesToTheStateItIsAlreadyIn(IncidentState state) {
        assertThat(state.canMoveTo(state)).isFalse();
    }

    @ParameterizedTest
    @EnumSource
    void noIncidentGoesBackToVerificationAndOnlyVerificationLeadsToNew(IncidentState state) {
        assertThat(state.canMoveTo(NEW)).isEqualTo(state == VERIFYING);
        assertThat(state.canMoveTo(VERIFYING)).isFalse();
    }

    @ParameterizedTest
    @EnumSource(names = {"RECORDED", "CANCELLED", "CLOSED"})
    void aFinishedIncidentIsNotOpenAndGoesNowhere(IncidentState finished) {
        assertThat(finished.isOpen()).isFalse();
        assertThat(reachableFrom(finished)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(names = {"NEW", "VERIFYING", "QUEUED", "DISPATCHED"})
    void anIncidentStillBeingWorkedIsOpen(IncidentState working) {
        assertThat(working.isOpen()).isTrue();
    }

    @Test
    void aForbiddenMoveIsRefusedNamingBothStates() {
        assertThatThrownBy(() -> CLOSED.moveTo(DISPATCHED))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("CLOSED")
                .hasMessageContaining("DISPATCHED");
        assertThat(NEW.moveTo(DISPATCHED)).isEqualTo(DISPATCHED);
    }

    @Test
    void anIncidentCannotBeDispatchedTwice() {
        Incident dispatched = incident(NEW).dispatched("UNIT-1", "HOSP-1", 420, Instant.parse("2025-01-15T14:06:00Z"));

        assertThat(dispatched.state()).isEqualTo(DISPATCHED);
        assertThat(dispatched.unitId()).isEqualTo("UNIT-1");
        assertThatThrownBy(() -> dispatched.dispatched("UNIT-2", "HOSP-1", 300, Instant.parse("2025-01-15T14:07:00Z")))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aRecordedTestAlertCanNeverBecomeADispatch() {
        Incident recorded = incident(RECORDED);

        assertThatThrownBy(() -> recorded.withState(DISPATCHED, Instant.parse("2025-01-15T14:06:00Z")))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void changingStateKeepsEverythingElseAndStampsTheTime() {
        Instant later = Instant.parse("2025-01-15T14:09:00Z");
        Incident queued = incident(NEW).withState(QUEUED, later);

        assertThat(queued.state()).isEqualTo(QUEUED);
        assertThat(queued.updatedAt()).isEqualTo(later);
        assertThat(queued.openedAt()).isEqualTo(incident(NEW).openedAt());
        assertThat(queued.priority()).isEqualTo(Priority.P2);
        assertThat(queued.needs()).isEqualTo(UnitLevel.BLS);
    }

    private static EnumSet<IncidentState> reachableFrom(IncidentState from) {
        EnumSet<IncidentState> out = EnumSet.noneOf(IncidentState.class);
        for (IncidentState next : IncidentState.values()) {
            if (from.canMoveTo(next)) {
                out.add(next);
            }
        }
        return out;
    }

    private static Incident incident(IncidentState state) {
        Instant opened = Instant.parse("2025-01-15T14:05:00Z");
        return new Incident("INC-1", "SUB-1", AlertType.FALL, Priority.P2, TriageAction.DISPATCH_NOW, state,
                new Coordinates(12.93, 77.58), opened, opened, UnitLevel.BLS, BedKind.ER, null, null, null, null);
    }
}
