package org.sahaya.notify;

import org.sahaya.core.incident.TimelineStage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.sahaya.notify.FamilyFixture.dispatched;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sahaya.core.incident.Priority;
import org.sahaya.core.incident.TimelineEntry;
import org.sahaya.core.notification.Channel;
import org.sahaya.core.notification.Notification;
import org.sahaya.core.notification.NotificationStatus;
import org.sahaya.core.persistence.Database;
import org.sahaya.core.persistence.TimelineRepository;
import org.sahaya.core.subscriber.Contact;
import org.sahaya.core.testing.MutableClock;
import org.sahaya.notify.channel.NotificationChannel;
import org.sahaya.notify.channel.fcm.FcmPushChannel;
import org.sahaya.notify.channel.fcm.FcmAccount;
import org.sahaya.notify.channel.twilio.TwilioAccount;
import org.sahaya.notify.channel.twilio.TwilioSmsChannel;
import org.sahaya.notify.channel.twilio.TwilioVoiceChannel;
import org.sahaya.notify.delivery.DeliveryPolicy;
import org.sahaya.notify.delivery.SendOutcome;
import org.sahaya.notify.fake.FakeFcm;
import org.sahaya.notify.fake.FakeTwilio;
import org.sahaya.notify.fake.FakeTwilio.Failure;
import org.sahaya.notify.outbox.DeliveryAttempts;
import org.sahaya.notify.outbox.NotificationRepository;
import org.sahaya.notify.receipt.Receipts;

/**
 * Retries, deadlines and failover through the real SDKs and the fake providers. Time is a
 * MutableClock that the "sleep" between attempts advances, so a 40-second deadline takes no time.
 */
class DeliveryTest {

    static final Contact RAVI = new Contact("CON-1", "SUB-1", "Ravi", "son", "+447700900123", "en-GB",
            "Europe/London", 1, "fcm-token-ravi");

    /** Long enough for a loaded machine, short enough for the one test that waits it out. */
    static final Duration TIMEOUT = Duration.ofSeconds(3);

    static final Contact MEERA = new Contact("CON-2", "SUB-1", "Meera", "daughter", "+971501234567", "ar",
            "Asia/Dubai", 2, null);

    static FakeTwilio twilio;
    static FakeFcm fcm;
    static Map<Channel, NotificationChannel> channels;
    static FcmPushChannel push;

    final Database database = FamilyFixture.openDatabase();
    final MutableClock clock = new MutableClock(FamilyFixture.NOW);
    final List<Duration> pauses = new CopyOnWriteArrayList<>();
    final AtomicInteger sequence = new AtomicInteger();

    @BeforeAll
    static void startFakes() {
        twilio = FakeTwilio.start();
        fcm = FakeFcm.start();
        TwilioAccount account = new TwilioAccount(FakeTwilio.ACCOUNT_SID, FakeTwilio.AUTH_TOKEN, FakeTwilio.FROM,
                twilio.baseUrl(), java.net.URI.create("https://sahaya.example.org"), TIMEOUT);
        push = new FcmPushChannel(new FcmAccount(FakeFcm.PROJECT, FakeFcm.credentials(), fcm.baseUrl(), TIMEOUT));
        channels = Map.of(Channel.SMS, new TwilioSmsChannel(account), Channel.VOICE, new TwilioVoiceChannel(account),
                Channel.PUSH, push);
    }

    @AfterAll
    static void stopFakes() {
        push.close();
        twilio.close();
        fcm.close();
    }

    @BeforeEach
    void seed() {
        twilio.reset();
        fcm.reset();
        FamilyFixture.seed(database, FamilyFixture.incident(Priority.P1), List.of(RAVI, MEERA));
    }

    @AfterEach
    void close() {
        database.close();
    }

    FamilyNotifier notifier() {
        return new FamilyNotifier(database, channels, clock, () -> "N-" + sequence.incrementAndGet(),
                NotifierOptions.defaults().withDelivery(DeliveryPolicy.within(Duration.ofMinutes(2))).withPause(d -> {
                    pauses.add(d);
                    clock.advance(d);
                }));
    }

    List<Notification> all() {
        return database.withConnection(c -> new NotificationRepository().findByIncident(c, "INC-1"));
    }

    Notification on(Channel channel) {
        return all().stream().filter(n -> n.channel() == channel).findFirst().orElseThrow();
    }

    List<TimelineEntry> timeline(String stage) {
        return database.withConnection(c -> new TimelineRepository().of(c, "INC-1")).stream()
                .filter(e -> e.stage().name().equals(stage)).toList();
    }

    @Test
    void aRateLimitedSmsIsRetriedWithGrowingPausesUntilTwilioTakesIt() {
        twilio.failNext(Failure.tooManyRequests(), Failure.tooManyRequests(), Failure.unavailable());

        notifier().notify(dispatched(Priority.P1, List.of(RAVI), Channel.SMS));

        Notification sms = on(Channel.SMS);
        assertThat(sms.status()).isEqualTo(NotificationStatus.SENT);
        assertThat(sms.providerId()).isEqualTo(twilio.requests().getLast().sid());
        assertThat(twilio.requestCount()).isEqualTo(4);
        assertThat(pauses).hasSize(3);
        assertThat(pauses.get(2)).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
        assertThat(database.withConnection(c -> new DeliveryAttempts().state(c, sms.id())).orElseThrow().attempts())
                .isEqualTo(4);
        // An emergency plans push beside the SMS for a contact with the app: one each, no failover.
        assertThat(all()).extracting(Notification::channel).containsExactlyInAnyOrder(Channel.SMS, Channel.PUSH);
        assertThat(fcm.requestCount()).isEqualTo(1);
    }

    @Test
    void aProviderThatStaysDownIsGivenUpAtTheDeadlineAndARoutineMessageFailsOverToPush() {
        twilio.failFor(RAVI.phone(), Failure.unavailable());

        // P3: one planned channel (the contact's preference, SMS), so push is the failover.
        notifier().notify(dispatched(Priority.P3, List.of(RAVI), Channel.SMS));

        Notification sms = on(Channel.SMS);
        assertThat(sms.status()).isEqualTo(NotificationStatus.FAILED);
        assertThat(sms.failureReason()).isEqualTo("TWILIO_20503 (retryable)");
        assertThat(pauses.stream().reduce(Duration.ZERO, Duration::plus)).isLessThanOrEqualTo(Duration.ofSeconds(40));
        assertThat(twilio.requestCount()).isEqualTo(pauses.size() + 1).isGreaterThan(3);
        Notification pushed = on(Channel.PUSH);
        assertThat(pushed.status()).isEqualTo(NotificationStatus.SENT);
        assertThat(pushed.text()).isEqualTo(sms.text());
        assertThat(fcm.requests()).singleElement().satisfies(r ->
                assertThat(r.message().getJsonObject("data").getString("notificationId")).isEqualTo(pushed.id()));
        assertThat(timeline(TimelineStage.NOTIFICATION_FAILOVER.name())).singleElement().satisfies(e -> assertThat(e.message())
                .contains(sms.id(), "SMS", "PUSH", pushed.id()).doesNotContain(RAVI.phone()));
    }

    @Test
    void permanentFailuresWalkTheChainFromSmsThroughPushToAVoiceCall() {
        twilio.failFor(RAVI.phone(), Failure.unsubscribed());
        fcm.failFor(RAVI.pushToken(), FakeFcm.Failure.UNREGISTERED);

        notifier().notify(dispatched(Priority.P3, List.of(RAVI), Channel.SMS));

        assertThat(on(Channel.SMS).failureReason()).isEqualTo("TWILIO_21610");
        assertThat(on(Channel.PUSH).failureReason()).isEqualTo("FCM_UNREGISTERED");
        assertThat(on(Channel.VOICE).status()).isEqualTo(NotificationStatus.FAILED);
        assertThat(pauses).isEmpty();
        assertThat(twilio.requests()).extracting(FakeTwilio.Request::kind).containsExactly("message", "call");
        assertThat(timeline(TimelineStage.NOTIFICATION_FAILOVER.name())).hasSize(2);
    }

    @Test
    void anEmergencySmsThatFailsGoesPastThePushAlreadyPlannedToAVoiceCall() {
        twilio.failNext(Failure.invalidNumber());

        notifier().notify(dispatched(Priority.P1, List.of(RAVI), Channel.SMS));

        Notification sms = on(Channel.SMS);
        Notification voice = on(Channel.VOICE);
        assertThat(sms.failureReason()).isEqualTo("TWILIO_21211");
        assertThat(on(Channel.PUSH).status()).isEqualTo(NotificationStatus.SENT);
        assertThat(voice.status()).isEqualTo(NotificationStatus.SENT);
        assertThat(fcm.requestCount()).isEqualTo(1);
        assertThat(all()).hasSize(3);
        assertThat(timeline(TimelineStage.NOTIFICATION_FAILOVER.name())).singleElement().satisfies(e -> assertThat(e.message())
                .contains(sms.id(), "SMS", "VOICE", voice.id(), "PUSH already planned"));
        assertThat(timeline(TimelineStage.NOTIFICATIONS_PLANNED.name())).singleElement().satisfies(e -> assertThat(e.message())
                .contains("for 1 contact on 2 channels (PUSH, SMS)"));
    }

    @Test
    void aVoiceCallIsPlacedWhenSmsAndPushBothRefuse() {
        twilio.failNext(Failure.invalidNumber());
        fcm.failFor(RAVI.pushToken(), FakeFcm.Failure.INVALID_ARGUMENT);

        notifier().notify(dispatched(Priority.P1, List.of(RAVI), Channel.SMS));

        assertThat(on(Channel.VOICE).status()).isEqualTo(NotificationStatus.SENT);
        assertThat(twilio.requests().getLast().twiml()).contains("voice/gather?n=" + on(Channel.VOICE).id());
    }

    @Test
    void anSmsWhoseOutcomeIsUnknownIsNotSentAgainButFailsOverToPush() {
        twilio.delayFor(RAVI.phone(), TIMEOUT.multipliedBy(3));

        notifier().notify(dispatched(Priority.P3, List.of(RAVI), Channel.SMS));

        assertThat(on(Channel.SMS).failureReason()).isEqualTo("TWILIO_NO_ANSWER");
        assertThat(twilio.requestCount()).isEqualTo(1);
        assertThat(on(Channel.PUSH).status()).isEqualTo(NotificationStatus.SENT);
    }

    @Test
    void aHandOverInterruptedByACrashIsNotRepeatedOnResume() {
        FamilyNotifier beforeCrash = notifier();
        twilio.failFor(RAVI.phone(), Failure.invalidNumber());
        fcm.failFor(RAVI.pushToken(), FakeFcm.Failure.UNREGISTERED);
        // Write a PENDING SMS row and mark its hand-over as started, as a process dying mid-request leaves it.
        Notification row = new Notification("N-crash", "INC-1", RAVI.id(), Channel.SMS, "DISPATCHED", "en-GB", "text",
                NotificationStatus.PENDING, clock.instant(), null, null, null);
        database.withConnection(c -> new NotificationRepository().insertIfAbsent(c, row));
        database.withConnection(c -> new DeliveryAttempts().begin(c, row.id(), clock.instant()));
        twilio.reset();
        fcm.reset();

        int resumed = beforeCrash.resumePending();

        assertThat(resumed).isEqualTo(1);
        assertThat(on(Channel.SMS).failureReason()).isEqualTo(SendOutcome.OUTCOME_UNKNOWN);
        assertThat(twilio.requests()).extracting(FakeTwilio.Request::kind).doesNotContain("message");
        assertThat(on(Channel.PUSH).status()).isEqualTo(NotificationStatus.SENT);
    }

    @Test
    void aResentRequestHandsNothingOverAgainEvenAfterFailover() {
        twilio.failFor(RAVI.phone(), Failure.invalidNumber());
        FamilyNotifier notifier = notifier();

        notifier.notify(dispatched(Priority.P1, List.of(RAVI), Channel.SMS));
        notifier.notify(dispatched(Priority.P1, List.of(RAVI), Channel.SMS));
        clock.advance(Duration.ofMinutes(1));
        notifier.notify(dispatched(Priority.P1, List.of(RAVI), Channel.SMS));
        notifier.resumePending();

        // SMS and push planned at once; the failed SMS went on to a call (which fails too: same number).
        assertThat(twilio.requests()).extracting(FakeTwilio.Request::kind).containsExactly("message", "call");
        assertThat(fcm.requestCount()).isEqualTo(1);
        assertThat(all()).extracting(Notification::channel)
                .containsExactlyInAnyOrder(Channel.SMS, Channel.PUSH, Channel.VOICE);
    }

    @Test
    void oneContactsSlowProviderDoesNotHoldUpAnotherContactsMessage() throws Exception {
        twilio.holdFor(RAVI.phone());
        FamilyNotifier notifier = notifier();

        Thread notifying = Thread.ofVirtual().start(() ->
                notifier.notify(dispatched(Priority.P1, List.of(RAVI, MEERA), Channel.SMS)));

        await().atMost(Duration.ofSeconds(20)).until(() -> all().stream()
                .anyMatch(n -> n.contactId().equals(MEERA.id()) && n.status() == NotificationStatus.SENT));
        assertThat(all()).filteredOn(n -> n.contactId().equals(RAVI.id()) && n.channel() == Channel.SMS)
                .singleElement().extracting(Notification::status).isEqualTo(NotificationStatus.PENDING);
        twilio.release(RAVI.phone());
        notifying.join();
        assertThat(all()).extracting(Notification::status).containsOnly(NotificationStatus.SENT);
    }

    @Test
    void anSmsReportedUndeliveredFailsOverToTheContactsNextChannelOnce() {
        FamilyNotifier notifier = notifier();
        notifier.notify(dispatched(Priority.P1, List.of(MEERA), Channel.SMS));
        Notification sms = on(Channel.SMS);
        Receipts receipts = new Receipts(database, clock);

        receipts.apply(sms.providerId(), "undelivered", "30003", "test");
        int first = notifier.failOverReported();
        receipts.apply(sms.providerId(), "undelivered", "30003", "test");
        int again = notifier.failOverReported();

        assertThat(first).isEqualTo(1);
        assertThat(again).isZero();
        // No app, so no push: the phone number is called instead, exactly once.
        assertThat(twilio.requests()).extracting(FakeTwilio.Request::kind).containsExactly("message", "call");
        assertThat(on(Channel.SMS).failureReason()).isEqualTo("TWILIO_30003");
        assertThat(on(Channel.VOICE)).satisfies(call -> {
            assertThat(call.status()).isEqualTo(NotificationStatus.SENT);
            assertThat(call.step()).isEqualTo(sms.step());
            assertThat(call.contactId()).isEqualTo(MEERA.id());
        });
        assertThat(timeline(TimelineStage.NOTIFICATION_FAILOVER.name())).singleElement().extracting(TimelineEntry::message)
                .asString().contains(sms.id(), "SMS", "VOICE");
    }
}
