package org.sahaya.notify.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.Character.UnicodeScript;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.sahaya.core.alert.AlertType;

class MessageTemplatesTest {

    private static final MessageTemplates TEMPLATES = MessageTemplates.load();
    private static final Instant FELL_AT = Instant.parse("2025-01-15T14:05:00Z");
    private static final ZoneId KOLKATA = ZoneId.of("Asia/Kolkata");

    private static MessageArgs dispatch(String zone, int eta) {
        return new MessageArgs("Asha", AlertType.FALL, FELL_AT, ZoneId.of(zone), KOLKATA, "KA-07", "Manipal Hospital", eta,
                "Bengaluru");
    }

    private static String dispatched(String language, int eta) {
        return TEMPLATES.render(NotificationStep.DISPATCHED, language, dispatch("Europe/London", eta));
    }

    @ParameterizedTest
    @CsvSource({"en, LATIN", "de, LATIN", "hi, DEVANAGARI", "mr, DEVANAGARI", "kn, KANNADA", "ta, TAMIL",
            "te, TELUGU", "ml, MALAYALAM", "bn, BENGALI", "ar, ARABIC"})
    void everyLanguageIsWrittenInItsOwnScriptAndKeepsNamesAsGiven(String language, UnicodeScript script) {
        for (NotificationStep step : NotificationStep.values()) {
            String text = TEMPLATES.render(step, language, dispatch("Europe/London", 7));

            assertThat(text).startsWith("Asha: ");
            assertThat(lettersIn(text.substring("Asha: ".length()), script)).as(step + " in " + language)
                    .isGreaterThan(10);
        }
        assertThat(dispatched(language, 7)).contains("KA-07", "Manipal Hospital");
    }

    @ParameterizedTest
    @CsvSource({"en, to be confirmed", "de, wird noch bestätigt", "hi, पुष्टि होना बाकी", "ar, سيتم تأكيده لاحقًا"})
    void dispatchWithoutAFreeBedSaysTheHospitalIsToBeConfirmed(String language, String pending) {
        MessageArgs noBed = new MessageArgs("Asha", AlertType.FALL, FELL_AT, ZoneId.of("Europe/London"), KOLKATA,
                "KA-07", null, 7, "Bengaluru");

        String text = TEMPLATES.render(NotificationStep.DISPATCHED, language, noBed);

        assertThat(text).contains("KA-07", pending).doesNotContain("null");
    }

    @ParameterizedTest
    @CsvSource({"en, 7 minutes", "de, 7 Minuten", "hi, 7 मिनट", "mr, ७ मिनिटांत", "bn, ৭ মিনিটে",
            "kn, 7 ನಿಮಿಷಗಳಲ್ಲಿ", "ta, 7 நிமிடங்களில்", "te, 7 నిమిషాల్లో", "ml, 7 മിനിറ്റിനുള്ളിൽ", "ar, 7 دقائق"})
    void etaIsWrittenWithTheLanguagesOwnDigitsAndWords(String language, String eta) {
        assertThat(dispatched(language, 7)).contains(eta);
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "de", "ar", "kn", "ta", "te", "mr"})
    void oneMinuteReadsDifferentlyFromSevenWhereTheLanguageInflects(String language) {
        assertThat(withoutDigits(dispatched(language, 1))).isNotEqualTo(withoutDigits(dispatched(language, 7)));
    }

    @Test
    void arabicUsesSixDifferentWordingsForMinutes() {
        List<Integer> oneOfEachCategory = List.of(0, 1, 2, 3, 11, 100);
        Set<String> texts = new HashSet<>();
        oneOfEachCategory.forEach(eta -> texts.add(withoutDigits(dispatched("ar", eta))));

        assertThat(texts).hasSize(5); // "many" and "other" both take the singular noun
        assertThat(dispatched("ar", 2)).contains("دقيقتين");
        assertThat(dispatched("ar", 3)).contains("3 دقائق");
        assertThat(dispatched("ar", 11)).contains("11 دقيقة");
    }

    @Test
    void londonReadsItsOwnClockBesideBengalurus() {
        String text = TEMPLATES.render(NotificationStep.DISPATCHED, "en-GB", dispatch("Europe/London", 7));

        assertThat(text).isEqualTo("Asha: fall detected at 14:05 your time (19:35 Bengaluru). Ambulance KA-07 on"
                + " the way, ETA 7 minutes. Hospital: Manipal Hospital.");
    }

    @Test
    void sanJoseReadsTwelveHourTimeInAmericanEnglish() {
        String text = TEMPLATES.render(NotificationStep.DISPATCHED, "en-US", dispatch("America/Los_Angeles", 7));

        assertThat(text).contains("6:05 AM your time (7:35 PM Bengaluru)");
    }

    @Test
    void germanTimesUseTheTwentyFourHourClock() {
        String text = TEMPLATES.render(NotificationStep.DISPATCHED, "de", dispatch("Europe/Berlin", 7));

        assertThat(text).contains("um 15:05 Uhr Ihrer Zeit (19:35 Uhr in Bengaluru)");
    }

    @Test
    void unknownLanguageFallsBackToEnglish() {
        assertThat(TEMPLATES.languageFor("sw-KE")).isEqualTo("en");
        assertThat(TEMPLATES.languageFor(null)).isEqualTo("en");
        assertThat(TEMPLATES.render(NotificationStep.QUEUED, "sw-KE", dispatch("Africa/Nairobi", 7)))
                .startsWith("Asha: fall detected at")
                .contains("All ambulances are busy");
    }

    @Test
    void regionalTagsUseTheirLanguagesTemplates() {
        assertThat(TEMPLATES.languageFor("hi-IN")).isEqualTo("hi");
        assertThat(TEMPLATES.languageFor("ar-AE")).isEqualTo("ar");
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "hi", "kn", "ta", "te", "ml", "mr", "bn", "ar", "de"})
    void everyAlertKindHasItsOwnPhraseInEveryLanguage(String language) {
        Set<String> texts = new HashSet<>();
        for (AlertType type : MessageTemplates.NAMED_ALERTS) {
            texts.add(TEMPLATES.render(NotificationStep.QUEUED, language, withAlert(type)));
        }
        assertThat(texts).hasSize(MessageTemplates.NAMED_ALERTS.size());
        assertThat(TEMPLATES.render(NotificationStep.QUEUED, language, withAlert(AlertType.LOW_BATTERY)))
                .isNotIn(texts);
    }

    @Test
    void englishMessagesFitOneGsmSegment() {
        for (NotificationStep step : NotificationStep.values()) {
            SmsSegments segments = SmsSegments.of(TEMPLATES.render(step, "en-US", dispatch("America/Los_Angeles", 7)));

            assertThat(segments.encoding()).as(step.name()).isEqualTo(SmsSegments.Encoding.GSM_7);
            assertThat(segments.segments()).as(step.name()).isEqualTo(1);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"hi", "kn", "ta", "te", "ml", "mr", "bn", "ar"})
    void indicAndArabicMessagesTravelAsUcs2(String language) {
        assertThat(SmsSegments.of(dispatched(language, 7)).encoding()).isEqualTo(SmsSegments.Encoding.UCS_2);
    }

    @ParameterizedTest
    @CsvSource({"en-GB, Pune, 19:35", "hi, पुणे, 7:35 pm", "mr, पुणे, ७:३५ PM", "ar, بونه, 6:05 م"})
    void aSecondCityIsNamedInTheReadersScriptWithItsOwnClock(String language, String name, String incidentTime) {
        // Pune in Kolkata's zone, except the Arabic reader's subscriber lives by Dubai's clock
        ZoneId zone = language.equals("ar") ? ZoneId.of("Asia/Dubai") : KOLKATA;
        MessageArgs pune = new MessageArgs("Asha", AlertType.FALL, FELL_AT, ZoneId.of("Europe/London"), zone,
                "MH-07", "Ruby Hall Clinic", 7, name);

        for (NotificationStep step : List.of(NotificationStep.DISPATCHED, NotificationStep.QUEUED,
                NotificationStep.STOOD_DOWN, NotificationStep.LOW_BATTERY, NotificationStep.DEVICE_OFFLINE)) {
            String text = TEMPLATES.render(step, language, pune);

            assertThat(text).as(step + " in " + language).contains(name).contains(incidentTime)
                    .doesNotContain("Bengaluru", "बेंगलुरु", "बंगळुरू", "بنغالورو", "{city}");
        }
    }

    private static MessageArgs withAlert(AlertType type) {
        return new MessageArgs("Asha", type, FELL_AT, ZoneId.of("Asia/Dubai"), KOLKATA, null, null, null, "Bengaluru");
    }

    private static long lettersIn(String text, UnicodeScript script) {
        return text.codePoints().filter(Character::isLetter).filter(cp -> UnicodeScript.of(cp) == script).count();
    }

    private static String withoutDigits(String text) {
        return text.codePoints().filter(cp -> !Character.isDigit(cp))
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
    }
}
