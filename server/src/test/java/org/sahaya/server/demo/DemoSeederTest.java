package org.sahaya.server.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sahaya.core.hospital.BedKind;
import org.sahaya.core.config.DemoSettings;
import org.sahaya.core.persistence.Database;
import org.sahaya.core.secret.SecretBox;
import org.sahaya.core.secret.SecretColumn;
import org.sahaya.server.TestNode;
import org.sahaya.core.persistence.DirectoryRepository;
import org.sahaya.core.persistence.HospitalRepository;
import org.sahaya.core.persistence.UnitRepository;
import org.sahaya.core.subscriber.Contact;
import org.sahaya.core.subscriber.Device;

class DemoSeederTest {

    private static final DemoCityData CITY = DemoCity.generate(DemoCity.DEFAULT_SEED);

    private Database db;
    private static final SecretBox SECRETS = TestNode.secrets();
    private final DemoSeeder seeder = new DemoSeeder(SECRETS);

    @BeforeEach
    void openEmptyDatabase() {
        db = Database.open("jdbc:h2:mem:demo-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
    }

    @AfterEach
    void closeDatabase() {
        db.close();
    }

    @Test
    void anEmptyDatabaseReceivesTheWholeCity() {
        assertThat(seeder.seedIfEmpty(db, CITY)).isTrue();

        assertThat(count("subscribers")).isEqualTo(CITY.subscribers().size());
        assertThat(count("devices")).isEqualTo(CITY.devices().size());
        assertThat(count("contacts")).isEqualTo(CITY.contacts().size());
        assertThat(count("units")).isEqualTo(CITY.units().size());
        assertThat(count("hospitals")).isEqualTo(CITY.hospitals().size());
        assertThat(count("hospital_beds"))
                .isEqualTo(CITY.hospitals().stream().mapToInt(h -> h.freeBeds().size()).sum());
    }

    @Test
    void aLargerDemoCityHasExtraWearablesThatSignByTheDemoConvention() {
        assertThat(new DemoSeeder(new DemoSettings(12_000), SECRETS).seedIfEmpty(db, CITY)).isTrue();

        assertThat(count("devices")).isEqualTo(12_000);
        db.withConnection(c -> {
            DirectoryRepository directory = new DirectoryRepository();
            assertThat(directory.device(c, "demo-0550").map(SECRETS::open)).contains(CITY.devices().getLast());
            assertThat(directory.device(c, "demo-0551").map(SECRETS::open))
                    .contains(new Device("demo-0551", "S-0001", "demo-secret-0551", true));
            assertThat(directory.device(c, "demo-12000").map(SECRETS::open))
                    .contains(new Device("demo-12000", "S-" + String.format("%04d", (12_000 - 551) % 500 + 1),
                            "demo-secret-12000", true));
            return null;
        });
    }

    @Test
    void aSizedCityIsCompleteAndTheSameOnEveryDatabase() {
        DemoSeeder sized = new DemoSeeder(new DemoSettings(5_000), SECRETS);
        assertThat(sized.seedIfEmpty(db, CITY)).isTrue();
        Database other = Database.open("jdbc:h2:mem:demo-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
        try {
            sized.seedIfEmpty(other, DemoCity.generate(DemoCity.DEFAULT_SEED));

            List<String> here = devices(db);
            assertThat(here).hasSize(5_000).isEqualTo(devices(other));
            assertThat(here).contains("demo-0001|S-0001|demo-secret-0001", "demo-0550|"
                    + CITY.devices().getLast().subscriberId() + "|demo-secret-0550", "demo-5000|S-"
                    + String.format("%04d", (5_000 - 551) % 500 + 1) + "|demo-secret-5000");
        } finally {
            other.close();
        }
    }

    @Test
    void aLargerCityOnTheNextStartAddsOnlyTheMissingDevices() {
        new DemoSeeder(new DemoSettings(3_000), SECRETS).seedIfEmpty(db, CITY);

        assertThat(new DemoSeeder(new DemoSettings(120_000), SECRETS).seedIfEmpty(db, CITY)).isFalse();
        assertThat(new DemoSeeder(new DemoSettings(120_000), SECRETS).seedIfEmpty(db, CITY)).isFalse();

        assertThat(count("devices")).isEqualTo(120_000);
        assertThat(devices(db)).contains("demo-100550|S-" + String.format("%04d", (100_550 - 551) % 500 + 1)
                + "|demo-secret-100550", "demo-120000|S-" + String.format("%04d", (120_000 - 551) % 500 + 1)
                + "|demo-secret-120000");
        assertThat(count("subscribers")).isEqualTo(CITY.subscribers().size());
    }

    @Test
    void seededRecordsReadBackAsGenerated() {
        seeder.seedIfEmpty(db, CITY);

        db.withConnection(c -> {
            DirectoryRepository directory = new DirectoryRepository();
            assertThat(directory.device(c, "demo-0001").map(SECRETS::open))
                    .contains(new Device("demo-0001", "S-0001", "demo-secret-0001", true));
            assertThat(directory.subscriber(c, "S-0001")).contains(CITY.subscribers().getFirst());
            assertThat(directory.contacts(c, "S-0001"))
                    .isEqualTo(CITY.contacts().stream().filter(k -> k.subscriberId().equals("S-0001")).toList());
            assertThat(new UnitRepository().find(c, "AMB-001")).contains(CITY.units().getFirst());
            assertThat(new HospitalRepository().find(c, "H-01").orElseThrow().free(BedKind.ER))
                    .isEqualTo(CITY.hospitals().getFirst().free(BedKind.ER));
            return null;
        });
    }

    @Test
    void seedingAgainChangesNothing() {
        seeder.seedIfEmpty(db, CITY);

        assertThat(seeder.seedIfEmpty(db, CITY)).isFalse();
        assertThat(seeder.seedIfEmpty(db, DemoCity.generate(7))).isFalse();
        assertThat(count("subscribers")).isEqualTo(CITY.subscribers().size());
        assertThat(count("contacts")).isEqualTo(CITY.contacts().size());
    }

    @Test
    void aCityThatCannotBeWrittenWholeLeavesNothingBehind() {
        List<Contact> contacts = new ArrayList<>(CITY.contacts());
        contacts.add(new Contact("C-9999-1", "S-9999", "Nobody", "son", "+442079460999", "en", "Europe/London", 1,
                null));
        DemoCityData broken = new DemoCityData(CITY.hospitals(), CITY.units(), CITY.subscribers(), CITY.devices(),
                contacts);

        assertThatThrownBy(() -> seeder.seedIfEmpty(db, broken)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("subscriberId");
        assertThat(count("hospitals")).isZero();
        assertThat(count("units")).isZero();
        assertThat(count("subscribers")).isZero();
        assertThat(seeder.seedIfEmpty(db, CITY)).isTrue();
    }

    /** Every device as "id|subscriber|secret" (each stored sealed, shown opened), by id. */
    private static List<String> devices(Database database) {
        return database.withConnection(c -> {
            List<String> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT id, subscriber_id, secret FROM devices ORDER BY id");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    assertThat(rs.getString(3)).as("stored sealed").startsWith(SecretBox.V1);
                    out.add(rs.getString(1) + "|" + rs.getString(2) + "|"
                            + SECRETS.open(SecretColumn.DEVICE_SECRET, rs.getString(1), rs.getString(3)));
                }
            }
            return out;
        });
    }

    private int count(String table) {
        return db.withConnection(c -> count(c, table));
    }

    private static int count(Connection c, String table) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM " + table);
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
