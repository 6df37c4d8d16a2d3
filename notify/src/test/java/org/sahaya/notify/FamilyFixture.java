package org.sahaya.notify;

import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.sahaya.core.Coordinates;
import org.sahaya.core.alert.AlertType;
import org.sahaya.core.incident.Incident;
import org.sahaya.core.incident.IncidentState;
import org.sahaya.core.incident.Priority;
import org.sahaya.core.incident.TriageAction;
import org.sahaya.core.notification.Channel;
import org.sahaya.core.persistence.Database;
import org.sahaya.core.persistence.DirectoryRepository;
import org.sahaya.core.persistence.Jdbc;
import org.sahaya.core.subscriber.Contact;
import org.sahaya.core.subscriber.Subscriber;
import org.sahaya.notify.plan.NotificationRequest;
import org.sahaya.notify.template.NotificationStep;

/**
 * A grandmother in Bengaluru with family in London, Dubai and San Jose, and a fall at 19:35
 * Bengaluru time (14:05 in London) on 15 January 2025.
 */
public final class FamilyFixture {

    public static final Instant FELL_AT = Instant.parse("2025-01-15T14:05:00Z");
    public static final Instant NOW = FELL_AT.plusSeconds(40);
    public static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    public static final Coordinates JAYANAGAR = new Coordinates(12.9299, 77.5826);

    public static final Subscriber ASHA = new Subscriber("SUB-1", "Asha", JAYANAGAR, "kn", "HOSP-1");
    public static final Contact RAVI_LONDON =
            new Contact("CON-1", "SUB-1", "Ravi", "son", "+447700900123", "en-GB", "Europe/London", 1, null);
    public static final Contact MEERA_DUBAI =
            new Contact("CON-2", "SUB-1", "Meera", "daughter", "+971501234567", "ar", "Asia/Dubai", 2, null);
    public static final Contact ARJUN_SAN_JOSE =
            new Contact("CON-3", "SUB-1", "Arjun", "grandson", "+14085550123", "hi", "America/Los_Angeles", 2, null);
    public static final List<Contact> FAMILY = List.of(RAVI_LONDON, MEERA_DUBAI, ARJUN_SAN_JOSE);

    private FamilyFixture() {
    }

    public static Incident incident(Priority priority) {
        return new Incident("INC-1", ASHA.id(), AlertType.FALL, priority, TriageAction.DISPATCH_NOW,
                IncidentState.DISPATCHED, JAYANAGAR, FELL_AT, NOW, null, null, "UNIT-7", "HOSP-1", 420, NOW);
    }

    public static NotificationRequest dispatched(Priority priority, List<Contact> contacts, Channel channel) {
        return new NotificationRequest(incident(priority), ASHA, contacts, NotificationStep.DISPATCHED,
                "KA-07", "Manipal Hospital", 7, channel);
    }

    public static NotificationRequest queued(Priority priority, List<Contact> contacts, Channel channel) {
        return new NotificationRequest(incident(priority), ASHA, contacts, NotificationStep.QUEUED,
                null, null, null, channel);
    }

    public static Database openDatabase() {
        return Database.open("jdbc:h2:mem:notify-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
    }

    /** Writes Asha, her family and her incident, as the gateway and dispatch would have. */
    public static void seed(Database database, Incident incident) {
        seed(database, incident, FAMILY);
    }

    /** Writes Asha, the given family and her incident. */
    public static void seed(Database database, Incident incident, List<Contact> family) {
        DirectoryRepository directory = new DirectoryRepository();
        database.inTransaction(c -> {
            directory.insert(c, ASHA);
            for (Contact contact : family) {
                directory.insert(c, contact);
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO incidents (id, subscriber_id, alert_type,"
                    + " priority, triage_action, state, lat, lon, opened_at, updated_at, unit_id, hospital_id,"
                    + " eta_seconds, dispatched_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)")) {
                ps.setString(1, incident.id());
                ps.setString(2, incident.subscriberId());
                ps.setString(3, incident.alertType().name());
                ps.setString(4, incident.priority().name());
                ps.setString(5, incident.action().name());
                ps.setString(6, incident.state().name());
                ps.setDouble(7, incident.location().lat());
                ps.setDouble(8, incident.location().lon());
                Jdbc.setInstant(ps, 9, incident.openedAt());
                Jdbc.setInstant(ps, 10, incident.updatedAt());
                ps.setString(11, incident.unitId());
                ps.setString(12, incident.hospitalId());
                Jdbc.setInteger(ps, 13, incident.etaSeconds());
                Jdbc.setInstant(ps, 14, incident.dispatchedAt());
                ps.executeUpdate();
            }
            return null;
        });
    }
}
