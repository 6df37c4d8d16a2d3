package org.sahaya.core.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.sahaya.core.Coordinates;
import org.sahaya.core.alert.AlertType;
import org.sahaya.core.fleet.UnitLevel;
import org.sahaya.core.hospital.BedKind;
import org.sahaya.core.incident.Incident;
import org.sahaya.core.incident.IncidentState;
import org.sahaya.core.incident.Priority;
import org.sahaya.core.incident.TriageAction;
import org.sahaya.core.persistence.IncidentRepository.Position;
import org.sahaya.core.subscriber.Subscriber;

/**
 * Keyset paging of the incident list (opened_at, then id): every incident of a state exactly once and
 * in order, whatever the page size, with ties on opened_at and with rows inserted between pages.
 * {@link IncidentPagingPostgresTest} runs the same tests on PostgreSQL.
 */
class IncidentPagingTest {

    private static final Instant T0 = Instant.parse("2026-11-25T01:00:00.123456Z");
    private static final Coordinates JAYANAGAR = new Coordinates(12.9299, 77.5826);

    private final Database database = openDatabase();
    private final IncidentRepository incidents = new IncidentRepository();
    private final String subscriber = subscriber();

    /** The embedded database. */
    Database openDatabase() {
        return Database.open("jdbc:h2:mem:paging-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void pagingReadsEveryIncidentOfAStateOnceInListOrder() {
        List<Incident> queued = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            queued.add(insert(IncidentState.QUEUED, T0.plusMillis(i % 4)));   // ties on opened_at
            insert(IncidentState.DISPATCHED, T0.plusMillis(i));
        }

        List<Incident> read = readAll(EnumSet.of(IncidentState.QUEUED), 3);

        assertThat(read).containsExactlyElementsOf(inListOrder(queued));
    }

    @Test
    void aPageBoundaryBetweenIncidentsOpenedAtTheSameInstantSkipsAndRepeatsNothing() {
        List<Incident> same = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            same.add(insert(IncidentState.NEW, T0));
        }
        List<Incident> ordered = inListOrder(same);

        List<Incident> first = page(EnumSet.of(IncidentState.NEW), null, 2);
        List<Incident> second = page(EnumSet.of(IncidentState.NEW), Position.of(first.get(1)), 2);

        assertThat(first).containsExactlyElementsOf(ordered.subList(0, 2));
        assertThat(second).containsExactlyElementsOf(ordered.subList(2, 4));
        assertThat(page(EnumSet.of(IncidentState.NEW), Position.of(second.get(1)), 2)).isEmpty();
    }

    @Test
    void incidentsInsertedBetweenPagesDoNotShiftTheRowsStillToCome() {
        List<Incident> before = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            before.add(insert(IncidentState.QUEUED, T0.plusSeconds(i)));
        }
        List<Incident> first = page(EnumSet.of(IncidentState.QUEUED), null, 3);
        insert(IncidentState.QUEUED, T0.minusSeconds(1));          // before the cursor: not read again
        Incident late = insert(IncidentState.QUEUED, T0.plusSeconds(60));

        List<Incident> rest = readAll(EnumSet.of(IncidentState.QUEUED), Position.of(first.get(2)), 3);

        assertThat(first).containsExactlyElementsOf(before.subList(0, 3));
        assertThat(rest).containsExactly(before.get(3), before.get(4), before.get(5), late);
    }

    @Test
    void everyStateIsPagedWhenNoneIsNamed() {
        List<Incident> all = new ArrayList<>();
        for (IncidentState state : IncidentState.values()) {
            all.add(insert(state, T0));
            all.add(insert(state, T0.plusMillis(1)));
        }

        assertThat(readAll(EnumSet.noneOf(IncidentState.class), 4)).containsExactlyElementsOf(inListOrder(all));
    }

    private List<Incident> readAll(Set<IncidentState> states, int pageSize) {
        return readAll(states, null, pageSize);
    }

    private List<Incident> readAll(Set<IncidentState> states, Position after, int pageSize) {
        List<Incident> out = new ArrayList<>();
        for (List<Incident> page = page(states, after, pageSize); !page.isEmpty();
             page = page(states, Position.of(page.getLast()), pageSize)) {
            assertThat(page.size()).isLessThanOrEqualTo(pageSize);
            out.addAll(page);
        }
        return out;
    }

    private List<Incident> page(Set<IncidentState> states, Position after, int limit) {
        return database.withConnection(c -> incidents.findByStates(c, states, after, limit));
    }

    private static List<Incident> inListOrder(List<Incident> list) {
        return list.stream().sorted(Comparator.comparing(Incident::openedAt).thenComparing(Incident::id)).toList();
    }

    private Incident insert(IncidentState state, Instant opened) {
        Incident i = new Incident("INC-" + UUID.randomUUID(), subscriber, AlertType.FALL, Priority.P2,
                TriageAction.DISPATCH_NOW, state, JAYANAGAR, opened, opened, UnitLevel.BLS, BedKind.ER,
                null, null, null, null);
        database.inTransaction(c -> {
            incidents.insert(c, i);
            return null;
        });
        return i;
    }

    private String subscriber() {
        String id = "SUB-" + UUID.randomUUID();
        database.inTransaction(c -> {
            new DirectoryRepository().insert(c, new Subscriber(id, "Asha", JAYANAGAR, "kn", null));
            return null;
        });
        return id;
    }
}
