package org.sahaya.server.access.partners;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.sahaya.server.access.Caller;
import org.sahaya.server.access.Role;
import org.sahaya.server.access.people.User;

/** A crew is bound to one unit: it may act for that unit and no other, whatever fleet owns it. */
class CrewScopeTest {

    private static final Caller CREW = new Caller("crew.seven", Caller.Kind.PERSON, Set.of(Role.CREW), null,
            "10.0.0.1", "AMB-007");

    @Test
    void aCrewReportsForItsOwnUnitOnly() {
        assertThat(PartnerScope.mayReportFor(CREW, "AMB-007", "FLEET-1")).isTrue();
        assertThat(PartnerScope.mayReportFor(CREW, "AMB-008", "FLEET-1")).isFalse();
        assertThat(PartnerScope.mayReportFor(CREW, null, null)).isFalse();
    }

    @Test
    void aCrewIsNoFleetAndNoCoordinator() {
        assertThat(PartnerScope.mayReportFor(CREW, "FLEET-1")).isFalse();
        assertThat(PartnerScope.dispatches(CREW)).isFalse();
        assertThat(PartnerScope.boundToUnits(CREW)).isTrue();
        assertThat(PartnerScope.maySetBedsOf(CREW, "H-01")).isFalse();
    }

    @Test
    void aFleetStillReportsForItsFleetsUnitsAndACoordinatorForAny() {
        Caller fleet = new Caller("FLEET-1", Caller.Kind.PARTNER, Set.of(Role.FLEET), "FLEET-1", "10.0.0.2");
        Caller coordinator = new Caller("cora", Caller.Kind.PERSON, Set.of(Role.COORDINATOR), null, "10.0.0.3");

        assertThat(PartnerScope.mayReportFor(fleet, "AMB-007", "FLEET-1")).isTrue();
        assertThat(PartnerScope.mayReportFor(fleet, "AMB-007", "FLEET-2")).isFalse();
        assertThat(PartnerScope.mayReportFor(coordinator, "AMB-007", "FLEET-2")).isTrue();
        assertThat(PartnerScope.boundToUnits(coordinator)).isFalse();
    }

    @Test
    void aUnitBindingOnAnythingButACrewIsNotACrew() {
        Caller notCrew = new Caller("aud", Caller.Kind.PERSON, Set.of(Role.AUDITOR), null, "10.0.0.4", "AMB-007");

        assertThat(notCrew.crews("AMB-007")).isFalse();
        assertThat(PartnerScope.mayReportFor(notCrew, "AMB-007", "FLEET-1")).isFalse();
    }

    @Test
    void aCrewAccountNeedsAUnitAndHoldsNoOtherRole() {
        assertThatCode(() -> User.checkNew("crew.seven", Set.of(Role.CREW), null, "AMB-007")).doesNotThrowAnyException();
        assertThatThrownBy(() -> User.checkNew("crew.seven", Set.of(Role.CREW), null, null)).hasMessageContaining("unit");
        assertThatThrownBy(() -> User.checkNew("crew.seven", Set.of(Role.CREW, Role.COORDINATOR), null, "AMB-007"))
                .hasMessageContaining("crew role only");
        assertThatThrownBy(() -> User.checkNew("cora", Set.of(Role.COORDINATOR), null, "AMB-007"))
                .hasMessageContaining("only a crew user");
        assertThatThrownBy(() -> User.checkNew("crew.seven", Set.of(Role.CREW), null, "AMB 007; DROP"))
                .hasMessageContaining("unit id");
    }

    @Test
    void aCrewNeverGivesASecondFactor() {
        assertThat(Role.CREW.needsSecondFactor()).isFalse();
        assertThat(new User("crew.seven", "h", null, Set.of(Role.CREW), null, java.time.Instant.EPOCH, false, null,
                "AMB-007").needsCode()).isFalse();
    }
}
