package org.sahaya.core.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class GroupCommitTest {

    private final Database database = Database.open("jdbc:h2:mem:group-" + java.util.UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
            "sa", "");

    @BeforeEach
    void table() {
        database.withConnection(c -> c.createStatement().execute("CREATE TABLE marks (id INT PRIMARY KEY)"));
    }

    @AfterEach
    void close() {
        database.close();
    }

    private Integer insert(java.sql.Connection c, int id) throws java.sql.SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO marks (id) VALUES (?)")) {
            ps.setInt(1, id);
            ps.executeUpdate();
            return id;
        }
    }

    private boolean stored(int id) {
        return database.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM marks WHERE id = ?")) {
                ps.setInt(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next();
                }
            }
        });
    }

    @Test
    void everyCallerGetsItsOwnResultOnlyOnceItIsCommitted() throws Exception {
        GroupCommit commits = new GroupCommit(database, 2);
        Map<Integer, Integer> results = new ConcurrentHashMap<>();
        Map<Integer, Boolean> visibleOnReturn = new ConcurrentHashMap<>();
        List<Thread> callers = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            int id = i;
            callers.add(Thread.ofVirtual().start(() -> {
                results.put(id, commits.run(c -> insert(c, id)));
                visibleOnReturn.put(id, stored(id));
            }));
        }
        for (Thread caller : callers) {
            caller.join();
        }

        assertThat(results).hasSize(200).allSatisfy((id, result) -> assertThat(result).isEqualTo(id));
        assertThat(visibleOnReturn.values()).hasSize(200).containsOnly(true);
    }

    @Test
    void aFailingUnitFailsOnlyItsOwnCallerAndTheRestOfItsBatchCommits() throws Exception {
        GroupCommit commits = new GroupCommit(database, 1);
        commits.run(c -> insert(c, 1));
        CountDownLatch holdTheLane = new CountDownLatch(1);
        CountDownLatch laneHeld = new CountDownLatch(1);
        Thread first = Thread.ofVirtual().start(() -> commits.run(c -> {
            try {
                laneHeld.countDown();
                holdTheLane.await();
            } catch (InterruptedException e) {
                throw new java.sql.SQLException(e);
            }
            return insert(c, 2);
        }));
        // The one lane is busy with the first unit before the others are handed in.
        assertThat(laneHeld.await(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        Map<Integer, Object> outcomes = new ConcurrentHashMap<>();
        List<Thread> batch = new ArrayList<>();
        for (int id : new int[] {1, 3, 4}) { // 1 is there already: its unit throws
            batch.add(Thread.ofVirtual().start(() -> {
                try {
                    outcomes.put(id, commits.run(c -> insert(c, id)));
                } catch (PersistenceException e) {
                    outcomes.put(id, e);
                }
            }));
        }
        // All three wait in the queue while the one lane is busy, so they go as one batch.
        await().atMost(Duration.ofSeconds(10)).until(() -> batch.stream().allMatch(t -> t.getState() == Thread.State.WAITING));
        holdTheLane.countDown();
        first.join();
        for (Thread t : batch) {
            t.join();
        }

        assertThat(outcomes.get(1)).isInstanceOf(PersistenceException.class);
        assertThat(outcomes).containsEntry(3, 3).containsEntry(4, 4);
        assertThat(stored(2)).isTrue();
        assertThat(stored(3)).isTrue();
        assertThat(stored(4)).isTrue();
        assertThatThrownBy(() -> commits.run(c -> insert(c, 4))).isInstanceOf(PersistenceException.class);
    }
}
