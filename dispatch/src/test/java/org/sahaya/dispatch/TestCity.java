package org.sahaya.dispatch;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.sahaya.core.Coordinates;
import org.sahaya.core.alert.Alert;
import org.sahaya.core.alert.AlertType;
import org.sahaya.core.fleet.Unit;
import org.sahaya.core.fleet.UnitLevel;
import org.sahaya.core.fleet.UnitStatus;
import org.sahaya.core.grid.Grid;
import org.sahaya.core.hospital.BedKind;
import org.sahaya.core.hospital.Hospital;
import org.sahaya.core.persistence.Database;
import org.sahaya.core.persistence.DirectoryRepository;
import org.sahaya.core.subscriber.Device;
import org.sahaya.core.subscriber.Subscriber;

/**
 * A small Bengaluru for the dispatch tests: places, ambulances, hospitals and subscribers with
 * their wearables, on a real H2 database and a real embedded Hazelcast member. Every id is unique
 * per call so tests can share one grid.
 */
public final class TestCity {

    public static final ZoneId ZONE = ZoneId.of("Asia/Kolkata");
    /** 11:00 in Bengaluru on a Wednesday: off-peak, so ETAs follow distance. */
    public static final Instant NOW = Instant.parse("2025-01-15T05:30:00Z");
    public static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    /** In the congested core: every trip ending here runs at core speed, so ETA grows with distance. */
    public static final Coordinates MG_ROAD = new Coordinates(12.9756, 77.6066);
    public static final Coordinates JAYANAGAR = new Coordinates(12.9299, 77.5826);

    private static final double METRES_PER_DEGREE_LAT = 111_000;

    private TestCity() {
    }

    public static Database openDatabase() {
        return Database.open("jdbc:h2:mem:dispatch-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
    }

    public static Grid startGrid(Database database) {
        return Grid.start(database, "test-" + UUID.randomUUID(), 5801, List.of());
    }

    /** A point {@code metres} north of {@code from} (south when negative). */
    public static Coordinates north(Coordinates from, double metres) {
        return new Coordinates(from.lat() + metres / METRES_PER_DEGREE_LAT, from.lon());
    }

    /** A point {@code metres} east of {@code from}. */
    public static Coordinates east(Coordinates from, double metres) {
        return new Coordinates(from.lat(), from.lon() + metres / (METRES_PER_DEGREE_LAT * Math.cos(Math.toRadians(from.lat()))));
    }

    public static String id(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    public static Unit unit(UnitLevel level, Coordinates at) {
        String id = id("KA-01-AMB");
        return new Unit(id, "KA-" + id.substring(id.length() - 4), level, "Shivajinagar", at, UnitStatus.AVAILABLE, null, NOW);
    }

    public static Hospital hospital(String name, Coordinates at, boolean partner, Map<BedKind, Integer> freeBeds) {
        return new Hospital(id("HOSP"), name, at, partner, freeBeds, Map.of());
    }

    /** A subscriber at {@code home} wearing one device; both written to the directory. */
    public static Wearer wearer(Database database, Coordinates home, String preferredHospitalId) {
        Subscriber subscriber = new Subscriber(id("SUB"), "Asha", home, "kn", preferredHospitalId);
        Device device = new Device(id("dev"), subscriber.id(), "secret-" + UUID.randomUUID(), false);
        DirectoryRepository directory = new DirectoryRepository();
        database.inTransaction(c -> {
            directory.insert(c, subscriber);
            directory.insert(c, device);
            return null;
        });
        return new Wearer(subscriber, device);
    }

    /** A person and the device they wear. */
    public record Wearer(Subscriber subscriber, Device device) {

        /** An alert from this wearer's device, from home (no location: the subscriber's home is assumed). */
        public Alert alert(String alertId, AlertType type) {
            return new Alert(alertId, device.id(), type, NOW.minus(Duration.ofSeconds(2)), NOW, null, null, null);
        }

        /** An alert from this wearer's device at a known place. */
        public Alert alert(String alertId, AlertType type, Coordinates at) {
            return new Alert(alertId, device.id(), type, NOW.minus(Duration.ofSeconds(2)), NOW, at, 10.0, null);
        }
    }

    /** Runs a {@code SELECT COUNT(*) ...} with string arguments. */
    public static long count(Database database, String sql, String... args) {
        return database.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (int i = 0; i < args.length; i++) {
                    ps.setString(i + 1, args[i]);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }
}
