package org.sahaya.server.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.sahaya.core.subscriber.Contact;
import org.sahaya.core.subscriber.Subscriber;

class FamiliesAbroadTest {

    private static final DemoCityData CITY = DemoCity.generate(DemoCity.DEFAULT_SEED);
    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

    @Test
    void everyPhoneIsAValidE164NumberAndNoTwoContactsShareOne() {
        assertThat(CITY.contacts()).allSatisfy(c -> {
            PhoneNumber number = parse(c.phone());
            assertThat(PHONES.isValidNumber(number)).as(c.phone()).isTrue();
            assertThat(PHONES.format(number, PhoneNumberFormat.E164)).isEqualTo(c.phone());
        });
        assertThat(CITY.contacts()).extracting(Contact::phone).doesNotHaveDuplicates();
    }

    @Test
    void everyNumberRangeHandsOutOnlyValidNumbers() {
        for (AbroadCity city : AbroadCity.values()) {
            for (NumberRange range : city.numbers) {
                assertThat(List.of(range.number(0), range.number(range.size() / 2), range.number(range.size() - 1)))
                        .as(city + " " + range)
                        .allSatisfy(n -> assertThat(PHONES.isValidNumber(parse(n))).as(n).isTrue());
            }
        }
    }

    @Test
    void familiesLiveAcrossTheWorldInRealTimeZones() {
        assertThat(CITY.contacts()).allSatisfy(c -> assertThat(ZoneId.of(c.timeZone())).isNotNull());
        assertThat(CITY.contacts()).extracting(Contact::timeZone).contains(
                "Europe/London", "Asia/Dubai", "America/Los_Angeles", "America/Toronto", "Asia/Singapore",
                "Australia/Sydney", "Europe/Berlin", "Asia/Muscat", "America/New_York");
    }

    @Test
    void familiesReadMessagesInAtLeastSixLanguagesIncludingArabicAndGerman() {
        List<String> languages = CITY.contacts().stream().map(Contact::language).distinct().toList();

        assertThat(languages).hasSizeGreaterThanOrEqualTo(6)
                .contains("en", "hi", "kn", "ta", "te", "ml", "mr", "bn", "ar", "de");
    }

    @Test
    void aContactReadsEnglishTheFamilysLanguageOrTheLanguageWhereTheyLive() {
        Map<String, Subscriber> byId = CITY.subscribers().stream()
                .collect(Collectors.toMap(Subscriber::id, Function.identity()));

        assertThat(CITY.contacts()).allSatisfy(c -> assertThat(c.language()).isIn(
                "en", byId.get(c.subscriberId()).language(), localLanguage(c.timeZone())));
    }

    @Test
    void everyElderHasOneToFourRelativesRankedFromOneAndASonOrDaughterFirst() {
        Map<String, List<Contact>> families = CITY.contacts().stream()
                .collect(Collectors.groupingBy(Contact::subscriberId));

        assertThat(families).hasSameSizeAs(CITY.subscribers());
        assertThat(families.values()).allSatisfy(family -> {
            assertThat(family).hasSizeBetween(1, 4);
            assertThat(family).extracting(Contact::rank)
                    .isEqualTo(IntStream.rangeClosed(1, family.size()).boxed().toList());
            assertThat(family.getFirst().relation()).isIn("son", "daughter");
        });
        assertThat(CITY.contacts()).extracting(Contact::id).doesNotHaveDuplicates();
    }

    @Test
    void someRelativesHaveTheAppAndTheirTokensAreUnmistakablyDemo() {
        assertThat(CITY.contacts()).filteredOn(c -> c.pushToken() != null)
                .hasSizeBetween(CITY.contacts().size() / 3, CITY.contacts().size() * 5 / 6)
                .allSatisfy(c -> assertThat(c.pushToken()).startsWith("demo-fcm-token-"));
    }

    private static String localLanguage(String zone) {
        return switch (zone) {
            case "Asia/Dubai", "Asia/Muscat" -> "ar";
            case "Europe/Berlin" -> "de";
            default -> "en";
        };
    }

    private static PhoneNumber parse(String e164) {
        try {
            return PHONES.parse(e164, null);
        } catch (NumberParseException e) {
            throw new AssertionError(e164 + " does not parse: " + e.getMessage(), e);
        }
    }
}
