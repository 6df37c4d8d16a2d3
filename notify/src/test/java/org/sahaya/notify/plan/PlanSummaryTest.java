package org.sahaya.notify.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sahaya.core.incident.TimelineEntry;
import org.sahaya.core.incident.TimelineStage;
import org.sahaya.core.notification.Channel;
import org.sahaya.core.notification.Notification;
import org.sahaya.core.notification.NotificationStatus;
import org.sahaya.notify.template.NotificationStep;

class PlanSummaryTest {

    static final Instant AT = Instant.parse("2026-11-24T10:00:00Z");

    static Notification row(String id, String contactId, Channel channel, String language) {
        return new Notification(id, "INC-1", contactId, channel, "DISPATCHED", language, "Asha: fall detected",
                NotificationStatus.PENDING, AT, null, null, null);
    }

    @Test
    void anEmergencyPlanCountsContactsChannelsAndLanguagesWithoutNames() {
        List<Notification> written = List.of(row("N-1", "CON-1", Channel.SMS, "en"),
                row("N-2", "CON-1", Channel.PUSH, "en"), row("N-3", "CON-2", Channel.SMS, "ar"));

        List<TimelineEntry> entries = PlanSummary.entries("INC-1", NotificationStep.DISPATCHED, AT, 3, written, 0);

        assertThat(entries).containsExactly(new TimelineEntry("INC-1", AT, TimelineStage.NOTIFICATIONS_PLANNED,
                "Planned DISPATCHED notifications for 2 contacts on 2 channels (PUSH, SMS) in 2 languages (ar, en)."));
        assertThat(entries.getFirst().message()).doesNotContain("Asha", "CON-");
    }

    @Test
    void heldMessagesGetAnEntryOfTheirOwn() {
        List<TimelineEntry> entries = PlanSummary.entries("INC-1", NotificationStep.DISPATCHED, AT, 1,
                List.of(row("N-1", "CON-1", Channel.SMS, "en")), 1);

        assertThat(entries).extracting(TimelineEntry::message).containsExactly(
                "Planned DISPATCHED notifications for 1 contact on 1 channel (SMS) in 1 language (en).",
                "1 notification held until the contact's quiet hours end (not an emergency).");
        assertThat(entries).extracting(TimelineEntry::stage)
                .containsExactly(TimelineStage.NOTIFICATIONS_PLANNED, TimelineStage.NOTIFICATIONS_HELD);
    }

    @Test
    void aSubscriberWithoutContactsIsSaidSo() {
        assertThat(PlanSummary.entries("INC-1", NotificationStep.DISPATCHED, AT, 0, List.of(), 0))
                .extracting(TimelineEntry::message)
                .containsExactly("No DISPATCHED notifications planned: the subscriber has no family contacts.");
    }

    @Test
    void aRepeatedRequestThatWroteNothingAddsNothing() {
        assertThat(PlanSummary.entries("INC-1", NotificationStep.DISPATCHED, AT, 3, List.of(), 0)).isEmpty();
    }
}
