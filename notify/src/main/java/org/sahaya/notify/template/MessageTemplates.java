package org.sahaya.notify.template;

import com.ibm.icu.util.ULocale;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.sahaya.core.alert.AlertType;

/**
 * Family messages in each contact's language: ICU {@code MessageFormat} patterns kept in UTF-8
 * resource files {@code messages_<language>.properties} beside this class, one key per
 * {@link NotificationStep} plus one {@code alert.<TYPE>} phrase per alert kind.
 *
 * <p>Pattern arguments: {@code name}, {@code alert} (the localised alert phrase), {@code localTime}
 * (in the contact's zone), {@code incidentTime} (in the incident's zone), {@code city} (the city's
 * name in the reader's language, never written into a template), {@code unit}, {@code hospital} and
 * {@code eta} (a number, used as an ICU plural argument).
 *
 * <p>Thread-safe: ICU's formatters are not, so they are pooled ({@link PooledFormats}). The files are
 * read and checked by {@link TemplateFiles}.
 */
public final class MessageTemplates {

    /** Written in this when the contact's language has no templates. */
    public static final String FALLBACK_LANGUAGE = "en";

    /** Languages with a complete template file, in no particular order of preference. */
    public static final List<String> LANGUAGES = List.of("en", "hi", "kn", "ta", "te", "ml", "mr", "bn", "ar", "de");

    /** Alert kinds that open an incident worth telling the family about; the rest read as {@code alert.OTHER}. */
    public static final Set<AlertType> NAMED_ALERTS = EnumSet.of(AlertType.FALL, AlertType.SOS, AlertType.MEDICAL,
            AlertType.SMOKE, AlertType.GAS, AlertType.CO, AlertType.WATER, AlertType.INACTIVITY);

    private static final String OTHER_ALERT = "alert.OTHER";

    /** Said instead of the hospital's name while no bed is reserved yet. */
    static final String HOSPITAL_PENDING = "hospital.PENDING";

    /** Said after a voice call's message: how to acknowledge by key press. */
    public static final String VOICE_PROMPT = "voice.PROMPT";
    /** Said (or shown) once an acknowledgement is recorded. */
    public static final String VOICE_THANKS = "voice.THANKS";
    /** The acknowledgement page's button. */
    public static final String ACK_BUTTON = "ack.BUTTON";

    private static final List<String> PHRASES = List.of(VOICE_PROMPT, VOICE_THANKS, ACK_BUTTON);

    private final Map<String, Map<String, String>> patternsByLanguage;
    private final PooledFormats formats = new PooledFormats();

    private MessageTemplates(Map<String, Map<String, String>> patternsByLanguage) {
        this.patternsByLanguage = patternsByLanguage;
    }

    /**
     * Reads and checks every language's file from the classpath.
     *
     * @throws IllegalStateException if a file is missing, lacks a key or holds a pattern ICU cannot parse:
     *                               better to refuse to start than to fail while a family waits
     */
    public static MessageTemplates load() {
        MessageTemplates templates = new MessageTemplates(TemplateFiles.load(LANGUAGES, requiredKeys()));
        templates.warmUp();
        return templates;
    }

    /**
     * Renders every step once in every language, here on the loading thread. ICU initialises its time
     * zone, calendar and locale data on first use under class locks while reading its jar; when hundreds
     * of virtual threads made that first use at once (a burst of notifications on a cold node), the two
     * carrier threads ended up pinned behind those locks and every render stopped for good (seen in
     * the delivery benchmark at 3,000 requests/s). Warm, a render takes only the pools' own locks.
     */
    private void warmUp() {
        MessageArgs sample = new MessageArgs("A", AlertType.FALL, Instant.EPOCH, ZoneId.of("Europe/London"),
                ZoneId.of("Asia/Kolkata"), "KA-07", "H", 7, "C");
        for (String language : LANGUAGES) {
            for (NotificationStep step : NotificationStep.values()) {
                render(step, language, sample);
            }
        }
    }

    /** The keys every language must define. */
    public static List<String> requiredKeys() {
        List<String> keys = new ArrayList<>();
        for (NotificationStep step : NotificationStep.values()) {
            keys.add(step.name());
        }
        NAMED_ALERTS.forEach(type -> keys.add(alertKey(type)));
        keys.add(OTHER_ALERT);
        keys.add(HOSPITAL_PENDING);
        keys.addAll(PHRASES);
        return keys;
    }

    /** The language a contact with this BCP 47 tag is written to: its base language if supported, else English. */
    public String languageFor(String languageTag) {
        String base = languageTag == null ? "" : PooledFormats.locale(languageTag).getLanguage();
        return patternsByLanguage.containsKey(base) ? base : FALLBACK_LANGUAGE;
    }

    /** Every pattern of a supported language, by key (sorted), for checks such as plural coverage. */
    public Map<String, String> patterns(String language) {
        Map<String, String> patterns = patternsByLanguage.get(language);
        if (patterns == null) {
            throw new IllegalArgumentException("no templates for language " + language);
        }
        return new TreeMap<>(patterns);
    }

    /**
     * Renders one message.
     *
     * @param languageTag the contact's BCP 47 tag; its region is kept for clock and number conventions
     *                    ({@code en-GB} reads 14:05, {@code en-US} 2:05 PM)
     */
    public String render(NotificationStep step, String languageTag, MessageArgs args) {
        String language = languageFor(languageTag);
        ULocale locale = PooledFormats.localeFor(languageTag, language);
        Map<String, String> patterns = patternsByLanguage.get(language);
        Map<String, Object> values = new HashMap<>();
        values.put("name", args.subscriberName());
        values.put("alert", patterns.getOrDefault(alertKey(args.alertType()), patterns.get(OTHER_ALERT)));
        values.put("localTime", formats.time(args.occurredAt(), args.contactZone(), locale));
        values.put("incidentTime", formats.time(args.occurredAt(), args.incidentZone(), locale));
        values.put("city", args.cityName());
        putIfPresent(values, "unit", args.unitCallSign());
        // No bed was free when the unit left: the family still hears the ambulance is coming.
        values.put("hospital", args.hospitalName() != null ? args.hospitalName() : patterns.get(HOSPITAL_PENDING));
        putIfPresent(values, "eta", args.etaMinutes());
        return formats.format(patterns, step.name(), locale, values);
    }

    /** A fixed phrase without arguments ({@link #VOICE_PROMPT}, ...) in the contact's language. */
    public String phrase(String key, String languageTag) {
        if (!PHRASES.contains(key)) {
            throw new IllegalArgumentException("not a phrase: " + key);
        }
        String language = languageFor(languageTag);
        return formats.format(patternsByLanguage.get(language), key, PooledFormats.localeFor(languageTag, language), Map.of());
    }

    private static void putIfPresent(Map<String, Object> values, String key, Object value) {
        if (value != null) {
            values.put(key, value);
        }
    }

    private static String alertKey(AlertType type) {
        return "alert." + type.name();
    }
}
