package org.sahaya.server.operations;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sahaya.core.alert.Alert;
import org.sahaya.core.alert.AlertOutcome;
import org.sahaya.core.incident.Incident;
import org.sahaya.core.incident.IncidentListener;
import org.sahaya.core.incident.IncidentState;
import org.sahaya.core.notification.Channel;
import org.sahaya.core.notification.Notification;
import org.sahaya.core.notification.NotificationStatus;
import org.sahaya.core.testing.MutableClock;

/** The family's service level: the first message of each incident handed over within 2 minutes of the alert. */
class FamilyNotifiedMeterTest {

    final MutableClock clock = new MutableClock(IncidentMetersTest.OPENED);
    final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    final List<Notification> next = new ArrayList<>();
    final FamilyNotifiedMeter meter = new FamilyNotifiedMeter(new IncidentListener() {
        @Override
        public List<Notification> dispatched(Incident incident) {
            return List.copyOf(next);
        }

        @Override
        public List<Notification> queued(Incident incident) {
            return List.copyOf(next);
        }

        @Override
        public void alertStored(Alert alert, Incident incident, AlertOutcome outcome) {
        }
    }, registry, clock);

    @Test
    void aFirstMessageWithinTwoMinutesIsMetOnceForItsIncident() {
        clock.advance(Duration.ofSeconds(1));
        next.add(sent("N-1", clock.instant()));
        next.add(sent("N-2", clock.instant().plusMillis(30)));
        Incident incident = IncidentMetersTest.incident("INC-1", IncidentState.QUEUED, null, null);

        List<Notification> told = meter.queued(incident);
        meter.dispatched(incident);

        assertThat(told).hasSize(2);
        assertThat(count("met")).isEqualTo(1);
        assertThat(count("missed")).isZero();
    }

    @Test
    void aLateFirstMessageOrOneThatFailedEverywhereIsMissed() {
        clock.advance(Duration.ofMinutes(3));
        next.add(sent("N-3", clock.instant()));
        meter.dispatched(IncidentMetersTest.incident("INC-2", IncidentState.NEW, null, null));
        next.clear();
        next.add(new Notification("N-4", "INC-3", "C-1", Channel.SMS, "DISPATCHED", "en", "text", NotificationStatus.FAILED,
                clock.instant(), null, null, "INVALID_NUMBER"));

        meter.dispatched(IncidentMetersTest.incident("INC-3", IncidentState.NEW, null, null));

        assertThat(count("met")).isZero();
        assertThat(count("missed")).isEqualTo(2);
    }

    @Test
    void messagesHandedOverLongAgoAreARetellingAndNoAnnouncementWithoutMessagesCounts() {
        next.add(sent("N-5", clock.instant()));
        clock.advance(Duration.ofMinutes(5));
        meter.dispatched(IncidentMetersTest.incident("INC-4", IncidentState.NEW, null, null));
        next.clear();

        meter.dispatched(IncidentMetersTest.incident("INC-5", IncidentState.NEW, null, null));

        assertThat(count("met") + count("missed")).isZero();
    }

    private Notification sent(String id, Instant at) {
        return new Notification(id, "INC", "C-1", Channel.SMS, "DISPATCHED", "en", "text", NotificationStatus.SENT, at, at,
                "SM-" + id, null);
    }

    private double count(String outcome) {
        return registry.get(FamilyNotifiedMeter.SLA_FAMILY).tag("outcome", outcome).counter().count();
    }
}
