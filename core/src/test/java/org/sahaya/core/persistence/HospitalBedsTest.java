package org.sahaya.core.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.sahaya.core.Coordinates;
import org.sahaya.core.hospital.BedKind;
import org.sahaya.core.hospital.Hospital;

/**
 * A bed board survives a restart as it was: the hospital's own count and Sahaya's holds, not a collapsed
 * free count (issue 17); and a board stored before V16_5 (free count with the holds already taken off)
 * comes back with the hospital's count rebuilt. On H2; {@link HospitalBedsPostgresTest} runs it on PostgreSQL.
 */
class HospitalBedsTest {

    private final HospitalRepository hospitals = new HospitalRepository();

    /** A fresh empty database's URL (not yet migrated). */
    String freshUrl() {
        return "jdbc:h2:mem:beds-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    }

    String user() {
        return "sa";
    }

    String password() {
        return "";
    }

    @Test
    void theReportAndTheHoldsAreStoredApartAndComeBackTogether() {
        String url = freshUrl();
        try (Database db = Database.open(url, user(), password())) {
            Hospital held = manipal(Map.of(BedKind.ER, 2, BedKind.ICU, 1))
                    .reserve("INC-1", BedKind.ER).reserve("INC-2", BedKind.ER).withReport(Map.of(BedKind.ER, 1));
            db.inTransaction(c -> {
                hospitals.save(c, held);
                return null;
            });

            Hospital stored = db.withConnection(c -> hospitals.find(c, held.id())).orElseThrow();

            assertThat(stored).isEqualTo(held);
            assertThat(stored.reported(BedKind.ER)).isEqualTo(1);
            assertThat(stored.held(BedKind.ER)).isEqualTo(2);
            assertThat(stored.shortfall(BedKind.ER)).isEqualTo(1);
            assertThat(stored.free(BedKind.ICU)).isEqualTo(1);
        }
    }

    @Test
    void aBoardStoredBeforeTheReconciliationGetsTheHospitalsCountBack() throws Exception {
        String url = freshUrl();
        Flyway.configure().dataSource(url, user(), password()).locations("classpath:db/migration").target("16.1").load().migrate();
        try (Connection c = DriverManager.getConnection(url, user(), password()); Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO hospitals (id, name, lat, lon, partner) VALUES ('H-OLD', 'Old Hospital', 12.9, 77.6, FALSE)");
            // Two ER beds free after one held: the hospital's own count was three.
            s.executeUpdate("INSERT INTO hospital_beds (hospital_id, kind, free_beds) VALUES ('H-OLD', 'ER', 2)");
            s.executeUpdate("INSERT INTO hospital_beds (hospital_id, kind, free_beds) VALUES ('H-OLD', 'ICU', 1)");
            s.executeUpdate("INSERT INTO bed_reservations (incident_id, hospital_id, kind) VALUES ('INC-OLD', 'H-OLD', 'ER')");
        }

        try (Database db = Database.open(url, user(), password())) {
            Hospital old = db.withConnection(c -> hospitals.find(c, "H-OLD")).orElseThrow();

            assertThat(old.reported(BedKind.ER)).isEqualTo(3);
            assertThat(old.held(BedKind.ER)).isEqualTo(1);
            assertThat(old.free(BedKind.ER)).isEqualTo(2);
            assertThat(old.reported(BedKind.ICU)).isEqualTo(1);
        }
    }

    private static Hospital manipal(Map<BedKind, Integer> reported) {
        return new Hospital("H-" + UUID.randomUUID().toString().substring(0, 8), "Manipal Hospital",
                new Coordinates(12.9592, 77.6489), true, reported, Map.of());
    }
}
