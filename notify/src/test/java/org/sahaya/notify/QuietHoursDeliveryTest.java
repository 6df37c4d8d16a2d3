package org.sahaya.notify;

import org.sahaya.core.incident.TimelineStage;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.sahaya.core.incident.Priority;
import org.sahaya.core.incident.TimelineEntry;
import org.sahaya.core.notification.Channel;
import org.sahaya.core.notification.Notification;
import org.sahaya.core.notification.NotificationStatus;
import org.sahaya.core.persistence.TimelineRepository;
import org.sahaya.core.testing.MutableClock;
import org.sahaya.notify.channel.sandbox.SandboxChannel;
import org.sahaya.notify.contact.PreferencesRepository;
import org.sahaya.notify.outbox.NotificationRepository;
import org.sahaya.notify.plan.NotificationRequest;
import org.sahaya.notify.preference.ContactPreferences;

/** A P3 message to Ravi at 23:30 London time waits, visibly PENDING, until his quiet hours end at 07:00. */
class QuietHoursDeliveryTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2025-01-15T23:30:00Z"));
    private final org.sahaya.core.persistence.Database database = FamilyFixture.openDatabase();
    private final RecordingChannel sandbox = RecordingChannel.passingTo(new SandboxChannel(database, clock));
    private final AtomicInteger sequence = new AtomicInteger();
    private final FamilyNotifier notifier = new FamilyNotifier(database, Map.of(Channel.SANDBOX, sandbox), clock,
            () -> "N-" + sequence.incrementAndGet(), NotifierOptions.defaults());

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void nonEmergencyIsHeldAsPendingThroughQuietHoursAndSentWhenTheyEnd() {
        FamilyFixture.seed(database, FamilyFixture.incident(Priority.P3));
        ContactPreferences sleeps = ContactPreferences.of(List.of(Channel.SMS), LocalTime.of(22, 0), LocalTime.of(7, 0));
        database.inTransaction(c -> {
            new PreferencesRepository().save(c, FamilyFixture.RAVI_LONDON.id(), sleeps);
            return null;
        });
        NotificationRequest base = FamilyFixture.dispatched(Priority.P3, FamilyFixture.FAMILY, Channel.SANDBOX);
        NotificationRequest request = new NotificationRequest(base.incident(), base.subscriber(), base.contacts(),
                base.step(), base.unitCallSign(), base.hospitalName(), base.etaMinutes(), base.defaultChannel(),
                database.withConnection(c -> new PreferencesRepository().ofSubscriber(c, FamilyFixture.ASHA.id())));

        List<Notification> stored = notifier.notify(request);
        notifier.resumePending();

        assertThat(stored).singleElement().satisfies(n -> assertThat(n.status()).isEqualTo(NotificationStatus.PENDING));
        assertThat(sandbox.handed()).isEmpty();
        Map<String, Instant> held = database.withConnection(c -> new NotificationRepository().heldUntil(c, "INC-1"));
        List<TimelineEntry> timeline = database.withConnection(c -> new TimelineRepository().of(c, "INC-1"));
        assertThat(held).containsValue(Instant.parse("2025-01-16T07:00:00Z"));
        assertThat(timeline).anyMatch(e -> e.stage().name().equals(TimelineStage.NOTIFICATIONS_HELD.name()));

        assertThat(notifier.sendHeldDue()).isZero();
        clock.set(Instant.parse("2025-01-16T07:00:01Z"));
        assertThat(notifier.sendHeldDue()).isEqualTo(1);
        assertThat(notifier.sendHeldDue()).isZero();

        assertThat(sandbox.handed()).hasSize(1);
        List<Notification> after = database.withConnection(c -> new NotificationRepository().findByIncident(c, "INC-1"));
        assertThat(after).singleElement().satisfies(n -> assertThat(n.status()).isEqualTo(NotificationStatus.SENT));
    }
}
