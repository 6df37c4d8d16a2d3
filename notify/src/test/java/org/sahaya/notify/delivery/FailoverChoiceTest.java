package org.sahaya.notify.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.sahaya.core.notification.Channel;
import org.sahaya.core.notification.Notification;
import org.sahaya.core.notification.NotificationStatus;

class FailoverChoiceTest {

    static final Instant AT = Instant.parse("2026-11-24T10:00:00Z");
    static final Set<Channel> ALL = Set.of(Channel.SMS, Channel.PUSH, Channel.VOICE);

    static Notification row(String id, String contactId, Channel channel, String step) {
        return new Notification(id, "INC-1", contactId, channel, step, "ar", "text", NotificationStatus.PENDING, AT,
                null, null, null);
    }

    @Test
    void anEmergencysFailedSmsGoesPastItsPushToACallAndSaysSo() {
        Notification sms = row("N-1", "CON-1", Channel.SMS, "DISPATCHED");
        List<Notification> rows = List.of(sms, row("N-2", "CON-1", Channel.PUSH, "DISPATCHED"),
                row("N-3", "CON-2", Channel.VOICE, "DISPATCHED"));

        Failover.Choice choice = Failover.after(sms, FailoverTest.WITH_APP, ALL, rows).orElseThrow();

        assertThat(choice).isEqualTo(new Failover.Choice(Channel.VOICE, List.of(Channel.PUSH)));
        assertThat(choice.note(sms, "N-9"))
                .isEqualTo("Notification N-1 (SMS) failed over to VOICE as N-9 (PUSH already planned for this step).");
    }

    @Test
    void anotherStepsRowsDoNotTakeAChannel() {
        Notification sms = row("N-1", "CON-1", Channel.SMS, "ARRIVED");
        List<Notification> rows = List.of(sms, row("N-2", "CON-1", Channel.PUSH, "DISPATCHED"));

        Failover.Choice choice = Failover.after(sms, FailoverTest.WITH_APP, ALL, rows).orElseThrow();

        assertThat(choice).isEqualTo(new Failover.Choice(Channel.PUSH, List.of()));
        assertThat(choice.note(sms, "N-9")).isEqualTo("Notification N-1 (SMS) failed over to PUSH as N-9.");
    }

    @Test
    void theNewRowCarriesTheFailedOnesMessageOnTheNextChannel() {
        Notification sms = row("N-1", "CON-1", Channel.SMS, "DISPATCHED");

        Notification next = new Failover.Choice(Channel.VOICE, List.of()).row(sms, "N-9", AT.plusSeconds(5));

        assertThat(next).isEqualTo(new Notification("N-9", "INC-1", "CON-1", Channel.VOICE, "DISPATCHED", "ar", "text",
                NotificationStatus.PENDING, AT.plusSeconds(5), null, null, null));
    }

    @Test
    void aContactWithNothingLeftGetsNoChoice() {
        Notification voice = row("N-1", "CON-2", Channel.VOICE, "DISPATCHED");

        assertThat(Failover.after(voice, FailoverTest.WITHOUT_APP, ALL, List.of(voice))).isEmpty();
        assertThat(Failover.nothingLeftNote(voice)).isEqualTo("Notification N-1 (VOICE) has no channel left to fail"
                + " over to; the next escalation step is due now.");
    }
}
