package org.sahaya.notify.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.sahaya.notify.FamilyFixture.ARJUN_SAN_JOSE;
import static org.sahaya.notify.FamilyFixture.ASHA;
import static org.sahaya.notify.FamilyFixture.FAMILY;
import static org.sahaya.notify.FamilyFixture.MEERA_DUBAI;
import static org.sahaya.notify.FamilyFixture.RAVI_LONDON;
import static org.sahaya.notify.FamilyFixture.dispatched;
import static org.sahaya.notify.FamilyFixture.incident;
import static org.sahaya.notify.FamilyFixture.queued;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sahaya.core.incident.Priority;
import org.sahaya.core.notification.Channel;
import org.sahaya.core.subscriber.Contact;
import org.sahaya.notify.template.NotificationStep;

class NotificationPlannerTest {

    private final NotificationPlanner planner = new NotificationPlanner();

    @Test
    void anEmergencyReachesEveryContactAtOnceInCallOrder() {
        List<PlannedMessage> plan = planner.plan(dispatched(Priority.P1, FAMILY, Channel.SANDBOX));

        assertThat(plan).extracting(PlannedMessage::contact)
                .containsExactly(RAVI_LONDON, MEERA_DUBAI, ARJUN_SAN_JOSE); // rank 1, then rank 2 by id
    }

    @Test
    void aLesserIncidentReachesOnlyTheFirstContactsInCallOrder() {
        Contact aunt = new Contact("CON-9", ASHA.id(), "Lakshmi", "sister", "+919800000000", "kn", "Asia/Kolkata", 1, null);

        List<PlannedMessage> plan = planner.plan(queued(Priority.P3, List.of(MEERA_DUBAI, aunt, RAVI_LONDON),
                Channel.SANDBOX));

        assertThat(plan).extracting(m -> m.contact().id()).containsExactly("CON-1", "CON-9");
    }

    @Test
    void everyContactGetsTheDefaultChannelAndTheRequestedStep() {
        List<PlannedMessage> plan = planner.plan(dispatched(Priority.P2, FAMILY, Channel.SMS));

        assertThat(plan).allSatisfy(m -> {
            assertThat(m.channel()).isEqualTo(Channel.SMS);
            assertThat(m.step()).isEqualTo(NotificationStep.DISPATCHED);
        });
    }

    @Test
    void eachContactIsWrittenToInTheirOwnLanguageAndTime() {
        List<PlannedMessage> plan = planner.plan(dispatched(Priority.P1, FAMILY, Channel.SANDBOX));

        assertThat(plan).extracting(PlannedMessage::language).containsExactly("en", "ar", "hi");
        assertThat(plan.get(0).text()).contains("at 14:05 your time (19:35 Bengaluru)", "ETA 7 minutes");
        assertThat(plan.get(1).text()).contains("سيارة الإسعاف KA-07", "6:05");
        assertThat(plan.get(2).text()).contains("एम्बुलेंस KA-07", "6:05 am");
    }

    @Test
    void aContactInAnUnsupportedLanguageIsWrittenToInEnglish() {
        Contact nairobi = new Contact("CON-8", ASHA.id(), "Wanjiru", "niece", "+254700000000", "sw", "Africa/Nairobi", 1, null);

        PlannedMessage message = planner.plan(dispatched(Priority.P1, List.of(nairobi), Channel.SANDBOX)).getFirst();

        assertThat(message.language()).isEqualTo("en");
        assertThat(message.text()).contains("5:05 PM your time");
    }

    @Test
    void aContactWithABrokenTimeZoneIsStillTold() {
        Contact broken = new Contact("CON-7", ASHA.id(), "Kiran", "son", "+447700900999", "en-GB", "Mars/Olympus", 1, null);

        PlannedMessage message = planner.plan(dispatched(Priority.P1, List.of(broken), Channel.SANDBOX)).getFirst();

        assertThat(message.text()).contains("14:05 your time");
    }

    @Test
    void aContactListedTwiceIsToldOnce() {
        List<PlannedMessage> plan = planner.plan(dispatched(Priority.P1, List.of(RAVI_LONDON, RAVI_LONDON), Channel.SANDBOX));

        assertThat(plan).hasSize(1);
    }

    @Test
    void aSubscriberWithoutContactsGetsAnEmptyPlan() {
        assertThat(planner.plan(dispatched(Priority.P1, List.of(), Channel.SANDBOX))).isEmpty();
    }

    @Test
    void aQueuedMessageNeedsNoAmbulanceDetails() {
        List<PlannedMessage> plan = planner.plan(queued(Priority.P1, FAMILY, Channel.SANDBOX));

        assertThat(plan.getFirst().text()).contains("All ambulances are busy").doesNotContain("{unit}", "{eta}");
    }

    @Test
    void aDispatchWithoutItsAmbulanceIsRefused() {
        assertThatThrownBy(() -> new NotificationRequest(incident(Priority.P1), ASHA, FAMILY,
                NotificationStep.DISPATCHED, null, "Manipal Hospital", 7, Channel.SANDBOX))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unit call sign");
    }

    @Test
    void anotherSubscribersContactIsRefused() {
        Contact stranger = new Contact("CON-X", "SUB-2", "Stranger", "son", "+10000000000", "en", "UTC", 1, null);

        assertThatThrownBy(() -> dispatched(Priority.P1, List.of(RAVI_LONDON, stranger), Channel.SANDBOX))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("CON-X")
                .hasMessageNotContaining("Stranger");
    }

    @Test
    void plannedMessagesKeepTheirTextOutOfLogs() {
        PlannedMessage message = planner.plan(dispatched(Priority.P1, FAMILY, Channel.SANDBOX)).getFirst();

        assertThat(message.toString()).doesNotContain("Asha", "Ravi", "+44", "KA-07");
    }

    @Test
    void anotherUnitComingIsItsOwnStepForEachNewUnitWhileOtherStepsAreOncePerIncident() {
        org.sahaya.core.incident.Incident second = incident(Priority.P1);
        org.sahaya.core.incident.Incident third = second.reassigned("UNIT-9", 300, second.updatedAt());

        List<PlannedMessage> forSecond = planner.plan(new NotificationRequest(second, ASHA, FAMILY,
                NotificationStep.NEW_UNIT_DECLINED, "KA-07", "Manipal Hospital", 7, Channel.SMS));
        List<PlannedMessage> forThird = planner.plan(new NotificationRequest(third, ASHA, FAMILY,
                NotificationStep.NEW_UNIT_BROKE_DOWN, "KA-09", "Manipal Hospital", 5, Channel.SMS));
        List<PlannedMessage> onScene = planner.plan(new NotificationRequest(third, ASHA, FAMILY,
                NotificationStep.ON_SCENE, "KA-09", "Manipal Hospital", null, Channel.SMS));

        assertThat(forSecond).extracting(PlannedMessage::stepKey).containsOnly("NEW_UNIT_DECLINED:UNIT-7");
        assertThat(forThird).extracting(PlannedMessage::stepKey).containsOnly("NEW_UNIT_BROKE_DOWN:UNIT-9");
        assertThat(onScene).extracting(PlannedMessage::stepKey).containsOnly("ON_SCENE");
        assertThat(forSecond.getFirst().text()).contains("could not take the call", "KA-07", "ETA 7 minutes");
        assertThat(NotificationStep.NEW_UNIT_NOT_ACCEPTED.key("U".repeat(64))).hasSizeLessThanOrEqualTo(40);
        assertThatThrownBy(() -> new NotificationRequest(third, ASHA, FAMILY, NotificationStep.NEW_UNIT_NEARER,
                "KA-09", null, null, Channel.SMS)).isInstanceOf(IllegalArgumentException.class);
    }
}
