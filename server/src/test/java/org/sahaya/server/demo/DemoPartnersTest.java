package org.sahaya.server.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.sahaya.core.fleet.Unit;
import org.sahaya.core.persistence.Database;
import org.sahaya.server.access.partners.PartnerKind;
import org.sahaya.server.access.partners.PartnerRepository;

/**
 * The demo city's partners: three fleets sharing the units by number (the rule the load tool's
 * {@code DemoKeys} repeats), every hospital a partner of its own, all written by the seeder.
 */
class DemoPartnersTest {

    private static final DemoCityData CITY = DemoCity.generate(DemoCity.DEFAULT_SEED);

    @Test
    void unitNGoesToFleetNModuloThreeAndEveryFleetHasUnits() {
        for (Unit unit : CITY.units()) {
            int n = Integer.parseInt(unit.id().substring(4));
            assertThat(unit.partner()).isEqualTo("FLEET-" + ((n - 1) % 3 + 1));
        }
        Map<String, Long> perFleet = CITY.units().stream().collect(Collectors.groupingBy(Unit::partner, Collectors.counting()));
        assertThat(perFleet).containsOnlyKeys("FLEET-1", "FLEET-2", "FLEET-3");
    }

    @Test
    void theSeederWritesTheFleetsAndAPartnerPerHospital() {
        try (Database db = Database.open("jdbc:h2:mem:demo-partners-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "")) {
            new DemoSeeder(org.sahaya.server.TestNode.secrets()).seedIfEmpty(db, CITY);

            var partners = db.withConnection(new PartnerRepository()::all);
            assertThat(partners).hasSize(3 + CITY.hospitals().size());
            assertThat(partners).allSatisfy(p -> assertThat(p.keyHash()).isNull());
            assertThat(partners.stream().filter(p -> p.partner().kind() == PartnerKind.HOSPITAL).map(p -> p.partner().id()))
                    .containsExactlyInAnyOrderElementsOf(CITY.hospitals().stream().map(h -> h.id()).toList());
            assertThat(DemoPartners.ids()).hasSize(partners.size())
                    .containsAll(partners.stream().map(p -> p.partner().id()).toList());
        }
    }
}
