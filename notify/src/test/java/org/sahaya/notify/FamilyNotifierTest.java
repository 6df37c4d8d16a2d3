package org.sahaya.notify;

import org.sahaya.core.incident.TimelineStage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.sahaya.notify.FamilyFixture.CLOCK;
import static org.sahaya.notify.FamilyFixture.FAMILY;
import static org.sahaya.notify.FamilyFixture.NOW;
import static org.sahaya.notify.FamilyFixture.dispatched;
import static org.sahaya.notify.FamilyFixture.queued;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sahaya.core.incident.Priority;
import org.sahaya.core.incident.TimelineEntry;
import org.sahaya.core.notification.Channel;
import org.sahaya.core.notification.Notification;
import org.sahaya.core.notification.NotificationStatus;
import org.sahaya.core.persistence.Database;
import org.sahaya.core.persistence.TimelineRepository;
import org.sahaya.notify.channel.ChannelException;
import org.sahaya.notify.channel.NotificationChannel;
import org.sahaya.notify.channel.sandbox.SandboxChannel;
import org.sahaya.notify.channel.sandbox.SandboxInbox;
import org.sahaya.notify.channel.sandbox.SandboxMessage;
import org.sahaya.notify.delivery.SendOutcome;
import org.sahaya.notify.outbox.NotificationRepository;
import org.sahaya.notify.outbox.PendingNotifications;

class FamilyNotifierTest {

    private final Database database = FamilyFixture.openDatabase();
    private final SandboxInbox inbox = new SandboxInbox(database);
    private final RecordingChannel sandbox = RecordingChannel.passingTo(new SandboxChannel(database, CLOCK));
    private final AtomicInteger sequence = new AtomicInteger();
    private final Supplier<String> ids = () -> "N-" + sequence.incrementAndGet();

    @BeforeEach
    void seed() {
        FamilyFixture.seed(database, FamilyFixture.incident(Priority.P1));
    }

    @AfterEach
    void close() {
        database.close();
    }

    private FamilyNotifier notifier(NotificationChannel channel) {
        return new FamilyNotifier(database, Map.of(Channel.SANDBOX, channel), CLOCK, ids, NotifierOptions.defaults());
    }

    private List<TimelineEntry> timeline() {
        return database.withConnection(c -> new TimelineRepository().of(c, "INC-1"));
    }

    private List<TimelineEntry> timeline(String stage) {
        return timeline().stream().filter(e -> e.stage().name().equals(stage)).toList();
    }

    @Test
    void everyContactIsToldOnceInTheirOwnLanguage() {
        List<Notification> told = notifier(sandbox).notify(dispatched(Priority.P1, FAMILY, Channel.SANDBOX));

        assertThat(told).hasSize(3).allSatisfy(n -> {
            assertThat(n.status()).isEqualTo(NotificationStatus.SENT);
            assertThat(n.sentAt()).isEqualTo(NOW);
            assertThat(n.providerId()).startsWith(SandboxChannel.PROVIDER_PREFIX);
            assertThat(n.step()).isEqualTo("DISPATCHED");
        });
        assertThat(inbox.latest(10)).extracting(SandboxMessage::recipient)
                .containsExactlyInAnyOrder("+447700900123", "+971501234567", "+14085550123");
        assertThat(inbox.latest(1, "+971501234567").getFirst().body()).contains("سيارة الإسعاف KA-07");
        assertThat(inbox.latest(1, "+447700900123").getFirst().body())
                .isEqualTo(told.stream().filter(n -> n.contactId().equals("CON-1")).findFirst().orElseThrow().text());
    }

    @Test
    void theTimelineSaysHowManyWereToldWithoutNamesOrNumbers() {
        notifier(sandbox).notify(dispatched(Priority.P1, FAMILY, Channel.SANDBOX));

        assertThat(timeline(TimelineStage.NOTIFICATIONS_PLANNED.name())).singleElement().satisfies(e -> {
            assertThat(e.message()).isEqualTo("Planned DISPATCHED notifications for 3 contacts on 1 channel"
                    + " (SANDBOX) in 3 languages (ar, en, hi).");
            assertThat(e.at()).isEqualTo(NOW);
        });
        assertThat(timeline()).allSatisfy(e -> assertThat(e.message()).doesNotContain("Asha", "Ravi", "+44", "+971"));
    }

    @Test
    void theSameRequestAgainSendsNothingTwice() {
        FamilyNotifier notifier = notifier(sandbox);
        List<Notification> first = notifier.notify(dispatched(Priority.P1, FAMILY, Channel.SANDBOX));

        List<Notification> again = notifier.notify(dispatched(Priority.P1, FAMILY, Channel.SANDBOX));

        assertThat(again).isEqualTo(first);
        assertThat(sandbox.handed()).hasSize(3);
        assertThat(inbox.latest(10)).hasSize(3);
        assertThat(timeline(TimelineStage.NOTIFICATIONS_PLANNED.name())).hasSize(1);
    }

    @Test
    void concurrentIdenticalRequestsSendEachMessageOnce() throws Exception {
        FamilyNotifier notifier = notifier(sandbox);
        List<Future<List<Notification>>> calls = new ArrayList<>();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 6; i++) {
                calls.add(threads.submit(() -> notifier.notify(dispatched(Priority.P1, FAMILY, Channel.SANDBOX))));
            }
        }
        for (Future<List<Notification>> call : calls) {
            assertThat(call.get()).hasSize(3);
        }

        assertThat(sandbox.handed()).extracting(m -> m.notificationId()).doesNotHaveDuplicates().hasSize(3);
        assertThat(timeline(TimelineStage.NOTIFICATIONS_PLANNED.name())).hasSize(1);
    }

    @Test
    void aLaterStepIsToldEvenAfterAnEarlierOne() {
        FamilyNotifier notifier = notifier(sandbox);
        notifier.notify(queued(Priority.P1, FAMILY, Channel.SANDBOX));

        List<Notification> dispatch = notifier.notify(dispatched(Priority.P1, FAMILY, Channel.SANDBOX));

        assertThat(dispatch).extracting(Notification::step).containsOnly("DISPATCHED").hasSize(3);
        assertThat(inbox.latest(10)).hasSize(6);
    }

    @Test
    void aRefusingProviderLeavesEveryMessageFailedWithItsReason() {
        RecordingChannel refusing = RecordingChannel.failingWith(
                ChannelException.permanent("INVALID_NUMBER", "the provider refused the number"));

        List<Notification> told = notifier(refusing).notify(dispatched(Priority.P1, FAMILY, Channel.SANDBOX));

        assertThat(told).hasSize(3).allSatisfy(n -> {
            assertThat(n.status()).isEqualTo(NotificationStatus.FAILED);
            assertThat(n.failureReason()).isEqualTo("INVALID_NUMBER");
            assertThat(n.sentAt()).isNull();
        });
        assertThat(timeline(TimelineStage.NOTIFICATION_FAILED.name())).hasSize(3)
                .allSatisfy(e -> assertThat(e.message()).contains("failed: INVALID_NUMBER").doesNotContain("+"));
    }

    @Test
    void aProviderThatMayRecoverIsRecordedAsRetryable() {
        RecordingChannel down = RecordingChannel.failingWith(
                ChannelException.retryable("PROVIDER_UNAVAILABLE", "503 from the provider", null));

        List<Notification> told = notifier(down).notify(dispatched(Priority.P1, FAMILY, Channel.SANDBOX));

        assertThat(told).extracting(Notification::failureReason).containsOnly("PROVIDER_UNAVAILABLE (retryable)");
    }

    @Test
    void aChannelThatBreaksUnexpectedlyStillEndsInAVisibleFailure() {
        RecordingChannel broken = RecordingChannel.failingWith(new IllegalStateException("bug"));

        List<Notification> told = notifier(broken).notify(dispatched(Priority.P1, FAMILY, Channel.SANDBOX));

        assertThat(told).extracting(Notification::failureReason).containsOnly(SendOutcome.CHANNEL_ERROR);
    }

    @Test
    void aMessageForAnUnconfiguredChannelFailsAsSuch() {
        List<Notification> told = notifier(sandbox).notify(dispatched(Priority.P1, FAMILY, Channel.SMS));

        assertThat(told).hasSize(3).extracting(Notification::failureReason).containsOnly(SendOutcome.NO_CHANNEL);
        assertThat(sandbox.handed()).isEmpty();
    }

    @Test
    void aSubscriberWithoutContactsLeavesAVisibleTrace() {
        List<Notification> told = notifier(sandbox).notify(dispatched(Priority.P1, List.of(), Channel.SANDBOX));

        assertThat(told).isEmpty();
        assertThat(timeline(TimelineStage.NOTIFICATIONS_PLANNED.name())).singleElement()
                .extracting(TimelineEntry::message).asString().contains("no family contacts");
    }

    @Test
    void resumingSendsWhatACrashLeftPending() {
        NotificationRepository outbox = new NotificationRepository();
        for (String contactId : List.of("CON-1", "CON-2")) {
            database.withConnection(c -> outbox.insertIfAbsent(c, new Notification("LEFT-" + contactId, "INC-1",
                    contactId, Channel.SANDBOX, "DISPATCHED", "en", "written before the crash",
                    NotificationStatus.PENDING, NOW, null, null, null)));
        }
        FamilyNotifier restarted = notifier(sandbox);

        int resumed = restarted.resumePending();

        assertThat(resumed).isEqualTo(2);
        List<Notification> stored = database.withConnection(c -> outbox.findByIncident(c, "INC-1"));
        assertThat(stored).extracting(Notification::status).containsOnly(NotificationStatus.SENT);
        assertThat(inbox.latest(10)).extracting(SandboxMessage::recipient)
                .containsExactlyInAnyOrder("+447700900123", "+971501234567");
        assertThat(restarted.resumePending()).isZero();
    }

    @Test
    void resumingForOwnedIncidentsLeavesOtherIncidentsPending() {
        NotificationRepository outbox = new NotificationRepository();
        database.withConnection(c -> c.createStatement().executeUpdate("INSERT INTO incidents (id, subscriber_id,"
                + " alert_type, priority, triage_action, state, lat, lon, opened_at, updated_at) SELECT 'INC-2',"
                + " subscriber_id, alert_type, priority, triage_action, state, lat, lon, opened_at, updated_at"
                + " FROM incidents WHERE id = 'INC-1'"));
        for (String incidentId : List.of("INC-1", "INC-2")) {
            database.withConnection(c -> outbox.insertIfAbsent(c, new Notification("LEFT-" + incidentId, incidentId,
                    "CON-1", Channel.SANDBOX, "DISPATCHED", "en", "written before the crash",
                    NotificationStatus.PENDING, NOW, null, null, null)));
        }

        int resumed = notifier(sandbox).resumePending("INC-1"::equals);

        assertThat(resumed).isEqualTo(1);
        List<Notification> stored = database.withConnection(c -> new PendingNotifications().findPending(c, 10));
        assertThat(stored).extracting(Notification::id).containsExactly("LEFT-INC-2");
    }

    @Test
    void resumingReachesOwnRowsBehindManyOfAPeersPendingRows() {
        NotificationRepository outbox = new NotificationRepository();
        database.withConnection(c -> c.createStatement().executeUpdate("INSERT INTO incidents (id, subscriber_id,"
                + " alert_type, priority, triage_action, state, lat, lon, opened_at, updated_at) SELECT 'INC-2',"
                + " subscriber_id, alert_type, priority, triage_action, state, lat, lon, opened_at, updated_at"
                + " FROM incidents WHERE id = 'INC-1'"));
        for (int i = 0; i < 450; i++) { // more than two pages of a peer's in-flight rows, all older than ours
            String step = "STEP-" + i;
            java.time.Instant created = NOW.minusSeconds(600 - i);
            database.withConnection(c -> outbox.insertIfAbsent(c, new Notification("PEER-" + step, "INC-2", "CON-1",
                    Channel.SANDBOX, step, "en", "a peer's row", NotificationStatus.PENDING, created, null, null, null)));
        }
        database.withConnection(c -> outbox.insertIfAbsent(c, new Notification("OWN-1", "INC-1", "CON-1",
                Channel.SANDBOX, "DISPATCHED", "en", "written before the crash", NotificationStatus.PENDING, NOW,
                null, null, null)));

        int resumed = notifier(sandbox).resumePending("INC-1"::equals);

        assertThat(resumed).isEqualTo(1);
        assertThat(sandbox.handed()).hasSize(1);
        List<Notification> left = database.withConnection(c -> new PendingNotifications().findPending(c, 1000));
        assertThat(left).hasSize(450)
                .allMatch(n -> n.incidentId().equals("INC-2"));
    }

    @Test
    void resumingLeavesSentAndFailedMessagesAlone() {
        notifier(sandbox).notify(dispatched(Priority.P1, FAMILY, Channel.SANDBOX));
        notifier(RecordingChannel.failingWith(ChannelException.permanent("NO_PHONE", "none")))
                .notify(queued(Priority.P1, FAMILY, Channel.SANDBOX));

        assertThat(notifier(sandbox).resumePending()).isZero();
        assertThat(sandbox.handed()).hasSize(3);
    }
}
