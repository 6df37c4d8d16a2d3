package org.sahaya.notify.template;

import static org.assertj.core.api.Assertions.assertThat;

import com.ibm.icu.text.MessagePattern;
import com.ibm.icu.text.PluralRules;
import com.ibm.icu.util.ULocale;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** Checks the template files themselves, by parsing each pattern as ICU does. */
class TemplatePatternsTest {

    private static final MessageTemplates TEMPLATES = MessageTemplates.load();
    private static final List<String> LANGUAGES = MessageTemplates.LANGUAGES;
    private static final Set<String> FAMILY_FACTS =
            Set.of("name", "alert", "localTime", "incidentTime", "city", "unit", "hospital", "eta");

    @ParameterizedTest
    @FieldSource("LANGUAGES")
    void everyPluralArgumentCoversEveryPluralCategoryOfItsLanguage(String language) {
        Set<String> categories = PluralRules.forLocale(ULocale.forLanguageTag(language)).getKeywords();

        TEMPLATES.patterns(language).forEach((key, pattern) -> {
            for (Set<String> selectors : pluralSelectors(new MessagePattern(pattern))) {
                assertThat(selectors).as(language + " " + key).containsAll(categories);
            }
        });
    }

    @ParameterizedTest
    @FieldSource("LANGUAGES")
    void dispatchMessagesCountMinutesWithAPluralArgument(String language) {
        String pattern = TEMPLATES.patterns(language).get(NotificationStep.DISPATCHED.name());

        assertThat(pluralSelectors(new MessagePattern(pattern))).hasSize(1);
    }

    @ParameterizedTest
    @FieldSource("LANGUAGES")
    void anotherUnitComingCountsMinutesWithAPluralArgument(String language) {
        for (NotificationStep step : NotificationStep.values()) {
            if (step.perUnit()) {
                String pattern = TEMPLATES.patterns(language).get(step.name());

                assertThat(pluralSelectors(new MessagePattern(pattern))).as(language + " " + step).hasSize(1);
            }
        }
    }

    @ParameterizedTest
    @FieldSource("LANGUAGES")
    void everyStepRendersWithANumberOfEveryPluralCategory(String language) {
        PluralRules rules = PluralRules.forLocale(ULocale.forLanguageTag(language));
        for (String category : rules.getKeywords()) {
            double sample = rules.getSamples(category).stream().filter(n -> n == Math.rint(n) && n >= 0).findFirst()
                    .orElseThrow(() -> new AssertionError(language + " " + category + " has no whole sample"));
            MessageArgs args = new MessageArgs("Asha", org.sahaya.core.alert.AlertType.FALL,
                    java.time.Instant.parse("2025-01-15T14:05:00Z"), java.time.ZoneId.of("Europe/London"),
                    java.time.ZoneId.of("Asia/Kolkata"), "KA-07", "Manipal Hospital", (int) sample, "Bengaluru");
            for (NotificationStep step : NotificationStep.values()) {
                String text = TEMPLATES.render(step, language, args);

                assertThat(text).as(language + " " + step + " " + category).startsWith("Asha: ")
                        .doesNotContain("{", "}", "null");
                if (step.namesUnit() && step != NotificationStep.HANDED_OVER) {
                    assertThat(text).as(language + " " + step).contains("KA-07");
                }
            }
        }
    }

    @ParameterizedTest
    @FieldSource("LANGUAGES")
    void templatesUseOnlyTheFactsAFamilyNeeds(String language) {
        for (Map.Entry<String, String> template : TEMPLATES.patterns(language).entrySet()) {
            assertThat(argumentNames(new MessagePattern(template.getValue())))
                    .as(language + " " + template.getKey())
                    .isSubsetOf(FAMILY_FACTS);
        }
    }

    /** The selector keywords of each plural argument, nested ones included. */
    private static List<Set<String>> pluralSelectors(MessagePattern pattern) {
        List<Set<String>> found = new ArrayList<>();
        Deque<Set<String>> open = new ArrayDeque<>();
        Deque<MessagePattern.ArgType> args = new ArrayDeque<>();
        for (int i = 0; i < pattern.countParts(); i++) {
            MessagePattern.Part part = pattern.getPart(i);
            switch (part.getType()) {
                case ARG_START -> {
                    args.push(part.getArgType());
                    if (part.getArgType() == MessagePattern.ArgType.PLURAL) {
                        open.push(new HashSet<>());
                    }
                }
                case ARG_LIMIT -> {
                    if (args.pop() == MessagePattern.ArgType.PLURAL) {
                        found.add(open.pop());
                    }
                }
                case ARG_SELECTOR -> {
                    if (args.peek() == MessagePattern.ArgType.PLURAL) {
                        open.peek().add(pattern.getSubstring(part));
                    }
                }
                default -> {
                }
            }
        }
        return found;
    }

    private static Set<String> argumentNames(MessagePattern pattern) {
        Set<String> names = new HashSet<>();
        for (int i = 0; i < pattern.countParts(); i++) {
            MessagePattern.Part part = pattern.getPart(i);
            if (part.getType() == MessagePattern.Part.Type.ARG_NAME) {
                names.add(pattern.getSubstring(part));
            }
        }
        return names;
    }
}
