package org.sahaya.dispatch.intake;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.sahaya.dispatch.TestCity.JAYANAGAR;
import static org.sahaya.dispatch.TestCity.count;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sahaya.core.alert.Alert;
import org.sahaya.core.alert.AlertOutcome;
import org.sahaya.core.alert.AlertReceipt;
import org.sahaya.core.alert.AlertType;
import org.sahaya.core.config.SahayaConfig;
import org.sahaya.core.config.Settings;
import org.sahaya.core.grid.Grid;
import org.sahaya.core.log.Redacted;
import org.sahaya.core.persistence.Database;
import org.sahaya.dispatch.TestCity;
import org.sahaya.dispatch.TestCity.Wearer;
import org.sahaya.dispatch.triage.Triage;

/**
 * A surge (issue 19): many alerts of a few subscribers at once, from many threads, through the real
 * intake and its group commit on the node's database. Every alert is answered without an error, and
 * each subscriber ends with exactly one incident. Before the receipts were striped by device, batches
 * committing side by side took the subscribers' open-incident slots in different orders and waited on
 * each other's row locks: lock timeouts, "concurrent update in table OPEN_INCIDENTS", unanswered alerts.
 */
class AlertSurgeTest {

    private static final int ROUNDS = 3;
    private static final int SUBSCRIBERS = 16;
    private static final int ALERTS_EACH = 20;

    @TempDir
    Path data;
    Database database;
    Grid grid;
    AlertIntake intake;

    /** The node's default: H2 in a file. The PostgreSQL variant overrides it. */
    Database openDatabase() {
        return Database.open("jdbc:h2:file:" + data.resolve("surge"), "sa", "");
    }

    @BeforeEach
    void start() {
        database = openDatabase();
        grid = TestCity.startGrid(database);
        Triage triage = new Triage(SahayaConfig.from(Settings.of(Map.of()), false)::verificationWindow);
        intake = new AlertIntake(database, grid, triage, TestCity.CLOCK);
    }

    @AfterEach
    void stop() {
        grid.close();
        database.close();
    }

    @Test
    void aSurgeOfAlertsOfAFewSubscribersIsAnsweredWithoutAnErrorAndOpensOneIncidentEach() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            surgeOfNewSubscribers();
        }
    }

    private void surgeOfNewSubscribers() throws Exception {
        List<Wearer> wearers = new ArrayList<>();
        for (int s = 0; s < SUBSCRIBERS; s++) {
            wearers.add(TestCity.wearer(database, JAYANAGAR, null));
        }
        List<Alert> alerts = new ArrayList<>();
        for (int i = 0; i < ALERTS_EACH; i++) {
            for (Wearer wearer : wearers) {
                alerts.add(wearer.alert("surge-" + i, i % 3 == 0 ? AlertType.SOS : AlertType.FALL));
            }
        }
        // Arrival order shuffled, so that batches side by side hold the subscribers in different orders.
        Collections.shuffle(alerts, new java.util.Random(19));

        ConcurrentLinkedQueue<String> errors = new ConcurrentLinkedQueue<>();
        List<AlertReceipt> receipts = receiveAllAtOnce(alerts, errors);


        assertThat(errors).as("every alert answered without an error").isEmpty();
        assertThat(intake.batchesRolledBack()).as("no batch waited on another's slot and was run again alert by alert")
                .isZero();
        assertThat(receipts).hasSize(alerts.size()).noneMatch(AlertReceipt::duplicate);
        for (Wearer wearer : wearers) {
            assertThat(count(database, "SELECT COUNT(*) FROM incidents WHERE subscriber_id = ?", wearer.subscriber().id()))
                    .as("one incident for %s", wearer.subscriber().id()).isEqualTo(1);
            assertThat(count(database, "SELECT COUNT(*) FROM open_incidents WHERE subscriber_id = ?",
                    wearer.subscriber().id())).isEqualTo(1);
            assertThat(count(database, "SELECT COUNT(*) FROM alerts WHERE device_id = ?", wearer.device().id()))
                    .isEqualTo(ALERTS_EACH);
        }
        assertThat(receipts).filteredOn(r -> r.outcome() == AlertOutcome.OPENED).hasSize(SUBSCRIBERS);
    }

    private List<AlertReceipt> receiveAllAtOnce(List<Alert> alerts, ConcurrentLinkedQueue<String> errors)
            throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        List<Future<AlertReceipt>> futures = new ArrayList<>();
        try (ExecutorService virtualThreads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (Alert alert : alerts) {
                futures.add(virtualThreads.submit(() -> {
                    go.await(10, SECONDS);
                    try {
                        return intake.receive(alert).receipt();
                    } catch (RuntimeException e) {
                        errors.add(alert.alertId() + ": " + Redacted.describe(e));
                        return null;
                    }
                }));
            }
            go.countDown();
        }
        List<AlertReceipt> receipts = new ArrayList<>();
        for (Future<AlertReceipt> f : futures) {
            AlertReceipt receipt = f.get(60, SECONDS);
            if (receipt != null) {
                receipts.add(receipt);
            }
        }
        return receipts;
    }
}
