package org.sahaya.core.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.sahaya.core.config.DatabasePools;

/** The alert lane has connections of its own: a main pool held to the last connection does not block it. */
class AlertLaneTest {

    @Test
    void anAlertReceiptCommitsWhileRoutineWorkHoldsEveryMainConnection() throws Exception {
        try (Database database = Database.open("jdbc:h2:mem:lane-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "")) {
            CountDownLatch holding = new CountDownLatch(DatabasePools.DEFAULT.main());
            CountDownLatch release = new CountDownLatch(1);
            List<Thread> hogs = new ArrayList<>();
            for (int i = 0; i < DatabasePools.DEFAULT.main(); i++) {
                hogs.add(Thread.ofVirtual().start(() -> database.withConnection(c -> {
                    holding.countDown();
                    awaitQuietly(release);
                    return null;
                })));
            }
            try {
                assertThat(holding.await(30, TimeUnit.SECONDS)).as("every main connection held").isTrue();

                Thread receipt = Thread.ofVirtual().start(() -> database.alerts().inTransaction(c -> {
                    try (Statement s = c.createStatement()) {
                        s.execute("CREATE TABLE lane_probe(id INT)");
                        s.execute("INSERT INTO lane_probe VALUES (1)");
                    }
                    return null;
                }));

                await().atMost(Duration.ofSeconds(20)).until(() -> !receipt.isAlive());
                long rows = database.alerts().withConnection(c -> {
                    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM lane_probe")) {
                        rs.next();
                        return rs.getLong(1);
                    }
                });
                assertThat(rows).isEqualTo(1);
            } finally {
                release.countDown();
                for (Thread hog : hogs) {
                    hog.join(Duration.ofSeconds(20));
                }
            }
        }
    }

    @Test
    void thePoolsHaveTheConfiguredSizesAndTheThreeArgumentOpenTheDefaults() {
        String url = "jdbc:h2:mem:lane-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        try (Database sized = Database.open(url, "sa", "", new DatabasePools(5, 3));
             Database plain = Database.open(url, "sa", "")) {
            assertThat(maximumPoolSize(sized)).isEqualTo(5);
            assertThat(maximumPoolSize(sized.alerts())).isEqualTo(3);
            assertThat(maximumPoolSize(plain)).isEqualTo(16);
            assertThat(maximumPoolSize(plain.alerts())).isEqualTo(4);
        }
    }

    private static int maximumPoolSize(Database database) {
        return ((HikariDataSource) database.dataSource()).getMaximumPoolSize();
    }

    @Test
    void theLaneOfTheLaneIsItself() {
        try (Database database = Database.open("jdbc:h2:mem:lane-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "")) {
            assertThat(database.alerts()).isNotSameAs(database);
            assertThat(database.alerts().alerts()).isSameAs(database.alerts());
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
