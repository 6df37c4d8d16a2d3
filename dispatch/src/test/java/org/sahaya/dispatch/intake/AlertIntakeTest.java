package org.sahaya.dispatch.intake;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.tuple;
import static org.sahaya.dispatch.TestCity.JAYANAGAR;
import static org.sahaya.dispatch.TestCity.count;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sahaya.core.Coordinates;
import org.sahaya.core.alert.Alert;
import org.sahaya.core.alert.AlertOutcome;
import org.sahaya.core.alert.AlertReceipt;
import org.sahaya.core.alert.AlertType;
import org.sahaya.core.config.SahayaConfig;
import org.sahaya.core.config.Settings;
import org.sahaya.core.fleet.UnitLevel;
import org.sahaya.core.grid.Grid;
import org.sahaya.core.hospital.BedKind;
import org.sahaya.core.incident.Incident;
import org.sahaya.core.incident.IncidentState;
import org.sahaya.core.incident.Priority;
import org.sahaya.core.incident.TimelineEntry;
import org.sahaya.core.persistence.Database;
import org.sahaya.core.persistence.IncidentRepository;
import org.sahaya.core.persistence.TimelineRepository;
import org.sahaya.dispatch.TestCity;
import org.sahaya.dispatch.TestCity.Wearer;
import org.sahaya.dispatch.triage.Triage;

/**
 * Steps 2 and 3 of the hot path against a real database and grid: an acknowledged alert is stored
 * once (invariant 1), a resend changes nothing (invariant 3), and one subscriber has one open incident.
 */
class AlertIntakeTest {

    private static Database database;
    private static Grid grid;
    private static AlertIntake intake;

    @BeforeAll
    static void start() {
        database = TestCity.openDatabase();
        grid = TestCity.startGrid(database);
        Triage triage = new Triage(SahayaConfig.from(Settings.of(Map.of()), false)::verificationWindow);
        intake = new AlertIntake(database, grid, triage, TestCity.CLOCK);
    }

    @AfterAll
    static void stop() {
        grid.close();
        database.close();
    }

    @Test
    void aFirstAlertOpensAnIncidentThatIsReceivedAndTriagedOnItsTimeline() {
        Wearer asha = TestCity.wearer(database, JAYANAGAR, null);

        IntakeResult result = intake.receive(asha.alert("fall-1", AlertType.FALL));

        AlertReceipt receipt = result.receipt();
        assertThat(receipt.alertId()).isEqualTo("fall-1");
        assertThat(receipt.outcome()).isEqualTo(AlertOutcome.OPENED);
        assertThat(receipt.duplicate()).isFalse();
        Incident incident = stored(receipt.incidentId()).orElseThrow();
        assertThat(incident.state()).isEqualTo(IncidentState.NEW);
        assertThat(incident.subscriberId()).isEqualTo(asha.subscriber().id());
        assertThat(incident.priority()).isEqualTo(Priority.P2);
        assertThat(incident.needs()).isEqualTo(UnitLevel.BLS);
        assertThat(incident.bedKind()).isEqualTo(BedKind.ER);
        assertThat(incident.location()).as("no location sent: home assumed").isEqualTo(asha.subscriber().home());
        assertThat(stages(receipt.incidentId())).containsExactly("ALERT_RECEIVED", "TRIAGED");
        assertThat(timeline(receipt.incidentId()).get(1).message()).contains("P2, dispatch now");
        assertThat(grid.incidents().keySet()).as("the grid holds it for dispatch").contains(receipt.incidentId());
    }

    @Test
    void anAlertWithALocationSendsHelpThereRatherThanHome() {
        Wearer asha = TestCity.wearer(database, JAYANAGAR, null);
        Coordinates temple = new Coordinates(12.9423, 77.5737);

        IntakeResult result = intake.receive(asha.alert("sos-1", AlertType.SOS, temple));

        assertThat(stored(result.receipt().incidentId()).orElseThrow().location()).isEqualTo(temple);
    }

    @Test
    void theSameAlertAgainGetsTheSameAnswerMarkedDuplicateAndWritesNothing() {
        Wearer asha = TestCity.wearer(database, JAYANAGAR, null);
        Alert fall = asha.alert("fall-1", AlertType.FALL);
        AlertReceipt first = intake.receive(fall).receipt();
        long alerts = rows("SELECT COUNT(*) FROM alerts");
        long incidents = rows("SELECT COUNT(*) FROM incidents");
        long timeline = rows("SELECT COUNT(*) FROM timeline");

        IntakeResult again = intake.receive(fall);

        assertThat(again.receipt()).isEqualTo(new AlertReceipt(first.alertId(), first.incidentId(), first.outcome(), true));
        assertThat(again.incident()).isNull();
        assertThat(rows("SELECT COUNT(*) FROM alerts")).isEqualTo(alerts);
        assertThat(rows("SELECT COUNT(*) FROM incidents")).isEqualTo(incidents);
        assertThat(rows("SELECT COUNT(*) FROM timeline")).isEqualTo(timeline);
    }

    @Test
    void aSecondAlertOfTheSameSubscriberJoinsTheOpenIncident() {
        Wearer asha = TestCity.wearer(database, JAYANAGAR, null);
        AlertReceipt fall = intake.receive(asha.alert("fall-1", AlertType.FALL)).receipt();

        AlertReceipt sos = intake.receive(asha.alert("sos-2", AlertType.SOS)).receipt();

        assertThat(sos.outcome()).isEqualTo(AlertOutcome.JOINED);
        assertThat(sos.incidentId()).isEqualTo(fall.incidentId());
        assertThat(sos.duplicate()).isFalse();
        assertThat(incidentsOf(asha)).isEqualTo(1);
        assertThat(count(database, "SELECT COUNT(*) FROM alerts WHERE incident_id = ?", fall.incidentId())).isEqualTo(2);
        assertThat(stages(fall.incidentId())).containsExactly("ALERT_RECEIVED", "TRIAGED", "ALERT_JOINED", "ESCALATED");
    }

    @Test
    void anImOkBeforeDispatchIsWrittenOnTheTimelineAndStandsTheIncidentDown() {
        Wearer asha = TestCity.wearer(database, JAYANAGAR, null);
        String incident = intake.receive(asha.alert("fall-1", AlertType.FALL)).receipt().incidentId();

        AlertReceipt cancel = intake.receive(asha.alert("ok-2", AlertType.CANCEL)).receipt();

        assertThat(cancel.incidentId()).isEqualTo(incident);
        assertThat(timeline(incident)).anySatisfy(e -> assertThat(e.message()).contains("I'm OK").contains(asha.device().id()));
        assertThat(timeline(incident).getLast().stage().name()).isEqualTo("STOOD_DOWN");
        assertThat(stored(incident).orElseThrow().state()).isEqualTo(IncidentState.CANCELLED);
    }

    @Test
    void aTestAlertIsRecordedWithoutOpeningAnythingAndALaterFallStillOpensAnIncident() {
        Wearer asha = TestCity.wearer(database, JAYANAGAR, null);

        AlertReceipt test = intake.receive(asha.alert("test-1", AlertType.TEST)).receipt();

        assertThat(test.outcome()).isEqualTo(AlertOutcome.RECORDED);
        Incident recorded = stored(test.incidentId()).orElseThrow();
        assertThat(recorded.state()).isEqualTo(IncidentState.RECORDED);
        assertThat(recorded.state().isOpen()).isFalse();
        assertThat(recorded.priority()).isEqualTo(Priority.P4);
        assertThat(grid.incidents().keySet()).doesNotContain(test.incidentId());

        AlertReceipt fall = intake.receive(asha.alert("fall-2", AlertType.FALL)).receipt();

        assertThat(fall.outcome()).isEqualTo(AlertOutcome.OPENED);
        assertThat(fall.incidentId()).isNotEqualTo(test.incidentId());
    }

    @Test
    void aLowBatteryIsRecordedOnly() {
        Wearer asha = TestCity.wearer(database, JAYANAGAR, null);

        AlertReceipt battery = intake.receive(asha.alert("batt-1", AlertType.LOW_BATTERY)).receipt();

        assertThat(battery.outcome()).isEqualTo(AlertOutcome.RECORDED);
        assertThat(stored(battery.incidentId()).orElseThrow().state()).isEqualTo(IncidentState.RECORDED);
    }

    @Test
    void anAlertWithAVerificationWindowOpensAnIncidentThatWaitsForAnImOk() {
        Wearer asha = TestCity.wearer(database, JAYANAGAR, null);

        IntakeResult inactivity = intake.receive(asha.alert("still-1", AlertType.INACTIVITY));

        assertThat(inactivity.receipt().outcome()).isEqualTo(AlertOutcome.OPENED);
        assertThat(inactivity.incident().state()).isEqualTo(IncidentState.VERIFYING);
        assertThat(inactivity.decision().verificationWindow()).hasSeconds(60);
    }

    @Test
    void anImOkDuringTheVerificationWindowStandsTheIncidentDown() {
        Wearer asha = TestCity.wearer(database, JAYANAGAR, null);
        String incident = intake.receive(asha.alert("still-1", AlertType.INACTIVITY)).receipt().incidentId();

        intake.receive(asha.alert("ok-2", AlertType.CANCEL));

        assertThat(stored(incident).orElseThrow().state()).isEqualTo(IncidentState.CANCELLED);
        assertThat(intake.receive(asha.alert("fall-3", AlertType.FALL)).receipt().outcome())
                .as("her next fall opens a new incident").isEqualTo(AlertOutcome.OPENED);
    }

    @Test
    void anSosDuringAnInactivityCheckRaisesTheIncidentToTopPriorityAndAnAdvancedUnit() {
        Wearer asha = TestCity.wearer(database, JAYANAGAR, null);
        String incident = intake.receive(asha.alert("still-1", AlertType.INACTIVITY)).receipt().incidentId();

        intake.receive(asha.alert("sos-2", AlertType.SOS));

        for (Incident seen : List.of(stored(incident).orElseThrow(), grid.incidents().get(incident))) {
            assertThat(seen.priority()).isEqualTo(Priority.P1);
            assertThat(seen.needs()).isEqualTo(UnitLevel.ALS);
        }
    }

    @Test
    void anAlertFromAnUnknownDeviceIsRefusedAndNothingIsStored() {
        long alerts = rows("SELECT COUNT(*) FROM alerts");
        long incidents = rows("SELECT COUNT(*) FROM incidents");
        long timeline = rows("SELECT COUNT(*) FROM timeline");
        Alert stranger = new Alert("fall-1", "dev-UNKNOWN", AlertType.FALL, TestCity.NOW, TestCity.NOW, null, null, null);

        assertThatThrownBy(() -> intake.receive(stranger))
                .isInstanceOf(UnknownDeviceException.class)
                .hasMessageContaining("dev-UNKNOWN");

        assertThat(rows("SELECT COUNT(*) FROM alerts")).isEqualTo(alerts);
        assertThat(rows("SELECT COUNT(*) FROM incidents")).isEqualTo(incidents);
        assertThat(rows("SELECT COUNT(*) FROM timeline")).isEqualTo(timeline);
    }

    @Test
    void twentyDifferentAlertsOfOneSubscriberAtOnceOpenExactlyOneIncident() throws Exception {
        Wearer asha = TestCity.wearer(database, JAYANAGAR, null);
        List<Alert> alerts = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            alerts.add(asha.alert("burst-" + i, i % 2 == 0 ? AlertType.FALL : AlertType.SOS));
        }

        List<AlertReceipt> receipts = receiveAllAtOnce(alerts);

        assertThat(receipts).extracting(AlertReceipt::incidentId).containsOnly(receipts.get(0).incidentId());
        assertThat(receipts).filteredOn(r -> r.outcome() == AlertOutcome.OPENED).hasSize(1);
        assertThat(receipts).filteredOn(r -> r.outcome() == AlertOutcome.JOINED).hasSize(19);
        assertThat(receipts).noneMatch(AlertReceipt::duplicate);
        assertThat(incidentsOf(asha)).isEqualTo(1);
        assertThat(count(database, "SELECT COUNT(*) FROM alerts WHERE device_id = ?", asha.device().id())).isEqualTo(20);
    }

    @Test
    void theSameAlertSentTwentyTimesAtOnceIsStoredOnceAndAnsweredAlike() throws Exception {
        Wearer asha = TestCity.wearer(database, JAYANAGAR, null);
        Alert fall = asha.alert("fall-1", AlertType.FALL);

        List<AlertReceipt> receipts = receiveAllAtOnce(Collections.nCopies(20, fall));

        assertThat(receipts).extracting(AlertReceipt::alertId, AlertReceipt::incidentId, AlertReceipt::outcome)
                .containsOnly(tuple("fall-1", receipts.get(0).incidentId(), AlertOutcome.OPENED));
        assertThat(receipts).filteredOn(r -> !r.duplicate()).hasSize(1);
        assertThat(count(database, "SELECT COUNT(*) FROM alerts WHERE device_id = ?", asha.device().id())).isEqualTo(1);
        assertThat(incidentsOf(asha)).isEqualTo(1);
        assertThat(stages(receipts.get(0).incidentId())).containsExactly("ALERT_RECEIVED", "TRIAGED");
    }

    @Test
    void anUnknownDeviceInABurstIsRefusedAloneWhileTheAlertsAroundItAreStored() throws Exception {
        List<Alert> burst = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            burst.add(TestCity.wearer(database, JAYANAGAR, null).alert("burst-" + i, AlertType.FALL));
        }
        Alert stranger = new Alert("fall-1", "dev-UNKNOWN-2", AlertType.FALL, TestCity.NOW, TestCity.NOW, null, null, null);
        CountDownLatch go = new CountDownLatch(1);
        Future<Throwable> refused;
        List<AlertReceipt> receipts;
        try (ExecutorService virtualThreads = Executors.newVirtualThreadPerTaskExecutor()) {
            refused = virtualThreads.submit(() -> {
                go.await(10, SECONDS);
                return catchThrowable(() -> intake.receive(stranger));
            });
            go.countDown();
            receipts = receiveAllAtOnce(burst);
        }

        assertThat(refused.get(30, SECONDS)).isInstanceOf(UnknownDeviceException.class);
        assertThat(receipts).hasSize(30).allMatch(r -> r.outcome() == AlertOutcome.OPENED && !r.duplicate());
        assertThat(receipts).extracting(AlertReceipt::incidentId).doesNotHaveDuplicates();
        assertThat(count(database, "SELECT COUNT(*) FROM alerts WHERE device_id = ?", "dev-UNKNOWN-2")).isZero();
    }

    private static List<AlertReceipt> receiveAllAtOnce(List<Alert> alerts) throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        List<Future<AlertReceipt>> futures = new ArrayList<>();
        try (ExecutorService virtualThreads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (Alert alert : alerts) {
                Callable<AlertReceipt> receive = () -> {
                    go.await(10, SECONDS);
                    return intake.receive(alert).receipt();
                };
                futures.add(virtualThreads.submit(receive));
            }
            go.countDown();
        }
        List<AlertReceipt> receipts = new ArrayList<>();
        for (Future<AlertReceipt> f : futures) {
            receipts.add(f.get(30, SECONDS));
        }
        return receipts;
    }

    private static Optional<Incident> stored(String incidentId) {
        return database.withConnection(c -> new IncidentRepository().find(c, incidentId));
    }

    private static List<TimelineEntry> timeline(String incidentId) {
        return database.withConnection(c -> new TimelineRepository().of(c, incidentId));
    }

    private static List<String> stages(String incidentId) {
        return timeline(incidentId).stream().map(e -> e.stage().name()).toList();
    }

    private static long incidentsOf(Wearer wearer) {
        return count(database, "SELECT COUNT(*) FROM incidents WHERE subscriber_id = ?", wearer.subscriber().id());
    }

    private static long rows(String sql) {
        return count(database, sql);
    }
}
