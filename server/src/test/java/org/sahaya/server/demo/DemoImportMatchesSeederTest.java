package org.sahaya.server.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.sahaya.core.fleet.Unit;
import org.sahaya.core.hospital.Hospital;
import org.sahaya.core.persistence.Database;
import org.sahaya.core.persistence.DirectoryRepository;
import org.sahaya.core.persistence.HospitalRepository;
import org.sahaya.core.persistence.UnitRepository;
import org.sahaya.core.secret.SecretBox;
import org.sahaya.core.subscriber.ConsentPurpose;
import org.sahaya.core.subscriber.Contact;
import org.sahaya.core.subscriber.Device;
import org.sahaya.core.subscriber.Subscriber;
import org.sahaya.server.TableRows;
import org.sahaya.server.TestNode;
import org.sahaya.server.access.partners.Partner;
import org.sahaya.server.access.partners.PartnerRepository;
import org.sahaya.server.admin.people.Consents;

/**
 * The demo city loaded through the import is the city the seeder used to write row by row: every row that
 * matters of every table the same, sealed secrets compared opened. Differences are allowed only where the
 * import records more than the old seeder did: consents recorded (compared as what counts per purpose),
 * {@code updated_at} stamps, a hospital's bed capacity, contact preferences and push tokens in their own
 * tables (compared as what the notifier reads).
 */
class DemoImportMatchesSeederTest {

    private static final SecretBox SECRETS = TestNode.secrets();
    private static final DemoCityData CITY = DemoCity.generate(DemoCity.DEFAULT_SEED);

    @Test
    void theImportedDemoCityIsTheSeededOne() {
        try (Database old = memory(); Database imported = memory()) {
            oldSeed(old);
            assertThat(new DemoSeeder(SECRETS).seedIfEmpty(imported, CITY)).isTrue();

            for (String table : List.of("subscribers", "devices", "contacts", "units", "unit_service_areas",
                    "hospitals", "hospital_beds", "partners", "dc09_accounts", "service_areas")) {
                List<Map<String, Object>> before = TableRows.of(old, SECRETS, table);
                assertThat(TableRows.of(imported, SECRETS, table)).as(table).isEqualTo(before);
                if (!table.endsWith("areas")) {
                    assertThat(before).as(table).isNotEmpty();
                }
            }
            assertThat(preferences(imported)).isEqualTo(preferences(old));
            assertThat(consents(imported)).isEqualTo(consents(old));
        }
    }

    /** How the city was seeded before the import: the old DemoSeeder's writes, then the demo DC-09 accounts. */
    private static void oldSeed(Database db) {
        DirectoryRepository directory = new DirectoryRepository();
        PartnerRepository partners = new PartnerRepository();
        db.inTransaction(c -> {
            for (Partner fleet : DemoPartners.FLEETS) {
                partners.insert(c, fleet, null);
            }
            for (Hospital hospital : CITY.hospitals()) {
                new HospitalRepository().save(c, hospital);
            }
            for (Unit unit : CITY.units()) {
                new UnitRepository().save(c, unit);
            }
            for (Subscriber subscriber : CITY.subscribers()) {
                directory.insert(c, subscriber);
            }
            for (Device device : CITY.devices()) {
                directory.insert(c, SECRETS.seal(device));
            }
            for (Contact contact : CITY.contacts()) {
                directory.insert(c, contact);
            }
            return null;
        });
        assertThat(new DemoHubAccounts(SECRETS).seedIfMissing(db)).isTrue();
    }

    /** Each contact's channels and quiet hours as the notifier reads them: the default when no row. */
    private static Map<String, String> preferences(Database db) {
        return db.withConnection(c -> {
            Map<String, String> out = new LinkedHashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT k.id, p.channels, p.quiet_start, p.quiet_end"
                    + " FROM contacts k LEFT JOIN contact_preferences p ON p.contact_id = k.id ORDER BY k.id");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String channels = rs.getString(2) == null ? "SMS" : rs.getString(2);
                    out.put(rs.getString(1), channels + "|" + rs.getString(3) + "|" + rs.getString(4));
                }
            }
            return out;
        });
    }

    /** What counts for each subscriber and purpose: recorded or by default. */
    private static Map<String, Boolean> consents(Database db) {
        return db.withConnection(c -> {
            Map<String, Boolean> out = new LinkedHashMap<>();
            for (Subscriber s : CITY.subscribers()) {
                for (ConsentPurpose purpose : ConsentPurpose.values()) {
                    out.put(s.id() + " " + purpose, granted(c, s.id(), purpose));
                }
            }
            return out;
        });
    }

    private static boolean granted(Connection c, String subscriberId, ConsentPurpose purpose) throws SQLException {
        return Consents.granted(c, subscriberId, purpose);
    }

    private static Database memory() {
        return Database.open("jdbc:h2:mem:demo-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
    }
}
