package org.sahaya.server.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.sahaya.server.access.Caller;
import org.sahaya.server.access.Role;

class JobScopeTest {

    private static Caller fleet(String id) {
        return new Caller(id, Caller.Kind.PARTNER, Set.of(Role.FLEET), id, "10.0.0.1");
    }

    private static Caller crew(String unit) {
        return new Caller("crew-" + unit, Caller.Kind.PERSON, Set.of(Role.CREW), null, "10.0.0.2", unit);
    }

    @Test
    void aFleetAnswersOnlyItsOwnUnitsJobs() {
        assertThat(JobScope.mayAct(fleet("FLEET-1"), "AMB-001", "FLEET-1")).isTrue();
        assertThat(JobScope.mayAct(fleet("FLEET-2"), "AMB-001", "FLEET-1")).isFalse();
        assertThat(JobScope.mayAct(fleet("FLEET-2"), "AMB-009", null)).as("a unit of no fleet").isFalse();
    }

    @Test
    void aCrewAnswersOnlyItsOwnUnitsJob() {
        assertThat(JobScope.mayAct(crew("AMB-001"), "AMB-001", "FLEET-1")).isTrue();
        assertThat(JobScope.mayAct(crew("AMB-002"), "AMB-001", "FLEET-1")).isFalse();
        assertThat(JobScope.mayAct(crew(null), "AMB-001", "FLEET-1")).as("a crew bound to no unit").isFalse();
    }

    @Test
    void coordinatorsAndSupervisorsAnswerAnyAndOthersNone() {
        for (Role role : Set.of(Role.COORDINATOR, Role.SUPERVISOR)) {
            assertThat(JobScope.mayAct(new Caller("p", Caller.Kind.PERSON, Set.of(role), null, "a"), "AMB-001", "FLEET-1"))
                    .isTrue();
        }
        for (Role role : Set.of(Role.ADMIN, Role.AUDITOR, Role.HOSPITAL)) {
            assertThat(JobScope.mayAct(new Caller("p", Caller.Kind.PERSON, Set.of(role), "FLEET-1", "a"), "AMB-001",
                    "FLEET-1")).as(role.name()).isFalse();
        }
    }
}
