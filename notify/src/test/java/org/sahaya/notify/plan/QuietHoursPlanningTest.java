package org.sahaya.notify.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sahaya.core.incident.Priority;
import org.sahaya.core.notification.Channel;
import org.sahaya.notify.FamilyFixture;
import org.sahaya.notify.preference.ContactPreferences;

/** Ravi in London sleeps 22:00–07:00; it is 23:30 in London. */
class QuietHoursPlanningTest {

    private static final Instant LONDON_2330 = Instant.parse("2025-01-15T23:30:00Z");
    private static final Map<String, ContactPreferences> RAVI_SLEEPS = Map.of(FamilyFixture.RAVI_LONDON.id(),
            ContactPreferences.of(List.of(Channel.SMS), LocalTime.of(22, 0), LocalTime.of(7, 0)));
    private final NotificationPlanner planner = new NotificationPlanner();

    @Test
    void nonEmergencyWaitsUntilTheContactsQuietHoursEndAndIsStillPlanned() {
        List<PlannedMessage> plan = planner.plan(request(Priority.P3), EnumSet.of(Channel.SMS), LONDON_2330);

        assertThat(plan).singleElement().satisfies(m -> {
            assertThat(m.channel()).isEqualTo(Channel.SMS);
            assertThat(m.notBefore()).isEqualTo(Instant.parse("2025-01-16T07:00:00Z"));
        });
    }

    @Test
    void emergencyBypassesQuietHours() {
        List<PlannedMessage> plan = planner.plan(request(Priority.P1), EnumSet.of(Channel.SMS), LONDON_2330);

        assertThat(plan).isNotEmpty().allSatisfy(m -> assertThat(m.notBefore()).isNull());
    }

    @Test
    void escalationCallIsAVoiceRowOfItsOwnStepSaidInTheContactsLanguage() {
        PlannedMessage call = planner.planEscalationCall(request(Priority.P1), FamilyFixture.MEERA_DUBAI, 2,
                EnumSet.of(Channel.SMS, Channel.VOICE));

        assertThat(call.channel()).isEqualTo(Channel.VOICE);
        assertThat(call.stepKey()).isEqualTo("ESCALATION_2");
        assertThat(call.language()).isEqualTo("ar");
        assertThat(call.text()).contains("اضغط 1");
        assertThat(call.notBefore()).isNull();
    }

    private static NotificationRequest request(Priority priority) {
        NotificationRequest base = FamilyFixture.dispatched(priority, List.of(FamilyFixture.RAVI_LONDON), Channel.SANDBOX);
        return new NotificationRequest(base.incident(), base.subscriber(), base.contacts(), base.step(),
                base.unitCallSign(), base.hospitalName(), base.etaMinutes(), base.defaultChannel(), RAVI_SLEEPS);
    }
}
