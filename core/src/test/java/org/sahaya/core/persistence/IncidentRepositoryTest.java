package org.sahaya.core.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sahaya.core.Coordinates;
import org.sahaya.core.alert.AlertType;
import org.sahaya.core.fleet.UnitLevel;
import org.sahaya.core.hospital.BedKind;
import org.sahaya.core.incident.Incident;
import org.sahaya.core.incident.IncidentState;
import org.sahaya.core.incident.Priority;
import org.sahaya.core.incident.TriageAction;
import org.sahaya.core.subscriber.Subscriber;

/** The incidents table and the one-open-incident-per-subscriber slot, on a real H2 database. */
class IncidentRepositoryTest {

    private static final Instant OPENED = Instant.parse("2025-01-15T14:05:00.123Z");
    private static final Coordinates JAYANAGAR = new Coordinates(12.9299, 77.5826);

    private static Database database;
    private final IncidentRepository incidents = new IncidentRepository();

    @BeforeAll
    static void open() {
        database = Database.open("jdbc:h2:mem:incidents-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
    }

    @AfterAll
    static void close() {
        database.close();
    }

    @Test
    void anIncidentReadsBackExactlyAsItWasSaved() {
        String subscriber = subscriber();
        Incident dispatched = new Incident(id(), subscriber, AlertType.SOS, Priority.P1, TriageAction.DISPATCH_NOW,
                IncidentState.DISPATCHED, JAYANAGAR, OPENED, OPENED.plusSeconds(4), UnitLevel.ALS, BedKind.ER,
                "KA-01-AMB-0007", "HOSP-1", 420, OPENED.plusSeconds(4));
        Incident recorded = incident(subscriber, IncidentState.RECORDED);

        database.inTransaction(c -> {
            incidents.save(c, dispatched);
            incidents.insert(c, recorded);
            return null;
        });

        assertThat(find(dispatched.id())).contains(dispatched);
        assertThat(find(recorded.id())).contains(recorded);
    }

    @Test
    void savingAgainUpdatesTheSameRow() {
        Incident fresh = incident(subscriber(), IncidentState.NEW);
        Incident queued = fresh.withState(IncidentState.QUEUED, OPENED.plusSeconds(2));

        database.inTransaction(c -> {
            incidents.save(c, fresh);
            incidents.save(c, queued);
            return null;
        });

        assertThat(find(fresh.id())).contains(queued);
        assertThat(rows("SELECT COUNT(*) FROM incidents WHERE id = '" + fresh.id() + "'")).isEqualTo(1);
    }

    @Test
    void aSecondOpenIncidentForTheSameSubscriberViolatesTheOpenSlotAndIsRolledBack() {
        String subscriber = subscriber();
        Incident first = incident(subscriber, IncidentState.NEW);
        Incident second = incident(subscriber, IncidentState.NEW);
        database.inTransaction(c -> {
            incidents.insert(c, first);
            incidents.claimOpenSlot(c, first);
            return null;
        });

        assertThatThrownBy(() -> database.inTransaction(c -> {
            incidents.insert(c, second);
            incidents.claimOpenSlot(c, second);
            return null;
        })).isInstanceOfSatisfying(PersistenceException.class, e -> assertThat(e.isDuplicateKey()).isTrue());

        assertThat(find(second.id())).as("rolled back").isEmpty();
        assertThat(openIncidentOf(subscriber)).contains(first);
    }

    @Test
    void releasingTheSlotLetsTheSubscriberOpenANewIncident() {
        String subscriber = subscriber();
        Incident first = incident(subscriber, IncidentState.NEW);
        Incident next = incident(subscriber, IncidentState.NEW);
        database.inTransaction(c -> {
            incidents.insert(c, first);
            incidents.claimOpenSlot(c, first);
            return null;
        });

        database.inTransaction(c -> {
            incidents.save(c, first.withState(IncidentState.CLOSED, OPENED.plusSeconds(600)));
            incidents.releaseOpenSlot(c, first.id());
            return null;
        });
        assertThat(openIncidentOf(subscriber)).isEmpty();

        database.inTransaction(c -> {
            incidents.insert(c, next);
            incidents.claimOpenSlot(c, next);
            return null;
        });
        assertThat(openIncidentOf(subscriber)).contains(next);
    }

    @Test
    void differentSubscribersEachHaveTheirOwnOpenIncident() {
        Incident asha = incident(subscriber(), IncidentState.NEW);
        Incident gopal = incident(subscriber(), IncidentState.QUEUED);

        database.inTransaction(c -> {
            incidents.insert(c, asha);
            incidents.claimOpenSlot(c, asha);
            incidents.insert(c, gopal);
            incidents.claimOpenSlot(c, gopal);
            return null;
        });

        assertThat(openIncidentOf(asha.subscriberId())).contains(asha);
        assertThat(openIncidentOf(gopal.subscriberId())).contains(gopal);
    }

    @Test
    void onlyIncidentsStillBeingWorkedAreListedAsOpen() {
        String subscriber = subscriber();
        Incident dispatched = incident(subscriber, IncidentState.DISPATCHED);
        Incident closed = incident(subscriber, IncidentState.CLOSED);
        Incident recorded = incident(subscriber, IncidentState.RECORDED);
        Incident cancelled = incident(subscriber, IncidentState.CANCELLED);
        database.inTransaction(c -> {
            for (Incident i : new Incident[] {dispatched, closed, recorded, cancelled}) {
                incidents.insert(c, i);
            }
            return null;
        });

        assertThat(openIds())
                .contains(dispatched.id())
                .doesNotContain(closed.id(), recorded.id(), cancelled.id());
    }

    @Test
    void incidentsCanBeListedByStateOldestFirst() {
        String subscriber = subscriber();
        Incident older = at(incident(subscriber, IncidentState.VERIFYING), OPENED.minusSeconds(3600));
        Incident newer = incident(subscriber, IncidentState.VERIFYING);
        Incident other = incident(subscriber, IncidentState.CANCELLED);
        database.inTransaction(c -> {
            incidents.insert(c, newer);
            incidents.insert(c, other);
            incidents.insert(c, older);
            return null;
        });

        assertThat(inStates(Set.of(IncidentState.VERIFYING), 100))
                .containsSubsequence(older, newer)
                .doesNotContain(other)
                .allSatisfy(i -> assertThat(i.state()).isEqualTo(IncidentState.VERIFYING));
        assertThat(inStates(EnumSet.noneOf(IncidentState.class), 1000))
                .contains(older, newer, other);
    }

    private Optional<Incident> find(String id) {
        return database.withConnection(c -> incidents.find(c, id));
    }

    private Optional<Incident> openIncidentOf(String subscriberId) {
        return database.withConnection(c -> incidents.findOpenBySubscriber(c, subscriberId));
    }

    private List<Incident> inStates(Set<IncidentState> states, int limit) {
        return database.withConnection(c -> incidents.findByStates(c, states, limit));
    }

    private List<String> openIds() {
        return database.withConnection(incidents::openIds);
    }

    private static String subscriber() {
        String id = "SUB-" + UUID.randomUUID();
        database.inTransaction(c -> {
            new DirectoryRepository().insert(c, new Subscriber(id, "Asha", JAYANAGAR, "kn", null));
            return null;
        });
        return id;
    }

    private static String id() {
        return "INC-" + UUID.randomUUID();
    }

    private static Incident incident(String subscriber, IncidentState state) {
        return new Incident(id(), subscriber, AlertType.FALL, Priority.P2, TriageAction.DISPATCH_NOW, state, JAYANAGAR,
                OPENED, OPENED, UnitLevel.BLS, BedKind.ER, null, null, null, null);
    }

    private static Incident at(Incident i, Instant opened) {
        return new Incident(i.id(), i.subscriberId(), i.alertType(), i.priority(), i.action(), i.state(), i.location(),
                opened, opened, i.needs(), i.bedKind(), i.unitId(), i.hospitalId(), i.etaSeconds(), i.dispatchedAt());
    }

    private static long rows(String sql) {
        return database.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }
}
