package org.sahaya.notify.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sahaya.notify.FamilyFixture.ASHA;
import static org.sahaya.notify.FamilyFixture.FAMILY;
import static org.sahaya.notify.FamilyFixture.RAVI_LONDON;
import static org.sahaya.notify.FamilyFixture.incident;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sahaya.core.config.CitySettings;
import org.sahaya.core.config.Settings;
import org.sahaya.core.incident.Priority;
import org.sahaya.core.notification.Channel;
import org.sahaya.core.subscriber.Contact;
import org.sahaya.core.subscriber.Subscriber;
import org.sahaya.notify.template.MessageTemplates;
import org.sahaya.notify.template.NotificationStep;

/** The city in family messages is configuration: its name per language, its clock, its default language. */
class CityPlanningTest {

    private static final MessageTemplates TEMPLATES = MessageTemplates.load();

    /** A city by Dubai's clock, named in Arabic and Hindi, writing Arabic to contacts without a language. */
    private static final CitySettings DUBAI = CitySettings.from(Settings.of(Map.of(
            "SAHAYA_CITY_NAME", "Dubai",
            "SAHAYA_CITY_NAME_AR", "دبي",
            "SAHAYA_CITY_NAME_HI", "दुबई",
            "SAHAYA_CITY_TIME_ZONE", "Asia/Dubai",
            "SAHAYA_CITY_LANGUAGE", "ar")));

    @Test
    void theConfiguredCityIsNamedInEachReadersLanguageWithItsOwnClock() {
        List<PlannedMessage> plan = new NotificationPlanner(TEMPLATES, DUBAI).plan(request(ASHA, FAMILY));

        // the fall was at 14:05 UTC: 18:05 in Dubai
        assertThat(plan.get(0).text()).contains("at 14:05 your time (18:05 Dubai)");
        assertThat(plan.get(1).text()).contains("6:05 م بتوقيت دبي");
        assertThat(plan.get(2).text()).contains("दुबई में 6:05 pm");
        assertThat(plan).allSatisfy(m -> assertThat(m.text()).doesNotContain("Bengaluru", "बेंगलुरु", "بنغالورو"));
    }

    @Test
    void aSubscribersOwnZoneIsTheIncidentsClock() {
        Subscriber inKolkataTime = new Subscriber(ASHA.id(), ASHA.name(), ASHA.home(), "kn", null, "Asia/Kolkata");

        String text = new NotificationPlanner(TEMPLATES, DUBAI).plan(request(inKolkataTime, List.of(RAVI_LONDON)))
                .getFirst().text();

        assertThat(text).contains("at 14:05 your time (19:35 Dubai)");
    }

    @Test
    void aContactWithoutALanguageIsWrittenInTheCitysLanguage() {
        Contact noLanguage = new Contact("CON-7", ASHA.id(), "Noor", "niece", "+971500000007", null, "Asia/Dubai", 1, null);

        PlannedMessage message = new NotificationPlanner(TEMPLATES, DUBAI)
                .plan(request(ASHA, List.of(noLanguage))).getFirst();

        assertThat(message.language()).isEqualTo("ar");
        assertThat(message.text()).contains("دبي");
    }

    @Test
    void theDefaultCityWritesAsBeforeTheCityWasConfiguration() {
        Contact noLanguage = new Contact("CON-7", ASHA.id(), "Noor", "niece", "+971500000007", null, "Asia/Dubai", 1, null);

        PlannedMessage message = new NotificationPlanner().plan(request(ASHA, List.of(noLanguage))).getFirst();

        assertThat(message.language()).isEqualTo("en");
        assertThat(message.text()).contains("at 6:05 PM your time (7:35 PM Bengaluru)");
    }

    private static NotificationRequest request(Subscriber subscriber, List<Contact> contacts) {
        return new NotificationRequest(incident(Priority.P1), subscriber, contacts, NotificationStep.DISPATCHED,
                "KA-07", "Manipal Hospital", 7, Channel.SANDBOX);
    }
}
