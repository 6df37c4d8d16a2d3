package org.sahaya.server.access.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.sahaya.server.access.Role;

/** What a new account must be, and that a user never prints its secrets. */
class UserTest {

    @Test
    void nobodyMayCreateADemoUser() {
        assertThatThrownBy(() -> User.checkNew("demo-admin", Set.of(Role.ADMIN), null))
                .hasMessageContaining("demo");
        assertThatThrownBy(() -> User.checkNew("demo-someone", Set.of(Role.AUDITOR), null))
                .hasMessageContaining("demo");
    }

    @Test
    void aUsernameIsThreeToSixtyFourLowercaseCharacters() {
        assertThatCode(() -> User.checkNew("asha.rao_2-x", Set.of(Role.ADMIN), null)).doesNotThrowAnyException();
        for (String bad : new String[] {"ab", "Asha", "asha rao", "a".repeat(65), "asha@home", ""}) {
            assertThatThrownBy(() -> User.checkNew(bad, Set.of(Role.ADMIN), null)).as(bad)
                    .hasMessageContaining("3 to 64");
        }
    }

    @Test
    void fleetAndHospitalPeopleAreBoundToOnePartnerAndNobodyElseIs() {
        assertThatCode(() -> User.checkNew("crew.lead", Set.of(Role.FLEET), "fleet-north")).doesNotThrowAnyException();
        assertThatThrownBy(() -> User.checkNew("crew.lead", Set.of(Role.FLEET), null)).hasMessageContaining("partner");
        assertThatThrownBy(() -> User.checkNew("asha", Set.of(Role.ADMIN), "fleet-north")).hasMessageContaining("partner");
        assertThatThrownBy(() -> User.checkNew("both", Set.of(Role.FLEET, Role.HOSPITAL), "x")).hasMessageContaining("not both");
        assertThatThrownBy(() -> User.checkNew("nobody", Set.of(), null)).hasMessageContaining("role");
    }

    @Test
    void aUserNeverPrintsItsHashOrSecret() {
        User u = new User("asha", "$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0c2FsdA$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g",
                "JBSWY3DPEHPK3PXP", Set.of(Role.ADMIN), null, Instant.EPOCH, false, null);

        assertThat(u.toString()).doesNotContain("argon2", "JBSWY3DPEHPK3PXP").contains("asha", "ADMIN");
        assertThat(u.needsCode()).isTrue();
        assertThat(u.roleNames()).containsExactly("admin");
    }

    @Test
    void aCodeIsNeededByRoleOrByHavingASecret() {
        User auditorWithout = new User("aud", "h", null, Set.of(Role.AUDITOR), null, Instant.EPOCH, false, null);
        User auditorWith = new User("aud", "h", "JBSWY3DPEHPK3PXP", Set.of(Role.AUDITOR), null, Instant.EPOCH, false, null);
        User coordinator = new User("co", "h", null, Set.of(Role.COORDINATOR), null, Instant.EPOCH, false, null);

        assertThat(auditorWithout.needsCode()).isFalse();
        assertThat(auditorWith.needsCode()).isTrue();
        assertThat(coordinator.needsCode()).isTrue();
    }
}
