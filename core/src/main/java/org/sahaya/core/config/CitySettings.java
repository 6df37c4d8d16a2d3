package org.sahaya.core.config;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.IllformedLocaleException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The city a node serves, from configuration ({@code SAHAYA_CITY_*}), so that an operator elsewhere
 * runs Sahaya without a release: family messages name this city (in the reader's language) and show
 * its clock beside the reader's own, and the console reads it from {@code GET /api/v1/city}.
 *
 * <p>Without any {@code SAHAYA_CITY_*} setting the node serves Bengaluru exactly as before, with the
 * names the message templates carried before they took the city's name as an argument.
 *
 * @param name                 {@code SAHAYA_CITY_NAME}, default {@code Bengaluru}: the name where no localized one is set
 * @param names                {@code SAHAYA_CITY_NAME_<LANG>} (e.g. {@code SAHAYA_CITY_NAME_HI=बेंगलुरु}): the name in
 *                             a language, by lower-case ISO 639 code; for the default city, the names of {@link #BENGALURU_NAMES}
 * @param timeZone             {@code SAHAYA_CITY_TIME_ZONE}, default {@code Asia/Kolkata}: the zone of an incident whose
 *                             subscriber has no zone of their own; also the default of {@code SAHAYA_ETA_ZONE}
 * @param language             {@code SAHAYA_CITY_LANGUAGE}, default {@code en}: BCP 47 tag of the language a subscriber or
 *                             contact without one is written to. English for Bengaluru: the city's common language
 *                             across its many communities (Kannada, Tamil, Telugu, Hindi, Urdu, ...), and what such a
 *                             contact was written to before the setting existed
 * @param coordinatorLanguages {@code SAHAYA_CITY_COORDINATOR_LANGUAGES}, default {@code en,hi,kn}: BCP 47 tags of the
 *                             languages the coordinators work in (the console offers these)
 */
public record CitySettings(String name, Map<String, String> names, ZoneId timeZone, String language,
                           List<String> coordinatorLanguages) {

    public static final String DEFAULT_NAME = "Bengaluru";

    /** The default city's name in each template language, as the templates wrote it before it became configuration. */
    public static final Map<String, String> BENGALURU_NAMES = Map.of(
            "en", "Bengaluru", "de", "Bengaluru", "hi", "बेंगलुरु", "kn", "ಬೆಂಗಳೂರು", "ta", "பெங்களூரு",
            "te", "బెంగళూరు", "ml", "ബെംഗളൂരു", "mr", "बंगळुरू", "bn", "বেঙ্গালুরু", "ar", "بنغالورو");

    private static final String NAME_PREFIX = "SAHAYA_CITY_NAME_";

    public CitySettings {
        Objects.requireNonNull(name, "name");
        names = Map.copyOf(new TreeMap<>(names));
        Objects.requireNonNull(timeZone, "timeZone");
        Objects.requireNonNull(language, "language");
        coordinatorLanguages = List.copyOf(coordinatorLanguages);
    }

    /** Bengaluru, as a node without {@code SAHAYA_CITY_*} settings serves it. */
    public static CitySettings defaults() {
        return from(Settings.of(Map.of()));
    }

    /** @throws ConfigException naming the first setting that is malformed */
    public static CitySettings from(Settings s) {
        String name = s.get("SAHAYA_CITY_NAME", DEFAULT_NAME).trim();
        Map<String, String> names = new TreeMap<>(name.equals(DEFAULT_NAME) ? BENGALURU_NAMES : Map.of());
        s.withPrefix(NAME_PREFIX).forEach((key, value) -> {
            String code = key.substring(NAME_PREFIX.length()).toLowerCase(Locale.ROOT);
            if (!code.matches("[a-z]{2,3}")) {
                throw new ConfigException(key, "must end in an ISO 639 language code, e.g. SAHAYA_CITY_NAME_HI");
            }
            names.put(code, value.trim());
        });
        String language = tag("SAHAYA_CITY_LANGUAGE", s.get("SAHAYA_CITY_LANGUAGE", "en"));
        List<String> coordinators = new ArrayList<>();
        for (String part : s.get("SAHAYA_CITY_COORDINATOR_LANGUAGES", "en,hi,kn").split(",")) {
            if (!part.isBlank()) {
                coordinators.add(tag("SAHAYA_CITY_COORDINATOR_LANGUAGES", part));
            }
        }
        if (coordinators.isEmpty()) {
            throw new ConfigException("SAHAYA_CITY_COORDINATOR_LANGUAGES", "must name at least one language, e.g. en,hi,kn");
        }
        return new CitySettings(name, names, zone(s.get("SAHAYA_CITY_TIME_ZONE", "Asia/Kolkata")), language,
                coordinators);
    }

    /** The city's name in {@code language} (a base language such as {@code hi}), else its default name. */
    public String nameIn(String language) {
        String base = language == null ? "" : Locale.forLanguageTag(language).getLanguage();
        return names.getOrDefault(base, name);
    }

    /** Where an incident happened, for its clock: the subscriber's own zone if set and valid, else the city's. */
    public ZoneId zoneOf(String subscriberZone) {
        if (subscriberZone != null && !subscriberZone.isBlank()) {
            try {
                return ZoneId.of(subscriberZone.trim());
            } catch (DateTimeException e) {
                // a broken zone in one record must not stop the family being told: the city's clock instead
            }
        }
        return timeZone;
    }

    /** The language written to a person without one of their own. */
    public String languageOr(String personLanguage) {
        return personLanguage == null || personLanguage.isBlank() ? language : personLanguage;
    }

    /** Checks a zone id; used for the city's zone and for defaults derived from it. */
    static ZoneId zone(String value) {
        try {
            return ZoneId.of(value.trim());
        } catch (DateTimeException e) {
            throw new ConfigException("SAHAYA_CITY_TIME_ZONE", "must be a time zone id like Asia/Kolkata, was '" + value + "'");
        }
    }

    private static String tag(String setting, String value) {
        String trimmed = value.trim();
        try {
            Locale locale = new Locale.Builder().setLanguageTag(trimmed).build();
            if (!locale.getLanguage().isEmpty()) {
                return locale.toLanguageTag();
            }
        } catch (IllformedLocaleException e) {
            // reported below with the setting's name
        }
        throw new ConfigException(setting, "must be BCP 47 language tags like kn or en-IN, was '" + value + "'");
    }
}
