package org.sahaya.server.access.partners;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.sahaya.server.access.Caller;
import org.sahaya.server.access.Role;

class PartnerScopeTest {

    private static Caller partner(Role role, String id) {
        return new Caller(id, Caller.Kind.PARTNER, Set.of(role), id, "10.0.0.1");
    }

    private static Caller person(Role role) {
        return new Caller("cora", Caller.Kind.PERSON, Set.of(role), null, "10.0.0.1");
    }

    @Test
    void aFleetReportsOnlyForItsOwnUnits() {
        assertThat(PartnerScope.mayReportFor(partner(Role.FLEET, "FLEET-1"), "FLEET-1")).isTrue();
        assertThat(PartnerScope.mayReportFor(partner(Role.FLEET, "FLEET-1"), "FLEET-2")).isFalse();
        assertThat(PartnerScope.mayReportFor(partner(Role.FLEET, "FLEET-1"), null)).isFalse();
    }

    @Test
    void aHospitalSetsOnlyItsOwnBedsAndAFleetNamedLikeAHospitalNone() {
        assertThat(PartnerScope.maySetBedsOf(partner(Role.HOSPITAL, "H-01"), "H-01")).isTrue();
        assertThat(PartnerScope.maySetBedsOf(partner(Role.HOSPITAL, "H-01"), "H-02")).isFalse();
        assertThat(PartnerScope.maySetBedsOf(partner(Role.FLEET, "H-01"), "H-01")).isFalse();
        assertThat(PartnerScope.mayReportFor(partner(Role.HOSPITAL, "FLEET-1"), "FLEET-1")).isFalse();
    }

    @Test
    void coordinatorsAndSupervisorsTouchAnyUnitAndBedBoardButAnAdminOrAuditorNone() {
        assertThat(PartnerScope.mayReportFor(person(Role.COORDINATOR), "FLEET-2")).isTrue();
        assertThat(PartnerScope.maySetBedsOf(person(Role.SUPERVISOR), "H-09")).isTrue();
        assertThat(PartnerScope.mayReportFor(person(Role.ADMIN), "FLEET-2")).isFalse();
        assertThat(PartnerScope.maySetBedsOf(person(Role.AUDITOR), "H-09")).isFalse();
    }
}
